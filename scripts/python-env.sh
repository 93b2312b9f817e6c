#!/usr/bin/env bash
# Creates (or updates) the Python environment of the tests: a venv in .venv-py (git-ignored)
# with the build backend (maturin) and what the tests use (pytest, pyarrow, pandas, Ray, moto's S3
# server, mypy). Prints the venv's directory. Installs only when the requirements changed.
#
#   PYTHON=python3.12 scripts/python-env.sh     # another interpreter (>= 3.9) for the venv
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(pwd)/.venv-py"
python=${PYTHON:-python3}
reqs='maturin>=1.9,<2 pytest>=8 pyarrow>=14 pandas>=2 ray>=2.9 moto[server]>=5 boto3 mypy>=1.10'
if [ ! -x "$venv/bin/python" ]; then
    # Some distributions ship Python without ensurepip (no `venv` with pip): use virtualenv.
    if ! "$python" -m venv "$venv" >&2; then
        rm -rf "$venv"
        "$python" -m pip install -q --user --disable-pip-version-check virtualenv >&2
        "$python" -m virtualenv -q "$venv" >&2
    fi
fi
stamp="$venv/.tamis-requirements"
if [ "$(cat "$stamp" 2>/dev/null)" != "$reqs" ]; then
    echo "python-env: installing $reqs" >&2
    # shellcheck disable=SC2086
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >&2
    # shellcheck disable=SC2086
    "$venv/bin/python" -m pip install -q --disable-pip-version-check $reqs >&2
    echo "$reqs" > "$stamp"
fi
echo "$venv"
