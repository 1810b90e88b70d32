dedup --explain orig nosuch copies.jsonl
