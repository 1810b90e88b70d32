dates bad.jsonl
