timeline --from 2010-09-01 --to 2010-08-01 story.jsonl
