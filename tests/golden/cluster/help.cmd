cluster --help
