#!/usr/bin/env python3
"""Runs resiliparse and trafilatura single-threaded over html/*/*.html.gz of a directory.

Writes OUT/<tool>.jsonl ({"id", "text"} per page) and OUT/<tool>.timing.json
({"pages", "bytes", "secs"}: extraction time only; reading and gunzip excluded, as for tamis).
Usage: extraction_peers.py DATA_DIR OUT_DIR [--repeat N]
"""
import argparse
import glob
import gzip
import json
import os
import time


def load(data_dir):
    pages = []
    for path in sorted(glob.glob(os.path.join(data_dir, "html", "*", "*.html.gz"))):
        with gzip.open(path, "rb") as f:
            raw = f.read()
        pid = os.path.basename(path)[: -len(".html.gz")]
        pages.append((pid, raw))
    return pages


def decode(raw):
    # The pages of the shared set are UTF-8; peers get str input (decoding not timed).
    return raw.decode("utf-8", errors="replace")


def run(name, fn, pages, out_dir, repeat):
    texts = {}
    total = 0.0
    for r in range(repeat):
        start = time.perf_counter()
        for pid, html in pages:
            try:
                t = fn(html) or ""
            except Exception:  # a crash on one page counts as empty output
                t = ""
            if r == 0:
                texts[pid] = t
        total += time.perf_counter() - start
    with open(os.path.join(out_dir, name + ".jsonl"), "w", encoding="utf-8") as f:
        for pid, _ in pages:
            f.write(json.dumps({"id": pid, "text": texts.get(pid, "")}) + "\n")
    nbytes = sum(len(h.encode("utf-8")) for _, h in pages)
    with open(os.path.join(out_dir, name + ".timing.json"), "w") as f:
        json.dump({"pages": len(pages), "bytes": nbytes, "secs": total / repeat}, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    pages = [(pid, decode(raw)) for pid, raw in load(args.data)]

    from resiliparse.extract.html2text import extract_plain_text
    run("resiliparse", lambda h: extract_plain_text(h, main_content=True), pages, args.out, args.repeat)

    import trafilatura
    run("trafilatura", lambda h: trafilatura.extract(h), pages, args.out, args.repeat)


if __name__ == "__main__":
    main()
