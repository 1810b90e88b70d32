/*
 * vocab.c — interning of token strings to dense ids.
 *
 * Open addressing with linear probing over a power-of-two table of
 * (hash, first 8 bytes, id, length) slots; see vocab_hash for the hash
 * (tokens are short: a library call would cost as much as the hash).  A
 * string of
 * at most 8 bytes is compared in the slot alone, without touching string
 * memory.  Strings live in an arena, so sl_vocab_string slices stay valid
 * for the vocabulary's life.  The table is kept at most half full.
 * Invariant: ids are 0..size-1 in interning order; strings[id] is unique.
 */
#include "../internal.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

typedef struct {
    uint64_t hash;
    uint64_t prefix;/* the string's first 8 bytes, zero-padded (k0) */
    int32_t id;     /* -1: empty slot */
    uint32_t len;   /* byte length of the string */
} vocab_slot;

/* The hash of a string.  Tokens are short: up to 16 bytes, the string,
 * zero-padded to two 64-bit words k0 k1, is mixed with one 64x64->128
 * multiply (the folded product, as in wyhash and mum-hash); longer strings
 * go to XXH3 (inlined). */
static inline uint64_t mix_short(uint64_t k0, uint64_t k1, size_t len) {
    __uint128_t p = (__uint128_t)(k0 ^ 0x9E3779B97F4A7C15ull) *
                    (k1 ^ 0xD6E8FEB86659FD93ull ^ ((uint64_t)len << 56));
    return (uint64_t)p ^ (uint64_t)(p >> 64);
}

/* k0 and k1 of s (len <= 16). */
static inline void short_key(const char *s, size_t len, uint64_t *k0, uint64_t *k1) {
    unsigned char b[16] = {0};
    memcpy(b, s, len);
    memcpy(k0, b, 8);
    memcpy(k1, b + 8, 8);
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

static int vocab_rehash(sl_vocab *v) {
    size_t size = (v->mask + 1) * 2;
    vocab_slot *slots = malloc(size * sizeof *slots);
    if (!slots) return SL_ENOMEM;
    for (size_t i = 0; i < size; i++) slots[i].id = -1;
    for (size_t i = 0; i <= v->mask; i++) {
        if (v->slots[i].id < 0) continue;
        size_t j = v->slots[i].hash & (size - 1);
        while (slots[j].id >= 0) j = (j + 1) & (size - 1);
        slots[j] = v->slots[i];
    }
    free(v->slots);
    v->slots = slots;
    v->mask = size - 1;
    return 0;
}

static size_t vocab_probe(const sl_vocab *v, const char *s, size_t len, uint64_t h,
                          uint64_t prefix) {
    size_t j = h & v->mask;
    for (;;) {
        const vocab_slot *slot = &v->slots[j];
        if (slot->id < 0) return j;
        if (slot->hash == h && slot->len == len && slot->prefix == prefix &&
            (len <= 8 || memcmp(v->strings[slot->id].ptr + 8, s + 8, len - 8) == 0))
            return j;
        j = (j + 1) & v->mask;
    }
}

/* Hash and prefix of any string. */
static inline uint64_t vocab_hash(const char *s, size_t len, uint64_t *prefix) {
    if (len <= 16) {
        uint64_t k0, k1;
        short_key(s, len, &k0, &k1);
        *prefix = k0;
        return mix_short(k0, k1, len);
    }
    memcpy(prefix, s, 8);
    return XXH3_64bits(s, len);
}

int32_t sl_vocab_find(const sl_vocab *v, const char *s, size_t len) {
    uint64_t prefix, h = vocab_hash(s, len, &prefix);
    return v->slots[vocab_probe(v, s, len, h, prefix)].id;
}

/* Interns s[0..len) whose hash and prefix are known. */
static int32_t vocab_intern_hashed(sl_vocab *v, const char *s, size_t len, uint64_t h,
                                   uint64_t prefix) {
    size_t j = vocab_probe(v, s, len, h, prefix);
    if (v->slots[j].id >= 0) return v->slots[j].id;
    if (v->n >= INT32_MAX - 1 || len > UINT32_MAX) return -1;
    if (sl_grow(&v->strings, &v->cap, v->n + 1, sizeof *v->strings)) return -1;
    char *copy = sl_arena_strndup(&v->arena, s, len);
    if (!copy) return -1;
    int32_t id = (int32_t)v->n++;
    v->strings[id] = sl_slice_of(copy, len);
    v->slots[j].hash = h;
    v->slots[j].id = id;
    v->slots[j].len = (uint32_t)len;
    v->slots[j].prefix = prefix;
    if (v->n * 2 > v->mask + 1 && vocab_rehash(v)) return -1;
    return id;
}

int32_t sl_vocab_intern(sl_vocab *v, const char *s, size_t len) {
    uint64_t prefix, h = vocab_hash(s, len, &prefix);
    return vocab_intern_hashed(v, s, len, h, prefix);
}

int32_t sl_vocab_intern_token(sl_vocab *v, const char *text, const sl_token *tok) {
    const char *s = text + tok->start;
    size_t n = tok->len;
    if (n <= 16) {
        /* one pass: fold ASCII case into the zero-padded key */
        unsigned char b[16] = {0}, high = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            high |= c;
            b[i] = (unsigned char)(c | ((c >= 'A' && c <= 'Z') << 5));
        }
        if (!(high & 0x80)) {
            uint64_t k0, k1;
            memcpy(&k0, b, 8);
            memcpy(&k1, b + 8, 8);
            return vocab_intern_hashed(v, (const char *)b, n, mix_short(k0, k1, n), k0);
        }
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

sl_slice sl_vocab_string(const sl_vocab *v, int32_t id) {
    if (id < 0 || (size_t)id >= v->n) return sl_slice_of(NULL, 0);
    return v->strings[id];
}

int32_t sl_vocab_size(const sl_vocab *v) { return (int32_t)v->n; }
