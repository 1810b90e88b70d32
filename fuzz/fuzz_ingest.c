/*
 * fuzz_ingest.c — libFuzzer target for the readers and the text layer.
 *
 *   make fuzz && build-fuzz/fuzz_ingest -max_total_time=120 [CORPUS_DIR]
 *
 * The first input byte chooses the format (auto, JSONL, text) and a line
 * limit; the rest is read with sl_corpus_read_buffer.  Every article read is
 * then checked the way later stages use it: tokens, folded tokens and their
 * ids, sentences, normalised text, JSON output.  Besides the sanitizers'
 * findings, the target aborts when a contract is broken: a stored text that
 * is not valid UTF-8, a token or sentence outside its text or out of order,
 * a normalised text that is not valid UTF-8, a folded token whose id is not
 * found again.  The raw input, when it is valid UTF-8, goes through the text
 * layer too.  Every input is also read with the JSONL fast path off: both
 * ways must give the same articles, diagnostics counts and status.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "contract broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                        \
        }                                                                   \
    } while (0)

static void check_text(const char *text, size_t len, sl_vocab *v) {
    size_t n = sl_tokenize(text, len, NULL, 0);
    sl_token *tok = malloc((n + 1) * sizeof *tok);
    CHECK(tok);
    CHECK(sl_tokenize(text, len, tok, n) == n);
    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(tok[i].len > 0);
        CHECK(tok[i].start >= prev_end);
        CHECK((size_t)tok[i].start + tok[i].len <= len);
        CHECK(tok[i].kind >= SL_TOK_WORD && tok[i].kind <= SL_TOK_PUNCT);
        prev_end = tok[i].start + tok[i].len;
        char buf[64];
        size_t fl = sl_token_fold(text, &tok[i], buf, sizeof buf);
        CHECK(fl < sizeof buf && buf[fl] == '\0');
        CHECK(sl_utf8_valid(buf, fl, NULL) || fl == 0);
        int32_t id = sl_vocab_intern_token(v, text, &tok[i]);
        CHECK(id >= 0);
        sl_slice s = sl_vocab_string(v, id);
        CHECK(s.ptr != NULL || s.len == 0);
        CHECK(sl_vocab_find(v, s.ptr, s.len) == id);
        /* the short fold is a prefix of the full one, which is the
         * vocabulary's string */
        static char big[1 << 16];
        size_t bl = sl_token_fold(text, &tok[i], big, sizeof big);
        CHECK(bl >= fl && memcmp(big, buf, fl) == 0);
        if (bl + 1 < sizeof big) CHECK(s.len == bl && memcmp(s.ptr, big, bl) == 0);
    }
    int32_t *ids = malloc((n + 1) * sizeof *ids);
    CHECK(ids);
    CHECK(sl_vocab_intern_tokens(v, text, tok, n, ids) == 0);
    for (size_t i = 0; i < n; i++) CHECK(ids[i] == sl_vocab_intern_token(v, text, &tok[i]));
    free(ids);
    free(tok);
    size_t ns = sl_split_sentences(text, len, NULL, 0);
    sl_span *sp = malloc((ns + 1) * sizeof *sp);
    CHECK(sp);
    CHECK(sl_split_sentences(text, len, sp, ns) == ns);
    prev_end = 0;
    for (size_t i = 0; i < ns; i++) {
        CHECK(sp[i].len > 0);
        CHECK(sp[i].start >= prev_end);
        CHECK((size_t)sp[i].start + sp[i].len <= len);
        prev_end = sp[i].start + sp[i].len;
    }
    free(sp);
    size_t nl;
    char *norm = sl_normalize(text, len, &nl);
    CHECK(norm);
    CHECK(strlen(norm) == nl);
    CHECK(sl_utf8_valid(norm, nl, NULL));
    CHECK(nl == 0 || (norm[0] != ' ' && norm[nl - 1] != ' '));
    CHECK(!strstr(norm, "  "));
    free(norm);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *devnull;
    if (!devnull) devnull = fopen("/dev/null", "w");
    if (size == 0) return 0;
    sl_read_options opt = {0};
    opt.format = (sl_format)(data[0] % 3);
    opt.max_line = data[0] & 0x80 ? 64 : 0;
    const char *in = (const char *)data + 1;
    size_t len = size - 1;
    sl_corpus *c = sl_corpus_new();
    CHECK(c);
    int r = sl_corpus_read_buffer(c, (data[0] & 0x40) ? "in.jsonl" : "in", in, len, &opt);
    CHECK(r == 0 || r == SL_EINPUT);
    sl_vocab *v = sl_corpus_vocab(c);
    CHECK(v);
    for (size_t i = 0; i < sl_corpus_size(c); i++) {
        const sl_article *a = sl_corpus_article(c, i);
        CHECK(a->index == i);
        CHECK(sl_utf8_valid(a->text.ptr, a->text.len, NULL));
        CHECK(sl_utf8_valid(a->id.ptr ? a->id.ptr : "", a->id.len, NULL));
        CHECK(sl_utf8_valid(a->title.ptr ? a->title.ptr : "", a->title.len, NULL));
        check_text(a->text.ptr, a->text.len, v);
        if (devnull) CHECK(sl_article_write_json(devnull, a) == 0);
    }
    if (sl_utf8_valid(in, len, NULL)) check_text(in, len, v);
    /* the JSONL fast path and cJSON read the same articles */
    sl_jsonl_fast_path_off = 1;
    sl_corpus *slow = sl_corpus_new();
    CHECK(slow);
    int rs = sl_corpus_read_buffer(slow, (data[0] & 0x40) ? "in.jsonl" : "in", in, len, &opt);
    sl_jsonl_fast_path_off = 0;
    CHECK(rs == r);
    CHECK(sl_corpus_size(slow) == sl_corpus_size(c));
    CHECK(sl_corpus_rejected(slow) == sl_corpus_rejected(c));
    CHECK(sl_corpus_warnings(slow) == sl_corpus_warnings(c));
    for (size_t i = 0; i < sl_corpus_size(c); i++) {
        const sl_article *a = sl_corpus_article(c, i), *b = sl_corpus_article(slow, i);
        const sl_slice *fa[] = {&a->id, &a->title, &a->source, &a->url, &a->text};
        const sl_slice *fb[] = {&b->id, &b->title, &b->source, &b->url, &b->text};
        for (size_t k = 0; k < 5; k++) {
            CHECK(fa[k]->len == fb[k]->len);
            CHECK(fa[k]->len == 0 || memcmp(fa[k]->ptr, fb[k]->ptr, fa[k]->len) == 0);
        }
        CHECK(a->date == b->date && a->time == b->time && a->line == b->line);
    }
    sl_corpus_free(slow);
    sl_corpus_free(c);
    return 0;
}
