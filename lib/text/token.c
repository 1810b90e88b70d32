/*
 * token.c — word tokenisation.
 *
 * One left-to-right pass over the original (not normalised) text, so token
 * offsets point into the caller's buffer and no copy is made.  Characters
 * are classified by an ASCII table, and by their Unicode category
 * (utf8proc) otherwise.  A token is:
 *   - a word: a letter followed by letters, digits and combining marks, with
 *     inner '-' or apostrophe (' or U+2019) when a letter or digit follows
 *     ("well-known", "don't", "Kim's"); dotted initialisms "U.S." and
 *     "U.N." are kept whole with their final dot;
 *   - a number: digits with inner , . : / followed by a digit ("1,000",
 *     "3.5", "12:30"); a number that runs into letters ("72nd", "4Th",
 *     "H1N1"-like) becomes a word;
 *   - otherwise a single punctuation or symbol character.
 * White space (ASCII and Unicode Z*) separates tokens and is dropped.
 *
 * Speed (this runs over every byte of the corpus): runs of ASCII letters and
 * digits are scanned 8 bytes a step with SWAR class masks; the character
 * that ends a run is classified by a 256-entry table, and only non-ASCII
 * characters ask utf8proc.  The stop-word flag of an ASCII word is one probe
 * of a perfect hash keyed by its case-folded bytes (text.h), built with two
 * loads when 16 bytes are readable.  Token fields are stored one by one
 * (a struct built byte-wise on the stack and copied stalls store
 * forwarding).
 */
#include "../internal.h"

#include "text.h"

#include <utf8proc.h>

enum { C_SPACE, C_ALPHA, C_DIGIT, C_MARK, C_APOS, C_HYPHEN, C_NUMSEP, C_PUNCT, C_NONASCII };

/* Class of every byte: ASCII by table, bytes >= 0x80 (lead or continuation
 * bytes of a multi-byte character) are C_NONASCII and take the slow path.
 * Controls are white space, as are the ASCII blanks. */
#define S_ C_SPACE
#define A_ C_ALPHA
#define D_ C_DIGIT
#define P_ C_PUNCT
#define N_ C_NONASCII
static const uint8_t byte_class[256] = {
    S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_,   /* 0x00 */
    S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_,   /* 0x10 */
    S_, P_, P_, P_, P_, P_, P_, C_APOS, P_, P_, P_, P_, C_NUMSEP, C_HYPHEN, C_NUMSEP, C_NUMSEP, /* ' '.. '/' */
    D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, C_NUMSEP, P_, P_, P_, P_, P_,  /* '0'.. '?' */
    P_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_,   /* '@'.. 'O' */
    A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, P_, P_, P_, P_, P_,   /* 'P'.. '_' */
    P_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_,   /* '`'.. 'o' */
    A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, A_, P_, P_, P_, P_, P_,   /* 'p'.. DEL */
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
    N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_, N_,
};
#undef S_
#undef A_
#undef D_
#undef P_
#undef N_

/* Class of the non-ASCII character at s[i] by its Unicode category. */
static int classify_unicode(const char *s, size_t len, size_t i, size_t *next, int *upper) {
    size_t j = i;
    int32_t cp = sl_utf8_next(s, len, &j);
    *next = j;
    *upper = 0;
    if (cp == 0x2019 || cp == 0x02BC) return C_APOS;
    if (cp == 0x2010 || cp == 0x2011) return C_HYPHEN;
    if (cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF)
        return C_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        *upper = 1;
        return C_ALPHA;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return C_ALPHA;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    default:
        return C_PUNCT;
    }
}

/* Class of the character at s[i] (i < len); *next is the index after it. */
static inline int classify(const char *s, size_t len, size_t i, size_t *next, int *upper) {
    unsigned char c = (unsigned char)s[i];
    int k = byte_class[c];
    if (k != C_NONASCII) {
        *next = i + 1;
        *upper = c >= 'A' && c <= 'Z';
        return k;
    }
    return classify_unicode(s, len, i, next, upper);
}

/* SWAR classes of 8 bytes: bit 7 of each byte of the result is set when
 * that byte is an ASCII letter or digit; *alpha gets the same for letters.
 * Works on the low 7 bits (so no carry crosses bytes) and masks out bytes
 * >= 0x80.  "in [lo, hi]" is: y + (0x80 - lo) has bit 7, y + (0x7F - hi)
 * has not. */
static inline uint64_t alnum8(uint64_t x, uint64_t *alpha) {
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t y = x & 0x7F7F7F7F7F7F7F7Full;
    uint64_t l = y | (0x20 * ones);     /* ASCII letters to lower case */
    uint64_t is_alpha = (l + (0x80 - 'a') * ones) & ~(l + (0x7F - 'z') * ones);
    uint64_t is_digit = (y + (0x80 - '0') * ones) & ~(y + (0x7F - '9') * ones);
    *alpha = is_alpha & ~x & high;
    return (is_alpha | is_digit) & ~x & high;
}

static inline int is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

static inline int is_alnum_class(int k) { return k == C_ALPHA || k == C_DIGIT || k == C_MARK; }

/* Lower-cases the 8 ASCII bytes of x (SWAR: a byte b < 0x80 is upper case
 * when b + 0x3F has bit 7 set and b + 0x25 has not; no carry crosses bytes). */
static inline uint64_t lower8(uint64_t x) {
    uint64_t upper = (x + 0x3F3F3F3F3F3F3F3Full) & ~(x + 0x2525252525252525ull) & 0x8080808080808080ull;
    return x | (upper >> 2);
}

/* Is the ASCII word text[start..start+n) a stop word?  When 16 bytes can be
 * read from start, the key is built with two loads and SWAR lower-casing
 * instead of a byte loop (little-endian only: the key layout is byte i in
 * bits 8*i). */
static inline int ascii_stop(const char *text, size_t len, size_t start, size_t n) {
    if (n > SL_STOPWORD_MAXLEN) return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (start + 16 <= len) {
        uint64_t k0, k1;
        memcpy(&k0, text + start, 8);
        memcpy(&k1, text + start + 8, 8);
        if (n < 8) { k0 &= (1ull << (8 * n)) - 1; k1 = 0; }
        else k1 &= n == 8 ? 0 : (1ull << (8 * (n - 8))) - 1;
        return sl_stopword_key(lower8(k0), lower8(k1));
    }
#endif
    return sl_stopword_ascii(text + start, n);
}

/* Scanning state of a word or number token. */
typedef struct word_scan {
    uint8_t kind;       /* SL_TOK_WORD or SL_TOK_NUMBER */
    uint8_t ascii;      /* no byte >= 0x80 in the token */
} word_scan;

/* End of the word or number token that starts at text[start] with a
 * character of class k ending at p. */
static size_t scan_word(const char *text, size_t len, size_t start, size_t p, int k,
                        word_scan *w) {
    const unsigned char *s = (const unsigned char *)text;
    w->kind = k == C_ALPHA ? SL_TOK_WORD : SL_TOK_NUMBER;
    for (;;) {
        /* fast path: a run of ASCII letters and digits, 8 bytes a step */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        while (p + 8 <= len) {
            uint64_t x;
            memcpy(&x, s + p, 8);
            uint64_t alpha, alnum = alnum8(x, &alpha);
            uint64_t stop = ~alnum & 0x8080808080808080ull;
            size_t n = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
            if (alpha & (n == 8 ? ~0ull : (1ull << (8 * n)) - 1)) w->kind = SL_TOK_WORD;
            p += n;
            if (n < 8) break;
        }
#endif
        while (p < len) {
            int kc = byte_class[s[p]];
            if (kc == C_ALPHA) w->kind = SL_TOK_WORD;
            else if (kc != C_DIGIT) break;
            p++;
        }
        if (p >= len) return p;
        /* what ends the run: the common cases first */
        unsigned char c = s[p];
        int k2 = byte_class[c];
        if (k2 == C_SPACE || k2 == C_PUNCT) return p;
        if (k2 == C_NUMSEP && w->kind == SL_TOK_WORD) {
            /* initialisms: U.S. — single upper-case letters each followed
             * by a dot, kept whole with the final dot */
            if (c == '.' && p == start + 1 && is_ascii_upper(s[start]) && p + 2 < len &&
                is_ascii_upper(s[p + 1]) &&
                s[p + 2] == '.') {
                p += 3;
                while (p + 1 < len && is_ascii_upper(s[p]) && s[p + 1] == '.') p += 2;
            }
            return p;
        }
        size_t q;
        int u2;
        k2 = classify(text, len, p, &q, &u2);
        if (q - p > 1) w->ascii = 0;
        if (k2 == C_ALPHA || k2 == C_MARK) {
            w->kind = SL_TOK_WORD;
            p = q;
            continue;
        }
        if (k2 == C_DIGIT) { p = q; continue; }
        if (k2 == C_APOS || k2 == C_HYPHEN || k2 == C_NUMSEP) {
            /* inner separator (for numbers also , . : /): kept only when
             * what follows can continue the token */
            if (q < len) {
                size_t r;
                int u3;
                int k3 = classify(text, len, q, &r, &u3);
                if (k2 == C_NUMSEP ? k3 == C_DIGIT : is_alnum_class(k3)) {
                    p = q;
                    continue;
                }
            }
        }
        return p;
    }
}

size_t sl_tokenize(const char *text, size_t len, sl_token *out, size_t cap) {
    const unsigned char *s = (const unsigned char *)text;
    size_t count = 0, i = 0;
    sl_stopwords_init();
    while (i < len) {
        int k = byte_class[s[i]];
        if (k == C_SPACE) { i++; continue; }
        size_t next = i + 1;
        int upper = is_ascii_upper(s[i]);
        if (k == C_NONASCII) {
            k = classify_unicode(text, len, i, &next, &upper);
            if (k == C_SPACE) { i = next; continue; }
        }
        /* fields live in registers and are stored one by one: building an
         * sl_token on the stack byte-wise and copying it stalls store
         * forwarding */
        int kind = SL_TOK_PUNCT, stop = 0;
        size_t start = i;
        if (k == C_ALPHA || k == C_DIGIT) {
            word_scan w = {0, next - i == 1};
            next = scan_word(text, len, i, next, k, &w);
            kind = w.kind;
            if (kind == SL_TOK_WORD) {
                if (w.ascii) stop = ascii_stop(text, len, start, next - start);
                else if (next - start <= 32) {
                    char buf[64];
                    sl_token t = {(uint32_t)start, (uint32_t)(next - start), SL_TOK_WORD, 0, 0, 0};
                    size_t n = sl_token_fold(text, &t, buf, sizeof buf);
                    stop = sl_is_stopword(buf, n);
                }
            }
        }
        if (count < cap) {
            sl_token *t = &out[count];
            t->start = (uint32_t)start;
            t->len = (uint32_t)(next - start);
            t->kind = (uint8_t)kind;
            t->capitalised = (uint8_t)upper;
            t->stop = (uint8_t)stop;
            t->pad = 0;
        }
        count++;
        i = next;
    }
    return count;
}

/* Folds a token of ASCII bytes into buf in one branch-free pass; returns
 * its length, or (size_t)-1 when the token has a non-ASCII byte (buf is
 * then garbage) or does not fit in cap-1 bytes. */
static inline size_t fold_ascii(const char *s, size_t n, char *buf, size_t cap) {
    if (n >= cap) return (size_t)-1;
    unsigned char high = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        high |= c;
        buf[i] = (char)(c | (is_ascii_upper(c) << 5));
    }
    if (high & 0x80) return (size_t)-1;
    buf[n] = '\0';
    return n;
}

size_t sl_token_fold(const char *text, const sl_token *tok, char *buf, size_t cap) {
    const char *s = text + tok->start;
    size_t n = tok->len, o = 0;
    if (cap == 0) return 0;
    size_t f = fold_ascii(s, n, buf, cap);
    if (f != (size_t)-1) return f;
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) { ascii = 0; break; }
    if (ascii) {    /* longer than the buffer: truncated */
        for (size_t i = 0; i < n && o + 1 < cap; i++) {
            char c = s[i];
            buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        buf[o] = '\0';
        return o;
    }
    size_t nl;
    char *norm = sl_normalize(s, n, &nl);
    if (!norm) { buf[0] = '\0'; return 0; }
    o = SL_MIN(nl, cap - 1);
    /* do not cut a UTF-8 sequence in half */
    while (o > 0 && o < nl && ((unsigned char)norm[o] & 0xC0) == 0x80) o--;
    memcpy(buf, norm, o);
    buf[o] = '\0';
    free(norm);
    return o;
}
