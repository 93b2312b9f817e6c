#!/usr/bin/env bash
# Speed-up of `tamis run` from 1 to 2 workers (goal >= 1.8x), on the 566 real HTML pages of
# ../shared/data/extraction, cleaned with the default steps, cut into 16 shards.
# Usage: bench/workers.sh [repeat]   (repeat: how many copies of the page set, default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-4}
pages=../shared/data/extraction/html
[ -d "$pages" ] || { echo "skipped: $pages not found"; exit 0; }
cargo build --release --bin tamis -q
tamis=${CARGO_TARGET_DIR:-$PWD/target}/release/tamis
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for r in $(seq 1 "$repeat"); do
    mkdir -p "$tmp/in/$r"
    cp -r "$pages"/* "$tmp/in/$r/"
done
n=$(find "$tmp/in" -name '*.html.gz' | wc -l)
bytes=$(find "$tmp/in" -name '*.html.gz' -exec zcat {} + | wc -c)
run() {
    local j=$1
    cat > "$tmp/p$j.toml" <<TOML
version = 1
[input]
paths = ["$tmp/in"]
[[steps]]
type = "extract"
[[steps]]
type = "boilerplate"
[[steps]]
type = "soft_error"
[[steps]]
type = "dedup_lines"
[output]
path = "$tmp/out$j"
[run]
shards = 16
TOML
    local t0 t1
    t0=$(date +%s.%N)
    "$tamis" run -q -j "$j" "$tmp/p$j.toml" 2>/dev/null
    t1=$(date +%s.%N)
    awk "BEGIN{print $t1 - $t0}"
}
t1=$(run 1)
t2=$(run 2)
cmp <(cat "$tmp"/out1/*.jsonl.zst) <(cat "$tmp"/out2/*.jsonl.zst) && echo "outputs of -j1 and -j2 are byte-identical"
awk -v n="$n" -v b="$bytes" -v t1="$t1" -v t2="$t2" 'BEGIN {
    printf "pages: %d (%.1f MB of HTML)\n", n, b / 1e6
    printf "%-10s %10s %10s %10s\n", "workers", "seconds", "pages/s", "MB/s"
    printf "%-10s %10.2f %10.0f %10.1f\n", 1, t1, n / t1, b / 1e6 / t1
    printf "%-10s %10.2f %10.0f %10.1f\n", 2, t2, n / t2, b / 1e6 / t2
    printf "speed-up 1 -> 2 workers: %.2fx (goal >= 1.8x)\n", t1 / t2
}'
