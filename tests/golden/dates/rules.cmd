dates --rules --quiet news.jsonl
