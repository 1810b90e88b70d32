run good.jsonl
