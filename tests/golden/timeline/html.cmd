timeline --format html --dates 2 --from 2010-07-01 --to 2010-12-31 --quiet story.jsonl
