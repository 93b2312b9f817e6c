#!/usr/bin/env bash
# Script bench: tamis vs resiliparse vs trafilatura on a CJK-script copy of the dev pages
# (bench/extraction_cjk.py: every word rewritten to one or two Han characters, markup kept),
# single thread, scored by character-bigram F1 per page type and half. When
# bench/extraction.sh has run, each tool's English outputs rewritten the same way are scored
# too: the gap between the two rows is what the script alone costs that tool.
#
#   bash bench/extraction_cjk.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/extraction_data.sh"
VENV=$ROOT/bench/.venv
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-extraction-cjk}
mkdir -p "$OUT"
. "$ROOT/bench/extraction_venv.sh"

python3 "$ROOT/bench/extraction_cjk.py" build "$DATA" "$OUT/data"
(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$OUT/data" "$OUT/tamis.jsonl" --timing "$OUT/tamis.timing.json"
"$VENV/bin/python" "$ROOT/bench/extraction_peers.py" "$OUT/data" "$OUT"
ENGLISH=$TARGET/bench-extraction
[ -f "$ENGLISH/tamis.jsonl" ] || ENGLISH=
python3 "$ROOT/bench/extraction_cjk.py" score "$OUT/data/manifest.jsonl" "$OUT" $ENGLISH
