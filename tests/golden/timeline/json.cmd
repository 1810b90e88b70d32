timeline --format json story.jsonl
