#!/usr/bin/env bash
# docs/s through the Python package vs through the `tamis` CLI, same input and pipeline, both
# release builds (issue 7; goal >= 0.9x). The Python package is built with pyproject's release
# profile into its own venv (bench/.venv-pybench, git-ignored). Input: the 566 real HTML
# pages of ../shared/data/extraction (copied 4 times), else a synthetic corpus.
# Usage: bench/python_vs_cli.sh [extra arguments of bench/python_vs_cli.py]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=bench/.venv-pybench
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check "maturin>=1.9,<2" "pyarrow>=14"
PATH="$PWD/$venv/bin:$PATH" "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    --no-build-isolation --force-reinstall --no-deps .
cargo build --release --bin tamis -q
tamis=${CARGO_TARGET_DIR:-$PWD/target}/release/tamis
args=()
pages=../shared/data/extraction/html
if [ -d "$pages" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    for r in 1 2 3 4; do mkdir -p "$tmp/in/$r" && cp -r "$pages"/* "$tmp/in/$r/"; done
    args=(--input "$tmp/in")
fi
exec "$venv/bin/python" bench/python_vs_cli.py --tamis "$tamis" "${args[@]}" "$@"
