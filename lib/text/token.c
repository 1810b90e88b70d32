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
 */
#include "../internal.h"

#include <utf8proc.h>

enum { C_SPACE, C_ALPHA, C_DIGIT, C_MARK, C_APOS, C_HYPHEN, C_NUMSEP, C_PUNCT };

static int classify(const char *s, size_t len, size_t i, size_t *next, int *upper) {
    unsigned char c = (unsigned char)s[i];
    *upper = 0;
    if (c < 0x80) {
        *next = i + 1;
        if (c >= 'a' && c <= 'z') return C_ALPHA;
        if (c >= 'A' && c <= 'Z') { *upper = 1; return C_ALPHA; }
        if (c >= '0' && c <= '9') return C_DIGIT;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
            return C_SPACE;
        if (c == '\'') return C_APOS;
        if (c == '-') return C_HYPHEN;
        if (c == ',' || c == '.' || c == ':' || c == '/') return C_NUMSEP;
        if (c < 0x20) return C_SPACE;
        return C_PUNCT;
    }
    size_t j = i;
    int32_t cp = sl_utf8_next(s, len, &j);
    *next = j;
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

static inline int is_alnum_class(int k) { return k == C_ALPHA || k == C_DIGIT || k == C_MARK; }

size_t sl_tokenize(const char *text, size_t len, sl_token *out, size_t cap) {
    size_t count = 0, i = 0;
    while (i < len) {
        size_t next;
        int upper;
        int k = classify(text, len, i, &next, &upper);
        if (k == C_SPACE) { i = next; continue; }
        sl_token t = {(uint32_t)i, 0, SL_TOK_PUNCT, (uint8_t)upper, 0, 0};
        size_t end = next;
        if (k == C_ALPHA || k == C_DIGIT) {
            t.kind = k == C_ALPHA ? SL_TOK_WORD : SL_TOK_NUMBER;
            size_t p = next;
            size_t letters = k == C_ALPHA ? 1 : 0;
            for (;;) {
                if (p >= len) break;
                size_t q;
                int u2;
                int k2 = classify(text, len, p, &q, &u2);
                if (k2 == C_ALPHA || k2 == C_MARK) {
                    if (t.kind == SL_TOK_NUMBER) t.kind = SL_TOK_WORD;
                    letters++;
                    p = q;
                    continue;
                }
                if (k2 == C_DIGIT) { p = q; continue; }
                if (k2 == C_APOS || k2 == C_HYPHEN ||
                    (k2 == C_NUMSEP && t.kind == SL_TOK_NUMBER)) {
                    /* inner separator: keep only when an alnum follows */
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
                /* initialisms: U.S. — single letters separated by dots */
                if (k2 == C_NUMSEP && text[p] == '.' && t.kind == SL_TOK_WORD &&
                    letters == 1 && p + 1 < len) {
                    size_t q2 = p + 1, r;
                    int u3;
                    int k3 = classify(text, len, q2, &r, &u3);
                    if (k3 == C_ALPHA && u3) {
                        size_t r2;
                        int u4;
                        int k4 = r < len ? classify(text, len, r, &r2, &u4) : C_SPACE;
                        if (k4 == C_NUMSEP && text[r] == '.') {
                            /* consume "X." pairs while they continue */
                            p = r + 1;
                            for (;;) {
                                if (p + 1 < len) {
                                    size_t a, b2;
                                    int ua, ub;
                                    int ka = classify(text, len, p, &a, &ua);
                                    int kb = a < len ? classify(text, len, a, &b2, &ub) : C_SPACE;
                                    if (ka == C_ALPHA && ua && kb == C_NUMSEP && text[a] == '.') {
                                        p = a + 1;
                                        continue;
                                    }
                                }
                                break;
                            }
                            break;
                        }
                    }
                }
                break;
            }
            end = p;
        }
        t.len = (uint32_t)(end - i);
        if (t.kind == SL_TOK_WORD && t.len <= 32) {
            char buf[64];
            size_t n = sl_token_fold(text, &t, buf, sizeof buf);
            t.stop = (uint8_t)sl_is_stopword(buf, n);
        }
        if (count < cap) out[count] = t;
        count++;
        i = end;
    }
    return count;
}

size_t sl_token_fold(const char *text, const sl_token *tok, char *buf, size_t cap) {
    const char *s = text + tok->start;
    size_t n = tok->len, o = 0;
    if (cap == 0) return 0;
    int ascii = 1;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) { ascii = 0; break; }
    if (ascii) {
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
