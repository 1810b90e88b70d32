clean missing.jsonl wire.jsonl
