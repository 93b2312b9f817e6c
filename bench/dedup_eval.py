"""Scores MinHash dedup results: precision/recall against planted ground truth, agreement of
tamis's removed set with datatrove's, and signature parity.

Usage: python dedup_eval.py CORPUS TRUTH TAMIS_REMOVED TAMIS_ANNOTATED DT_REMOVED
                            [TAMIS_SIGS DT_SIGS]

* recall: a planted (original, variant) pair counts as found when the two end in the same
  tamis cluster (from the annotated output's minhash_cluster_id).
* precision: a removed document is a true duplicate when it is a planted variant/original of
  its cluster's kept document, or its exact Jaccard similarity (datatrove's shingles: word
  5-grams after simplify_text) with the kept document is at least 0.5. Also printed: the
  share at >= 0.7 (about the LSH threshold of 14 x 8 bands).
"""

import json
import sys
from collections import defaultdict

from datatrove.utils.text import ngrams, simplify_text
from datatrove.utils.word_tokenizers import load_word_tokenizer

TOK = load_word_tokenizer("en")


def shingles(text):
    return {" ".join(g) for g in ngrams(TOK.word_tokenize(simplify_text(text)), 5)}


def jaccard(a, b):
    if not a and not b:
        return 1.0
    return len(a & b) / max(1, len(a | b))


def read_ids(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip()}


def main():
    corpus_p, truth_p, t_removed_p, t_ann_p, d_removed_p = sys.argv[1:6]
    texts = {}
    with open(corpus_p, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts[r["id"]] = r["text"]
    truth = [json.loads(line) for line in open(truth_p, encoding="utf-8")]
    t_removed = read_ids(t_removed_p)
    d_removed = read_ids(d_removed_p)

    cluster_of = {}
    with open(t_ann_p, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            cid = r["metadata"].get("minhash_cluster_id", -1)
            if cid != -1:
                cluster_of[r["id"]] = cid
    members = defaultdict(list)
    for did, cid in cluster_of.items():
        members[cid].append(did)
    kept_of_cluster = {cid: [d for d in ms if d not in t_removed] for cid, ms in members.items()}

    # Recall on planted pairs, per kind.
    found = defaultdict(int)
    total = defaultdict(int)
    for t in truth:
        total[t["kind"]] += 1
        a, b = cluster_of.get(t["id"]), cluster_of.get(t["original"])
        if a is not None and a == b:
            found[t["kind"]] += 1
    all_found, all_total = sum(found.values()), sum(total.values())
    print(f"planted_pairs={all_total} recall={all_found / max(1, all_total):.4f}")
    for k in sorted(total):
        print(f"  recall[{k}]={found[k] / total[k]:.4f} ({found[k]}/{total[k]})")

    # Recall by the pair's exact Jaccard similarity, next to the LSH expectation 1-(1-J^8)^14.
    cache = {}

    def sh(d):
        if d not in cache:
            cache[d] = shingles(texts[d])
        return cache[d]

    bins = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    stats = {b: [0, 0, 0.0] for b in bins}
    for t in truth:
        j = jaccard(sh(t["id"]), sh(t["original"]))
        a, b = cluster_of.get(t["id"]), cluster_of.get(t["original"])
        for lo, hi in bins:
            if lo <= j < hi:
                st = stats[(lo, hi)]
                st[0] += 1
                st[1] += int(a is not None and a == b)
                st[2] += 1 - (1 - j**8) ** 14
    for (lo, hi), (n_, f_, e_) in stats.items():
        if n_:
            print(f"  recall[J in {lo:.1f}-{min(hi, 1.0):.1f}]={f_ / n_:.4f} ({f_}/{n_}), LSH expectation {e_ / n_:.4f}")

    # Precision of tamis's removals.
    group = {}
    for t in truth:
        group[t["id"]] = t["original"]
        group[t["original"]] = t["original"]
    tp05 = tp07 = 0
    n = 0
    for did in sorted(t_removed):
        cid = cluster_of.get(did)
        kept = kept_of_cluster.get(cid, [])
        if not kept:
            continue
        n += 1
        k = kept[0]
        is_planted = did in group and group.get(did) == group.get(k)
        j = jaccard(shingles(texts[did]), shingles(texts[k]))
        if is_planted or j >= 0.5:
            tp05 += 1
        if is_planted or j >= 0.7:
            tp07 += 1
    print(f"removed={len(t_removed)} precision_j0.5={tp05 / max(1, n):.4f} precision_j0.7={tp07 / max(1, n):.4f}")

    # Agreement with datatrove.
    inter = t_removed & d_removed
    union = t_removed | d_removed
    print(
        f"datatrove_removed={len(d_removed)} tamis_removed={len(t_removed)} same={len(inter)} "
        f"only_tamis={len(t_removed - d_removed)} only_datatrove={len(d_removed - t_removed)} "
        f"agreement={len(inter) / max(1, len(union)):.4f}"
    )

    if len(sys.argv) > 7:
        tsig = dict(line.rstrip("\n").split("\t", 1) for line in open(sys.argv[6], encoding="utf-8"))
        dsig = dict(line.rstrip("\n").split("\t", 1) for line in open(sys.argv[7], encoding="utf-8"))
        common = [i for i in dsig if i in tsig]
        same = sum(tsig[i] == dsig[i] for i in common)
        print(f"signatures_compared={len(common)} identical={same} ({same / max(1, len(common)):.4f})")
        diff_docs = sorted((t_removed ^ d_removed))
        sig_diff = [d for d in diff_docs if d in dsig and tsig.get(d) != dsig.get(d)]
        print(f"  removed-set differences whose own signature differs: {len(sig_diff)} of {len(diff_docs)}")
        for d in diff_docs[:10]:
            side = "tamis" if d in t_removed else "datatrove"
            print(f"  only {side}: {d} signature_equal={tsig.get(d) == dsig.get(d) if d in dsig else 'n/a'}")


if __name__ == "__main__":
    main()
