/*
 * ingest.c — `storyline ingest`: read articles, write them as JSONL.
 *
 * The normal form every other command reads: one object per line with id,
 * date (YYYY-MM-DD, or RFC 3339 when a time is known), title, source, url
 * and text, the " date " prefix and title line of text files resolved.
 * With --stats, a summary (articles, bytes, tokens, types, sentences, time
 * and MB/s of CPU time) goes to stderr instead; it runs the whole text layer
 * over the input.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char help[] =
    "usage: storyline ingest [options] [FILE|DIR|-]...\n"
    "\n"
    "Read articles and write them as JSONL, one object per line:\n"
    "  {\"id\",\"date\",\"title\",\"source\",\"url\",\"text\"}\n"
    "\n"
    "Inputs: JSONL files (fields id, text (required), title, date, source, url),\n"
    "plain-text files (one article a file; an optional leading ' date YYYY-MM-DD '\n"
    "gives the date, a short first line without final punctuation followed by a\n"
    "blank line is the title), directories (walked recursively, sorted), or '-'\n"
    "for standard input (the default).\n"
    "\n"
    "Options:\n"
    "  --stats             run the text layer (normalise, tokenise, intern,\n"
    "                      split sentences) over everything and print counts\n"
    "                      and throughput to stderr instead of the articles\n";

int cmd_ingest(int argc, char **argv) {
    cli_common opt;
    cli_common_init(&opt);
    int stats = 0;
    static const struct option longopts[] = {
        {"stats", no_argument, NULL, 's'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        int r = cli_common_option(&opt, "ingest", ch, optarg);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        switch (ch) {
        case 'h': fputs(help, stdout); fputs(cli_common_help, stdout); return EXIT_OK;
        case 's': stats = 1; break;
        default: return cli_usage_error("ingest", "unknown option");
        }
    }
    sl_corpus *c = sl_corpus_new();
    if (!c) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
    double t0 = cli_now(), cpu0 = (double)clock() / CLOCKS_PER_SEC;
    int status = cli_read_inputs(c, &opt, argc, argv, optind);
    size_t n = sl_corpus_size(c);
    if (stats) {
        /* the whole text layer over every article: normalise, tokenise,
         * intern every word and number, split sentences */
        size_t tokens = 0, sentences = 0, cap = 0, cap_ids = 0;
        sl_token *tok = NULL;
        int32_t *ids = NULL;
        sl_vocab *vocab = sl_corpus_vocab(c);
        for (size_t i = 0; i < n && vocab; i++) {
            const sl_article *a = sl_corpus_article(c, i);
            size_t k = sl_tokenize(a->text.ptr, a->text.len, tok, cap);
            if (k > cap) {
                free(tok);
                cap = k * 2;
                tok = malloc(cap * sizeof *tok);
                if (!tok) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
                k = sl_tokenize(a->text.ptr, a->text.len, tok, cap);
            }
            tokens += k;
            if (k > cap_ids) {
                free(ids);
                cap_ids = cap;
                ids = malloc(cap_ids * sizeof *ids);
                if (!ids) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
            }
            sl_vocab_intern_tokens(vocab, a->text.ptr, tok, k, ids);
            size_t nl;
            free(sl_normalize(a->text.ptr, a->text.len, &nl));
            sentences += sl_split_sentences(a->text.ptr, a->text.len, NULL, 0);
        }
        free(tok);
        free(ids);
        double dt = cli_now() - t0, cpu = (double)clock() / CLOCKS_PER_SEC - cpu0;
        uint64_t bytes = sl_corpus_bytes(c);
        fprintf(stderr,
                "articles %zu  rejected %zu  warnings %zu  bytes %llu  tokens %zu  types %d  "
                "sentences %zu  %.3f s  %.1f MB/s (CPU %.3f s)\n",
                n, sl_corpus_rejected(c), sl_corpus_warnings(c), (unsigned long long)bytes, tokens,
                vocab ? (int)sl_vocab_size(vocab) : 0, sentences, dt,
                cpu > 0 ? (double)bytes / 1e6 / cpu : 0.0, cpu);
    } else {
        cli_buffer_stdout();
        for (size_t i = 0; i < n; i++) sl_article_write_json(stdout, sl_corpus_article(c, i));
        if (fflush(stdout) != 0) { perror("storyline: writing output"); status = EXIT_BAD_INPUT; }
    }
    sl_corpus_free(c);
    return status;
}
