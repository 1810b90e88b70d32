/*
 * timex_bench.c — throughput of the temporal expression scanner.
 *
 *   build/bench/timex_bench [-r REPEATS] INPUT...
 *
 * Reads the articles once, then (best of REPEATS, default 3, on ONE thread)
 * runs sl_timex_find over every article text, resolved against its date.
 * Prints MB/s of article text, expressions per MB, and for reference the
 * throughput of sl_tokenize alone (the scanner tokenises too).
 */
#include "storyline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int repeats = 3, first = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        repeats = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || repeats < 1) {
        fprintf(stderr, "usage: timex_bench [-r REPEATS] INPUT...\n");
        return 2;
    }
    sl_corpus *c = sl_corpus_new();
    sl_read_options opt = {0};
    for (int i = first; i < argc; i++) sl_corpus_read_path(c, argv[i], &opt);
    size_t n = sl_corpus_size(c), bytes = 0, found = 0;
    if (n == 0) {
        fprintf(stderr, "timex_bench: no articles read\n");
        return 1;
    }
    for (size_t i = 0; i < n; i++) bytes += sl_corpus_article(c, i)->text.len;
    size_t cap = 1 << 16;
    sl_timex *out = malloc(cap * sizeof *out);
    sl_token *tok = malloc(cap * sizeof *tok);
    if (!out || !tok) return 1;
    double best_scan = 1e30, best_tok = 1e30;
    for (int r = 0; r < repeats; r++) {
        double t0 = now();
        found = 0;
        for (size_t i = 0; i < n; i++) {
            const sl_article *a = sl_corpus_article(c, i);
            found += sl_timex_find(a->text.ptr, a->text.len, a->date, out, cap);
        }
        double t1 = now();
        for (size_t i = 0; i < n; i++) {
            const sl_article *a = sl_corpus_article(c, i);
            sl_tokenize(a->text.ptr, a->text.len, tok, cap);
        }
        double t2 = now();
        if (t1 - t0 < best_scan) best_scan = t1 - t0;
        if (t2 - t1 < best_tok) best_tok = t2 - t1;
    }
    double mb = (double)bytes / 1e6;
    printf("timex_bench: %zu articles, %.1f MB of text, %zu expressions (%.0f per MB), best of %d, 1 thread\n",
           n, mb, found, mb > 0 ? (double)found / mb : 0.0, repeats);
    printf("  sl_timex_find  %.3f s  %7.1f MB/s\n", best_scan, mb / (best_scan > 0 ? best_scan : 1e-9));
    printf("  sl_tokenize    %.3f s  %7.1f MB/s  (included above)\n", best_tok,
           mb / (best_tok > 0 ? best_tok : 1e-9));
    free(out);
    free(tok);
    sl_corpus_free(c);
    return 0;
}
