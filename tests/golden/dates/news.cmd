dates news.jsonl
