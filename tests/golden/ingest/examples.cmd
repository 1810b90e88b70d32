ingest ../../../examples
