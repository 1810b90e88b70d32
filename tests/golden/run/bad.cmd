run bad.jsonl missing.jsonl --dates 3 -o "${TMPDIR:-/tmp}/sl-golden-run-bad"
