# Sourced by the extraction benches after `ROOT` is set: finds the development pages
# ($SHARED/data/extraction, $SHARED = $TAMIS_SHARED or ../shared next to the repository) into
# $DATA, or ends the bench with "skipped" when they are not there.
SHARED=${TAMIS_SHARED:-$ROOT/../shared}
DATA=$SHARED/data/extraction
if [ ! -f "$DATA/manifest.jsonl" ]; then
    echo "skipped: ../shared not found ($DATA)" >&2
    exit 0
fi
