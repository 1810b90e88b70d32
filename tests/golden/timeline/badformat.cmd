timeline --format pdf story.jsonl
