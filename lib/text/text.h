/*
 * text.h — internals of the text layer shared between its files.
 */
#ifndef SL_TEXT_H
#define SL_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The longest stop word ("yourselves", "themselves"). */
#define SL_STOPWORD_MAXLEN 10

/* Builds the stop-word hash set once (thread safe; cheap after the first
 * call).  Must be called before sl_stopword_ascii. */
void sl_stopwords_init(void);

/* 1 if the ASCII word w[0..len) (any case) is a stop word.  w must hold
 * only ASCII bytes; sl_stopwords_init must have been called. */
int sl_stopword_ascii(const char *w, size_t len);

/* The stop-word hash set, filled by sl_stopwords_init (stem.c).  A key is
 * the lower-case word's bytes: 0..7 in k0 and 8..15 in k1, byte i in bits
 * 8*(i%8)..8*(i%8)+7, unused bytes zero. */
#define SL_STOP_SLOTS 512
typedef struct sl_stop_slot {
    uint64_t k0, k1;
    uint8_t len;        /* 0: empty slot */
} sl_stop_slot;
extern sl_stop_slot sl_stop_set[SL_STOP_SLOTS];

static inline size_t sl_stop_hash(uint64_t k0, uint64_t k1, size_t len) {
    uint64_t h = (k0 * 0x9E3779B97F4A7C15ull) ^ (k1 * 0xC2B2AE3D27D4EB4Full) ^ len;
    return (size_t)(h >> 55) & (SL_STOP_SLOTS - 1);
}

/* 1 if the key (k0, k1) of a word of len bytes (1..SL_STOPWORD_MAXLEN) is
 * a stop word; sl_stopwords_init first. */
static inline int sl_stopword_key(uint64_t k0, uint64_t k1, size_t len) {
    for (size_t j = sl_stop_hash(k0, k1, len);; j = (j + 1) & (SL_STOP_SLOTS - 1)) {
        const sl_stop_slot *s = &sl_stop_set[j];
        if (!s->len) return 0;
        if (s->k0 == k0 && s->k1 == k1 && s->len == len) return 1;
    }
}

#endif
