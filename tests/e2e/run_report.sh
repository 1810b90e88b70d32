#!/bin/sh
# run_report.sh — end to end: `storyline run` on small corpora, then the
# report's JSON checked by check_report.py (consistency plus expected facts:
# stories found, copies grouped, dates).  Usage: run_report.sh BIN
set -u
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail=0

ok() { echo "ok   e2e/$1"; }
bad() { echo "FAIL e2e/$1"; fail=1; }

# 1. Hand-made corpus: two topics, an exact copy, a broken line.
"$BIN" run "$HERE/data" -o "$OUT/small" 2>"$OUT/small.err"
rc=$?
if [ $rc = 1 ] && grep -q "1 rejected (1 broken JSON)" "$OUT/small.err" &&
   grep -q "7 articles read" "$OUT/small.err" &&
   python3 "$HERE/check_report.py" "$OUT/small" --articles 7 \
     --copy volcano-2-copy=volcano-2 --relation volcano-2-copy=exact \
     --same-story volcano-1,volcano-3 --same-story election-1,election-3 \
     --timeline-date volcano-1=2024-03-16; then
  ok small
else
  bad small; sed 's/^/     stderr: /' "$OUT/small.err" | head -5
fi

# 2. Usage: -o is required; nothing is written.
"$BIN" run "$HERE/data" >/dev/null 2>"$OUT/usage.err"
[ $? = 2 ] && grep -q "REPORT_DIR" "$OUT/usage.err" && ok usage || bad usage

# 3. Standard input, quiet: no stderr at all, exit 0.
grep -v '^{"id":"broken"' "$HERE/data/articles.jsonl" | "$BIN" run -q -o "$OUT/stdin" 2>"$OUT/stdin.err"
if [ $? = 0 ] && [ ! -s "$OUT/stdin.err" ] && python3 "$HERE/check_report.py" "$OUT/stdin" --articles 7; then
  ok stdin
else
  bad stdin
fi

# 4. The examples/ corpus, when present.
if [ -d "$ROOT/examples" ]; then
  "$BIN" run "$ROOT/examples" -o "$OUT/examples" 2>"$OUT/examples.err"
  if [ $? = 0 ] && python3 "$HERE/check_report.py" "$OUT/examples" --min-stories 1; then
    ok examples
  else
    bad examples; sed 's/^/     stderr: /' "$OUT/examples.err" | head -5
  fi
else
  echo "skip e2e/examples: no examples/ folder"
fi
exit $fail
