/*
 * internal.h — declarations shared by the stages of libstoryline but not part
 * of the public API: the arena allocator, growable buffers, the corpus'
 * insides, a JSON string writer and small helpers.
 *
 * Invariants:
 *   - Arena memory is never freed piecemeal; it lives until sl_arena_free.
 *     Pointers into an arena stay valid while it lives (blocks never move).
 *   - sl_buf data may move on every append: keep offsets, not pointers.
 */
#ifndef SL_INTERNAL_H
#define SL_INTERNAL_H

#include "storyline.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define SL_MIN(a, b) ((a) < (b) ? (a) : (b))
#define SL_MAX(a, b) ((a) > (b) ? (a) : (b))

/* ---- arena: bump allocator over a list of blocks ------------------------ */

typedef struct sl_arena_block sl_arena_block;
typedef struct sl_arena {
    sl_arena_block *head;   /* current block; older blocks follow ->next */
    size_t used;            /* bytes used in head */
    size_t cap;             /* capacity of head */
    size_t total;           /* bytes handed out, all blocks */
} sl_arena;

void sl_arena_init(sl_arena *a);
void sl_arena_free(sl_arena *a);
/* Aligned to 16 bytes; NULL when out of memory. */
void *sl_arena_alloc(sl_arena *a, size_t n);
/* Copies s[0..len) and appends a NUL; NULL when out of memory. */
char *sl_arena_strndup(sl_arena *a, const char *s, size_t len);
/* Moves every block of src into dst: src's memory now lives (and dies) with
 * dst, pointers into it stay valid, src is left empty.  Lets worker threads
 * fill arenas of their own and hand the results to a shared one. */
void sl_arena_adopt(sl_arena *dst, sl_arena *src);

/* ---- growable byte buffer ----------------------------------------------- */

typedef struct sl_buf {
    char *data;
    size_t len;
    size_t cap;
} sl_buf;

int sl_buf_reserve(sl_buf *b, size_t extra);   /* 0 or SL_ENOMEM */
int sl_buf_append(sl_buf *b, const void *p, size_t n);
int sl_buf_putc(sl_buf *b, char c);
int sl_buf_printf(sl_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sl_buf_free(sl_buf *b);

/* Appends s[0..len) as a JSON string literal, quotes included; invalid
 * UTF-8 bytes become U+FFFD. */
int sl_buf_json_string(sl_buf *b, const char *s, size_t len);
/* Same, straight to a FILE. */
void sl_fput_json_string(FILE *f, const char *s, size_t len);

/* ---- growable arrays ----------------------------------------------------- */

/* Grows *ptr (an array of elem-size items with *cap slots) to hold at least
 * need items; 0 or SL_ENOMEM. */
int sl_grow(void *ptr_to_array, size_t *cap, size_t need, size_t elem);

/* ---- hashing ------------------------------------------------------------- */

uint64_t sl_hash64(const void *p, size_t n, uint64_t seed);

/* ---- the corpus ----------------------------------------------------------- */

struct sl_corpus {
    sl_arena arena;         /* article records' strings and input copies */
    sl_article **articles;  /* stable pointers, in reading order */
    size_t n_articles, cap_articles;
    size_t rejected, warnings;
    uint64_t bytes;
    sl_vocab *vocab;
};

/* sl_corpus_add for fields the caller has already checked to be valid
 * UTF-8 without NUL bytes (the readers validate whole inputs first). */
long sl_corpus_add_valid(sl_corpus *c, const sl_article *a);
/* Replaces fields of article i (a stage that rewrites texts): a non-NULL text or title
 * is copied into the corpus arena (the old bytes stay valid: slices into
 * them survive); date is set unless SL_NO_DATE.  Returns 0, SL_EUSAGE (bad
 * index) or SL_ENOMEM.  Not thread safe. */
int sl_corpus_update(sl_corpus *c, size_t i, const sl_slice *text, const sl_slice *title,
                     int32_t date);

/* Test hook: when set, JSONL lines all go through cJSON instead of the
 * fast path first (the fuzzer compares both).  Not for production use. */
extern int sl_jsonl_fast_path_off;

/* Reports a diagnostic through the options' callback and counts it. */
void sl_report(sl_corpus *c, const sl_read_options *opt, const char *file,
               long line, int is_warning, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- slices ---------------------------------------------------------------- */

static inline sl_slice sl_slice_of(const char *p, size_t n) {
    sl_slice s = {p, n};
    return s;
}
static inline bool sl_slice_eq(sl_slice a, const char *s) {
    size_t n = strlen(s);
    return a.len == n && memcmp(a.ptr, s, n) == 0;
}

/* Length (1..4) of the valid UTF-8 sequence at s[i], or 0 if the bytes
 * there are not valid UTF-8 (overlong, surrogate, truncated, > U+10FFFF). */
size_t sl_utf8_seq_len(const unsigned char *s, size_t len, size_t i);

/* Decodes one UTF-8 code point at s[*i] (s valid UTF-8), advances *i. */
int32_t sl_utf8_next(const char *s, size_t len, size_t *i);

#endif /* SL_INTERNAL_H */
