#!/usr/bin/env bash
# Extraction cost in CPU instructions (cachegrind), this checkout against another commit, on
# the same pages. Wall-clock speed on a shared virtual machine swings by ±25% from minute to
# minute; instruction counts move by well under 1% between runs, so a rule that costs 3% shows.
#
#   bash bench/extraction_instructions.sh              # HEAD vs HEAD~1
#   bash bench/extraction_instructions.sh 2d12296      # HEAD vs that commit
#   EVERY=4 bash bench/extraction_instructions.sh v1   # every 4th page (default 8: 71 pages)
#
# Needs valgrind (`apt-get install valgrind`). The other commit is built in a temporary git
# worktree with its own target directory under $CARGO_TARGET_DIR (a full release build the
# first time). Counts include reading and gunzip of the pages, the same for both sides.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/extraction_data.sh"
if ! command -v valgrind >/dev/null; then
    echo "error: valgrind not found (apt-get install valgrind)" >&2
    exit 2
fi
BASE=${1:-HEAD~1}
EVERY=${EVERY:-8}
TARGET=$(realpath -m "${CARGO_TARGET_DIR:-$ROOT/target}")
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WORK/base" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The page sample: every EVERY-th page, in a fixed order.
mkdir -p "$WORK/pages/html/sample"
(cd "$DATA/html" && ls -1 */*.html.gz | sort | awk -v n="$EVERY" 'NR % n == 0') |
    while read -r f; do cp "$DATA/html/$f" "$WORK/pages/html/sample/"; done
echo "pages: $(ls "$WORK/pages/html/sample" | wc -l) (every ${EVERY}th)"

build() { # dir target-dir
    (cd "$1" && CARGO_TARGET_DIR="$2" cargo build -q --release -p tamis-extract --example extract_dir)
}
count() { # binary
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$1" "$WORK/pages" "$WORK/out.jsonl" 2>&1 | awk '/I *refs:/ {gsub(",", "", $NF); print $NF}'
}

git -C "$ROOT" worktree add -q --detach "$WORK/base" "$BASE"
build "$WORK/base" "$TARGET/instructions-base"
build "$ROOT" "$TARGET"
base=$(count "$TARGET/instructions-base/release/examples/extract_dir")
head=$(count "$TARGET/release/examples/extract_dir")
python3 - "$BASE" "$base" "$head" <<'EOF'
import sys
rev, base, head = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print(f"{rev:>12}: {base / 1e6:10.1f} M instructions")
print(f"{'this checkout':>12}: {head / 1e6:10.1f} M instructions ({(head / base - 1) * 100:+.1f}%)")
EOF
