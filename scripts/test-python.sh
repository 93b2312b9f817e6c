#!/usr/bin/env bash
# The Python package's tests: builds and installs `tamis` into a venv the way a user does
# (`pip install .`, the maturin PEP 517 backend), then runs the pytest suite in
# crates/tamis-python/tests (API, stubs, local runs, a real Ray cluster on 127.0.0.1) and the
# object-store tests of tamis-store against a local S3 server (moto) started by the tests.
#
#   scripts/test-python.sh            # venv in .venv-py, debug-profile extension (fast build)
#   TAMIS_PY_PROFILE=release scripts/test-python.sh     # optimised extension (benchmarks)
#   PYTHON=python3.12 scripts/test-python.sh             # another interpreter for the venv
#   scripts/test-python.sh -k ray                        # extra arguments go to pytest
#
# Needs: Rust (cargo), Python >= 3.9 with venv and pip, and the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/.venv-py"
python=${PYTHON:-python3}
profile=${TAMIS_PY_PROFILE:-dev}
target_dir=${CARGO_TARGET_DIR:-$root/target}
start=$(date +%s)

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"
# maturin (the build backend) runs as a command: the venv's bin must be on PATH.
export PATH="$venv/bin:$PATH"
"$py" -m pip install -q --disable-pip-version-check --upgrade pip
"$py" -m pip install -q --disable-pip-version-check \
    "maturin>=1.9,<2" "pytest>=8" "pyarrow>=14" "ray>=2.9" "moto[server]>=5" "mypy>=1.10"

# The real install path (PEP 517 build of the sdist tree by maturin, then a wheel install);
# --no-build-isolation reuses the venv's maturin instead of downloading one per build.
echo "test-python: building and installing tamis ($profile profile)"
MATURIN_PEP517_ARGS="--profile $profile" CARGO_TARGET_DIR="$target_dir" \
    "$py" -m pip install -q --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps .

# The CLI, for comparing Python and Ray runs with `tamis run` byte for byte.
CARGO_TARGET_DIR="$target_dir" cargo build -q --bin tamis
export TAMIS_BIN="$target_dir/debug/tamis"

# Object stores: tamis-store's tests start moto's S3 server from the venv on 127.0.0.1.
echo "test-python: tamis-store against a local S3 server"
PATH="$venv/bin:$PATH" TAMIS_REQUIRE_MOTO=1 CARGO_TARGET_DIR="$target_dir" \
    cargo test -q -p tamis-store -- --nocapture

echo "test-python: pytest"
set +e
(cd "$root" && "$py" -m pytest crates/tamis-python/tests -q -p no:cacheprovider "$@")
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "test-python: FAILED: pytest collected no tests" >&2
    exit 1
fi
echo "test-python: pytest exit code $rc, $(( $(date +%s) - start )) s in all"
exit "$rc"
