/*
 * dedup_bench.c — throughput of the dedup stage alone.
 *
 *   build/bench/dedup_bench [--threads N] [--reps R] [--only] [--no-synonyms] INPUT...
 *
 * Reads INPUT (timed separately: "ingest"), loads WordNet once (timed
 * separately: a per-process cost), then runs sl_dedup_run on the in-memory
 * corpus with 1 thread and with N threads (default 2) and prints MB/s of
 * article text per run and per core, the stage breakdown, groups found and
 * the index memory per article and the working memory of the verification
 * sets (--only: N threads only); the stage breakdown in wall and in
 * process CPU seconds.  Each
 * configuration runs R times (2) and the fastest run is reported (the machine is shared; timings are noisy), with
 * the process CPU time (the WordNet load excluded only from wall time on
 * the first run: it is loaded once, before).
 */
#include "storyline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int threads = 2, synonyms = 1, first = 1, reps = 2, only = 0;
    while (first < argc && strncmp(argv[first], "--", 2) == 0) {
        if (strcmp(argv[first], "--threads") == 0 && first + 1 < argc) threads = atoi(argv[++first]);
        else if (strcmp(argv[first], "--no-synonyms") == 0) synonyms = 0;
        else if (strcmp(argv[first], "--reps") == 0 && first + 1 < argc) reps = atoi(argv[++first]);
        else if (strcmp(argv[first], "--only") == 0) only = 1;
        else { fprintf(stderr, "usage: dedup_bench [--threads N] [--reps R] [--only] [--no-synonyms] INPUT...\n"); return 2; }
        first++;
    }
    if (first >= argc || threads < 1 || reps < 1) {
        fprintf(stderr, "usage: dedup_bench [--threads N] [--reps R] [--only] [--no-synonyms] INPUT...\n");
        return 2;
    }
    sl_corpus *c = sl_corpus_new();
    sl_read_options ro;
    memset(&ro, 0, sizeof ro);
    double t0 = now();
    for (int i = first; i < argc; i++) sl_corpus_read_path(c, argv[i], &ro);
    double t_read = now() - t0;
    size_t n = sl_corpus_size(c);
    double text = 0;
    for (size_t i = 0; i < n; i++) text += (double)sl_corpus_article(c, i)->text.len;
    printf("dedup_bench: %zu articles, %.1f MB of text; ingest %.3f s (%.1f MB/s of input)\n", n,
           text / 1e6, t_read, (double)sl_corpus_bytes(c) / 1e6 / (t_read > 0 ? t_read : 1e-9));
    int configs[2] = {1, threads};
    for (int k = only ? 1 : 0; k < (threads > 1 || only ? 2 : 1); k++) {
        sl_dedup_options o;
        sl_dedup_options_init(&o);
        o.threads = configs[k];
        o.synonyms = synonyms;
        sl_dedup_stats best;
        memset(&best, 0, sizeof best);
        double best_t = 1e99, best_cpu = 1e99;
        for (int rep = 0; rep < reps; rep++) {
            sl_dedup *d;
            double c0 = cpu_now();
            if (sl_dedup_run(c, &o, &d)) { fprintf(stderr, "dedup_bench: run failed\n"); return 1; }
            double cpu = cpu_now() - c0;
            if (cpu < best_cpu) best_cpu = cpu;
            sl_dedup_stats st;
            sl_dedup_get_stats(d, &st);
            double t = st.seconds_total - st.seconds_wordnet;
            if (st.seconds_wordnet > 0.01) printf("  wordnet load (once per process): %.3f s\n", st.seconds_wordnet);
            if (t < best_t) { best_t = t; best = st; }
            sl_dedup_free(d);
        }
        printf("  dedup stage, %d thread%s: %.3f s wall = %.1f MB/s; %.3f s CPU = %.1f MB/s per "
               "CPU-second  [wall: features %.3f, index %.3f, verify %.3f; CPU: %.3f, %.3f, %.3f]\n",
               configs[k], configs[k] > 1 ? "s" : "", best_t, text / 1e6 / best_t, best_cpu,
               text / 1e6 / best_cpu, best.seconds_features, best.seconds_index,
               best.seconds_verify, best.cpu_features, best.cpu_index, best.cpu_verify);
        printf("    groups %zu, exact copies %zu, candidates %zu, joined %zu, index %.0f bytes/article, "
               "verification sets %.0f bytes/article\n",
               best.groups, best.exact_copies, best.candidates, best.accepted,
               n ? (double)best.index_bytes / (double)n : 0.0,
               n ? (double)best.working_bytes / (double)n : 0.0);
    }
    sl_corpus_free(c);
    return 0;
}
