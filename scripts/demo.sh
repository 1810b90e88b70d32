#!/bin/sh
# demo.sh — run storyline's main job on examples/ and say where the result is.
set -e
BIN=${1:-build/storyline}
if "$BIN" --help | grep -q '^  run '; then
  "$BIN" run examples/ -o demo-report
  echo "demo: report written to $(pwd)/demo-report/index.html"
else
  mkdir -p demo-report
  "$BIN" ingest examples/ > demo-report/articles.jsonl
  echo "demo: $(wc -l < demo-report/articles.jsonl) articles written to $(pwd)/demo-report/articles.jsonl"
fi
