/*
 * cli.h — what the command files share: the command signature, input
 * reading with diagnostics on stderr, option helpers and exit codes.
 *
 * Every command is `int cmd_NAME(int argc, char **argv)` with argv[0] the
 * command name; it returns the process exit status:
 *   0 success, 1 bad input (some records rejected, or an unreadable path),
 *   2 usage error (unknown option, bad option value).
 */
#ifndef SL_CLI_H
#define SL_CLI_H

#include "storyline.h"

#include <getopt.h>
#include <stdbool.h>

enum { EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_USAGE = 2 };

int cmd_ingest(int argc, char **argv);
int cmd_dates(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_run(int argc, char **argv);

/* Options every command that reads articles understands. */
typedef struct cli_common {
    sl_format format;       /* --input-format */
    int threads;            /* --threads, default: number of cores */
    bool quiet;             /* --quiet: no warnings, no progress */
} cli_common;

/* Initialises the defaults (threads = online cores). */
void cli_common_init(cli_common *c);

/* Long options shared by every command; append to a command's table. */
#define CLI_COMMON_OPTIONS                                   \
    {"input-format", required_argument, NULL, 0x1001},       \
    {"threads", required_argument, NULL, 0x1002},            \
    {"quiet", no_argument, NULL, 'q'},                       \
    {"help", no_argument, NULL, 'h'}

/* Handles a shared option code; returns 1 if handled, 0 if not one of
 * them, -1 on a bad value (after printing an error). */
int cli_common_option(cli_common *c, const char *cmd, int code, const char *arg);

/* Text for --help describing the shared options. */
extern const char cli_common_help[];

/* Reads every path of argv[first..argc) (stdin when there is none) into c.
 * Diagnostics go to stderr as "storyline: FILE:LINE: message".  Returns
 * EXIT_OK or EXIT_BAD_INPUT (some record rejected or a path unreadable). */
int cli_read_inputs(sl_corpus *c, const cli_common *opt, int argc, char **argv, int first);

/* Prints "storyline CMD: message" to stderr; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses a non-negative integer option value; -1 if invalid. */
long cli_parse_count(const char *s);

/* Monotonic seconds, for summaries. */
double cli_now(void);

/* A progress line on stderr, shown only when stderr is a terminal:
 * cli_progress(label, done, total) — redraws at most 10 times a second;
 * cli_progress_end() clears it. */
void cli_progress(const char *label, size_t done, size_t total);
void cli_progress_end(void);

/* Gives stdout a large buffer (JSONL output is line after line). */
void cli_buffer_stdout(void);

#endif
