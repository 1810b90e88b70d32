/*
 * arena.c — bump allocation, growable buffers and arrays, hashing.
 *
 * The arena hands out 16-byte aligned pieces of large blocks (64 KiB, or
 * bigger for a bigger request) and frees them all at once: articles, tokens
 * and interned strings are allocated once and die together, so this costs
 * one pointer bump per allocation and no per-object bookkeeping.
 */
#include "../internal.h"

#include <stdarg.h>
#include <xxhash.h>

struct sl_arena_block {
    sl_arena_block *next;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

#define SL_ARENA_BLOCK (64 * 1024)

void sl_arena_init(sl_arena *a) { memset(a, 0, sizeof *a); }

void sl_arena_free(sl_arena *a) {
    sl_arena_block *b = a->head;
    while (b) {
        sl_arena_block *next = b->next;
        free(b);
        b = next;
    }
    memset(a, 0, sizeof *a);
}

void *sl_arena_alloc(sl_arena *a, size_t n) {
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n) return NULL;
    if (!a->head || a->cap - a->used < need) {
        size_t cap = need > SL_ARENA_BLOCK / 4 ? need : SL_ARENA_BLOCK;
        sl_arena_block *b = malloc(sizeof *b + cap);
        if (!b) return NULL;
        b->cap = cap;
        if (a->head && need > SL_ARENA_BLOCK / 4) {
            /* a big piece gets its own block behind the current one, so the
             * current block's free space is not wasted */
            b->next = a->head->next;
            a->head->next = b;
            a->total += need;
            return b->data;
        }
        b->next = a->head;
        a->head = b;
        a->used = 0;
        a->cap = cap;
    }
    void *p = a->head->data + a->used;
    a->used += need;
    a->total += need;
    return p;
}

char *sl_arena_strndup(sl_arena *a, const char *s, size_t len) {
    char *p = sl_arena_alloc(a, len + 1);
    if (!p) return NULL;
    if (len) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

int sl_grow(void *ptr_to_array, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    size_t n = *cap ? *cap : 8;
    while (n < need) n *= 2;
    void **pp = ptr_to_array;
    void *p = realloc(*pp, n * elem);
    if (!p) return SL_ENOMEM;
    *pp = p;
    *cap = n;
    return 0;
}

int sl_buf_reserve(sl_buf *b, size_t extra) {
    return sl_grow(&b->data, &b->cap, b->len + extra + 1, 1);
}

int sl_buf_append(sl_buf *b, const void *p, size_t n) {
    if (sl_buf_reserve(b, n)) return SL_ENOMEM;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int sl_buf_putc(sl_buf *b, char c) { return sl_buf_append(b, &c, 1); }

int sl_buf_printf(sl_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return SL_EUSAGE;
    if (sl_buf_reserve(b, (size_t)n)) return SL_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void sl_buf_free(sl_buf *b) {
    free(b->data);
    memset(b, 0, sizeof *b);
}

uint64_t sl_hash64(const void *p, size_t n, uint64_t seed) {
    return XXH3_64bits_withSeed(p, n, seed);
}
