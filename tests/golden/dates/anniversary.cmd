dates --rules anniversary.jsonl
