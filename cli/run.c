/*
 * run.c — `storyline run`: the main job, end to end.
 *
 * Reads the inputs once into a corpus, runs the whole pipeline over it in
 * memory (sl_run_new: clean → dedup → cluster → timeline) and writes the
 * report into REPORT_DIR (sl_run_write_report).  stderr gets a progress bar
 * with articles/s while it works (only when it is a terminal), the input's
 * diagnostics, and one summary line at the end: articles read, rejected
 * (with the reasons), copies, events, stories, seconds.
 *
 * Exit status: 0; 1 when some input was rejected (the report is still
 * written from every valid article) or the report could not be written;
 * 2 on a usage error.
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char help[] =
    "usage: storyline run [options] [FILE|DIR|-]... -o REPORT_DIR\n"
    "\n"
    "Find the stories in a pile of articles: read them, strip web leftovers,\n"
    "group copies, cluster articles into events and stories, write a dated\n"
    "timeline of each story, and save it all as a report in REPORT_DIR:\n"
    "  index.html      one self-contained page to read (no network needed):\n"
    "                  stories largest first, each with its timeline, a chart\n"
    "                  of articles per day, its events and the copies folded\n"
    "                  under their original\n"
    "  articles.jsonl  every article: id, date, title, source, url, clean text,\n"
    "                  group (its original's id), relation, event, story\n"
    "  stories.json    stories with their events and articles per day\n"
    "  timelines.json  each story's timeline: dates, sentences, sources\n"
    "\n"
    "Inputs are read as by 'storyline ingest' (JSONL, text files, directories,\n"
    "'-' or nothing for standard input).\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR    the report folder (created if missing; required;\n"
    "                      not inside an input folder)\n"
    "  --dates N           dates per story timeline (default: from the data)\n"
    "  --sentences K       sentences per timeline date (default 2)\n"
    "  --stories N         at most N stories shown in full in index.html\n"
    "                      (default 100; stories of one article are listed,\n"
    "                      and all are in the JSON files)\n"
    "  --timings           after the summary, each stage's wall and CPU seconds,\n"
    "                      MB/s per core (input MB / CPU seconds) and library\n";

/* Rejection reasons: the diagnostic's message up to its first ';', ':' or
 * " at ", digits folded, counted. */
typedef struct reason {
    char text[64];
    size_t count;
} reason;

typedef struct run_diag {
    const cli_common *opt;
    reason reasons[16];
    size_t n_reasons;
} run_diag;

static void reason_key(const char *msg, char *out, size_t cap) {
    size_t o = 0;
    for (size_t i = 0; msg[i] && o + 1 < cap; i++) {
        if (msg[i] == ';' || msg[i] == ':' || strncmp(msg + i, " at ", 4) == 0 ||
            strncmp(msg + i, " near ", 6) == 0)
            break;
        if (isdigit((unsigned char)msg[i])) {
            if (o == 0 || out[o - 1] != 'N') out[o++] = 'N';
            while (isdigit((unsigned char)msg[i + 1])) i++;
            continue;
        }
        out[o++] = msg[i];
    }
    while (o && out[o - 1] == ' ') o--;
    out[o] = '\0';
}

static void on_diag(const sl_diag *d, void *user) {
    run_diag *st = user;
    if (!d->is_warning) {
        char key[64];
        reason_key(d->message, key, sizeof key);
        size_t k = 0;
        while (k < st->n_reasons && strcmp(st->reasons[k].text, key) != 0) k++;
        if (k == st->n_reasons && k < sizeof st->reasons / sizeof st->reasons[0]) {
            snprintf(st->reasons[k].text, sizeof st->reasons[k].text, "%s", key);
            st->n_reasons++;
        }
        if (k < st->n_reasons) st->reasons[k].count++;
    }
    if (d->is_warning && st->opt->quiet) return;
    cli_progress_end();
    if (d->line > 0)
        fprintf(stderr, "storyline: %s:%ld: %s%s\n", d->file, d->line, d->is_warning ? "warning: " : "",
                d->message);
    else
        fprintf(stderr, "storyline: %s: %s%s\n", d->file, d->is_warning ? "warning: " : "", d->message);
}

/* CPU seconds of the process, all threads. */
static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The absolute form of path, which need not exist yet: realpath of its
 * longest existing prefix plus the rest.  0 on success. */
static int absolute_path(const char *path, char *out, size_t cap) {
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) return -1;
    size_t len = strlen(buf);
    while (len > 1 && buf[len - 1] == '/') buf[--len] = '\0';
    char *slash = NULL;
    for (;;) {
        char resolved[PATH_MAX];
        if (realpath(buf, resolved)) {
            const char *rest = slash ? path + (slash - buf) : "";
            return snprintf(out, cap, "%s%s", resolved, rest) < (int)cap ? 0 : -1;
        }
        char *prev = slash;
        slash = strrchr(buf, '/');
        if (prev) *prev = '/';
        if (!slash) {
            /* A relative path none of whose components exist: under "." */
            if (!getcwd(out, cap)) return -1;
            size_t n = strlen(out);
            return snprintf(out + n, cap - n, "/%s", path) < (int)(cap - n) ? 0 : -1;
        }
        if (slash == buf) return snprintf(out, cap, "%s", path) < (int)cap ? 0 : -1;
        *slash = '\0';
    }
}

/* 1 if the report folder lies inside an input folder: its articles.jsonl
 * would be read back as input by the next run. */
static int report_inside_input(const char *out_dir, int argc, char **argv, int first, const char **which) {
    char out_abs[PATH_MAX], in_abs[PATH_MAX];
    if (absolute_path(out_dir, out_abs, sizeof out_abs)) return 0;
    for (int k = first; k < argc; k++) {
        struct stat sb;
        if (stat(argv[k], &sb) != 0 || !S_ISDIR(sb.st_mode) || !realpath(argv[k], in_abs)) continue;
        size_t n = strlen(in_abs);
        if (strncmp(out_abs, in_abs, n) == 0 && (out_abs[n] == '/' || out_abs[n] == '\0' || n == 1)) {
            *which = argv[k];
            return 1;
        }
    }
    return 0;
}

typedef struct run_progress {
    const char *stage;
    size_t articles;
} run_progress;

static void on_progress(const char *stage, size_t done, size_t total, void *user) {
    run_progress *p = user;
    if (p->stage != stage) {
        cli_progress_end();   /* restarts the rate for the new stage */
        p->stage = stage;
    }
    cli_progress(stage, done, total);
}

int cmd_run(int argc, char **argv) {
    cli_common opt;
    cli_common_init(&opt);
    const char *out_dir = NULL;
    int timings = 0;
    sl_run_options ro = {0};
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"dates", required_argument, NULL, 0x2001},
        {"sentences", required_argument, NULL, 0x2002},
        {"stories", required_argument, NULL, 0x2003},
        {"timings", no_argument, NULL, 0x2004},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "ho:q", longopts, NULL)) != -1) {
        int r = cli_common_option(&opt, "run", ch, optarg);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        long v;
        switch (ch) {
        case 'h': fputs(help, stdout); fputs(cli_common_help, stdout); return EXIT_OK;
        case 'o': out_dir = optarg; break;
        case 0x2001:
            if ((v = cli_parse_count(optarg)) < 1 || v > 10000)
                return cli_usage_error("run", "--dates must be 1..10000, not '%s'", optarg);
            ro.timeline_dates = (int)v;
            break;
        case 0x2002:
            if ((v = cli_parse_count(optarg)) < 1 || v > 100)
                return cli_usage_error("run", "--sentences must be 1..100, not '%s'", optarg);
            ro.timeline_sentences = (int)v;
            break;
        case 0x2003:
            if ((v = cli_parse_count(optarg)) < 1)
                return cli_usage_error("run", "--stories must be a positive number, not '%s'", optarg);
            ro.html_stories = (size_t)v;
            break;
        case 0x2004: timings = 1; break;
        default: return cli_usage_error("run", "unknown option");
        }
    }
    if (!out_dir || !*out_dir) return cli_usage_error("run", "the report folder is missing: -o REPORT_DIR");
    const char *input_dir = NULL;
    if (report_inside_input(out_dir, argc, argv, optind, &input_dir))
        return cli_usage_error("run", "the report folder %s is inside the input folder %s: its files would be "
                               "read as articles next time; write the report elsewhere", out_dir, input_dir);

    sl_corpus *c = sl_corpus_new();
    if (!c) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
    double t0 = cli_now(), cpu0 = cpu_now();

    /* Read every input once. */
    run_diag diag = {&opt, {{{0}, 0}}, 0};
    sl_read_options rd = {0};
    rd.format = opt.format;
    rd.on_diag = on_diag;
    rd.diag_user = &diag;
    int status = EXIT_OK;
    int first = optind, npaths = argc - optind;
    if (npaths == 0 && isatty(0) && !opt.quiet)
        fprintf(stderr, "storyline: reading articles from standard input (Ctrl-D to end)\n");
    for (int k = 0; k < (npaths ? npaths : 1); k++) {
        int r = sl_corpus_read_path(c, npaths ? argv[first + k] : "-", &rd);
        if (r == SL_ENOMEM) { fprintf(stderr, "storyline: out of memory\n"); sl_corpus_free(c); return EXIT_BAD_INPUT; }
        if (r) status = EXIT_BAD_INPUT;
        if (!opt.quiet) cli_progress("reading", sl_corpus_size(c), 0);
    }
    cli_progress_end();
    double t_read = cli_now() - t0, t_read_cpu = cpu_now() - cpu0;

    /* The pipeline. */
    run_progress prog = {NULL, sl_corpus_size(c)};
    ro.threads = opt.threads;
    if (!opt.quiet) {
        ro.progress = on_progress;
        ro.progress_user = &prog;
    }
    sl_run *run = NULL;
    int rc = sl_run_new(c, &ro, &run);
    if (rc) {
        cli_progress_end();
        fprintf(stderr, "storyline run: %s\n", sl_strerror(rc));
        sl_corpus_free(c);
        return EXIT_BAD_INPUT;
    }
    rc = sl_run_write_report(run, out_dir);
    cli_progress_end();
    if (rc) {
        fprintf(stderr, "storyline run: cannot write the report to %s: %s\n", out_dir, strerror(errno));
        status = EXIT_BAD_INPUT;
    }

    if (!opt.quiet) {
        sl_run_stats s;
        sl_run_get_stats(run, &s);
        double dt = cli_now() - t0;
        fprintf(stderr, "storyline run: %zu articles read, %zu rejected", s.articles, sl_corpus_rejected(c));
        for (size_t k = 0; k < diag.n_reasons; k++)
            fprintf(stderr, "%s%zu %s", k ? ", " : " (", diag.reasons[k].count, diag.reasons[k].text);
        fprintf(stderr, "%s, %zu %s, %zu %s, %zu %s, %.2f s", diag.n_reasons ? ")" : "", s.copies,
                s.copies == 1 ? "copy" : "copies", s.events, s.events == 1 ? "event" : "events", s.stories,
                s.stories == 1 ? "story" : "stories", dt);
        if (!rc) fprintf(stderr, " → %s/index.html", out_dir);
        fputc('\n', stderr);
    }
    if (timings) {
        sl_run_stats s;
        sl_run_get_stats(run, &s);
        static const char *names[] = {"clean", "dedup", "cluster", "timeline", "report"};
        double mb = (double)sl_corpus_bytes(c) / 1e6, total = t_read, total_cpu = t_read_cpu;
        fprintf(stderr, "  %-9s %8s %8s %10s  (%.1f MB input; MB/s per core = MB / CPU s)\n", "stage",
                "wall s", "CPU s", "MB/s/core", mb);
        fprintf(stderr, "  %-9s %8.3f %8.3f %10.1f\n", "read", t_read, t_read_cpu,
                t_read_cpu > 0 ? mb / t_read_cpu : 0);
        for (int k = 0; k < 5; k++) {
            total += s.seconds[k];
            total_cpu += s.cpu_seconds[k];
            fprintf(stderr, "  %-9s %8.3f %8.3f %10.1f  %s\n", names[k], s.seconds[k], s.cpu_seconds[k],
                    s.cpu_seconds[k] > 0 ? mb / s.cpu_seconds[k] : 0,
                    k < 4 && s.provenance[k] ? s.provenance[k] : "");
        }
        fprintf(stderr, "  %-9s %8.3f %8.3f %10.1f  %.0f articles/s wall, %d thread%s\n", "total", total,
                total_cpu, total_cpu > 0 ? mb / total_cpu : 0, total > 0 ? (double)s.articles / total : 0,
                opt.threads, opt.threads == 1 ? "" : "s");
    }
    sl_run_free(run);
    sl_corpus_free(c);
    return status;
}
