/*
 * vocab.c — interning of token strings to dense ids.
 *
 * Open addressing with linear probing over a power-of-two table of 16-byte
 * slots (first 8 bytes, hash tag and length, id), kept at most 3/4 full
 * (a small table matters more than short probe runs: they share cache lines).
 * Short strings (all tokens, nearly) are hashed inline (see sl_key_mix; a
 * library call would cost as much as the hash), and a string of at most 8
 * bytes is compared in its slot alone, without touching string memory.
 * Strings live in an arena, so sl_vocab_string slices stay valid for the
 * vocabulary's life.
 * Invariant: ids are 0..size-1 in interning order; strings[id] is unique.
 */
#include "../internal.h"
#include "text.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

/* A slot: 16 bytes, so that four share a cache line.  `tag` is the top 24
 * bits of the hash and, in its low byte, the string's length (saturated at
 * 255): with `prefix`, the whole of a string of at most 8 bytes, so most
 * lookups never touch string memory.  The full hash is not kept: the table
 * index is recomputed from the string when the table grows. */
typedef struct {
    uint64_t prefix;/* the string's first 8 bytes, zero-padded */
    uint32_t tag;   /* hash >> 40 << 8 | min(len, 255) */
    int32_t id;     /* -1: empty slot */
} vocab_slot;

static inline uint32_t make_tag(uint64_t h, size_t len) {
    return (uint32_t)(h >> 40) << 8 | (uint32_t)(len < 255 ? len : 255);
}

struct sl_vocab {
    sl_arena arena;
    vocab_slot *slots;
    size_t mask;        /* table size - 1 */
    sl_slice *strings;  /* by id */
    size_t n, cap;
};

sl_vocab *sl_vocab_new(void) {
    sl_vocab *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    sl_arena_init(&v->arena);
    v->mask = 1023;
    v->slots = malloc((v->mask + 1) * sizeof *v->slots);
    if (!v->slots) { free(v); return NULL; }
    for (size_t i = 0; i <= v->mask; i++) v->slots[i].id = -1;
    return v;
}

void sl_vocab_free(sl_vocab *v) {
    if (!v) return;
    sl_arena_free(&v->arena);
    free(v->slots);
    free(v->strings);
    free(v);
}

static inline uint64_t vocab_hash(const char *s, size_t len, uint64_t *prefix);

static int vocab_rehash(sl_vocab *v) {
    size_t size = (v->mask + 1) * 2;
    vocab_slot *slots = malloc(size * sizeof *slots);
    if (!slots) return SL_ENOMEM;
    for (size_t i = 0; i < size; i++) slots[i].id = -1;
    for (size_t i = 0; i <= v->mask; i++) {
        if (v->slots[i].id < 0) continue;
        sl_slice str = v->strings[v->slots[i].id];
        uint64_t prefix;
        size_t j = vocab_hash(str.ptr, str.len, &prefix) & (size - 1);
        while (slots[j].id >= 0) j = (j + 1) & (size - 1);
        slots[j] = v->slots[i];
    }
    free(v->slots);
    v->slots = slots;
    v->mask = size - 1;
    return 0;
}

/* Does slot hold s[0..len) (with hash h and first 8 bytes prefix)? */
static inline int slot_holds(const sl_vocab *v, const vocab_slot *slot, const char *s,
                             size_t len, uint64_t h, uint64_t prefix) {
    if (slot->tag != make_tag(h, len) || slot->prefix != prefix) return 0;
    if (len <= 8) return 1;
    sl_slice str = v->strings[slot->id];
    return str.len == len && memcmp(str.ptr + 8, s + 8, len - 8) == 0;
}

/* The slot holding s, or the empty slot where it would go. */
static inline size_t vocab_probe(const sl_vocab *v, const char *s, size_t len, uint64_t h,
                                 uint64_t prefix) {
    size_t j = h & v->mask;
    while (v->slots[j].id >= 0 && !slot_holds(v, &v->slots[j], s, len, h, prefix))
        j = (j + 1) & v->mask;
    return j;
}

/* Hash and prefix of any string. */
static inline uint64_t vocab_hash(const char *s, size_t len, uint64_t *prefix) {
    if (len <= 16) {
        uint64_t k0, k1;
        sl_key_short(s, len, &k0, &k1);
        *prefix = k0;
        return sl_key_mix(k0, k1, len);
    }
    memcpy(prefix, s, 8);
    return XXH3_64bits(s, len);
}

int32_t sl_vocab_find(const sl_vocab *v, const char *s, size_t len) {
    uint64_t prefix, h = vocab_hash(s, len, &prefix);
    return v->slots[vocab_probe(v, s, len, h, prefix)].id;
}

/* Adds s[0..len) in the empty slot j (the slow path, kept out of line). */
static __attribute__((noinline)) int32_t vocab_insert(sl_vocab *v, size_t j, const char *s,
                                                      size_t len, uint64_t h, uint64_t prefix) {
    if (v->n >= INT32_MAX - 1 || len > UINT32_MAX) return -1;
    if (sl_grow(&v->strings, &v->cap, v->n + 1, sizeof *v->strings)) return -1;
    char *copy = sl_arena_strndup(&v->arena, s, len);
    if (!copy) return -1;
    int32_t id = (int32_t)v->n++;
    v->strings[id] = sl_slice_of(copy, len);
    v->slots[j].tag = make_tag(h, len);
    v->slots[j].id = id;
    v->slots[j].prefix = prefix;
    if (v->n * 4 > (v->mask + 1) * 3 && vocab_rehash(v)) return -1;
    return id;
}

/* Interns s[0..len) whose hash and prefix are known: the hit path is a
 * probe inlined into the caller. */
static inline int32_t vocab_intern_hashed(sl_vocab *v, const char *s, size_t len, uint64_t h,
                                          uint64_t prefix) {
    size_t j = h & v->mask;
    for (;;) {
        const vocab_slot *slot = &v->slots[j];
        if (slot->id < 0) return vocab_insert(v, j, s, len, h, prefix);
        if (slot_holds(v, slot, s, len, h, prefix)) return slot->id;
        j = (j + 1) & v->mask;
    }
}

int32_t sl_vocab_intern(sl_vocab *v, const char *s, size_t len) {
    uint64_t prefix, h = vocab_hash(s, len, &prefix);
    return vocab_intern_hashed(v, s, len, h, prefix);
}

int32_t sl_vocab_intern_token(sl_vocab *v, const char *text, const sl_token *tok) {
    const char *s = text + tok->start;
    size_t n = tok->len;
    uint64_t k0, k1;
    if (sl_key_ascii(s, n, &k0, &k1)) {
        char b[16];
        memcpy(b, &k0, 8);
        memcpy(b + 8, &k1, 8);
        return vocab_intern_hashed(v, b, n, sl_key_mix(k0, k1, n), k0);
    }
    /* non-ASCII or long: fold as sl_token_fold does, without truncation */
    size_t nl;
    char *folded;
    int ascii = 1;
    for (size_t i = 0; i < n && ascii; i++) ascii = (unsigned char)s[i] < 0x80;
    if (ascii) {
        folded = malloc(n + 1);
        if (!folded) return -1;
        for (size_t i = 0; i < n; i++)
            folded[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        nl = n;
    } else {
        folded = sl_normalize(s, n, &nl);
        if (!folded) return -1;
    }
    int32_t id = sl_vocab_intern(v, folded, nl);
    free(folded);
    return id;
}

#define BATCH 16

int sl_vocab_intern_tokens(sl_vocab *v, const char *text, const sl_token *tok, size_t n,
                           int32_t *ids) {
    /* In batches: first every key is folded and hashed and its slot
     * prefetched, then the slots are probed, so the cache misses of a
     * large vocabulary overlap instead of queueing one after another. */
    uint64_t k0[BATCH], k1[BATCH], h[BATCH];
    unsigned char ok[BATCH];
    for (size_t base = 0; base < n; base += BATCH) {
        size_t m = n - base < BATCH ? n - base : BATCH;
        for (size_t i = 0; i < m; i++) {
            const sl_token *t = &tok[base + i];
            ok[i] = (unsigned char)sl_key_ascii(text + t->start, t->len, &k0[i], &k1[i]);
            if (!ok[i]) continue;
            h[i] = sl_key_mix(k0[i], k1[i], t->len);
            __builtin_prefetch(&v->slots[h[i] & v->mask]);
        }
        for (size_t i = 0; i < m; i++) {
            int32_t id;
            if (ok[i]) {
                char b[16];
                memcpy(b, &k0[i], 8);
                memcpy(b + 8, &k1[i], 8);
                id = vocab_intern_hashed(v, b, tok[base + i].len, h[i], k0[i]);
            } else {
                id = sl_vocab_intern_token(v, text, &tok[base + i]);
            }
            if (id < 0) return SL_ENOMEM;
            ids[base + i] = id;
        }
    }
    return 0;
}

sl_slice sl_vocab_string(const sl_vocab *v, int32_t id) {
    if (id < 0 || (size_t)id >= v->n) return sl_slice_of(NULL, 0);
    return v->strings[id];
}

int32_t sl_vocab_size(const sl_vocab *v) { return (int32_t)v->n; }
