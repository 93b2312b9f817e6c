#!/usr/bin/env python3
"""Scores each OUT/<tool>.jsonl with the shared scorer and prints one table.

Usage: extraction_table.py MANIFEST OUT_DIR --scorer PATH/extraction_score.py
Columns: scrapinghub F1 (4-gram shingles, harmonic mean of mean P and mean R), WCXB F1
(WCXB's word F1 per page, averaged: F1_mean) overall on the WCXB pages and per page type,
pages/s and MB/s single thread, and the speed ratio of tamis to each tool.
"""
import argparse
import json
import os
import subprocess
import sys

TOOLS = ["tamis", "resiliparse", "trafilatura"]
TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]


def score(scorer, manifest, out, extra):
    res = subprocess.run([sys.executable, scorer, manifest, out, "--json", *extra],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("out")
    ap.add_argument("--scorer", required=True)
    args = ap.parse_args()
    rows = []
    for tool in TOOLS:
        path = os.path.join(args.out, tool + ".jsonl")
        if not os.path.exists(path):
            continue
        sh = score(args.scorer, args.manifest, path, [])
        wc = score(args.scorer, args.manifest, path, ["--wcxb"])
        wcxb_pages = [d for t, d in wc["datasets"].items() if t in TYPES]
        n = sum(d["n"] for d in wcxb_pages)
        overall = sum(d["F1_mean"] * d["n"] for d in wcxb_pages) / n if n else 0.0
        with open(os.path.join(args.out, tool + ".timing.json")) as f:
            t = json.load(f)
        rows.append({
            "tool": tool,
            "sh": sh["datasets"].get("scrapinghub", {}).get("F1", 0.0),
            "wcxb": overall,
            "types": {ty: wc["datasets"].get(ty, {}).get("F1_mean", 0.0) for ty in TYPES},
            "pps": t["pages"] / t["secs"],
            "mbps": t["bytes"] / 1e6 / t["secs"],
        })
    if not rows:
        print("no results")
        return 1
    base = rows[0]["pps"] if rows[0]["tool"] == "tamis" else None
    short = {"article": "art", "forum": "forum", "product": "prod", "collection": "coll",
             "listing": "list", "documentation": "docs", "service": "serv"}
    hdr = f"{'tool':<12}{'sh F1':>7}{'WCXB':>7}" + "".join(f"{short[t]:>7}" for t in TYPES) \
        + f"{'pages/s':>9}{'MB/s':>8}{'tamis x':>9}"
    print(hdr)
    for r in rows:
        ratio = f"{base / r['pps']:.1f}x" if base else "-"
        print(f"{r['tool']:<12}{r['sh']:>7.3f}{r['wcxb']:>7.3f}"
              + "".join(f"{r['types'][t]:>7.3f}" for t in TYPES)
              + f"{r['pps']:>9.1f}{r['mbps']:>8.1f}{ratio:>9}")
    print("sh F1: scrapinghub 4-gram F1; WCXB: word F1_mean over WCXB pages, then per page type;"
          " single thread; 'tamis x' = tamis pages/s divided by the tool's.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
