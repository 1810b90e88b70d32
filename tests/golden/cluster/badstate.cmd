cluster --state badstate.slc decay.jsonl
