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

/* The stop-word set, a perfect hash filled by sl_stopwords_init (stem.c).
 * A key is the lower-case word's bytes: 0..7 in k0 and 8..15 in k1, byte i
 * in bits 8*(i%8)..8*(i%8)+7, unused bytes zero (words hold no NUL, so the
 * key gives the length).  Every stop word has a slot of its own. */
#define SL_STOP_SLOTS 2048
typedef struct sl_stop_slot {
    uint64_t k0, k1;    /* k0 == 0: empty slot */
} sl_stop_slot;
extern sl_stop_slot sl_stop_set[SL_STOP_SLOTS];
extern uint64_t sl_stop_mult;

static inline size_t sl_stop_hash(uint64_t k0, uint64_t k1) {
    uint64_t h = (k0 ^ (k1 * 0xC2B2AE3D27D4EB4Full)) * sl_stop_mult;
    return (size_t)(h >> 53) & (SL_STOP_SLOTS - 1);
}

/* 1 if the key (k0, k1) of a word is a stop word; sl_stopwords_init first. */
static inline int sl_stopword_key(uint64_t k0, uint64_t k1) {
    const sl_stop_slot *s = &sl_stop_set[sl_stop_hash(k0, k1)];
    return (s->k0 == k0) & (s->k1 == k1);
}

#endif
