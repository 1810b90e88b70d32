dedup --threshold 2 copies.jsonl
