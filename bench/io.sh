#!/usr/bin/env bash
# Reader/writer throughput of tamis-io (issue 3 benchmarks): WARC.gz reading versus plain
# gunzip of the same file, and JSONL -> JSONL passthrough per core.
# Usage: bench/io.sh [--mb N] [FILE...]   (defaults: ../shared/data/warc/*, ../shared/data/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet --release -p tamis-io --example io_bench -- "$@"
