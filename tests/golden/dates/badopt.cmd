dates --pub-date yesterday news.jsonl
