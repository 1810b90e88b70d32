/*
 * timex_sample.c — dev tool: run the temporal expression scanner over real
 * articles, count expressions per rule, time it, and print a sample of each
 * rule's matches with their context and resolution for eyeballing precision.
 *
 *   build/bench/timex_sample [-n PER_RULE] [-r RULE] FILE|DIR...
 *
 * Articles are read like every command reads them (JSONL or text).  The
 * sample is deterministic: evenly spaced over each rule's matches.
 */
#include "internal.h"
#include "timeline/temporal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct hit {
    uint32_t article, start, len;
    int32_t day, pub;
    uint8_t gran, rule;
} hit;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void print_diag(const sl_diag *d, void *user) {
    (void)user;
    if (!d->is_warning) fprintf(stderr, "timex_sample: %s:%ld: %s\n", d->file, d->line, d->message);
}

static void put_clean(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) putchar(s[i] == '\n' ? ' ' : s[i]);
}

int main(int argc, char **argv) {
    int per_rule = 15, only = -1, first = 1;
    while (first < argc && argv[first][0] == '-' && argv[first][1]) {
        if (strcmp(argv[first], "-n") == 0 && first + 1 < argc) {
            per_rule = atoi(argv[first + 1]);
            first += 2;
        } else if (strcmp(argv[first], "-r") == 0 && first + 1 < argc) {
            for (int r = 0; r < SL_TR_COUNT; r++)
                if (strcmp(sl_timex_rule_names[r], argv[first + 1]) == 0) only = r;
            first += 2;
        } else {
            fprintf(stderr, "usage: timex_sample [-n PER_RULE] [-r RULE] FILE|DIR...\n");
            return 2;
        }
    }
    sl_corpus *c = sl_corpus_new();
    sl_read_options opt = {0};
    opt.on_diag = print_diag;
    for (int i = first; i < argc; i++) sl_corpus_read_path(c, argv[i], &opt);
    size_t na = sl_corpus_size(c);
    if (na == 0) {
        fprintf(stderr, "timex_sample: no articles read\n");
        return 1;
    }
    hit *hits = NULL;
    size_t nh = 0, caph = 0, bytes = 0;
    sl_timex out[4096];
    uint8_t rules[4096];
    size_t counts[SL_TR_COUNT] = {0}, gran[4] = {0};
    double t0 = now();
    for (size_t a = 0; a < na; a++) {
        const sl_article *art = sl_corpus_article(c, a);
        bytes += art->text.len;
        size_t n = sl_timex_scan(art->text.ptr, art->text.len, art->date, out, rules, 4096);
        if (n > 4096) n = 4096;
        if (sl_grow(&hits, &caph, nh + n, sizeof *hits) != 0) return 1;
        for (size_t k = 0; k < n; k++) {
            hit h = {(uint32_t)a, out[k].start, out[k].len, out[k].day, art->date,
                     out[k].granularity, rules[k]};
            hits[nh++] = h;
            counts[rules[k]]++;
            gran[out[k].granularity & 3]++;
        }
    }
    double dt = now() - t0;
    printf("articles %zu  bytes %zu  expressions %zu  %.3f s (%.1f MB/s)\n", na, bytes, nh, dt,
           bytes / 1e6 / (dt > 0 ? dt : 1e-9));
    printf("granularity: day %zu  week %zu  month %zu  year %zu\n", gran[0], gran[3], gran[1], gran[2]);
    for (int r = 0; r < SL_TR_COUNT; r++) printf("  %-16s %zu\n", sl_timex_rule_names[r], counts[r]);
    for (int r = 0; r < SL_TR_COUNT; r++) {
        if (only >= 0 && r != only) continue;
        if (!counts[r] || per_rule <= 0) continue;
        printf("\n== %s (%zu)\n", sl_timex_rule_names[r], counts[r]);
        size_t step = counts[r] / (size_t)per_rule + 1, seen = 0;
        for (size_t k = 0; k < nh; k++) {
            if (hits[k].rule != r) continue;
            if (seen++ % step) continue;
            const sl_article *art = sl_corpus_article(c, hits[k].article);
            char pub[11], day[11];
            sl_format_date(hits[k].pub, pub);
            sl_format_date(hits[k].day, day);
            size_t a = hits[k].start > 70 ? hits[k].start - 70 : 0;
            size_t b = SL_MIN(art->text.len, (size_t)hits[k].start + hits[k].len + 50);
            while (a > 0 && ((unsigned char)art->text.ptr[a] & 0xC0) == 0x80) a--;
            while (b < art->text.len && ((unsigned char)art->text.ptr[b] & 0xC0) == 0x80) b++;
            printf("%s %s %c | ", pub, day, "DMYW"[hits[k].gran & 3]);
            put_clean(art->text.ptr + a, hits[k].start - a);
            printf("[[");
            put_clean(art->text.ptr + hits[k].start, hits[k].len);
            printf("]]");
            put_clean(art->text.ptr + hits[k].start + hits[k].len, b - hits[k].start - hits[k].len);
            putchar('\n');
        }
    }
    free(hits);
    sl_corpus_free(c);
    return 0;
}
