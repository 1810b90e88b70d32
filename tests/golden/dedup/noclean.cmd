dedup --no-clean copies.jsonl
