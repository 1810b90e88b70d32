/*
 * main.c — the `storyline` command dispatcher.
 *
 * `storyline COMMAND [options] [FILE|DIR|-]...`: looks COMMAND up in the
 * table below and hands it the rest of argv.  One file per command in cli/,
 * git-style; adding a command is adding a file and a line here.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"ingest", cmd_ingest, "read articles (JSONL, text files, directories) and write them as JSONL"},
    {"clean", cmd_clean, "strip web boilerplate from articles; read title, byline, dateline, date"},
    {"dedup", cmd_dedup, "group exact, near, excerpted and machine-spun copies of articles"},
    {"cluster", cmd_cluster, "group articles into events and long-running stories"},
    {"dates", cmd_dates, "find and resolve the dates each article mentions (JSONL)"},
    {"timeline", cmd_timeline, "write the dated, deduplicated timeline of a story (text, JSON, HTML)"},
    {"run", cmd_run, "the whole pipeline: stories, events, copies, timelines, as a report folder"},
};

static void usage(FILE *f) {
    fprintf(f,
            "usage: storyline <command> [options] [FILE|DIR|-]...\n"
            "\n"
            "storyline turns raw news articles into stories and dated timelines.\n"
            "Input is JSONL (one {\"id\",\"text\",...} object per line), plain-text\n"
            "articles, or directories of them; no FILE or '-' reads standard input.\n"
            "Output is JSONL on standard output.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f,
            "\n"
            "Options:\n"
            "  -h, --help     this help ('storyline COMMAND --help' for a command's)\n"
            "  -V, --version  print the version\n"
            "\n"
            "Exit status: 0 success, 1 bad input (some records rejected), 2 usage error.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (strcmp(argv[2], commands[i].name) == 0) {
                    char *args[] = {argv[2], "--help", NULL};
                    return commands[i].run(2, args);
                }
        }
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("storyline %s\n", sl_version());
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "storyline: '%s' is not a command. See 'storyline --help'.\n", name);
    return EXIT_USAGE;
}
