ingest --help
