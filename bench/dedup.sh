#!/usr/bin/env bash
# MinHash dedup: parity with datatrove, precision/recall on planted near-duplicates, speed per
# stage (single core) and peak RSS. Run on demand from the repository root:
#
#   bash bench/dedup.sh            # 51k real documents, tamis vs datatrove, + 500k synthetic (tamis)
#   SKIP_DATATROVE=1 bash bench/dedup.sh
#
# Needs ../shared (prints "skipped" without it). Creates bench/.venv-dedup with
# datatrove[processing] 0.10.1 + spacy on first use. Work files go to $WORK
# (default ${TMPDIR:-/tmp}/tamis-dedup-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
WORK=${WORK:-${TMPDIR:-/tmp}/tamis-dedup-bench}
VENV=$ROOT/bench/.venv-dedup
PY=$VENV/bin/python
if [ ! -d "$SHARED/data/corpus" ]; then
  echo "skipped: ../shared not found"
  exit 0
fi
if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "datatrove[processing]==0.10.1" spacy orjson numpy
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
cargo build --release -q -p tamis-dedup --example dedup_bench
BIN=$CARGO_TARGET_DIR/release/examples/dedup_bench
mkdir -p "$WORK"
cd "$ROOT"

echo "== corpus"
"$PY" bench/dedup_data.py "$SHARED" "$WORK/corpus.jsonl" "$WORK/truth.jsonl"
N=$(wc -l < "$WORK/corpus.jsonl")

echo "== tamis minhash_dedup (FineWeb settings), 1 shard, 1 thread"
rm -rf "$WORK/tamis"
"$BIN" --input "$WORK/corpus.jsonl" --step minhash --shards 1 --work "$WORK/tamis" \
  --removed "$WORK/tamis.removed" --signatures "$WORK/tamis.sigs" | tee "$WORK/tamis.log"
echo "== tamis, annotate mode (clusters for the scores), 7 shards (must give the same removed set)"
rm -rf "$WORK/tamis7"
"$BIN" --input "$WORK/corpus.jsonl" --step minhash --shards 7 --work "$WORK/tamis7" \
  --config '{"mode":"annotate"}' --annotated "$WORK/tamis.annotated.jsonl" > /dev/null
"$BIN" --input "$WORK/corpus.jsonl" --step minhash --shards 7 --work "$WORK/tamis7" \
  --removed "$WORK/tamis7.removed" > /dev/null
if cmp -s <(sort "$WORK/tamis.removed") <(sort "$WORK/tamis7.removed"); then
  echo "shard invariance: 1 and 7 shards remove the same $(wc -l < "$WORK/tamis.removed") documents"
else
  echo "shard invariance: DIFFERENT removed sets for 1 and 7 shards"
fi

if [ -z "${SKIP_DATATROVE:-}" ]; then
  echo "== datatrove 0.10.1 MinHash (sha1, 5-grams, 14x8), 1 task per stage, 1 worker"
  rm -rf "$WORK/dt" && mkdir -p "$WORK/dt"
  for s in 1 2 3 4; do
    /usr/bin/time -f "datatrove stage=$s wall_s=%e cpu_s=%U+%S peak_rss_kb=%M" \
      "$PY" bench/dedup_datatrove.py "$s" "$WORK/corpus.jsonl" "$WORK/dt" 2> "$WORK/dt.$s.err" | grep 'stage='
    grep 'datatrove stage=' "$WORK/dt.$s.err"
  done
  echo "== datatrove signatures of a 5,000-document sample (parity of signatures)"
  head -5000 "$WORK/corpus.jsonl" > "$WORK/sample.jsonl"
  "$PY" bench/dedup_datatrove.py signatures "$WORK/sample.jsonl" "$WORK/dt.sigs"
  echo "== scores"
  "$PY" bench/dedup_eval.py "$WORK/corpus.jsonl" "$WORK/truth.jsonl" "$WORK/tamis.removed" \
    "$WORK/tamis.annotated.jsonl" "$WORK/dt/removed.txt" "$WORK/tamis.sigs" "$WORK/dt.sigs"
  "$PY" - "$WORK" "$N" <<'EOF'
import re, sys
work, n = sys.argv[1], int(sys.argv[2])
t = {}
for line in open(f"{work}/tamis.log"):
    m = re.match(r"stage=(\w+) .*cpu_s=([\d.]+)", line)
    if m:
        t[m.group(1)] = float(m.group(2))
d = {}
for s in "1234":
    m = re.search(r"cpu_s=([\d.]+)\+([\d.]+)", open(f"{work}/dt.{s}.err").read())
    d[s] = float(m.group(1)) + float(m.group(2))
rows = [("signatures/observe", t["observe"], d["1"]), ("buckets+cluster/build", t["build"], d["2"] + d["3"]),
        ("filter/apply", t["apply"], d["4"]), ("end to end", sum(t.values()), sum(d.values()))]
for name, ts, ds in rows:
    print(f"speed {name}: tamis {n / max(ts, 1e-9):.0f} docs/s ({ts:.2f} s cpu), datatrove {n / ds:.0f} docs/s ({ds:.2f} s cpu), ratio {ds / max(ts, 1e-9):.1f}x")
EOF
fi

echo "== exact_dedup and paragraph_dedup (tamis only; datatrove has no equivalent run here)"
for spec in 'exact {}' 'paragraph {}' 'paragraph {"method":"bloom","bloom_expected_items":5000000}'; do
  step=${spec%% *}; cfg=${spec#* }
  rm -rf "$WORK/other"
  echo "-- $step $cfg"
  "$BIN" --input "$WORK/corpus.jsonl" --step "$step" --shards 4 --work "$WORK/other" --config "$cfg"
done

echo "== peak RSS vs corpus size (synthetic, tamis only): 50k and 500k documents"
"$PY" bench/dedup_data.py --synthetic 500000 "$WORK/synthetic-500000.jsonl" > /dev/null
head -50000 "$WORK/synthetic-500000.jsonl" > "$WORK/synthetic-50000.jsonl"
for n in 50000 500000; do
  for mem in 256 16; do
    rm -rf "$WORK/syn"
    echo "-- $n docs, 4 shards, observer_memory_mb=$mem"
    "$BIN" --input "$WORK/synthetic-$n.jsonl" --step minhash --shards 4 --work "$WORK/syn" \
      --config "{\"observer_memory_mb\": $mem}"
  done
done
