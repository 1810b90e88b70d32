timeline --from 2010-13-01 story.jsonl
