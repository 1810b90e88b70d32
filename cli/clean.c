/*
 * clean.c — `storyline clean`: strip web-extraction leftovers from articles
 * and read their metadata.
 *
 * Reads articles like every command, cleans the whole corpus in place with
 * sl_clean_corpus (so lines repeated across unrelated articles count as
 * site furniture), and writes one JSON object per article:
 *   {"id","date","title","source","byline","dateline","text"}
 * With --explain, each object also lists the dropped lines with the reason
 * (the rule, or the evidence that weighed most) and the line's score.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char help[] =
    "usage: storyline clean [options] [FILE|DIR|-]...\n"
    "\n"
    "Strip web-extraction leftovers (menus, share buttons, 'Follow us on', photo\n"
    "credits, cookie and copyright notices, lists of unrelated headlines, ads)\n"
    "and read each article's title, byline, dateline and date.  Writes JSONL:\n"
    "  {\"id\",\"date\",\"title\",\"source\",\"byline\",\"dateline\",\"text\"}\n"
    "where text is the body, paragraphs separated by \"\\n\".\n"
    "\n"
    "Lines are scored from what they look like (length, sentence punctuation,\n"
    "function words, boilerplate phrases, separators, title case, numbers) and\n"
    "from the corpus: a line repeated across many unrelated articles is a site\n"
    "template.  Scores are smoothed over neighbouring lines and the article's\n"
    "main span is kept.\n"
    "\n"
    "Options:\n"
    "  --explain           add \"dropped\": [{\"line\",\"reason\",\"score\",\"spread\"}]\n"
    "                      to each article: what was removed and why\n"
    "  --no-corpus         clean each article alone (no cross-article signal)\n"
    "  --threshold X       score a line needs to stay (default 0; higher keeps less)\n"
    "  --keep-dateline     leave a dateline lead (\"WASHINGTON (AP) —\") in the text\n"
    "  --stats             print counts (articles, lines, dropped, emptied, speed)\n"
    "                      to stderr at the end\n";

static void put_slice(sl_buf *b, const char *name, sl_slice s) {
    sl_buf_printf(b, ",\"%s\":", name);
    if (s.ptr && s.len) sl_buf_json_string(b, s.ptr, s.len);
    else sl_buf_append(b, "null", 4);
}

static void write_article(sl_buf *b, const sl_article *a, const sl_clean_report *rep, size_t i,
                          int explain) {
    const sl_clean_info *info = sl_clean_report_info(rep, i);
    b->len = 0;
    sl_buf_append(b, "{\"id\":", 6);
    if (a->id.len) sl_buf_json_string(b, a->id.ptr, a->id.len);
    else sl_buf_append(b, "null", 4);
    sl_buf_append(b, ",\"date\":", 8);
    if (a->date == SL_NO_DATE) sl_buf_append(b, "null", 4);
    else {
        char d[11];
        sl_format_date(a->date, d);
        if (a->time == SL_NO_TIME) sl_buf_printf(b, "\"%s\"", d);
        else sl_buf_printf(b, "\"%sT%02d:%02d:%02dZ\"", d, a->time / 3600, a->time / 60 % 60, a->time % 60);
    }
    put_slice(b, "title", a->title);
    put_slice(b, "source", a->source);
    put_slice(b, "byline", info->byline);
    put_slice(b, "dateline", info->dateline);
    sl_buf_append(b, ",\"text\":", 8);
    sl_buf_json_string(b, a->text.ptr ? a->text.ptr : "", a->text.len);
    if (explain) {
        put_slice(b, "location", info->location);
        put_slice(b, "agency", info->agency);
        sl_buf_append(b, ",\"dropped\":[", 12);
        size_t nd = sl_clean_report_drops(rep, i);
        for (size_t k = 0; k < nd; k++) {
            const sl_clean_drop *d = sl_clean_report_drop(rep, i, k);
            if (k) sl_buf_putc(b, ',');
            sl_buf_printf(b, "{\"line\":%u,\"text\":", d->line_no);
            sl_buf_json_string(b, d->line.ptr, d->line.len);
            sl_buf_printf(b, ",\"reason\":\"%s\",\"score\":%.2f,\"spread\":%u}", d->reason, d->score,
                          d->spread);
        }
        sl_buf_putc(b, ']');
    }
    sl_buf_append(b, "}\n", 2);
}

typedef struct diag_ctx {
    const cli_common *opt;
} diag_ctx;

static void print_warning(const sl_diag *d, void *user) {
    const diag_ctx *ctx = user;
    if (ctx->opt->quiet) return;
    cli_progress_end();
    fprintf(stderr, "storyline: %s:%ld: warning: %s\n", d->file, d->line, d->message);
}

int cmd_clean(int argc, char **argv) {
    cli_common opt;
    cli_common_init(&opt);
    int explain = 0, stats = 0;
    sl_clean_options co;
    sl_clean_options_init(&co);
    static const struct option longopts[] = {
        {"explain", no_argument, NULL, 'e'},
        {"no-corpus", no_argument, NULL, 'n'},
        {"threshold", required_argument, NULL, 't'},
        {"keep-dateline", no_argument, NULL, 'k'},
        {"stats", no_argument, NULL, 's'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        int r = cli_common_option(&opt, "clean", ch, optarg);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        switch (ch) {
        case 'h': fputs(help, stdout); fputs(cli_common_help, stdout); return EXIT_OK;
        case 'e': explain = 1; break;
        case 'n': co.use_corpus = 0; break;
        case 'k': co.keep_dateline = 1; break;
        case 's': stats = 1; break;
        case 't': {
            char *end;
            double v = strtod(optarg, &end);
            if (!*optarg || *end || v != v || v < -100 || v > 100)
                return cli_usage_error("clean", "--threshold must be a number in -100..100, not '%s'", optarg);
            co.threshold = v;
            break;
        }
        default: return cli_usage_error("clean", "unknown option");
        }
    }
    sl_corpus *c = sl_corpus_new();
    if (!c) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
    int status = cli_read_inputs(c, &opt, argc, argv, optind);
    double t0 = cli_now();
    uint64_t bytes = 0;
    size_t n = sl_corpus_size(c);
    for (size_t i = 0; i < n; i++) bytes += sl_corpus_article(c, i)->text.len;
    diag_ctx dctx = {&opt};
    co.threads = opt.threads > 2 ? 2 : opt.threads;
    co.on_diag = print_warning;
    co.diag_user = &dctx;
    sl_clean_report *rep = NULL;
    int r = sl_clean_corpus(c, &co, &rep);
    if (r) {
        fprintf(stderr, "storyline: cleaning failed: %s\n", sl_strerror(r));
        sl_corpus_free(c);
        return EXIT_BAD_INPUT;
    }
    double dt = cli_now() - t0;
    cli_buffer_stdout();
    sl_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        write_article(&b, sl_corpus_article(c, i), rep, i, explain);
        fwrite(b.data, 1, b.len, stdout);
    }
    sl_buf_free(&b);
    if (fflush(stdout) != 0) { perror("storyline: writing output"); status = EXIT_BAD_INPUT; }
    if (stats) {
        uint64_t lines, dropped, emptied;
        sl_clean_report_totals(rep, &lines, &dropped, &emptied);
        fprintf(stderr,
                "articles %zu  lines %llu  dropped %llu (%.1f%%)  emptied %llu  %.1f MB in %.3f s (%.1f MB/s)\n",
                n, (unsigned long long)lines, (unsigned long long)dropped,
                lines ? 100.0 * (double)dropped / (double)lines : 0.0, (unsigned long long)emptied,
                (double)bytes / 1e6, dt, dt > 0 ? (double)bytes / 1e6 / dt : 0.0);
    }
    sl_clean_report_free(rep);
    sl_corpus_free(c);
    return status;
}
