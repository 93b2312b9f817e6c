#!/usr/bin/env bash
# The whole test suite: every Rust crate (unit, integration, property tests) and the doc
# examples. Tests that need ../shared (the shared data sets) print "skipped" without it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo nextest --version >/dev/null 2>&1; then
    cargo install cargo-nextest --locked
fi
cargo nextest run --workspace --no-fail-fast
cargo test --workspace --doc
