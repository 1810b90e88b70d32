/*
 * arena.c — bump allocation, growable buffers and arrays, hashing.
 *
 * The arena hands out 16-byte aligned pieces of large blocks (64 KiB,
 * doubling up to 4 MiB, or bigger for a bigger request) and frees them all
 * at once: articles, tokens
 * and interned strings are allocated once and die together, so this costs
 * one pointer bump per allocation and no per-object bookkeeping.
 */
#include "../internal.h"

#include <stdarg.h>
#include <sys/mman.h>
#include <xxhash.h>

struct sl_arena_block {
    sl_arena_block *next;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

#define SL_ARENA_BLOCK (64 * 1024)
#define SL_ARENA_MAX_BLOCK ((size_t)4 << 20)
#define SL_HUGE_PAGE ((size_t)2 << 20)

/* A block of cap data bytes.  Blocks of 2 MiB and more are 2 MiB aligned
 * and offered to the kernel as transparent huge pages: a corpus arena
 * holding gigabytes of text then takes 512 times fewer page faults. */
static sl_arena_block *block_new(size_t cap) {
    size_t bytes = sizeof(sl_arena_block) + cap;
    if (bytes < cap) return NULL;
    sl_arena_block *b;
    if (bytes >= SL_HUGE_PAGE) {
        size_t rounded = (bytes + SL_HUGE_PAGE - 1) & ~(SL_HUGE_PAGE - 1);
        if (rounded < bytes) return NULL;
        b = aligned_alloc(SL_HUGE_PAGE, rounded);
        if (!b) return NULL;
        madvise(b, rounded, MADV_HUGEPAGE);
        cap = rounded - sizeof(sl_arena_block);
    } else {
        b = malloc(bytes);
        if (!b) return NULL;
    }
    b->cap = cap;
    return b;
}

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
        /* blocks grow geometrically (64 KiB, 128 KiB, ... 4 MiB), so small
         * arenas stay small and big ones take few, large blocks */
        size_t normal = a->head ? SL_MIN(SL_MAX(a->cap * 2, SL_ARENA_BLOCK), SL_ARENA_MAX_BLOCK)
                                : SL_ARENA_BLOCK;
        size_t cap = need > normal / 4 ? need : normal;
        sl_arena_block *b = block_new(cap);
        if (!b) return NULL;
        cap = b->cap;
        if (a->head && need > normal / 4) {
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

void sl_arena_adopt(sl_arena *dst, sl_arena *src) {
    if (!src->head) return;
    if (!dst->head) {
        *dst = *src;
    } else {
        /* src's blocks go behind dst's current block, which keeps its free space */
        sl_arena_block *tail = src->head;
        while (tail->next) tail = tail->next;
        tail->next = dst->head->next;
        dst->head->next = src->head;
        dst->total += src->total;
    }
    memset(src, 0, sizeof *src);
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
