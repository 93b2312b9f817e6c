#!/usr/bin/env bash
# Reader/writer throughput (issue 3 benchmarks), one thread, CPU time:
#  1. tamis-io alone (crates/tamis-io/examples/io_bench.rs): WARC.gz reading versus plain
#     gunzip of the same file (goal >= 0.8), JSONL -> JSONL passthrough per core (goal >= 500
#     MB/s), and the JSON parsers alone;
#  2. the same JSONL passthrough through the command users run, `tamis run -j1` with a
#     pipeline of no steps (reader, executor, stats, writer), best of 3, CPU time of the
#     process (user + system).
# Usage: bench/io.sh [--mb N] [FILE...]   (defaults: ../shared/data/warc/*, ../shared/data/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --release -p tamis-io --example io_bench -- "$@"

corpus=../shared/data/corpus/20newsgroups.jsonl.gz
[ -f "$corpus" ] || { echo "skipped tamis run passthrough: $corpus not found"; exit 0; }
cargo build --quiet --release --bin tamis
tamis=${CARGO_TARGET_DIR:-$PWD/target}/release/tamis
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zcat "$corpus" > "$tmp/once.jsonl"
# About 600 MB: the corpus (74 MB) eight times.
for _ in 1 2 3 4 5 6 7 8; do cat "$tmp/once.jsonl"; done > "$tmp/in.jsonl"
rm "$tmp/once.jsonl"
cat > "$tmp/p.toml" <<TOML
version = 1
[input]
paths = ["$tmp/in.jsonl"]
[output]
path = "$tmp/out"
format = "jsonl"
compression = "none"
TOML
python3 - "$tamis" "$tmp" <<'PY'
import os, resource, shutil, subprocess, sys
tamis, tmp = sys.argv[1], sys.argv[2]
size = os.path.getsize(os.path.join(tmp, "in.jsonl"))
best = None
for _ in range(3):
    shutil.rmtree(os.path.join(tmp, "out"), ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([tamis, "run", os.path.join(tmp, "p.toml"), "-j1"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best = cpu if best is None else min(best, cpu)
out = os.path.getsize(os.path.join(tmp, "out", "00000.jsonl"))
print(f"jsonl    tamis run -j1, no steps ({size/1e6:.0f} MB in, {out/1e6:.0f} MB out) "
      f"{size/1e6/best:8.1f} MB/s per core   (goal >= 500; CPU time, best of 3)")
PY
