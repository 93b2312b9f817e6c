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
. "$ROOT/bench/extraction_venv.sh"
(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
python3 "$ROOT/bench/extraction_hostile.py" "$TARGET/release/examples/extract_dir" \
    "$VENV/bin/python" "$OUT" --limit "${LIMIT:-60}"
