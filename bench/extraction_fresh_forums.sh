#!/usr/bin/env bash
# Fresh forum bench: tamis vs resiliparse vs trafilatura on forum thread pages that no one tuned
# on: thread pages rendered by real forum software from PyPI (Spirit, django-machina, Askbot;
# Django with SQLite, Django's test client, no server), seeded with deterministic posts; gold text from each
# app's own post template (bench/extraction_fresh_forums.py); single thread, same pages in the
# same run, scored with ../shared/tools/extraction_score.py.
#
#   bash bench/extraction_fresh_forums.sh              # 30 threads per app
#   THREADS=50 REPEAT=3 bash bench/extraction_fresh_forums.sh
#   WORST=5 bash bench/extraction_fresh_forums.sh      # also list tamis's worst pages per app
#   TAMIS_BASE=/path/to/extract_dir bash ...            # adds a row for another tamis build
#
# The forum apps live in their own venv (bench/.venv-fresh-forums, gitignored; FORUMS_VENV=...
# to change), created on first use with pip. Data and outputs go to
# $CARGO_TARGET_DIR/bench-fresh-forums (OUT=... to change), never into the repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${TAMIS_SHARED:-$ROOT/../shared}
SCORER=$SHARED/tools/extraction_score.py
VENV=${VENV:-$ROOT/bench/.venv}
FORUMS_VENV=${FORUMS_VENV:-$ROOT/bench/.venv-fresh-forums}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-fresh-forums}
REPEAT=${REPEAT:-1}
THREADS=${THREADS:-30}
APPS_PIP="django-spirit==0.14.3 django-machina==1.3.1 askbot==0.13.0 Django>=5.2,<5.3 lxml"
if [ ! -f "$SCORER" ]; then
    echo "skipped: scorer not found ($SCORER)" >&2
    exit 0
fi

if [ ! -x "$FORUMS_VENV/bin/python" ] \
        || ! "$FORUMS_VENV/bin/python" -c "import spirit, machina, askbot, lxml" 2>/dev/null; then
    echo "creating $FORUMS_VENV (pip install $APPS_PIP)..." >&2
    python3 -m venv "$FORUMS_VENV"
    "$FORUMS_VENV/bin/pip" install -q --upgrade pip
    "$FORUMS_VENV/bin/pip" install -q $APPS_PIP
fi
. "$ROOT/bench/extraction_venv.sh"

rm -rf "$OUT/data" "$OUT/work"
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl "$OUT"/*.timing.json
"$FORUMS_VENV/bin/python" "$ROOT/bench/extraction_fresh_forums.py" build "$OUT/data" \
    --threads "$THREADS"

(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$OUT/data" "$OUT/tamis.jsonl" --repeat "$REPEAT" \
    --timing "$OUT/tamis.timing.json"
if [ -n "${TAMIS_BASE:-}" ]; then
    "$TAMIS_BASE" "$OUT/data" "$OUT/tamis-base.jsonl" --repeat "$REPEAT" \
        --timing "$OUT/tamis-base.timing.json"
fi
"$VENV/bin/python" "$ROOT/bench/extraction_peers.py" "$OUT/data" "$OUT" --repeat "$REPEAT"
python3 "$ROOT/bench/extraction_fresh_forums.py" table "$OUT/data/manifest.jsonl" "$OUT" \
    --scorer "$SCORER"
if [ -n "${WORST:-}" ]; then
    python3 "$ROOT/bench/extraction_fresh_forums.py" worst "$OUT/data/manifest.jsonl" "$OUT" \
        --scorer "$SCORER" --n "$WORST"
fi
