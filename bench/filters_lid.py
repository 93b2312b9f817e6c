"""Language ID: tamis (fastText reader, whatlang) vs the fastText Python package, lid.176.ftz.

Run through bench/filters_lid.sh. Subcommands:

  corpus OUT DJANGO_WHEEL   multilingual corpus: Django's translation catalogs (99 locales),
                            the extraction gold texts, every 10th 20 Newsgroups post
  compare CORPUS MODEL TAMIS_FT TAMIS_WL
                            runs fastText (Python) on the corpus (newlines -> spaces, top label,
                            as datatrove's FT176LID), prints label agreement (docs >= 200 chars
                            and all), score differences and docs/s.
"""
import collections
import gzip
import json
import os
import struct
import sys
import time
import zipfile

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
# Document lengths cycle through these targets (characters), so the corpus has documents
# below and above datatrove's usual 200-character mark.
TARGETS = [80, 150, 250, 400, 700, 1200, 2000]


def mo_strings(data):
    """Translated strings of a GNU .mo catalog, in catalog order (plural forms split)."""
    magic = struct.unpack("<I", data[:4])[0]
    e = "<" if magic == 0x950412DE else ">"
    _, n, orig_off, trans_off = struct.unpack(e + "4I", data[4:20])
    out = []
    for i in range(n):
        olen, ooff = struct.unpack(e + "2I", data[orig_off + 8 * i:orig_off + 8 * i + 8])
        tlen, toff = struct.unpack(e + "2I", data[trans_off + 8 * i:trans_off + 8 * i + 8])
        msgid = data[ooff:ooff + olen]
        if not msgid:
            continue  # header
        for s in data[toff:toff + tlen].split(b"\0"):
            s = s.decode("utf-8", "replace").strip()
            if s and s.encode() != msgid:
                out.append(s)
    return out


def corpus(out, wheel):
    n = 0
    by_source = collections.Counter()
    with open(out, "w") as f:
        def emit(doc_id, text, meta):
            nonlocal n
            f.write(json.dumps({"id": doc_id, "text": text, "metadata": meta}, ensure_ascii=False) + "\n")
            n += 1
            by_source[meta["source"]] += 1

        with zipfile.ZipFile(wheel) as z:
            names = sorted(x for x in z.namelist() if x.endswith(".mo"))
            for name in names:
                locale = name.split("/locale/")[1].split("/")[0]
                strings = mo_strings(z.read(name))
                chunk, size, k = [], 0, 0
                for s in strings:
                    chunk.append(s)
                    size += len(s) + 1
                    if size >= TARGETS[(n + k) % len(TARGETS)]:
                        emit(f"django-{name.replace('/', ':')}-{k}", "\n".join(chunk), {"source": "django", "locale": locale})
                        chunk, size, k = [], 0, k + 1
        with open(os.path.join(SHARED, "data/extraction/manifest.jsonl")) as g:
            for line in g:
                d = json.loads(line)
                emit(d["id"], d["gold_text"], {"source": "extraction-gold"})
        with gzip.open(os.path.join(SHARED, "data/corpus/20newsgroups.jsonl.gz"), "rt") as g:
            for i, line in enumerate(g):
                if i % 10 == 0:
                    d = json.loads(line)
                    emit(f"ng-{d['id']}", d["text"], {"source": "20newsgroups"})
    print(f"lid corpus: {n} docs {dict(by_source)} -> {out}")


def read(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]


def compare(corpus_path, model_path, tamis_ft, tamis_wl):
    import fasttext

    model = fasttext.load_model(model_path)
    docs = read(corpus_path)
    ft_ours = {d["id"]: d for d in read(tamis_ft)}
    wl_ours = {d["id"]: d for d in read(tamis_wl)}
    t0 = time.thread_time()
    ref = []
    for d in docs:
        (lab,), (score,) = model.predict(d["text"].replace("\n", " "))
        ref.append((lab.replace("__label__", ""), float(score)))
    dt = time.thread_time() - t0
    print(f"fastText (Python, fasttext-numpy2-wheel) lid.176.ftz: {len(docs)} docs, cpu {dt:.3f} s = {len(docs) / dt:.0f} docs/s")
    labels = collections.Counter(lab for lab, _ in ref)
    print(f"  corpus: {len(labels)} distinct fastText labels; most common: {dict(labels.most_common(10))}")
    for name, ours in [("tamis fasttext", ft_ours), ("tamis whatlang", wl_ours)]:
        for min_chars in (200, 0):
            sel = [(d, r) for d, r in zip(docs, ref) if len(d["text"]) >= min_chars]
            same = sum(ours.get(d["id"], {}).get("language") == r[0] for d, r in sel)
            line = f"{name}: same top label as fastText on {same}/{len(sel)} = {same / len(sel):.4%} of docs >= {min_chars} chars"
            if name == "tamis fasttext":
                diffs = [abs(ours[d["id"]]["language_score"] - r[1]) for d, r in sel if d["id"] in ours]
                line += f"; score |diff| max {max(diffs):.2e}, > 1e-4 on {sum(x > 1e-4 for x in diffs)}"
            print(line)
        conf = collections.Counter(
            (r[0], ours.get(d["id"], {}).get("language")) for d, r in zip(docs, ref)
            if len(d["text"]) >= 200 and ours.get(d["id"], {}).get("language") != r[0])
        if conf:
            print(f"  top disagreements (fastText, {name}) on docs >= 200 chars: {conf.most_common(8)}")


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"corpus": corpus, "compare": compare}[cmd](*args)
