clean --explain wire.jsonl
