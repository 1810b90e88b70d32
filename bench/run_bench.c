/*
 * run_bench.c — throughput of the whole pipeline (`storyline run`), stage
 * by stage.
 *
 *   build/bench/run_bench [-r REPEATS] [-t THREADS] [-o REPORT_DIR] INPUT...
 *
 * For each repeat (default 3; the best time of each stage is kept, which
 * filters out the noise of a shared machine): read every INPUT into a fresh
 * corpus, run sl_run_new (clean → dedup → cluster → timeline) on THREADS
 * threads (default 1, so MB/s are per core), and write the report
 * (sl_run_write_report) into REPORT_DIR (default: a temporary folder,
 * removed at the end).  MB/s are input text bytes (sl_corpus_bytes) per
 * second; "pipeline" is the sum of the four stages, "total" adds read and
 * report.  The stage implementations in use are printed, since a library
 * built without a stage runs a stand-in.  Peak memory is the process'
 * maximum resident set.
 */
#include "storyline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int usage(int code) {
    fprintf(stderr, "usage: run_bench [-r REPEATS] [-t THREADS] [-o REPORT_DIR] INPUT...\n");
    return code;
}

enum { S_READ, S_CLEAN, S_DEDUP, S_CLUSTER, S_TIMELINE, S_REPORT, N_STAGES };
static const char *const stage_name[N_STAGES] = {"read", "clean", "dedup", "cluster", "timeline", "report"};

int main(int argc, char **argv) {
    int repeats = 3, threads = 1, ch;
    const char *out_dir = NULL;
    while ((ch = getopt(argc, argv, "r:t:o:h")) != -1) {
        if (ch == 'r') repeats = atoi(optarg);
        else if (ch == 't') threads = atoi(optarg);
        else if (ch == 'o') out_dir = optarg;
        else return usage(ch == 'h' ? 0 : 2);
    }
    if (optind >= argc || repeats < 1 || threads < 1) return usage(2);
    char tmp[] = "/tmp/run_bench-XXXXXX";
    if (!out_dir) {
        out_dir = mkdtemp(tmp);
        if (!out_dir) { perror("run_bench: mkdtemp"); return 1; }
    }
    double best[N_STAGES];
    for (int s = 0; s < N_STAGES; s++) best[s] = 1e30;
    sl_run_stats st = {0};
    uint64_t bytes = 0;
    for (int rep = 0; rep < repeats; rep++) {
        sl_corpus *c = sl_corpus_new();
        sl_read_options ro = {0};
        double t0 = now();
        for (int i = optind; i < argc; i++) {
            int r = sl_corpus_read_path(c, argv[i], &ro);
            if (r == SL_EIO || r == SL_ENOMEM) {
                fprintf(stderr, "run_bench: cannot read %s\n", argv[i]);
                return 1;
            }
        }
        double t_read = now() - t0;
        bytes = sl_corpus_bytes(c);
        sl_run_options opt = {.threads = threads};
        sl_run *run = NULL;
        if (sl_run_new(c, &opt, &run) != 0) { fprintf(stderr, "run_bench: pipeline failed\n"); return 1; }
        if (sl_run_write_report(run, out_dir) != 0) { perror("run_bench: writing the report"); return 1; }
        sl_run_get_stats(run, &st);
        double t[N_STAGES] = {t_read, st.seconds[0], st.seconds[1], st.seconds[2], st.seconds[3], st.seconds[4]};
        for (int s = 0; s < N_STAGES; s++)
            if (t[s] < best[s]) best[s] = t[s];
        sl_run_free(run);
        sl_corpus_free(c);
    }
    double mb = (double)bytes / 1e6, pipeline = 0, total = 0;
    printf("run_bench: %zu articles, %.1f MB, %d thread%s, best of %d\n", st.articles, mb, threads,
           threads == 1 ? "" : "s", repeats);
    for (int s = 0; s < N_STAGES; s++) {
        if (s >= S_CLEAN && s <= S_TIMELINE) pipeline += best[s];
        total += best[s];
        printf("  %-9s %8.3f s %9.1f MB/s  %s\n", stage_name[s], best[s], best[s] > 0 ? mb / best[s] : 0,
               s >= S_CLEAN && s <= S_TIMELINE && st.provenance[s - 1] ? st.provenance[s - 1] : "");
    }
    printf("  %-9s %8.3f s %9.1f MB/s  %.0f articles/s (clean → timeline)\n", "pipeline", pipeline,
           pipeline > 0 ? mb / pipeline : 0, pipeline > 0 ? (double)st.articles / pipeline : 0);
    printf("  %-9s %8.3f s %9.1f MB/s  %.0f articles/s (read → report)\n", "total", total,
           total > 0 ? mb / total : 0, total > 0 ? (double)st.articles / total : 0);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("  copies %zu, events %zu, stories %zu, peak memory %.0f MB (%.0f bytes/article)\n", st.copies,
           st.events, st.stories, (double)ru.ru_maxrss / 1024.0,
           st.articles ? (double)ru.ru_maxrss * 1024.0 / (double)st.articles : 0);
    if (out_dir == tmp) {
        static const char *names[] = {"index.html", "articles.jsonl", "stories.json", "timelines.json"};
        char path[256];
        for (int k = 0; k < 4; k++) {
            snprintf(path, sizeof path, "%s/%s", tmp, names[k]);
            unlink(path);
        }
        rmdir(tmp);
    }
    return 0;
}
