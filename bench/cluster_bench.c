/*
 * cluster_bench.c — throughput and memory of event/story clustering, after
 * ingest.
 *
 *   build/bench/cluster_bench [-r REPEATS] INPUT...
 *
 * Reads every INPUT into one corpus (not timed), then, REPEATS times (default
 * 1; the best time is kept), builds a fresh model and times sl_cluster_add of
 * the whole corpus on ONE thread: feature extraction, TF-IDF, candidate
 * lookup, event and story assignment, merges, compaction.  Prints articles
 * per second, the events and stories found, and the memory the model holds:
 * the growth of the resident set during the add (the model plus its scratch)
 * per article, and the size of the saved model.
 */
#include "storyline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* CPU seconds of this process: on a shared machine, less noisy than wall
 * time (the add runs on one thread, so CPU time is its run time). */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Resident set size in bytes, from /proc/self/statm; 0 if unknown. */
static size_t rss_bytes(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long size = 0, resident = 0;
    int ok = fscanf(f, "%lu %lu", &size, &resident) == 2;
    fclose(f);
    return ok ? resident * (size_t)sysconf(_SC_PAGESIZE) : 0;
}

int main(int argc, char **argv) {
    int repeats = 1, ch;
    while ((ch = getopt(argc, argv, "r:h")) != -1) {
        if (ch == 'r') repeats = atoi(optarg);
        else {
            fprintf(stderr, "usage: cluster_bench [-r REPEATS] INPUT...\n");
            return ch == 'h' ? 0 : 2;
        }
    }
    if (optind >= argc || repeats < 1) {
        fprintf(stderr, "usage: cluster_bench [-r REPEATS] INPUT...\n");
        return 2;
    }
    sl_corpus *c = sl_corpus_new();
    sl_read_options opt = {0};
    for (int i = optind; i < argc; i++) sl_corpus_read_path(c, argv[i], &opt);
    size_t n = sl_corpus_size(c);
    if (n == 0) {
        fprintf(stderr, "cluster_bench: no articles\n");
        return 1;
    }
    int64_t *ev = malloc(n * sizeof *ev), *st = malloc(n * sizeof *st);
    if (!ev || !st) return 1;
    double best = 1e30;
    size_t events = 0, stories = 0, grown = 0;
    long model_bytes = -1;
    for (int rep = 0; rep < repeats; rep++) {
        size_t rss0 = rss_bytes();
        sl_cluster *m = sl_cluster_new(NULL);
        double t0 = now();
        if (sl_cluster_add(m, c, NULL, ev, st) != 0) {
            fprintf(stderr, "cluster_bench: sl_cluster_add failed\n");
            return 1;
        }
        double t = now() - t0;
        size_t rss1 = rss_bytes();
        if (t < best) best = t;
        if (rep == 0) grown = rss1 > rss0 ? rss1 - rss0 : 0;
        stories = sl_cluster_story_count(m);
        events = 0;
        for (size_t i = 0; i < n; i++)
            if (sl_cluster_event_id(m, ev[i]) == ev[i] && ev[i] > (int64_t)events) events = (size_t)ev[i];
        if (rep == 0) {
            char path[] = "/tmp/sl_cluster_bench_XXXXXX";
            int fd = mkstemp(path);
            if (fd >= 0) {
                close(fd);
                if (sl_cluster_save(m, path) == 0) {
                    FILE *f = fopen(path, "rb");
                    if (f) {
                        fseek(f, 0, SEEK_END);
                        model_bytes = ftell(f);
                        fclose(f);
                    }
                }
                remove(path);
            }
        }
        sl_cluster_free(m);
    }
    printf("cluster: %zu articles  %.3f s  %.0f articles/s (1 thread, CPU time)  highest event id %zu  stories %zu\n",
           n, best, (double)n / best, events, stories);
    printf("cluster memory: resident growth %.1f MB (%.0f bytes/article), saved model %.1f MB (%.0f bytes/article)\n",
           (double)grown / 1e6, (double)grown / (double)n, (double)model_bytes / 1e6,
           (double)model_bytes / (double)n);
    free(ev);
    free(st);
    sl_corpus_free(c);
    return 0;
}
