clean --threshold abc wire.jsonl
