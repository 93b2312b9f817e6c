#!/usr/bin/env bash
# Hostile pages (deep nesting, huge sibling runs, nested cards, a 50 MB page): seconds per page
# for tamis, resiliparse and trafilatura, each page in its own process with a time limit.
#
#   bash bench/extraction_hostile.sh              # all pages, 60 s limit per page and tool
#   LIMIT=20 bash bench/extraction_hostile.sh
#
# Uses (and creates on first run) bench/.venv, as bench/extraction.sh does.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=$ROOT/bench/.venv
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-extraction-hostile}
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import resiliparse, trafilatura" 2>/dev/null; then
    echo "creating $VENV (pip install resiliparse trafilatura lxml_html_clean)..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    "$VENV/bin/pip" install -q resiliparse trafilatura lxml_html_clean
fi
(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
python3 "$ROOT/bench/extraction_hostile.py" "$TARGET/release/examples/extract_dir" \
    "$VENV/bin/python" "$OUT" --limit "${LIMIT:-60}"
