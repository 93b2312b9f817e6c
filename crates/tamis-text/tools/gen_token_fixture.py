"""Writes crates/tamis-text/tests/fixtures/spacy_en_tokens.jsonl: lines of the extraction gold
texts (../shared/data/extraction, scrapinghub MIT / WCXB CC BY 4.0) that exercise affixes,
infixes, URLs and exceptions, with the words spaCy blank("en") gives (stripped, non-empty, as
datatrove keeps them).

    bench/.venv-filters/bin/python crates/tamis-text/tools/gen_token_fixture.py
"""
import json
import os
import re

import spacy

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
nlp = spacy.blank("en")
interesting = re.compile(r"[\"'’()\[\]/:;…\-–—%$€£]|\.\w|\w\.\w|https?://|www\.|\d[a-z]")
lines = []
with open(os.path.join(ROOT, "..", "shared", "data", "extraction", "manifest.jsonl")) as f:
    for rec in map(json.loads, f):
        for line in rec["gold_text"].split("\n"):
            if 20 <= len(line) <= 300 and interesting.search(line):
                lines.append(line)
lines = sorted(set(lines))[::97][:120]
out = os.path.join(ROOT, "crates", "tamis-text", "tests", "fixtures", "spacy_en_tokens.jsonl")
with open(out, "w") as f:
    for line in lines:
        words = [t.text.strip() for t in nlp(line) if t.text.strip()]
        f.write(json.dumps({"text": line, "words": words}, ensure_ascii=False) + "\n")
print(f"{len(lines)} lines -> {out}")
