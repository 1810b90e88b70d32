dedup --help
