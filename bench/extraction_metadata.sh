#!/usr/bin/env bash
# Page metadata (publication date, author) of tamis vs trafilatura on the development pages:
# how often the two agree, differ, or only one finds a value (bench/extraction_metadata.py).
#
#   bash bench/extraction_metadata.sh
#   SHOW="author differ" bash bench/extraction_metadata.sh   # also list those pages
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/extraction_data.sh"
VENV=$ROOT/bench/.venv
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-extraction-metadata}
mkdir -p "$OUT"
. "$ROOT/bench/extraction_venv.sh"
(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$DATA" "$OUT/tamis.jsonl" --meta 2>/dev/null
if [ ! -s "$OUT/trafilatura.jsonl" ]; then
    "$VENV/bin/python" "$ROOT/bench/extraction_metadata.py" trafilatura "$DATA" "$OUT/trafilatura.jsonl"
fi
# shellcheck disable=SC2086
python3 "$ROOT/bench/extraction_metadata.py" compare "$OUT/tamis.jsonl" "$OUT/trafilatura.jsonl" \
    ${SHOW:+--show $SHOW}
