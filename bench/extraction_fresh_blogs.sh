#!/usr/bin/env bash
# Fresh blog/CMS bench: tamis vs resiliparse vs trafilatura on pages that no one tuned on, rendered
# by real site software: Debian's WordPress with its bundled themes (twentytwentyone, -two, -three)
# and Pelican (PyPI) with its built-in themes (notmyidea, simple), seeded with the same offline text
# (Python 3.11 docs' reST sources, Debian package descriptions): posts, blog index / category /
# tag / month / author / search / archive listings, and static service pages; gold
# text from each theme's own elements (bench/extraction_fresh_blogs.py), single thread, same pages
# in the same run, scored with ../shared/tools/extraction_score.py.
#
#   bash bench/extraction_fresh_blogs.sh
#   WORST=5 bash bench/extraction_fresh_blogs.sh     # also list tamis's worst pages per theme
#   TAMIS_BASE=/path/to/extract_dir bash ...           # adds a row for another tamis build
#   REPEAT=3 bash ...                                  # time over three passes
#
# Needs root: installs the packages with apt-get when missing, runs MariaDB (private data dir,
# socket only, no network) and PHP's built-in server on 127.0.0.1:8093 while it builds, and
# writes WordPress's host config /etc/wordpress/config-127.0.0.1.php. Its venv is
# bench/.venv-fresh-blogs (VENV=... to change); data and outputs go to
# $CARGO_TARGET_DIR/bench-fresh-blogs (OUT=... to change), never into the repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${TAMIS_SHARED:-$ROOT/../shared}
SCORER=$SHARED/tools/extraction_score.py
VENV=${VENV:-$ROOT/bench/.venv-fresh-blogs}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-fresh-blogs}
REPEAT=${REPEAT:-1}
PELICAN_VERSION=4.12.0
PKGS="wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentytwo
      wordpress-theme-twentytwentythree php-cli php-mysql php-xml php-mbstring mariadb-server
      python3.11-doc"
if [ ! -f "$SCORER" ]; then
    echo "skipped: scorer not found ($SCORER)" >&2
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "skipped: needs root (apt-get, MariaDB, /etc/wordpress config)" >&2
    exit 0
fi

missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "installing$missing (apt-get)..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
fi

. "$ROOT/bench/extraction_venv.sh"
"$VENV/bin/python" -c "import lxml, pelican" 2>/dev/null \
    || "$VENV/bin/pip" install -q lxml "pelican==$PELICAN_VERSION"

rm -rf "$OUT/data"
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl "$OUT"/*.timing.json
"$VENV/bin/python" "$ROOT/bench/extraction_fresh_blogs.py" build "$OUT/data" --work "$OUT/site"

(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$OUT/data" "$OUT/tamis.jsonl" --repeat "$REPEAT" \
    --timing "$OUT/tamis.timing.json"
if [ -n "${TAMIS_BASE:-}" ]; then
    "$TAMIS_BASE" "$OUT/data" "$OUT/tamis-base.jsonl" --repeat "$REPEAT" \
        --timing "$OUT/tamis-base.timing.json"
fi
"$VENV/bin/python" "$ROOT/bench/extraction_peers.py" "$OUT/data" "$OUT" --repeat "$REPEAT"
python3 "$ROOT/bench/extraction_fresh_blogs.py" table "$OUT/data/manifest.jsonl" "$OUT" \
    --scorer "$SCORER"
if [ -n "${WORST:-}" ]; then
    python3 "$ROOT/bench/extraction_fresh_blogs.py" worst "$OUT/data/manifest.jsonl" "$OUT" \
        --scorer "$SCORER" --n "$WORST"
fi
