timeline --format text --dates 3 --sentences 1 --title "Deepwater Horizon" --quiet story.jsonl
