/*
 * common.c — helpers shared by the command files: reading inputs with
 * diagnostics, shared options, usage errors, progress on a TTY.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char cli_common_help[] =
    "Common options:\n"
    "  --input-format FMT  auto (default), jsonl or text\n"
    "  --threads N         worker threads (default: number of cores)\n"
    "  -q, --quiet         no warnings and no progress on stderr\n"
    "  -h, --help          this help\n";

void cli_common_init(cli_common *c) {
    memset(c, 0, sizeof *c);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    c->threads = n > 0 ? (int)n : 1;
    c->format = SL_FORMAT_AUTO;
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "storyline %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'storyline %s --help'.\n", cmd);
    return EXIT_USAGE;
}

long cli_parse_count(const char *s) {
    if (!s || !*s) return -1;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < 0) return -1;
    return v;
}

int cli_common_option(cli_common *c, const char *cmd, int code, const char *arg) {
    switch (code) {
    case 0x1001:
        if (strcmp(arg, "auto") == 0) c->format = SL_FORMAT_AUTO;
        else if (strcmp(arg, "jsonl") == 0) c->format = SL_FORMAT_JSONL;
        else if (strcmp(arg, "text") == 0) c->format = SL_FORMAT_TEXT;
        else { cli_usage_error(cmd, "--input-format must be auto, jsonl or text, not '%s'", arg); return -1; }
        return 1;
    case 0x1002: {
        long n = cli_parse_count(arg);
        if (n < 1 || n > 1024) { cli_usage_error(cmd, "--threads must be 1..1024, not '%s'", arg); return -1; }
        c->threads = (int)n;
        return 1;
    }
    case 'q':
        c->quiet = true;
        return 1;
    default:
        return 0;
    }
}

typedef struct diag_state {
    const cli_common *opt;
} diag_state;

static void print_diag(const sl_diag *d, void *user) {
    const diag_state *st = user;
    if (d->is_warning && st->opt->quiet) return;
    cli_progress_end();
    if (d->line > 0)
        fprintf(stderr, "storyline: %s:%ld: %s%s\n", d->file, d->line,
                d->is_warning ? "warning: " : "", d->message);
    else
        fprintf(stderr, "storyline: %s: %s%s\n", d->file, d->is_warning ? "warning: " : "",
                d->message);
}

int cli_read_inputs(sl_corpus *c, const cli_common *opt, int argc, char **argv, int first) {
    diag_state st = {opt};
    sl_read_options ro = {0};
    ro.format = opt->format;
    ro.on_diag = print_diag;
    ro.diag_user = &st;
    int status = EXIT_OK;
    if (first >= argc) {
        if (isatty(0) && !opt->quiet)
            fprintf(stderr, "storyline: reading articles from standard input (Ctrl-D to end)\n");
        int r = sl_corpus_read_path(c, "-", &ro);
        if (r == SL_ENOMEM) { fprintf(stderr, "storyline: out of memory\n"); exit(EXIT_BAD_INPUT); }
        if (r) status = EXIT_BAD_INPUT;
    }
    for (int i = first; i < argc; i++) {
        int r = sl_corpus_read_path(c, argv[i], &ro);
        if (r == SL_ENOMEM) { fprintf(stderr, "storyline: out of memory\n"); exit(EXIT_BAD_INPUT); }
        if (r) status = EXIT_BAD_INPUT;
        if (!opt->quiet) cli_progress("reading", (size_t)(i - first + 1), (size_t)(argc - first));
    }
    cli_progress_end();
    return status;
}

double cli_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int progress_shown = 0;
static double progress_last = 0;
static double progress_start = 0;

void cli_progress(const char *label, size_t done, size_t total) {
    static int tty = -1;
    if (tty < 0) tty = isatty(2);
    if (!tty) return;
    double now = cli_now();
    if (!progress_shown) progress_start = now;
    if (progress_shown && now - progress_last < 0.1 && done != total) return;
    progress_last = now;
    progress_shown = 1;
    double rate = now > progress_start ? (double)done / (now - progress_start) : 0;
    if (total) {
        int width = 30, filled = (int)((double)width * (double)done / (double)total);
        char bar[64];
        for (int i = 0; i < width; i++) bar[i] = i < filled ? '#' : '.';
        bar[width] = '\0';
        fprintf(stderr, "\r%-10s [%s] %zu/%zu  %.0f/s ", label, bar, done, total, rate);
    } else {
        fprintf(stderr, "\r%-10s %zu  %.0f/s ", label, done, rate);
    }
    fflush(stderr);
}

void cli_progress_end(void) {
    if (!progress_shown) return;
    fprintf(stderr, "\r\033[K");
    fflush(stderr);
    progress_shown = 0;
}

void cli_buffer_stdout(void) {
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
}
