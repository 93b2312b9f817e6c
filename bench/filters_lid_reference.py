"""Reference predictions of fastText lid.176 (the Python package) for the fixture
crates/tamis-filter/tests/fixtures/lid176_reference.jsonl:

    scripts/fetch-lid-model.sh
    bench/.venv-filters/bin/python bench/filters_lid_reference.py > crates/tamis-filter/tests/fixtures/lid176_reference.jsonl

(bench/.venv-filters is made by bench/filters.sh; it has fasttext-numpy2-wheel 0.9.2.)
Texts are given newline-replaced, as datatrove's FT176LID does.
"""
import fasttext, json
m = fasttext.load_model("models/lid.176.ftz")
texts = [
 "The quick brown fox jumps over the lazy dog while the farmer watches from the porch.",
 "Der schnelle braune Fuchs springt über den faulen Hund, während der Bauer zusieht.",
 "Le renard brun rapide saute par-dessus le chien paresseux pendant que le fermier regarde.",
 "Быстрая коричневая лиса прыгает через ленивую собаку, пока фермер смотрит с крыльца.",
 "敏捷的棕色狐狸跳过了懒惰的狗，农夫在门廊上看着。",
 "素早い茶色の狐が怠惰な犬を飛び越え、農夫がポーチから見ている。",
 "El rápido zorro marrón salta sobre el perro perezoso mientras el granjero mira.",
 "Hızlı kahverengi tilki tembel köpeğin üzerinden atlar, çiftçi verandadan izler.",
 "",
 "12345 67890",
 "hello\nworld  __label__fr\tmixed with some words",
]
for t in texts:
    l, p = m.predict(t.replace("\n", " "), k=3)
    print(json.dumps({"text": t, "labels": list(l), "probs": [float(x) for x in p]}, ensure_ascii=False))
