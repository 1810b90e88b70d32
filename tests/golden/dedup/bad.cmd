dedup bad.jsonl
