ingest good.jsonl
