cluster generic-words.jsonl
