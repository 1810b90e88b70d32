/*
 * dates.c — `storyline dates`: the temporal expressions of each article,
 * resolved against its publication date (sl_timex_find).
 *
 * One JSON line per article, in input order:
 *   {"id":..., "date":"YYYY-MM-DD"|null, "mentions":[{"text":"last Monday",
 *    "day":"2024-10-07", "granularity":"day", "relative":true}, ...]}
 * Articles are independent, so they are processed by --threads workers in
 * batches; each worker formats its articles into its own buffers and the
 * main thread writes them in order, so the output does not depend on the
 * number of threads.
 */
#include "cli.h"
#include "internal.h"
#include "timeline/temporal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline dates [options] [FILE|DIR|-]...\n"
    "\n"
    "Find the dates each article mentions (\"June 12, 2023\", \"last Monday\",\n"
    "\"yesterday\", \"in June\", \"two weeks ago\") and resolve them against its\n"
    "publication date. Writes one JSON object per article:\n"
    "  {\"id\",\"date\",\"mentions\":[{\"text\",\"day\",\"granularity\",\"relative\"}]}\n"
    "day is YYYY-MM-DD (for week, month and year granularity the first day of\n"
    "it; weeks start on Monday); relative is true when the day was worked out\n"
    "from the publication date (or from an earlier date: \"two days later\").\n"
    "Articles without a date only get the mentions that name their year,\n"
    "unless --pub-date is given.\n"
    "\n"
    "Options:\n"
    "  --pub-date DATE     publication date (YYYY-MM-DD) for undated articles\n"
    "  --offsets           add \"start\" and \"len\" (byte offsets in the text)\n"
    "  --rules             add \"rule\": the pattern that matched (for debugging)\n";

static const char *const granularity_names[] = {"day", "month", "year", "week"};

typedef struct job {
    const sl_corpus *corpus;
    size_t first, count;        /* the batch */
    int32_t default_pub;
    bool offsets, rules;
    sl_buf *out;                /* one buffer per article of the batch */
    int thread, threads;
    int failed;
} job;

/* Formats article i's line into b; 0 or SL_ENOMEM. */
static int format_article(const sl_article *a, const job *j, sl_buf *b, sl_timex **mentions,
                          uint8_t **rules, size_t *cap) {
    int32_t pub = a->date != SL_NO_DATE ? a->date : j->default_pub;
    size_t n = sl_timex_scan(a->text.ptr, a->text.len, pub, *mentions, *rules, *cap);
    if (n > *cap) {
        size_t cap2 = *cap;
        if (sl_grow(mentions, cap, n, sizeof **mentions) != 0 ||
            sl_grow(rules, &cap2, n, sizeof **rules) != 0)
            return SL_ENOMEM;
        *cap = SL_MIN(*cap, cap2);
        n = sl_timex_scan(a->text.ptr, a->text.len, pub, *mentions, *rules, *cap);
    }
    int r = sl_buf_append(b, "{\"id\":", 6);
    r |= sl_buf_json_string(b, a->id.ptr, a->id.len);
    if (a->date != SL_NO_DATE) {
        char d[11];
        sl_format_date(a->date, d);
        r |= sl_buf_printf(b, ",\"date\":\"%s\"", d);
    } else {
        r |= sl_buf_append(b, ",\"date\":null", 12);
    }
    r |= sl_buf_append(b, ",\"mentions\":[", 13);
    for (size_t k = 0; k < n; k++) {
        const sl_timex *t = &(*mentions)[k];
        char d[11];
        sl_format_date(t->day, d);
        r |= sl_buf_append(b, k ? ",{\"text\":" : "{\"text\":", k ? 9 : 8);
        r |= sl_buf_json_string(b, a->text.ptr + t->start, t->len);
        r |= sl_buf_printf(b, ",\"day\":\"%s\",\"granularity\":\"%s\",\"relative\":%s", d,
                           granularity_names[t->granularity & 3], t->relative ? "true" : "false");
        if (j->offsets) r |= sl_buf_printf(b, ",\"start\":%u,\"len\":%u", t->start, t->len);
        if (j->rules) r |= sl_buf_printf(b, ",\"rule\":\"%s\"", sl_timex_rule_names[(*rules)[k]]);
        r |= sl_buf_putc(b, '}');
    }
    r |= sl_buf_append(b, "]}\n", 3);
    return r ? SL_ENOMEM : 0;
}

static void *run_job(void *arg) {
    job *j = arg;
    sl_timex *mentions = NULL;
    uint8_t *rules = NULL;
    size_t cap = 0, cap2 = 0;
    if (sl_grow(&mentions, &cap, 256, sizeof *mentions) != 0 ||
        sl_grow(&rules, &cap2, 256, sizeof *rules) != 0) {
        free(mentions);
        j->failed = 1;
        return NULL;
    }
    cap = SL_MIN(cap, cap2);
    for (size_t i = (size_t)j->thread; i < j->count; i += (size_t)j->threads) {
        const sl_article *a = sl_corpus_article(j->corpus, j->first + i);
        if (format_article(a, j, &j->out[i], &mentions, &rules, &cap) != 0) {
            j->failed = 1;
            break;
        }
    }
    free(mentions);
    free(rules);
    return NULL;
}

int cmd_dates(int argc, char **argv) {
    cli_common opt;
    cli_common_init(&opt);
    int32_t default_pub = SL_NO_DATE;
    bool offsets = false, rules = false;
    static const struct option longopts[] = {
        {"pub-date", required_argument, NULL, 'p'},
        {"offsets", no_argument, NULL, 'o'},
        {"rules", no_argument, NULL, 'r'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        int r = cli_common_option(&opt, "dates", ch, optarg);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        switch (ch) {
        case 'h': fputs(help, stdout); fputs(cli_common_help, stdout); return EXIT_OK;
        case 'p': {
            int32_t tod;
            if (sl_parse_date(optarg, strlen(optarg), &default_pub, &tod) != 0)
                return cli_usage_error("dates", "--pub-date must be YYYY-MM-DD, not '%s'", optarg);
            break;
        }
        case 'o': offsets = true; break;
        case 'r': rules = true; break;
        default: return cli_usage_error("dates", "unknown option");
        }
    }
    sl_corpus *c = sl_corpus_new();
    if (!c) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
    int status = cli_read_inputs(c, &opt, argc, argv, optind);
    size_t n = sl_corpus_size(c);
    cli_buffer_stdout();

    enum { BATCH = 4096 };
    int threads = opt.threads;
    sl_buf *out = calloc(BATCH, sizeof *out);
    job *jobs = calloc((size_t)threads, sizeof *jobs);
    pthread_t *tids = calloc((size_t)threads, sizeof *tids);
    if (!out || !jobs || !tids) { fprintf(stderr, "storyline: out of memory\n"); status = EXIT_BAD_INPUT; n = 0; }
    for (size_t first = 0; first < n; first += BATCH) {
        size_t count = SL_MIN((size_t)BATCH, n - first);
        int nt = (size_t)threads < count ? threads : (int)count;
        for (int t = 0; t < nt; t++) {
            job j = {c, first, count, default_pub, offsets, rules, out, t, nt, 0};
            jobs[t] = j;
        }
        int started = 0;
        for (int t = 1; t < nt; t++, started++)
            if (pthread_create(&tids[t], NULL, run_job, &jobs[t]) != 0) break;
        /* threads that could not start are run here */
        for (int t = started + 1; t < nt; t++) run_job(&jobs[t]);
        run_job(&jobs[0]);
        for (int t = 1; t <= started; t++) pthread_join(tids[t], NULL);
        int failed = 0;
        for (int t = 0; t < nt; t++) failed |= jobs[t].failed;
        if (failed) { fprintf(stderr, "storyline: out of memory\n"); status = EXIT_BAD_INPUT; break; }
        for (size_t i = 0; i < count; i++) {
            fwrite(out[i].data, 1, out[i].len, stdout);
            out[i].len = 0;
        }
        if (!opt.quiet) cli_progress("dating", first + count, n);
    }
    cli_progress_end();
    if (out)
        for (size_t i = 0; i < BATCH; i++) sl_buf_free(&out[i]);
    free(out);
    free(jobs);
    free(tids);
    if (fflush(stdout) != 0) { perror("storyline: writing output"); status = EXIT_BAD_INPUT; }
    sl_corpus_free(c);
    return status;
}
