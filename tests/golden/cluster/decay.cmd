cluster decay.jsonl
