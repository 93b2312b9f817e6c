# Sourced by the extraction benches: makes sure $VENV (bench/.venv, gitignored) holds the peers
# (resiliparse, trafilatura and lxml_html_clean), creating it on first use.
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import resiliparse, trafilatura" 2>/dev/null; then
    echo "creating $VENV (pip install resiliparse trafilatura lxml_html_clean)..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
    "$VENV/bin/pip" install -q resiliparse trafilatura lxml_html_clean
fi
