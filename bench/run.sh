#!/bin/sh
# run.sh — `make bench`: generate benchmark corpora and run the benchmarks.
#
#   sh bench/run.sh BUILD_DIR
#
# Generates bench/out/gen-10k.jsonl and gen-100k.jsonl (bench/gen, seed 1)
# when absent, from the real articles of ../shared/data/t17 when present
# (SL_SHARED overrides the location), else from examples/.  Then runs every
# benchmark program BUILD_DIR/bench/*_bench on them and on t17, each printing
# its own MB/s lines, and times `storyline ingest` end to end.  Corpora are
# cached in bench/out/ (gitignored), keyed on the input and `gen -V`: they
# are regenerated when either changes.
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=bench/out
mkdir -p "$OUT"

SHARED=${SL_SHARED:-}
if [ -z "$SHARED" ]; then
  for d in ../shared ../../shared; do
    [ -f "$d/README.md" ] && { SHARED=$d; break; }
  done
fi
if [ -n "$SHARED" ] && [ -d "$SHARED/data/t17" ]; then
  SRC="$SHARED/data/t17"; TAG=t17
elif [ -d examples ] && [ -n "$(ls examples)" ]; then
  SRC=examples; TAG=examples
else
  echo "bench: no input corpus (../shared/data/t17 or examples/)" >&2; exit 1
fi

# the cache key: the input and the generator's output version (gen -V)
KEY="$TAG v$("$BUILD/bench/gen" -V)"
for n in 10000 100000; do
  name=gen-$((n / 1000))k
  f=$OUT/$name.jsonl
  if [ ! -s "$f" ] || [ ! -f "$OUT/$name.src" ] || [ "$(cat "$OUT/$name.src")" != "$KEY" ]; then
    echo "bench: generating $f from $SRC"
    "$BUILD/bench/gen" -n $n -s 1 -g "$OUT/$name.gold.jsonl" "$SRC" > "$f.tmp"
    mv "$f.tmp" "$f"
    echo "$KEY" > "$OUT/$name.src"
  fi
done

corpora="$OUT/gen-10k.jsonl $OUT/gen-100k.jsonl"
[ "$TAG" = t17 ] && corpora="$SRC $corpora"

# mbps BYTES T0 T1
mbps() { awk -v b="$1" -v t0="$2" -v t1="$3" 'BEGIN { s = t1 - t0; if (s <= 0) s = 1e-9; printf "%.1f", b / s / 1e6 }'; }
now() { date +%s.%N; }

for c in $corpora; do
  if [ -d "$c" ]; then bytes=$(find "$c" -name '*.jsonl' -exec cat {} + | wc -c)
  else bytes=$(wc -c < "$c"); fi
  echo "== $c ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'))"
  t0=$(now); "$BUILD/storyline" ingest -q "$c" > /dev/null; t1=$(now)
  echo "storyline ingest (read + write JSONL):   $(mbps "$bytes" "$t0" "$t1") MB/s"
  for b in "$BUILD"/bench/*_bench; do
    [ -x "$b" ] || continue
    "$b" "$c"
  done
done
