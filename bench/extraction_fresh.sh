#!/usr/bin/env bash
# Fresh documentation bench: tamis vs resiliparse vs trafilatura on documentation pages that no
# one tuned on (Debian doc packages from six generators: Sphinx, Javadoc, DocBook, AsciiDoc,
# rustdoc, makeinfo), gold text from each generator's own template (bench/extraction_fresh.py),
# single thread, same pages in the same run, scored with ../shared/tools/extraction_score.py.
#
#   bash bench/extraction_fresh.sh              # 50 pages per generator
#   PER_GEN=20 REPEAT=3 bash bench/extraction_fresh.sh
#   WORST=5 bash bench/extraction_fresh.sh      # also list tamis's worst pages per generator
#   TAMIS_BASE=/path/to/extract_dir bash ...      # adds a row for another tamis build
#
# Installs the doc packages with apt-get when missing (needs root; otherwise it says so and the
# generators whose package is missing are skipped). Data and outputs go to
# $CARGO_TARGET_DIR/bench-fresh (OUT=... to change), never into the repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${TAMIS_SHARED:-$ROOT/../shared}
SCORER=$SHARED/tools/extraction_score.py
VENV=${VENV:-$ROOT/bench/.venv}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-fresh}
REPEAT=${REPEAT:-1}
PER_GEN=${PER_GEN:-50}
PKGS="python3.11-doc openjdk-17-doc postgresql-doc-15 git-doc cargo-doc octave-doc"
if [ ! -f "$SCORER" ]; then
    echo "skipped: scorer not found ($SCORER)" >&2
    exit 0
fi

missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "installing$missing (apt-get)..." >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
    else
        echo "NOT ROOT: cannot install$missing; their generators are skipped" \
             "(run as root or: sudo apt-get install --no-install-recommends$missing)" >&2
    fi
fi

. "$ROOT/bench/extraction_venv.sh"
"$VENV/bin/python" -c "import lxml" 2>/dev/null || "$VENV/bin/pip" install -q lxml

rm -rf "$OUT/data"
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl "$OUT"/*.timing.json
"$VENV/bin/python" "$ROOT/bench/extraction_fresh.py" build "$OUT/data" --per-gen "$PER_GEN"

(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$OUT/data" "$OUT/tamis.jsonl" --repeat "$REPEAT" \
    --timing "$OUT/tamis.timing.json"
if [ -n "${TAMIS_BASE:-}" ]; then
    "$TAMIS_BASE" "$OUT/data" "$OUT/tamis-base.jsonl" --repeat "$REPEAT" \
        --timing "$OUT/tamis-base.timing.json"
fi
"$VENV/bin/python" "$ROOT/bench/extraction_peers.py" "$OUT/data" "$OUT" --repeat "$REPEAT"
python3 "$ROOT/bench/extraction_fresh.py" table "$OUT/data/manifest.jsonl" "$OUT" --scorer "$SCORER"
if [ -n "${WORST:-}" ]; then
    python3 "$ROOT/bench/extraction_fresh.py" worst "$OUT/data/manifest.jsonl" "$OUT" \
        --scorer "$SCORER" --n "$WORST"
fi
