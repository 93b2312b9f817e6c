"""Builds the dedup benchmark corpus with planted near-duplicates of known ground truth.

Documents (shuffled with a fixed seed):
  * every post of ../shared/data/corpus/20newsgroups.jsonl.gz (raw text with headers; quoted
    replies make natural near-duplicates) and the gold text of every ../shared/data/extraction
    page;
  * "composites": paragraphs of 2-4 random originals glued together (distinct documents that
    share some text: hard negatives);
  * planted variants of random originals, one of
      edit        3-8 % of the words replaced, deleted or doubled
      insert      a foreign paragraph of 5-15 % of the length inserted at a random place
      boilerplate header/footer lines added (dates, names, share/copyright/newsletter lines,
                  drawn from templates with random values)
      mixed       edit + boilerplate
    and ~15 % of the chosen originals get two variants.

Writes CORPUS (JSONL: id, text) and TRUTH (JSONL: id, original, kind).
Usage: python dedup_data.py SHARED_DIR OUT_CORPUS OUT_TRUTH [--composites N] [--planted N]
       python dedup_data.py --synthetic N OUT_CORPUS   (random-word documents, 5 % duplicated)
"""

import argparse
import gzip
import json
import random
import re

SEED = 42

BOILER_HEAD = [
    "Posted on {date} by {name}",
    "Published {date} | {n} comments",
    "Home > {word} > {word2}",
    "By {name}, staff writer. Updated {date}.",
]
BOILER_FOOT = [
    "Share this: Facebook Twitter Email Print",
    "Copyright (c) {year} {site}. All rights reserved.",
    "Subscribe to our newsletter to get the latest {word} news.",
    "Related posts: {word} and {word2} explained",
    "Tags: {word}, {word2}, {word3}",
    "Click here to read more articles by {name}.",
]
NAMES = ["J. Smith", "Maria Lopez", "K. Tanaka", "admin", "The Editors", "R. Okafor", "L. Dubois"]
SITES = ["example.net", "Daily Planet", "Tech Weekly", "The Courier", "newsdesk.org"]


def words_of(text):
    return text.split()


def fill(template, rng, vocab):
    return template.format(
        date=f"{rng.randint(1990, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        name=rng.choice(NAMES),
        n=rng.randint(0, 300),
        word=rng.choice(vocab),
        word2=rng.choice(vocab),
        word3=rng.choice(vocab),
        year=rng.randint(1995, 2025),
        site=rng.choice(SITES),
    )


def edit(text, rng, vocab, rate):
    out = []
    for w in re.split(r"(\s+)", text):
        if w.strip() and rng.random() < rate:
            op = rng.random()
            if op < 0.5:
                out.append(rng.choice(vocab))
            elif op < 0.8:
                continue
            else:
                out.append(w + " " + w)
        else:
            out.append(w)
    return "".join(out)


def insert(text, rng, paragraphs):
    paras = text.split("\n\n")
    n_words = len(words_of(text))
    target = max(5, int(n_words * rng.uniform(0.05, 0.15)))
    extra = []
    while len(extra) < target:
        extra.extend(words_of(rng.choice(paragraphs)))
    paras.insert(rng.randint(0, len(paras)), " ".join(extra[:target]))
    return "\n\n".join(paras)


def boilerplate(text, rng, vocab):
    head = [fill(rng.choice(BOILER_HEAD), rng, vocab) for _ in range(rng.randint(1, 2))]
    foot = [fill(rng.choice(BOILER_FOOT), rng, vocab) for _ in range(rng.randint(1, 3))]
    return "\n".join(head) + "\n\n" + text + "\n\n" + "\n".join(foot)


def real_corpus(shared, out_corpus, out_truth, n_composites, n_planted):
    rng = random.Random(SEED)
    originals = []
    with gzip.open(f"{shared}/data/corpus/20newsgroups.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            originals.append((r["id"], r["text"]))
    with open(f"{shared}/data/extraction/manifest.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("gold_text"):
                originals.append(("x-" + r["id"], r["gold_text"]))
    paragraphs = [p for _, t in originals for p in t.split("\n\n") if len(words_of(p)) >= 8]
    vocab = sorted({w for p in paragraphs[:3000] for w in words_of(p) if w.isalpha() and len(w) > 3})

    docs = list(originals)
    for i in range(n_composites):
        parts = [rng.choice(paragraphs) for _ in range(rng.randint(2, 4))]
        docs.append((f"comp-{i:06d}", "\n\n".join(parts)))

    truth = []
    candidates = [d for d in originals if len(words_of(d[1])) >= 40]
    chosen = rng.sample(candidates, min(n_planted, len(candidates)))
    kinds = ["edit", "insert", "boilerplate", "mixed"]
    v = 0
    for oid, text in chosen:
        for _ in range(2 if rng.random() < 0.15 else 1):
            kind = rng.choice(kinds)
            if kind == "edit":
                t = edit(text, rng, vocab, rng.uniform(0.03, 0.08))
            elif kind == "insert":
                t = insert(text, rng, paragraphs)
            elif kind == "boilerplate":
                t = boilerplate(text, rng, vocab)
            else:
                t = boilerplate(edit(text, rng, vocab, rng.uniform(0.02, 0.05)), rng, vocab)
            vid = f"var-{v:06d}"
            v += 1
            docs.append((vid, t))
            truth.append({"id": vid, "original": oid, "kind": kind})

    rng.shuffle(docs)
    with open(out_corpus, "w", encoding="utf-8") as f:
        for did, text in docs:
            f.write(json.dumps({"id": did, "text": text}, ensure_ascii=False) + "\n")
    with open(out_truth, "w", encoding="utf-8") as f:
        for t in truth:
            f.write(json.dumps(t) + "\n")
    print(f"wrote {len(docs)} documents ({len(originals)} originals, {n_composites} composites, {len(truth)} planted variants)")


def synthetic_corpus(n, out_corpus):
    rng = random.Random(SEED)
    # Letters only: simplify_text turns every digit into 0, so "w17" and "w42" would be equal.
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(60_000)})
    prev = []
    with open(out_corpus, "w", encoding="utf-8") as f:
        for i in range(n):
            if prev and rng.random() < 0.05:
                text = rng.choice(prev)
            else:
                text = " ".join(rng.choice(vocab) for _ in range(rng.randint(50, 400)))
                if len(prev) < 2000:
                    prev.append(text)
                else:
                    prev[rng.randrange(len(prev))] = text
            f.write(json.dumps({"id": f"s{i:07d}", "text": text}) + "\n")
    print(f"wrote {n} synthetic documents")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthetic", type=int)
    ap.add_argument("--composites", type=int, default=25_000)
    ap.add_argument("--planted", type=int, default=6_000)
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    if a.synthetic:
        synthetic_corpus(a.synthetic, a.paths[0])
    else:
        real_corpus(a.paths[0], a.paths[1], a.paths[2], a.composites, a.planted)
