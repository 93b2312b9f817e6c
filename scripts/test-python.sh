#!/usr/bin/env bash
# The Python package's tests (scripts/test.sh runs this after the Rust tests): builds and
# installs `tamis` into the test venv the way a user does (`pip install .`, the maturin PEP 517
# backend; debug profile for a fast build), checks the type stubs (mypy's stubtest against the
# built extension, and mypy over a typed use of the API), then runs the pytest suite in
# crates/tamis-python/tests: the API module by module, a real Ray cluster started on 127.0.0.1,
# and runs from and to S3 buckets on a moto server started on 127.0.0.1.
#
#   scripts/test-python.sh                      # debug-profile extension (fast build)
#   TAMIS_PY_PROFILE=release scripts/test-python.sh   # optimised extension (benchmarks)
#   scripts/test-python.sh -k ray               # extra arguments go to pytest
#
# Needs: Rust (cargo), Python >= 3.9 with venv and pip, and the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
start=$(date +%s)
venv=$(scripts/python-env.sh)
py="$venv/bin/python"
profile=${TAMIS_PY_PROFILE:-dev}
target_dir=${CARGO_TARGET_DIR:-$root/target}
# maturin (the build backend) runs as a command: the venv's bin must be on PATH.
export PATH="$venv/bin:$PATH"

echo "test-python: building and installing tamis ($profile profile)"
# --no-build-isolation reuses the venv's maturin instead of downloading one per build.
MATURIN_PEP517_ARGS="--profile $profile" CARGO_TARGET_DIR="$target_dir" \
    "$py" -m pip install -q --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps .

# The CLI, for comparing Python, Ray and S3 runs with `tamis run` byte for byte. scripts/test.sh
# passes the one its Rust tests built (TAMIS_BIN).
if [ -z "${TAMIS_BIN:-}" ] || [ ! -x "$TAMIS_BIN" ]; then
    CARGO_TARGET_DIR="$target_dir" cargo build -q --bin tamis
    export TAMIS_BIN="$target_dir/debug/tamis"
fi

echo "test-python: type stubs"
"$py" -m mypy.stubtest tamis._tamis
"$py" -m mypy --strict --no-incremental crates/tamis-python/tests/typed_usage.py

echo "test-python: pytest"
set +e
"$py" -m pytest crates/tamis-python/tests -q -p no:cacheprovider -rs "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "test-python: FAILED: pytest collected no tests" >&2
    exit 1
fi
echo "test-python: pytest exit code $rc, $(( $(date +%s) - start )) s in all"
exit "$rc"
