/*
 * ingest_bench.c — throughput of the ingest + text layer, phase by phase.
 *
 *   build/bench/ingest_bench [-r REPEATS] INPUT...
 *
 * For each repeat (default 3; the best time of each phase is kept, which
 * filters out the noise of a shared machine) and on ONE thread:
 *   read       sl_corpus_read_path of every INPUT (file read, JSONL parse,
 *              UTF-8 validation, date and title rules, copy into the corpus)
 *   normalize  sl_normalize of every article text (NFKC + case folding)
 *   tokenize   sl_tokenize of every text
 *   intern     sl_vocab_intern_tokens of every token (case folding and
 *              interning into the corpus vocabulary: token ids)
 *   sentences  sl_split_sentences of every text (reported, not in the total)
 * Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so other
 * load on the machine does not count.
 * MB/s are input bytes (sl_corpus_bytes) per second; "total" is
 * read + normalize + tokenize + intern, the ingest figure of issue 2.
 */
#include "storyline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* CPU time of this thread: the machine may be shared, and the figure we
 * want is the work of one core, not the wait for it. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define CHUNK 16
static size_t chunk_first[CHUNK + 1];

enum { P_READ, P_NORM, P_TOK, P_INTERN, P_SENT, N_PHASES };
static const char *const phase_name[N_PHASES] = {"read", "normalize", "tokenize", "intern", "sentences"};

int main(int argc, char **argv) {
    int repeats = 3, ch;
    while ((ch = getopt(argc, argv, "r:h")) != -1) {
        if (ch == 'r') repeats = atoi(optarg);
        else {
            fprintf(stderr, "usage: ingest_bench [-r REPEATS] INPUT...\n");
            return ch == 'h' ? 0 : 2;
        }
    }
    if (optind >= argc || repeats < 1) {
        fprintf(stderr, "usage: ingest_bench [-r REPEATS] INPUT...\n");
        return 2;
    }
    double best[N_PHASES];
    for (int p = 0; p < N_PHASES; p++) best[p] = 1e30;
    uint64_t bytes = 0;
    size_t n_articles = 0, n_tokens = 0, n_sentences = 0, n_norm = 0;
    int32_t vocab_size = 0;
    size_t cap_tok = 1 << 16, cap_sent = 1 << 12;
    sl_token *tok = malloc(cap_tok * sizeof *tok);
    int32_t *ids = NULL;
    size_t cap_ids = 0;
    sl_span *sent = malloc(cap_sent * sizeof *sent);
    if (!tok || !sent) return 1;
    for (int rep = 0; rep < repeats; rep++) {
        double t[N_PHASES + 1];
        sl_corpus *c = sl_corpus_new();
        sl_read_options opt = {0};
        t[0] = now();
        for (int i = optind; i < argc; i++) {
            int r = sl_corpus_read_path(c, argv[i], &opt);
            if (r == SL_EIO || r == SL_ENOMEM) {
                fprintf(stderr, "ingest_bench: cannot read %s\n", argv[i]);
                return 1;
            }
        }
        t[1] = now();
        size_t n = sl_corpus_size(c);
        n_norm = 0;
        for (size_t i = 0; i < n; i++) {
            const sl_article *a = sl_corpus_article(c, i);
            size_t len;
            char *s = sl_normalize(a->text.ptr, a->text.len, &len);
            n_norm += len;
            free(s);
        }
        t[2] = now();
        /* tokenize and intern, chunk by chunk: the tokens of CHUNK
         * articles are kept, then interned, so each phase is timed on its
         * own without a clock call per article */
        sl_vocab *v = sl_corpus_vocab(c);
        double tok_time = 0, intern_time = 0;
        n_tokens = 0;
        for (size_t first = 0; first < n; first += CHUNK) {
            size_t last = first + CHUNK < n ? first + CHUNK : n, used = 0;
            double c0 = now();
            for (size_t i = first; i < last; i++) {
                const sl_article *a = sl_corpus_article(c, i);
                for (;;) {
                    size_t k = sl_tokenize(a->text.ptr, a->text.len, tok + used, cap_tok - used);
                    if (k <= cap_tok - used) {
                        chunk_first[i - first] = used;
                        used += k;
                        break;
                    }
                    cap_tok = (used + k) * 2;
                    tok = realloc(tok, cap_tok * sizeof *tok);
                    if (!tok) return 1;
                }
            }
            chunk_first[last - first] = used;
            double c1 = now();
            if (cap_ids < used) {
                cap_ids = cap_tok;
                ids = realloc(ids, cap_ids * sizeof *ids);
                if (!ids) return 1;
            }
            for (size_t i = first; i < last; i++) {
                size_t j = chunk_first[i - first], k = chunk_first[i - first + 1] - j;
                if (sl_vocab_intern_tokens(v, sl_corpus_article(c, i)->text.ptr, tok + j, k, ids + j))
                    return 1;
            }
            double c2 = now();
            tok_time += c1 - c0;
            intern_time += c2 - c1;
            n_tokens += used;
        }
        t[3] = t[2] + tok_time;
        t[4] = t[3] + intern_time;
        double s0 = now();
        n_sentences = 0;
        for (size_t i = 0; i < n; i++) {
            const sl_article *a = sl_corpus_article(c, i);
            n_sentences += sl_split_sentences(a->text.ptr, a->text.len, sent, cap_sent);
        }
        t[5] = t[4] + (now() - s0);
        for (int p = 0; p < N_PHASES; p++)
            if (t[p + 1] - t[p] < best[p]) best[p] = t[p + 1] - t[p];
        bytes = sl_corpus_bytes(c);
        n_articles = n;
        vocab_size = sl_vocab_size(v);
        sl_corpus_free(c);
    }
    free(tok);
    free(ids);
    free(sent);
    double mb = (double)bytes / 1e6, total = 0;
    printf("ingest_bench: %zu articles, %.1f MB (%.1f MB normalised), %zu tokens, %d types, "
           "%zu sentences (best of %d, 1 thread)\n",
           n_articles, mb, (double)n_norm / 1e6, n_tokens, (int)vocab_size, n_sentences, repeats);
    for (int p = 0; p < N_PHASES; p++) {
        printf("  %-10s %8.3f s  %8.1f MB/s\n", phase_name[p], best[p], mb / best[p]);
        if (p != P_SENT) total += best[p];
    }
    printf("  %-10s %8.3f s  %8.1f MB/s  (read+normalize+tokenize+intern)\n", "total", total,
           mb / total);
    return 0;
}
