/*
 * vocab.c — interning of token strings to dense ids.
 *
 * Open addressing with linear probing over a power-of-two table of
 * (hash, id) pairs; strings live in an arena, so sl_vocab_string slices stay
 * valid for the vocabulary's life.  The table is kept at most half full.
 * Invariant: ids are 0..size-1 in interning order; strings[id] is unique.
 */
#include "../internal.h"

typedef struct {
    uint64_t hash;
    int32_t id;     /* -1: empty slot */
} vocab_slot;

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

static size_t vocab_probe(const sl_vocab *v, const char *s, size_t len, uint64_t h) {
    size_t j = h & v->mask;
    for (;;) {
        const vocab_slot *slot = &v->slots[j];
        if (slot->id < 0) return j;
        if (slot->hash == h) {
            sl_slice str = v->strings[slot->id];
            if (str.len == len && memcmp(str.ptr, s, len) == 0) return j;
        }
        j = (j + 1) & v->mask;
    }
}

int32_t sl_vocab_find(const sl_vocab *v, const char *s, size_t len) {
    uint64_t h = sl_hash64(s, len, 0);
    return v->slots[vocab_probe(v, s, len, h)].id;
}

int32_t sl_vocab_intern(sl_vocab *v, const char *s, size_t len) {
    uint64_t h = sl_hash64(s, len, 0);
    size_t j = vocab_probe(v, s, len, h);
    if (v->slots[j].id >= 0) return v->slots[j].id;
    if (v->n >= INT32_MAX - 1) return -1;
    if (sl_grow(&v->strings, &v->cap, v->n + 1, sizeof *v->strings)) return -1;
    char *copy = sl_arena_strndup(&v->arena, s, len);
    if (!copy) return -1;
    int32_t id = (int32_t)v->n++;
    v->strings[id] = sl_slice_of(copy, len);
    v->slots[j].hash = h;
    v->slots[j].id = id;
    if (v->n * 2 > v->mask + 1 && vocab_rehash(v)) return -1;
    return id;
}

sl_slice sl_vocab_string(const sl_vocab *v, int32_t id) {
    if (id < 0 || (size_t)id >= v->n) return sl_slice_of(NULL, 0);
    return v->strings[id];
}

int32_t sl_vocab_size(const sl_vocab *v) { return (int32_t)v->n; }
