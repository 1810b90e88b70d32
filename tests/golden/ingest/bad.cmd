ingest bad.jsonl empty.jsonl missing.jsonl
