/*
 * run_bench.c — throughput of the whole pipeline (`storyline run`), stage
 * by stage.
 *
 *   build/bench/run_bench [-r REPEATS] [-t THREADS] [-o REPORT_DIR] INPUT...
 *
 * For each repeat (default 3; the best time of each stage is kept, which
 * filters out the noise of a shared machine): read every INPUT into a fresh
 * corpus, run sl_run_new (clean → dedup → cluster → timeline) on THREADS
 * threads (default 1), and write the report (sl_run_write_report) into
 * REPORT_DIR (default: a temporary folder, removed at the end).  Each stage
 * gets its wall time, its CPU time (all threads summed) and MB/s per core:
 * input bytes (sl_corpus_bytes) per CPU second, which a machine shared with
 * other jobs disturbs far less than wall time.  "pipeline" is the sum of
 * the four stages, "total" adds read and report.  The library that ran
 * each stage is printed.  Peak memory is the process' maximum resident set.
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

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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
    double best[N_STAGES], best_cpu[N_STAGES];
    for (int s = 0; s < N_STAGES; s++) best[s] = best_cpu[s] = 1e30;
    sl_run_stats st = {0};
    uint64_t bytes = 0;
    for (int rep = 0; rep < repeats; rep++) {
        sl_corpus *c = sl_corpus_new();
        sl_read_options ro = {0};
        double t0 = now(), c0 = cpu_now();
        for (int i = optind; i < argc; i++) {
            int r = sl_corpus_read_path(c, argv[i], &ro);
            if (r == SL_EIO || r == SL_ENOMEM) {
                fprintf(stderr, "run_bench: cannot read %s\n", argv[i]);
                return 1;
            }
        }
        double t_read = now() - t0, cpu_read = cpu_now() - c0;
        bytes = sl_corpus_bytes(c);
        sl_run_options opt = {.threads = threads};
        sl_run *run = NULL;
        if (sl_run_new(c, &opt, &run) != 0) { fprintf(stderr, "run_bench: pipeline failed\n"); return 1; }
        if (sl_run_write_report(run, out_dir) != 0) { perror("run_bench: writing the report"); return 1; }
        sl_run_get_stats(run, &st);
        double t[N_STAGES] = {t_read, st.seconds[0], st.seconds[1], st.seconds[2], st.seconds[3], st.seconds[4]};
        double cpu[N_STAGES] = {cpu_read, st.cpu_seconds[0], st.cpu_seconds[1], st.cpu_seconds[2],
                                st.cpu_seconds[3], st.cpu_seconds[4]};
        for (int s = 0; s < N_STAGES; s++) {
            if (t[s] < best[s]) best[s] = t[s];
            if (cpu[s] < best_cpu[s]) best_cpu[s] = cpu[s];
        }
        sl_run_free(run);
        sl_corpus_free(c);
    }
    double mb = (double)bytes / 1e6, pipeline = 0, total = 0, pipeline_cpu = 0, total_cpu = 0;
    printf("run_bench: %zu articles, %.1f MB, %d thread%s, best of %d (MB/s per core = MB / CPU s)\n",
           st.articles, mb, threads, threads == 1 ? "" : "s", repeats);
    printf("  %-9s %8s %8s %10s\n", "stage", "wall s", "CPU s", "MB/s/core");
    for (int s = 0; s < N_STAGES; s++) {
        if (s >= S_CLEAN && s <= S_TIMELINE) pipeline += best[s], pipeline_cpu += best_cpu[s];
        total += best[s];
        total_cpu += best_cpu[s];
        printf("  %-9s %8.3f %8.3f %10.1f  %s\n", stage_name[s], best[s], best_cpu[s],
               best_cpu[s] > 0 ? mb / best_cpu[s] : 0,
               s >= S_CLEAN && s <= S_TIMELINE && st.provenance[s - 1] ? st.provenance[s - 1] : "");
    }
    printf("  %-9s %8.3f %8.3f %10.1f  %.0f articles/s wall, %.0f per CPU s (clean → timeline)\n", "pipeline",
           pipeline, pipeline_cpu, pipeline_cpu > 0 ? mb / pipeline_cpu : 0,
           pipeline > 0 ? (double)st.articles / pipeline : 0,
           pipeline_cpu > 0 ? (double)st.articles / pipeline_cpu : 0);
    printf("  %-9s %8.3f %8.3f %10.1f  %.0f articles/s wall, %.0f per CPU s (read → report)\n", "total", total,
           total_cpu, total_cpu > 0 ? mb / total_cpu : 0, total > 0 ? (double)st.articles / total : 0,
           total_cpu > 0 ? (double)st.articles / total_cpu : 0);
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
