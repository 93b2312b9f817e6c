#!/usr/bin/env python3
"""Which pruning rules take out text the gold keeps: a per-rule audit of the extractor.

Usage:
  cargo build --release -p tamis-extract --example extract_dir
  target/release/examples/extract_dir ../shared/data/extraction out.jsonl --pruned pruned.jsonl
  extraction_audit.py ../shared/data/extraction/manifest.jsonl out.jsonl pruned.jsonl
      [--half tune|held|all] [--rule NAME] [--all-regions]

`--pruned` makes extract_dir write every region pruning took out of each page with the rule
or pass that did (`class-word`, `tag`, `caption`, ...; see `Why` in
crates/tamis-extract/src/content.rs). For each rule this prints how many words of the regions it
pruned inside the chosen root are *lost* (their word trigrams are in the gold text and not in
the output: at least 70% of them) and how many were rightly removed (at most 20% in the gold),
with the number of pages of each. A rule that loses as much as it removes across many sites
is a candidate to narrow; one page's loss is more likely a gold quirk. Regions outside the root
are left out unless --all-regions (they only matter through the choice of the root).
--rule NAME lists that rule's largest lost regions (tuning pages only: the held-out half of
bench/extraction_split.py is never listed page by page).
"""
import argparse
import collections
import json
import re
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extraction_split import half, load  # noqa: E402

LOST, KEPT_OUT = 0.7, 0.2


def words(t):
    return re.findall(r"\w+", t.lower())


def trigrams(ws):
    return [tuple(ws[i:i + 3]) for i in range(len(ws) - 2)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("output")
    ap.add_argument("pruned")
    ap.add_argument("--half", default="tune", choices=["tune", "held", "all"])
    ap.add_argument("--rule", default=None)
    ap.add_argument("--all-regions", action="store_true")
    args = ap.parse_args()
    manifest = {m["id"]: m for m in load(args.manifest)}
    outputs = {d["id"]: d.get("text") or "" for d in load(args.output)}
    # rule -> [regions, lost words, removed words, mixed words, pages lost, pages removed]
    table = collections.defaultdict(lambda: [0, 0, 0, 0, set(), set()])
    examples = []
    for page in load(args.pruned):
        pid = page["id"]
        m = manifest.get(pid)
        if m is None or (args.half != "all" and half(pid) != args.half):
            continue
        missing = set(trigrams(words(m["gold_text"]))) - set(trigrams(words(outputs.get(pid, ""))))
        for r in page["regions"]:
            if not (r["in_root"] or args.all_regions):
                continue
            ws = words(r["text"])
            grams = trigrams(ws)
            if len(grams) < 2:
                continue
            share = sum(g in missing for g in grams) / len(grams)
            row = table[r["why"]]
            row[0] += 1
            if share >= LOST:
                row[1] += len(ws)
                row[4].add(pid)
                if args.rule == r["why"] and half(pid) == "tune":
                    examples.append((len(ws), pid, r["element"], " ".join(r["text"].split())[:110]))
            elif share <= KEPT_OUT:
                row[2] += len(ws)
                row[5].add(pid)
            else:
                row[3] += len(ws)
    print(f"half={args.half}; regions pruned {'anywhere' if args.all_regions else 'inside the root'}, "
          f"at least 4 words")
    print(f"{'rule':<16}{'regions':>8}{'lost words':>12}{'pages':>7}{'removed words':>15}{'pages':>7}{'mixed':>8}")
    for rule, row in sorted(table.items(), key=lambda kv: (-kv[1][1], -kv[1][2])):
        print(f"{rule:<16}{row[0]:>8}{row[1]:>12}{len(row[4]):>7}{row[2]:>15}{len(row[5]):>7}{row[3]:>8}")
    for w, pid, element, text in sorted(examples, reverse=True)[:30]:
        print(f"  {w:>5} {pid} {element} | {text}")


if __name__ == "__main__":
    main()
