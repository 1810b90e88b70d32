#!/bin/sh
# run.sh — end-to-end golden tests: run the storyline binary on small inputs
# in tests/golden/<command>/ and compare with the expected outputs.
#
# Each case is a file CASE.cmd holding the arguments (the inputs are paths
# relative to the case folder), CASE.out the expected stdout, and optionally
# CASE.err (lines that must appear in stderr) and CASE.rc (expected exit
# status, 0 if absent).  Set SL_GOLDEN_UPDATE=1 to rewrite the .out files.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")" && pwd)
fail=0; n=0
for cmdfile in "$ROOT"/*/*.cmd; do
  [ -e "$cmdfile" ] || continue
  dir=$(dirname "$cmdfile"); case_name=$(basename "$cmdfile" .cmd)
  n=$((n + 1))
  out=$(mktemp); err=$(mktemp)
  ( cd "$dir" && eval "\"$BIN\" $(cat "$cmdfile")" >"$out" 2>"$err" )
  rc=$?
  want_rc=0; [ -f "$dir/$case_name.rc" ] && want_rc=$(cat "$dir/$case_name.rc")
  ok=1
  if [ "$rc" != "$want_rc" ]; then echo "FAIL $case_name: exit $rc, want $want_rc"; ok=0; fi
  if [ "${SL_GOLDEN_UPDATE:-0}" = 1 ]; then cp "$out" "$dir/$case_name.out"; fi
  if [ -f "$dir/$case_name.out" ] && ! cmp -s "$out" "$dir/$case_name.out"; then
    echo "FAIL $case_name: output differs:"; diff "$dir/$case_name.out" "$out" | head -20; ok=0
  fi
  if [ -f "$dir/$case_name.err" ]; then
    while IFS= read -r line; do
      grep -qF -- "$line" "$err" || { echo "FAIL $case_name: stderr lacks: $line"; ok=0; }
    done < "$dir/$case_name.err"
  fi
  [ $ok = 1 ] && echo "ok   $(basename "$dir")/$case_name" || { fail=1; sed 's/^/     stderr: /' "$err" | head -5; }
  rm -f "$out" "$err"
done
echo "golden: $n cases, $([ $fail = 0 ] && echo all passed || echo FAILURES)"
exit $fail
