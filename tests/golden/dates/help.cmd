dates --help
