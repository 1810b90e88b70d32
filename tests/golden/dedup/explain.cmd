dedup --explain earnings-q1-2021 earnings-q1-2022 copies.jsonl
