clean --help
