cluster --summary decay.jsonl
