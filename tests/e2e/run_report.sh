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

# 2b. A report folder inside an input folder would be read back next time.
mkdir -p "$OUT/in"
cp "$HERE/data/articles.jsonl" "$OUT/in/"
"$BIN" run "$OUT/in" -o "$OUT/in/report" >/dev/null 2>"$OUT/inside.err"
[ $? = 2 ] && grep -q "inside the input folder" "$OUT/inside.err" && [ ! -e "$OUT/in/report" ] &&
  ok report-inside-input || bad report-inside-input

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
  rc=$?
  # Three stories (port strike, drought, election), the wire copies and the
  # excerpt grouped with their originals, the strike's start on its timeline.
  P=calvera-herald/2025-03-03-strike-begins.txt
  D=oristan-daily/2025-07-22-record-heat.txt
  E=marovia-today/2025-10-13-ostrova-wins.txt
  if [ $rc = 0 ] && python3 "$HERE/check_report.py" "$OUT/examples" --articles 40 \
       --top-stories $P,$D,$E --min-stories 3 \
       --other-story $P,$D --other-story $E,$D --other-story $P,$E \
       --same-story $P,calvera-herald/2025-05-20-automation-committee.txt \
       --same-story $D,valley-post/2025-06-04-reservoir-low.txt \
       --same-story $E,marovia-today/2025-08-12-campaign-opens.txt \
       --same-group national-wire/2025-03-05-ships-queue-off-calvera.txt,coastal-times/2025-03-05-ships-queue-off-calvera.txt \
       --same-group national-wire/2025-06-20-oristan-rationing.txt,the-daily-brief/2025-06-21-oristan-water-rationing.txt \
       --same-group national-wire/2025-09-29-marovia-runoff.txt,world-digest/2025-09-30-marovia-excerpt.txt \
       --relation world-digest/2025-09-30-marovia-excerpt.txt=excerpt \
       --same-group national-wire/2025-03-05-ships-queue-off-calvera.txt,trendingnow24/calvera-ships-stuck-strike.txt \
       --relation trendingnow24/calvera-ships-stuck-strike.txt=spun \
       --timeline-date $P=2025-03-03; then
    ok examples
  else
    bad examples; sed 's/^/     stderr: /' "$OUT/examples.err" | head -5
  fi
  # Same report whatever the thread count.
  "$BIN" run -q --threads 1 "$ROOT/examples" -o "$OUT/t1" 2>/dev/null
  "$BIN" run -q --threads 3 "$ROOT/examples" -o "$OUT/t3" 2>/dev/null
  same=1
  for f in index.html articles.jsonl stories.json timelines.json; do
    cmp -s "$OUT/t1/$f" "$OUT/t3/$f" || { echo "     $f differs between --threads 1 and 3"; same=0; }
  done
  [ $same = 1 ] && ok threads || bad threads
else
  echo "skip e2e/examples: no examples/ folder"
fi
exit $fail
