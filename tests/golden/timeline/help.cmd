timeline --help
