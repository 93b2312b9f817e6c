#!/usr/bin/env bash
# Fresh shop bench: tamis vs resiliparse vs trafilatura on product and category pages that no
# one tuned on, rendered by real shop software installed from PyPI (django-oscar; Cartridge on
# Mezzanine; default templates, sqlite, Django's test client) with products seeded from the
# Debian archive's AppStream metadata; gold text from the shop's own templates (bench/extraction_fresh_shops.py),
# single thread, same pages in the same run, scored with ../shared/tools/extraction_score.py.
#
#   bash bench/extraction_fresh_shops.sh              # per shop: 40 product pages, up to 30 category pages
#   PRODUCTS=20 REPEAT=3 bash bench/extraction_fresh_shops.sh
#   WORST=5 bash bench/extraction_fresh_shops.sh      # also list tamis's worst pages per kind
#   TAMIS_BASE=/path/to/extract_dir bash ...            # adds a row for another tamis build
#
# The shop software lives in its own venvs (bench/.venv-fresh-shops and
# bench/.venv-fresh-shops-cartridge, gitignored), created on first use; the product text needs the DEP-11 component file that apt-get update fetches when
# the appstream package is installed (installed here when missing and running as root). Data
# and outputs go to $CARGO_TARGET_DIR/bench-fresh-shops (OUT=... to change), never into the
# repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${TAMIS_SHARED:-$ROOT/../shared}
SCORER=$SHARED/tools/extraction_score.py
VENV=${VENV:-$ROOT/bench/.venv}
SHOP_VENV=${SHOP_VENV:-$ROOT/bench/.venv-fresh-shops}
CART_VENV=${CART_VENV:-$ROOT/bench/.venv-fresh-shops-cartridge}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET/bench-fresh-shops}
REPEAT=${REPEAT:-1}
PRODUCTS=${PRODUCTS:-40}
CATEGORIES=${CATEGORIES:-30}
if [ ! -f "$SCORER" ]; then
    echo "skipped: scorer not found ($SCORER)" >&2
    exit 0
fi

if ! ls /var/lib/apt/lists/*_main_dep11_Components-amd64.yml.gz >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "fetching the AppStream component file (apt-get install appstream; apt-get update)..." >&2
        dpkg -s appstream >/dev/null 2>&1 || {
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends appstream >&2
        }
        apt-get update -qq
    else
        echo "NOT ROOT and no DEP-11 component file: run as root or" \
             "sudo apt-get install appstream && sudo apt-get update" >&2
        exit 1
    fi
fi

# Cartridge formats prices with the C library's monetary locale: it needs en_US.UTF-8.
if ! locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
    if [ "$(id -u)" = 0 ]; then
        localedef -i en_US -f UTF-8 en_US.UTF-8 || true
    else
        echo "NOT ROOT: no en_US.UTF-8 locale (sudo localedef -i en_US -f UTF-8 en_US.UTF-8);" \
             "the Cartridge pages may fail" >&2
    fi
fi

# One venv per shop: they pin different Django versions.
if [ ! -x "$SHOP_VENV/bin/python" ] || ! "$SHOP_VENV/bin/python" -c "import oscar, whoosh, sorl, yaml, lxml" 2>/dev/null; then
    echo "creating $SHOP_VENV (pip install django-oscar Whoosh sorl-thumbnail pyyaml lxml)..." >&2
    python3 -m venv "$SHOP_VENV"
    "$SHOP_VENV/bin/pip" install -q --upgrade pip
    "$SHOP_VENV/bin/pip" install -q "django-oscar==4.2.1" "Whoosh==2.7.4" "sorl-thumbnail" pyyaml lxml
fi
if [ ! -x "$CART_VENV/bin/python" ] || ! "$CART_VENV/bin/python" -c "import cartridge, yaml, lxml" 2>/dev/null; then
    echo "creating $CART_VENV (pip install cartridge pyyaml lxml)..." >&2
    python3 -m venv "$CART_VENV"
    "$CART_VENV/bin/pip" install -q --upgrade pip
    "$CART_VENV/bin/pip" install -q "cartridge==1.3.4" pyyaml lxml
fi
. "$ROOT/bench/extraction_venv.sh"

rm -rf "$OUT/data" "$OUT/oscar-work" "$OUT/cartridge-work"
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl "$OUT"/*.timing.json
"$SHOP_VENV/bin/python" -W ignore "$ROOT/bench/extraction_fresh_shops.py" build "$OUT/data" \
    --shop oscar --products "$PRODUCTS" --categories "$CATEGORIES"
"$CART_VENV/bin/python" -W ignore "$ROOT/bench/extraction_fresh_shops.py" build "$OUT/data" \
    --shop cartridge --products "$PRODUCTS" --categories "$CATEGORIES"

(cd "$ROOT" && cargo build -q --release -p tamis-extract --example extract_dir)
"$TARGET/release/examples/extract_dir" "$OUT/data" "$OUT/tamis.jsonl" --repeat "$REPEAT" \
    --timing "$OUT/tamis.timing.json"
if [ -n "${TAMIS_BASE:-}" ]; then
    "$TAMIS_BASE" "$OUT/data" "$OUT/tamis-base.jsonl" --repeat "$REPEAT" \
        --timing "$OUT/tamis-base.timing.json"
fi
"$VENV/bin/python" "$ROOT/bench/extraction_peers.py" "$OUT/data" "$OUT" --repeat "$REPEAT"
python3 "$ROOT/bench/extraction_fresh_shops.py" table "$OUT/data/manifest.jsonl" "$OUT" --scorer "$SCORER"
if [ -n "${WORST:-}" ]; then
    python3 "$ROOT/bench/extraction_fresh_shops.py" worst "$OUT/data/manifest.jsonl" "$OUT" \
        --scorer "$SCORER" --n "$WORST"
fi
