/*
 * clean_bench.c — throughput of the clean stage.
 *
 *   build/bench/clean_bench [-r REPEATS] [-t THREADS] INPUT...
 *
 * Reads the inputs once per repeat (not timed), then times sl_clean_corpus
 * with the corpus signal on (both passes: line statistics, then cleaning)
 * on THREADS threads (default 1: the per-core figure of issue 3).  The best
 * wall and CPU times over REPEATS (default 3) are kept, which filters the
 * noise of a shared machine; MB/s per core is bytes / CPU time.  MB/s are article text bytes (what cleaning reads) per second;
 * also printed: lines, dropped lines and distinct-line table use.
 */
#include "storyline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds of the process (all threads): on a shared machine the
 * per-core speed is bytes / CPU time, whatever the wall clock says. */
static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int repeats = 3, threads = 1, ch;
    while ((ch = getopt(argc, argv, "r:t:h")) != -1) {
        if (ch == 'r') repeats = atoi(optarg);
        else if (ch == 't') threads = atoi(optarg);
        else {
            fprintf(stderr, "usage: clean_bench [-r REPEATS] [-t THREADS] INPUT...\n");
            return ch == 'h' ? 0 : 2;
        }
    }
    if (optind >= argc || repeats < 1 || threads < 1) {
        fprintf(stderr, "usage: clean_bench [-r REPEATS] [-t THREADS] INPUT...\n");
        return 2;
    }
    double best = 1e30, best_cpu = 1e30;
    uint64_t bytes = 0, lines = 0, dropped = 0, emptied = 0;
    size_t n = 0;
    for (int rep = 0; rep < repeats; rep++) {
        sl_corpus *c = sl_corpus_new();
        sl_read_options ro = {0};
        for (int i = optind; i < argc; i++) {
            int r = sl_corpus_read_path(c, argv[i], &ro);
            if (r == SL_EIO || r == SL_ENOMEM) {
                fprintf(stderr, "clean_bench: cannot read %s\n", argv[i]);
                return 1;
            }
        }
        n = sl_corpus_size(c);
        bytes = 0;
        for (size_t i = 0; i < n; i++) bytes += sl_corpus_article(c, i)->text.len;
        sl_clean_options opt;
        sl_clean_options_init(&opt);
        opt.threads = threads;
        sl_clean_report *rep_out = NULL;
        double t0 = now(), c0 = cpu_now();
        if (sl_clean_corpus(c, &opt, &rep_out) != 0) {
            fprintf(stderr, "clean_bench: out of memory\n");
            return 1;
        }
        double dt = now() - t0, dc = cpu_now() - c0;
        if (dt < best) best = dt;
        if (dc < best_cpu) best_cpu = dc;
        sl_clean_report_totals(rep_out, &lines, &dropped, &emptied);
        sl_clean_report_free(rep_out);
        sl_corpus_free(c);
    }
    printf("clean (%d thread%s, corpus signal on): %zu articles, %.1f MB text, %llu lines, "
           "%llu dropped (%.1f%%), %llu emptied: %.3f s wall, %.1f MB/s; %.3f s CPU, %.1f MB/s per core\n",
           threads, threads == 1 ? "" : "s", n, (double)bytes / 1e6, (unsigned long long)lines,
           (unsigned long long)dropped, lines ? 100.0 * (double)dropped / (double)lines : 0.0,
           (unsigned long long)emptied, best, best > 0 ? (double)bytes / 1e6 / best : 0.0, best_cpu,
           best_cpu > 0 ? (double)bytes / 1e6 / best_cpu : 0.0);
    return 0;
}
