#!/usr/bin/env python3
"""A CJK-script copy of the dev pages, and a character-bigram score for it.

  extraction_cjk.py build DATA_DIR OUT_DIR
  extraction_cjk.py score OUT_DIR/manifest.jsonl CJK_OUT_DIR [ENGLISH_OUT_DIR]

`build` rewrites every word of every visible text of the pages (and of their gold texts) to
one Han character (words of up to three letters) or two (longer words), the same word always
to the same characters, drops the spaces between them and turns sentence punctuation into
its full-width form (`。` `，` `？` `！`). Markup, attributes, scripts, digits and URLs are
untouched. The copy keeps each page's structure and meaning-free "text", at about the
density of Chinese (an English word is five letters, a Chinese one one or two characters),
so it shows how far an extractor's length rules assume Latin script.

`score` reads CJK_OUT_DIR/<tool>.jsonl for each tool and prints, per half of
bench/extraction_split.py (WCXB pages) and per page type, the mean per-page F1 of character
bigrams against the copy's gold (word F1 means nothing without spaces). With
ENGLISH_OUT_DIR (the same tool's outputs on the original pages, bench/extraction.sh), it
also scores those outputs rewritten the same way: the score the tool would have if the
script made no difference to it.
"""
import gzip
import hashlib
import json
import os
import re
import statistics
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extraction_split as split  # noqa: E402

TOOLS = ["tamis", "resiliparse", "trafilatura"]
WORD = re.compile(r"(?<![&#\w])([A-Za-z][A-Za-z']*)")
NO_SPACE = re.compile(r"(?<=[\u4e00-\u9fff。，？！]) +(?=[\u4e00-\u9fff])")
SEGMENT = re.compile(
    r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)|([^<]+)", re.S | re.I)


def han(word):
    h = int.from_bytes(hashlib.blake2s(word.lower().encode(), digest_size=8).digest(), "big")
    return "".join(chr(0x4E00 + (h >> (13 * k)) % 8000) for k in range(1 if len(word) <= 3 else 2))


def rewrite(text):
    text = WORD.sub(lambda m: han(m.group(1)), text)
    for latin, wide in ((".", "。"), (",", "，"), ("?", "？"), ("!", "！")):
        text = re.sub(re.escape(latin) + r"(\s|$)", wide + r"\1", text)
    return NO_SPACE.sub("", text)


def rewrite_html(doc):
    return SEGMENT.sub(lambda m: m.group(1) if m.group(1) is not None else rewrite(m.group(2)), doc)


def build(src, dst):
    os.makedirs(dst, exist_ok=True)
    with open(os.path.join(src, "manifest.jsonl"), encoding="utf-8") as f, \
            open(os.path.join(dst, "manifest.jsonl"), "w", encoding="utf-8") as out:
        for line in f:
            m = json.loads(line)
            m["gold_text"] = rewrite(m["gold_text"])
            out.write(json.dumps(m, ensure_ascii=False) + "\n")
    pages = 0
    for ds in sorted(os.listdir(os.path.join(src, "html"))):
        os.makedirs(os.path.join(dst, "html", ds), exist_ok=True)
        for name in sorted(os.listdir(os.path.join(src, "html", ds))):
            with gzip.open(os.path.join(src, "html", ds, name)) as f:
                doc = f.read().decode("utf-8", "replace")
            with gzip.open(os.path.join(dst, "html", ds, name), "wb", compresslevel=1) as f:
                f.write(rewrite_html(doc).encode("utf-8"))
            pages += 1
    print(f"{pages} pages rewritten to Han characters in {dst}", file=sys.stderr)


def bigrams(s):
    s = re.sub(r"\s+", "", s)
    return Counter(s[i:i + 2] for i in range(len(s) - 1))


def f1(gold, pred):
    g, p = bigrams(gold), bigrams(pred)
    if not g or not p:
        return float(not g and not p)
    hit = sum((g & p).values())
    if not hit:
        return 0.0
    prec, rec = hit / sum(p.values()), hit / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def outputs(path, transform):
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {r["id"]: rewrite(r.get("text", "")) if transform else r.get("text", "") for r in rows}


def score(manifest, cjk_dir, english_dir):
    with open(manifest, encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    pages = [m for m in pages if m["dataset"] != "scrapinghub"]
    print(f"{'':32s}{'half':6s}{'all':>7s}" + "".join(f"{t[:5]:>7s}" for t in split.TYPES))
    for tool in TOOLS:
        runs = [("cjk pages", os.path.join(cjk_dir, f"{tool}.jsonl"), False)]
        if english_dir:
            runs.append(("english, rewritten", os.path.join(english_dir, f"{tool}.jsonl"), True))
        for label, path, transform in runs:
            if not os.path.exists(path):
                continue
            out = outputs(path, transform)
            for half in ("tune", "held"):
                by_type = {}
                for m in pages:
                    if split.half(m["id"]) == half:
                        by_type.setdefault(m["page_type"], []).append(
                            f1(m["gold_text"], out.get(m["id"], "")))
                every = [v for vs in by_type.values() for v in vs]
                print(f"{tool + ' ' + label:32s}{half:6s}{statistics.fmean(every):7.3f}"
                      + "".join(f"{statistics.fmean(by_type.get(t, [0.0])):7.3f}"
                                for t in split.TYPES))


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) == 5 else None)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
