dedup copies.jsonl
