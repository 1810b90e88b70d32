/*
 * text.h — internals of the text layer shared between its files.
 */
#ifndef SL_TEXT_H
#define SL_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* ---- short keys (vocab.c, and caches keyed like it) -------------------------
 * A string of at most 16 bytes as two words k0 k1: its bytes, zero-padded
 * (byte i in bits 8*(i%8) of k0 for i < 8, of k1 after). */

/* k0 and k1 of s (len <= 16).  On little-endian machines they are read
 * with a few overlapping loads that stay inside s[0..len) (copying a
 * variable length to the stack and loading words back stalls store
 * forwarding: that cost more than the hash). */
static inline void sl_key_short(const char *s, size_t len, uint64_t *k0, uint64_t *k1) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t a = 0, b = 0;
    if (len >= 8) {
        memcpy(&a, s, 8);
        if (len > 8) {
            memcpy(&b, s + len - 8, 8);     /* bytes len-8 .. len-1 */
            b >>= 8 * (16 - len);           /* keep bytes 8 .. len-1 */
        }
    } else if (len >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + len - 4, 4);        /* overlapping bytes agree */
        a = (uint64_t)lo | (uint64_t)hi << (8 * (len - 4));
    } else if (len > 0) {
        a = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << (8 * (len / 2)) |
            (uint64_t)(unsigned char)s[len - 1] << (8 * (len - 1));
    }
    *k0 = a;
    *k1 = b;
#else
    unsigned char b[16] = {0};
    memcpy(b, s, len);
    memcpy(k0, b, 8);
    memcpy(k1, b + 8, 8);
#endif
}

/* The hash of a short key: one 64x64->128 multiply, the product folded (as
 * in wyhash and mum-hash). */
static inline uint64_t sl_key_mix(uint64_t k0, uint64_t k1, size_t len) {
    __uint128_t p = (__uint128_t)(k0 ^ 0x9E3779B97F4A7C15ull) *
                    (k1 ^ 0xD6E8FEB86659FD93ull ^ ((uint64_t)len << 56));
    return (uint64_t)p ^ (uint64_t)(p >> 64);
}

/* ASCII upper case to lower case in 8 bytes < 0x80 (SWAR, no carries). */
static inline uint64_t sl_key_lower8(uint64_t x) {
    uint64_t upper = (x + 0x3F3F3F3F3F3F3F3Full) & ~(x + 0x2525252525252525ull) & 0x8080808080808080ull;
    return x | (upper >> 2);
}

/* The folded key of an ASCII token of at most 16 bytes (its lower case:
 * what sl_token_fold gives); 0 if the token is longer or not ASCII. */
static inline int sl_key_ascii(const char *s, size_t n, uint64_t *k0, uint64_t *k1) {
    if (n > 16) return 0;
    sl_key_short(s, n, k0, k1);
    if ((*k0 | *k1) & 0x8080808080808080ull) return 0;
    *k0 = sl_key_lower8(*k0);
    *k1 = sl_key_lower8(*k1);
    return 1;
}

#endif
