"""Scoring and reports shared by the fresh-page benches (bench/extraction_fresh*.py): each bench
builds its own pages and gold; this module scores the tools' outputs with
../shared/tools/extraction_score.py and prints the table and the worst pages, the same way for
every bench.

  table(args, what, columns, note, short=None)   # one row per tool found in args.out
  worst(args, groups, label)                     # per group, tamis's args.n worst pages
  add_report_commands(sub)                       # the `table` and `worst` subcommands' arguments

`args` carries `manifest`, `out`, `scorer` (and `n` for worst). Columns and groups name a
manifest field's value: `("dataset", "spirit")` is the mean per-page word F1 (lowercased
unigrams) of the pages whose `dataset` is "spirit".
"""
import json
import os
import subprocess
import sys

TOOLS = ["tamis", "tamis-base", "resiliparse", "trafilatura"]


def score(scorer, manifest, out, extra):
    res = subprocess.run([sys.executable, scorer, manifest, out, "--json", *extra],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


def manifest_rows(manifest):
    with open(manifest, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def per_page(args, tool):
    """The tool's per-page lowercased word F1, P and R by page id (also written to
    OUT/TOOL.pages.jsonl)."""
    pp = os.path.join(args.out, tool + ".pages.jsonl")
    score(args.scorer, args.manifest, os.path.join(args.out, tool + ".jsonl"),
          ["--ngram", "1", "--lower", "--by", "dataset", "--per-page", pp])
    with open(pp) as f:
        return {j["id"]: j for j in map(json.loads, f)}


def table(args, what, columns, note, short=None):
    """Prints one row per tool: WCXB word F1, one column per (field, value) of `columns` (those
    with pages), mean and median precision, recall, 4-gram F1, pages/s and the ratio to tamis.
    `what` names the pages ("fresh forum thread pages"), `note` says what the columns are,
    `short` maps a value to its column label."""
    short = short or {}
    man = manifest_rows(args.manifest)
    field_of = {m["id"]: m for m in man}
    counts = {}
    for m in man:
        for field, value in columns:
            if m.get(field) == value:
                counts[(field, value)] = counts.get((field, value), 0) + 1
    cols = [c for c in columns if counts.get(c)]
    rows = []
    for tool in TOOLS:
        path = os.path.join(args.out, tool + ".jsonl")
        if not os.path.exists(path):
            continue
        wc = score(args.scorer, args.manifest, path, ["--wcxb"])["overall"]
        pages = per_page(args, tool)
        sums = {}
        for i, j in pages.items():
            for c in cols:
                if field_of.get(i, {}).get(c[0]) == c[1]:
                    s = sums.setdefault(c, [0.0, 0])
                    s[0] += j["f1"]
                    s[1] += 1
        sh = score(args.scorer, args.manifest, path, [])["overall"]
        with open(os.path.join(args.out, tool + ".timing.json")) as f:
            t = json.load(f)
        rows.append({"tool": tool, "f1": wc["F1_mean"], "p": wc["P_med"], "pm": wc["P"],
                     "r": wc["R"], "sh": sh["F1"],
                     "cols": {c: s[0] / s[1] for c, s in sums.items()},
                     "n": wc["n"], "pps": t["pages"] / t["secs"]})
    if not rows:
        print("no results")
        return 1
    base = rows[0]["pps"] if rows[0]["tool"] == "tamis" else None
    print(f"{rows[0]['n']} {what}: " + ", ".join(f"{c[1]} {counts[c]}" for c in cols))
    labels = [short.get(c[1], c[1]) for c in cols]
    w = max([9] + [len(label) + 2 for label in labels])
    print(f"{'tool':<12}{'word F1':>8}" + "".join(f"{label:>{w}}" for label in labels)
          + f"{'P':>7}{'P_med':>7}{'R':>7}{'sh F1':>7}{'pages/s':>9}{'tamis x':>9}")
    for r in rows:
        ratio = f"{base / r['pps']:.1f}x" if base else "-"
        print(f"{r['tool']:<12}{r['f1']:>8.3f}"
              + "".join(f"{r['cols'].get(c, 0.0):>{w}.3f}" for c in cols)
              + f"{r['pm']:>7.3f}{r['p']:>7.3f}{r['r']:>7.3f}{r['sh']:>7.3f}{r['pps']:>9.1f}{ratio:>9}")
    print("word F1: WCXB word F1 per page, averaged (extraction_score.py --wcxb F1_mean), overall"
          f" and {note}: lowercased unigram F1 mean; P/R: mean word precision (non-empty outputs)"
          " and recall, P_med: median precision (empty = 0); sh F1: 4-gram F1; single thread;"
          " 'tamis x' = tamis pages/s divided by the tool's.")
    return 0


def worst(args, groups, label):
    """Per (field, value) of `groups`, tamis's args.n worst pages (word F1) beside the peers'
    scores; `label(m)` is what is printed after each page (its kind, its source)."""
    per = {tool: per_page(args, tool) for tool in ("tamis", "trafilatura", "resiliparse")
           if os.path.exists(os.path.join(args.out, tool + ".jsonl"))}
    man = {m["id"]: m for m in manifest_rows(args.manifest)}
    for field, value in groups:
        ids = sorted((j["f1"], i) for i, j in per["tamis"].items()
                     if man.get(i, {}).get(field) == value)
        if not ids:
            continue
        print(f"== {value}")
        for f1, i in ids[:args.n]:
            t = per["tamis"][i]
            peers = " | ".join(f"{tool} {per[tool].get(i, {}).get('f1', 0):.3f}"
                               for tool in ("trafilatura", "resiliparse") if tool in per)
            print(f"  {i}  tamis F1 {f1:.3f} P {t['p']:.3f} R {t['r']:.3f} | {peers}  "
                  f"{label(man[i])}")
    return 0


def add_report_commands(sub):
    """Adds the `table` and `worst` subcommands (MANIFEST OUT --scorer S [--n N])."""
    for name in ("table", "worst"):
        t = sub.add_parser(name)
        t.add_argument("manifest")
        t.add_argument("out")
        t.add_argument("--scorer", required=True)
        t.add_argument("--n", type=int, default=5)
