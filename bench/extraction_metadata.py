#!/usr/bin/env python3
"""Compares tamis's page metadata (publication date, author) with trafilatura's on the same pages.

Usage:
  extraction_metadata.py trafilatura DATA_DIR OUT.jsonl   # run trafilatura (in the bench venv)
  extraction_metadata.py compare TAMIS.jsonl TRAF.jsonl [--show FIELD KIND]

TAMIS.jsonl is `extract_dir --meta` output. Per field, counts the pages where both tools give
the same value, different values, only one of them gives one, or neither. Dates are compared on
their day (the first ten characters of tamis's ISO 8601 value), authors ignoring letter case.
Neither tool is ground truth: trafilatura's dates are often a page's latest date (htmldate's
default) or a guess from a copyright year, so 'differ' and 'only' rows are places to look, not
errors.
"""
import argparse
import collections
import glob
import gzip
import json
import os


def run_trafilatura(data_dir, out):
    from trafilatura import bare_extraction
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    with open(out, "w", encoding="utf-8") as w:
        for path in sorted(glob.glob(os.path.join(data_dir, "html", "*", "*.html.gz"))):
            pid = os.path.basename(path)[: -len(".html.gz")]
            with gzip.open(path, "rb") as f:
                html = f.read()
            try:
                r = bare_extraction(html, with_metadata=True, config=cfg)
                r = r.as_dict() if hasattr(r, "as_dict") else (r or {})
            except Exception:  # a crash on one page counts as no metadata
                r = {}
            w.write(json.dumps({"id": pid, "date": r.get("date"), "author": r.get("author")}) + "\n")


def load(path):
    with open(path, encoding="utf-8") as f:
        return {j["id"]: j for j in map(json.loads, f)}


def compare(tamis_path, traf_path, show):
    ours, theirs = load(tamis_path), load(traf_path)
    counts = collections.Counter()
    rows = collections.defaultdict(list)
    for pid, t in theirs.items():
        o = ours.get(pid, {})
        for field in ("date", "author"):
            a, b = o.get(field) or None, t.get(field) or None
            if field == "date" and a:
                a = a[:10]
            if a and b:
                kind = "same" if a.strip().lower() == b.strip().lower() else "differ"
            elif a:
                kind = "tamis only"
            elif b:
                kind = "trafilatura only"
            else:
                kind = "neither"
            counts[(field, kind)] += 1
            rows[(field, kind)].append((pid, a, b))
    kinds = ["same", "differ", "tamis only", "trafilatura only", "neither"]
    print(f"{'field':8}" + "".join(f"{k:>18}" for k in kinds))
    for field in ("date", "author"):
        print(f"{field:8}" + "".join(f"{counts[(field, k)]:>18}" for k in kinds))
    if show:
        for pid, a, b in rows[tuple(show)]:
            print(f"{pid}\ttamis={a!r}\ttrafilatura={b!r}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("trafilatura")
    t.add_argument("data_dir")
    t.add_argument("out")
    c = sub.add_parser("compare")
    c.add_argument("tamis")
    c.add_argument("trafilatura")
    c.add_argument("--show", nargs=2, metavar=("FIELD", "KIND"))
    a = ap.parse_args()
    if a.cmd == "trafilatura":
        run_trafilatura(a.data_dir, a.out)
    else:
        compare(a.tamis, a.trafilatura, a.show)


if __name__ == "__main__":
    main()
