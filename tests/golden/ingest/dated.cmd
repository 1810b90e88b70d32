ingest dated.txt
