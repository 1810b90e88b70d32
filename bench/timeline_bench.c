/*
 * timeline_bench.c — throughput of the timeline stage alone.
 *
 *   build/bench/timeline_bench [-r REPEATS] [-s STORY_SIZE] [--clean] INPUT...
 *
 * Each INPUT (a file or a directory, read as every command reads it) is one
 * story, as in `storyline timeline INPUT`: for example the ten Timeline17
 * topic folders, or one generated JSONL file; an input of more than
 * STORY_SIZE articles (default 5000, 0: no limit) is cut into stories of
 * that many, in input order, so that `make bench` on 100k articles stays
 * within memory.  The inputs are read once;
 * then, best of REPEATS (default 3) on ONE thread, sl_timeline_build runs on
 * every story with the options `storyline run` uses (texts taken as clean,
 * unless --clean; 2 sentences a date; the length chosen from the data).
 * Prints MB of article text per CPU second and the number of dates, so
 * that a change in output shows up next to a change in speed.
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

int main(int argc, char **argv) {
    int repeats = 3, clean = 0, first = 1;
    size_t story_size = 5000;
    while (first < argc && argv[first][0] == '-') {
        if (strcmp(argv[first], "-r") == 0 && first + 1 < argc) {
            repeats = atoi(argv[first + 1]);
            first += 2;
        } else if (strcmp(argv[first], "-s") == 0 && first + 1 < argc) {
            story_size = (size_t)atol(argv[first + 1]);
            first += 2;
        } else if (strcmp(argv[first], "--clean") == 0) {
            clean = 1;
            first++;
        } else {
            break;
        }
    }
    if (first >= argc || repeats < 1) {
        fprintf(stderr, "usage: timeline_bench [-r REPEATS] [-s STORY_SIZE] [--clean] INPUT...\n");
        return 2;
    }
    sl_corpus *c = sl_corpus_new();
    if (!c) return 1;
    sl_read_options ropt = {0};
    size_t n_inputs = (size_t)(argc - first);
    size_t n_stories = 0, cap_stories = 16;
    size_t *story_end = malloc(cap_stories * sizeof *story_end);
    if (!story_end) return 1;
    for (size_t i = 0; i < n_inputs; i++) {
        size_t from = sl_corpus_size(c);
        sl_corpus_read_path(c, argv[first + (int)i], &ropt);
        size_t to = sl_corpus_size(c);
        while (from < to) {
            size_t end = story_size && to - from > story_size ? from + story_size : to;
            if (n_stories == cap_stories) {
                cap_stories *= 2;
                size_t *grown = realloc(story_end, cap_stories * sizeof *story_end);
                if (!grown) return 1;
                story_end = grown;
            }
            story_end[n_stories++] = end;
            from = end;
        }
    }
    size_t n = sl_corpus_size(c), bytes = 0;
    if (n == 0) {
        fprintf(stderr, "timeline_bench: no articles read\n");
        return 1;
    }
    for (size_t i = 0; i < n; i++) bytes += sl_corpus_article(c, i)->text.len;
    uint32_t *subset = malloc(n * sizeof *subset);
    if (!subset) return 1;
    for (size_t i = 0; i < n; i++) subset[i] = (uint32_t)i;
    sl_timeline_options opt;
    sl_timeline_options_init(&opt);
    opt.clean = clean;
    opt.sentences = 2;
    double best = 1e30;
    size_t dates = 0;
    for (int r = 0; r < repeats; r++) {
        double c0 = cpu_now();
        dates = 0;
        for (size_t s = 0, from = 0; s < n_stories; from = story_end[s++]) {
            if (story_end[s] == from) continue;
            sl_timeline *t = NULL;
            if (sl_timeline_build(c, subset + from, story_end[s] - from, &opt, &t) != 0) {
                fprintf(stderr, "timeline_bench: out of memory\n");
                return 1;
            }
            dates += sl_timeline_size(t);
            sl_timeline_free(t);
        }
        double cpu = cpu_now() - c0;
        if (cpu < best) best = cpu;
    }
    double mb = (double)bytes / 1e6;
    printf("timeline_bench: %zu stories, %zu articles, %.1f MB of text, %s, best of %d, 1 thread\n",
           n_stories, n, mb, clean ? "cleaned first" : "taken as clean", repeats);
    printf("  timeline  %.3f CPU s  %7.1f MB/s per core  (%zu dates)\n", best,
           mb / (best > 0 ? best : 1e-9), dates);
    free(subset);
    free(story_end);
    sl_corpus_free(c);
    return 0;
}
