cluster --event-threshold 2 decay.jsonl
