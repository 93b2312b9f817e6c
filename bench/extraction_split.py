#!/usr/bin/env python3
"""Scores one extraction output on a deterministic tuning/held-out split of the dev pages.

Usage: extraction_split.py MANIFEST OUT.jsonl --scorer PATH/extraction_score.py [--worst N]
       [--type TYPE] [--compare OLD.jsonl] [--round 1|2] [--peer PEER.jsonl ...]

Round 1 (--round 1): a page is in the tuning half when the first byte of
sha256("tamis-split:" + id) is even, else in the held-out half. Round 2 (the default since
2026-11-26): the round-1 tuning pages stay tuning pages, and the round-1 held-out pages, which
nobody had examined, are split again by sha256("tamis-split-2:" + id): even ones are opened for
tuning, odd ones stay held out (about a quarter of the pages, never examined in either round). Prints, per half and overall: scrapinghub F1 (4-gram, as the scorer) and
WCXB word-F1 (overall and per page type). --worst lists the worst pages of the tuning half
(only the tuning half: rules are tuned by looking at its failures alone). --compare lists the
pages of the tuning half whose WCXB/word F1 changed most against an older output, and per half
the mean paired change with a 90% bootstrap interval and how many pages rose or fell (counts
only for the held-out half). --tune-only hides every held-out figure (for tuning runs, so
that the held-out half is read once per change, at its end).
"""
import argparse
import hashlib
import importlib.util
import json
import random
import statistics

TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]


ROUND = 2


def _even(salt, pid):
    return hashlib.sha256((salt + pid).encode()).digest()[0] % 2 == 0


def half(pid):
    if _even("tamis-split:", pid):
        return "tune"
    if ROUND >= 2 and _even("tamis-split-2:", pid):
        return "tune"
    return "held"


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def per_page(sc, manifest, preds):
    rows = []
    for m in manifest:
        gold = m["gold_text"]
        pred = preds.get(m["id"], "")
        c4 = sc.page_counts(sc.tokenize(gold), sc.tokenize(pred), 4)
        c1 = sc.page_counts(sc.tokenize(gold.lower()), sc.tokenize(pred.lower()), 1)
        rows.append({"id": m["id"], "dataset": m["dataset"], "type": m.get("page_type"),
                     "half": half(m["id"]), "c4": c4, "f1w": sc.page_f1(*c1),
                     "p": sc.prec(*c1) if c1[0] + c1[1] else 0.0, "r": sc.rec(*c1)})
    return rows


def summary(sc, rows):
    sh = [r for r in rows if r["dataset"] == "scrapinghub"]
    wc = [r for r in rows if r["dataset"] != "scrapinghub"]
    out = {"sh": sc.sh_aggregate([{"c": r["c4"]} for r in sh])[2] if sh else 0.0,
           "wcxb": statistics.fmean(r["f1w"] for r in wc) if wc else 0.0}
    for t in TYPES:
        xs = [r["f1w"] for r in wc if r["type"] == t]
        out[t] = statistics.fmean(xs) if xs else 0.0
    return out


def bootstrap(xs, rng, n=2000):
    """The 5th and 95th percentiles of the mean of xs over n resamples."""
    means = sorted(statistics.fmean(rng.choices(xs, k=len(xs))) for _ in range(n))
    return means[n // 20], means[n - 1 - n // 20]


def peer_lead(sc, manifest, rows, path, d, w):
    """The peer's rows per half, then OUT's WCXB lead over it per half and the change of that
    lead from the tuning to the held-out half, with 90% bootstrap intervals over pages."""
    peer = {r["id"]: r for r in per_page(sc, manifest, {j["id"]: j.get("text") or "" for j in load(path)})}
    name = path.rsplit("/", 1)[-1].removesuffix(".jsonl")[:8]
    for half_name in ("tune", "held"):
        sel = [peer[r["id"]] for r in rows if r["half"] == half_name]
        s = summary(sc, sel)
        print(f"{name + ':' + half_name:<13}{s['sh']:>{w}.{d}f}{s['wcxb']:>{w}.{d}f}"
              + "".join(f"{s[t]:>{w}.{d}f}" for t in TYPES))
    rng = random.Random(0)
    lead = {}
    for half_name in ("tune", "held"):
        lead[half_name] = [r["f1w"] - peer[r["id"]]["f1w"] for r in rows
                           if r["half"] == half_name and r["dataset"] != "scrapinghub"]
    if not lead["tune"] or not lead["held"]:
        return
    lo_t, hi_t = bootstrap(lead["tune"], rng)
    lo_h, hi_h = bootstrap(lead["held"], rng)
    shifts = sorted(statistics.fmean(rng.choices(lead["held"], k=len(lead["held"])))
                    - statistics.fmean(rng.choices(lead["tune"], k=len(lead["tune"])))
                    for _ in range(2000))
    print(f"  WCXB lead over {name}: tune {statistics.fmean(lead['tune']):+.4f} "
          f"({lo_t:+.4f} .. {hi_t:+.4f}), held {statistics.fmean(lead['held']):+.4f} "
          f"({lo_h:+.4f} .. {hi_h:+.4f}); held - tune "
          f"{statistics.fmean(lead['held']) - statistics.fmean(lead['tune']):+.4f} "
          f"({shifts[100]:+.4f} .. {shifts[1899]:+.4f})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("output")
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--type", default=None)
    ap.add_argument("--compare", default=None)
    ap.add_argument("--round", type=int, default=2, choices=[1, 2])
    ap.add_argument("--digits", type=int, default=3, help="decimals of the table's figures")
    ap.add_argument("--peer", action="append", default=[],
                    help="another tool's output on the same pages (repeatable)")
    ap.add_argument("--tune-only", action="store_true",
                    help="print no held-out figures (for tuning runs): only the tuning row, and "
                         "with --compare how many held-out pages changed, not how")
    args = ap.parse_args()
    global ROUND
    ROUND = args.round
    spec = importlib.util.spec_from_file_location("sc", args.scorer)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    manifest = load(args.manifest)
    preds = {j["id"]: j.get("text") or "" for j in load(args.output)}
    rows = per_page(sc, manifest, preds)
    d, w = args.digits, args.digits + 4
    print(f"{'half':<8}{'n':>5}{'sh F1':>{w}}{'WCXB':>{w}}" + "".join(f"{t[:5]:>{w}}" for t in TYPES))
    halves = [("tune", [r for r in rows if r["half"] == "tune"]),
              ("held", [r for r in rows if r["half"] == "held"]), ("all", rows)]
    for name, sel in halves[:1] if args.tune_only else halves:
        s = summary(sc, sel)
        print(f"{name:<8}{len(sel):>5}{s['sh']:>{w}.{d}f}{s['wcxb']:>{w}.{d}f}"
              + "".join(f"{s[t]:>{w}.{d}f}" for t in TYPES))
    for path in [] if args.tune_only else args.peer:
        peer_lead(sc, manifest, rows, path, d, w)
    tune = [r for r in rows if r["half"] == "tune" and (args.type is None or r["type"] == args.type
                                                      or (args.type == "sh" and r["dataset"] == "scrapinghub"))]
    if args.worst:
        for r in sorted(tune, key=lambda r: r["f1w"])[:args.worst]:
            print(f"  {r['f1w']:.3f} P={r['p']:.2f} R={r['r']:.2f} {r['type'] or 'sh':<13} {r['id']}")
    if args.compare:
        old = {r["id"]: r for r in per_page(sc, manifest, {j["id"]: j.get("text") or "" for j in load(args.compare)})}
        # Paired change per half (WCXB pages: word F1), with a 90% bootstrap interval over
        # pages, and how many pages rose or fell: whether a change is more than noise. Only
        # counts are shown for the held-out half, never its pages.
        rng = random.Random(0)
        for name in ("tune", "held"):
            d = [r["f1w"] - old[r["id"]]["f1w"] for r in rows
                 if r["half"] == name and r["dataset"] != "scrapinghub"]
            if not d:
                continue
            if name == "held" and args.tune_only:
                changed = sum(abs(x) > 0.005 for x in d)
                print(f"  held: {changed} pages changed (figures hidden by --tune-only)")
                continue
            lo, hi = bootstrap(d, rng)
            up = sum(x > 0.005 for x in d)
            down = sum(x < -0.005 for x in d)
            print(f"  {name} WCXB change {statistics.fmean(d):+.4f} "
                  f"(90% interval {lo:+.4f} .. {hi:+.4f}; {up} pages up, {down} down)")
        diffs = sorted(((r["f1w"] - old[r["id"]]["f1w"], r) for r in tune), key=lambda x: x[0])
        for d, r in diffs[:8] + diffs[-8:]:
            if abs(d) > 0.005:
                print(f"  {d:+.3f} -> {r['f1w']:.3f} {r['type'] or 'sh':<13} {r['id']}")


if __name__ == "__main__":
    main()
