#!/usr/bin/env bash
# Main-content extraction benchmark: tamis vs resiliparse vs trafilatura on the same pages,
# single thread, scored with the shared scorer. Prints one table.
#
#   bash bench/extraction.sh            # all pages of ../shared/data/extraction
#   REPEAT=3 bash bench/extraction.sh   # repeat the timed loops (the mean time is reported)
#   CLASSES=hashed bash bench/extraction.sh
#       # the same pages with every class/id token hashed (bench/extraction_hash_classes.py):
#       # how far each tool's decisions rest on class vocabulary; outputs in bench-extraction-hashed
#   CLASSES=stripped bash bench/extraction.sh
#       # hashed, and without microdata and JSON-LD too; outputs in bench-extraction-stripped
#   CLASSES=plain bash bench/extraction.sh
#       # stripped, and sectioning tags (article, main, nav, header, footer, aside, section)
#       # turned into divs, role attributes removed; outputs in bench-extraction-plain
#
# Creates bench/.venv (gitignored) with resiliparse, trafilatura and lxml_html_clean on first run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/extraction_data.sh"
VENV=$ROOT/bench/.venv
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-extraction}
REPEAT=${REPEAT:-1}
if [ "${CLASSES:-}" = hashed ]; then
    OUT=$OUT-hashed
    python3 "$ROOT/bench/extraction_hash_classes.py" "$DATA" "$OUT/data"
    DATA=$OUT/data
elif [ "${CLASSES:-}" = stripped ]; then
    OUT=$OUT-stripped
    python3 "$ROOT/bench/extraction_hash_classes.py" "$DATA" "$OUT/data" --strip-structured-data
    DATA=$OUT/data
elif [ "${CLASSES:-}" = plain ]; then
    OUT=$OUT-plain
    python3 "$ROOT/bench/extraction_hash_classes.py" "$DATA" "$OUT/data" --plain-tags
    DATA=$OUT/data
elif [ -n "${CLASSES:-}" ]; then
    echo "CLASSES=$CLASSES: only CLASSES=hashed, stripped or plain is known" >&2
    exit 2
fi
mkdir -p "$OUT"

. "$ROOT/bench/extraction_venv.sh"

(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$DATA" "$OUT/tamis.jsonl" --repeat "$REPEAT" \
    --timing "$OUT/tamis.timing.json"
"$VENV/bin/python" "$ROOT/bench/extraction_peers.py" "$DATA" "$OUT" --repeat "$REPEAT"
python3 "$ROOT/bench/extraction_table.py" "$DATA/manifest.jsonl" "$OUT" \
    --scorer "$SHARED/tools/extraction_score.py"
