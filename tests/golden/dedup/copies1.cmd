dedup --threads 1 copies.jsonl
