#!/usr/bin/env bash
# Fresh thread bench: tamis vs resiliparse vs trafilatura on discussion pages that are not classic
# forums and that no one tuned on, rendered by real issue-tracker software: Trac (PyPI; SQLite;
# ticket pages with their comment history, served by its tracd on 127.0.0.1:8095) and Roundup
# (PyPI; its classic and jinja2 trackers; issue pages with their messages, rendered in process
# through its WSGI handler), seeded from offline text (Debian changelogs and package descriptions
# of packages every Debian system has); gold text from each template's own post elements
# (bench/extraction_fresh_threads.py), single thread, same pages in the same run, scored with
# ../shared/tools/extraction_score.py.
#
#   bash bench/extraction_fresh_threads.sh
#   WORST=5 bash bench/extraction_fresh_threads.sh     # also list tamis's worst pages per app
#   TAMIS_BASE=/path/to/extract_dir bash ...           # adds a row for another tamis build
#   REPEAT=3 bash ...                                  # time over three passes
#
# Its venv is bench/.venv-fresh-threads (VENV=... to change); data and outputs go to
# $CARGO_TARGET_DIR/bench-fresh-threads (OUT=... to change), never into the repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${TAMIS_SHARED:-$ROOT/../shared}
SCORER=$SHARED/tools/extraction_score.py
VENV=${VENV:-$ROOT/bench/.venv-fresh-threads}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-fresh-threads}
REPEAT=${REPEAT:-1}
TRAC_VERSION=1.6
ROUNDUP_VERSION=2.6.0
if [ ! -f "$SCORER" ]; then
    echo "skipped: scorer not found ($SCORER)" >&2
    exit 0
fi
if ! command -v dpkg-query >/dev/null || [ ! -d /usr/share/doc/coreutils ]; then
    echo "skipped: needs a Debian system (changelogs under /usr/share/doc)" >&2
    exit 0
fi

. "$ROOT/bench/extraction_venv.sh"
"$VENV/bin/python" -c "import lxml, trac, roundup, jinja2" 2>/dev/null \
    || "$VENV/bin/pip" install -q lxml jinja2 "Trac==$TRAC_VERSION" "roundup==$ROUNDUP_VERSION"

rm -rf "$OUT/data"
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl "$OUT"/*.timing.json
"$VENV/bin/python" "$ROOT/bench/extraction_fresh_threads.py" build "$OUT/data" --work "$OUT/site"

(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$OUT/data" "$OUT/tamis.jsonl" --repeat "$REPEAT" \
    --timing "$OUT/tamis.timing.json"
if [ -n "${TAMIS_BASE:-}" ]; then
    "$TAMIS_BASE" "$OUT/data" "$OUT/tamis-base.jsonl" --repeat "$REPEAT" \
        --timing "$OUT/tamis-base.timing.json"
fi
"$VENV/bin/python" "$ROOT/bench/extraction_peers.py" "$OUT/data" "$OUT" --repeat "$REPEAT"
python3 "$ROOT/bench/extraction_fresh_threads.py" table "$OUT/data/manifest.jsonl" "$OUT" \
    --scorer "$SCORER"
if [ -n "${WORST:-}" ]; then
    python3 "$ROOT/bench/extraction_fresh_threads.py" worst "$OUT/data/manifest.jsonl" "$OUT" \
        --scorer "$SCORER" --n "$WORST"
fi
