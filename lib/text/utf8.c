/*
 * utf8.c — UTF-8 validation, decoding and normalisation for matching.
 *
 * Validation is a byte-wise state machine with an 8-byte ASCII fast path
 * (news text is mostly ASCII).  It rejects overlongs, surrogates, code
 * points above U+10FFFF, truncated sequences and NUL bytes.
 *
 * Normalisation (sl_normalize) gives the form every matching stage compares:
 * NFKC + case folding (utf8proc), curly quotes to ASCII quotes, dashes to
 * '-', all Unicode spaces collapsed to one ' ', leading/trailing space cut.
 * Plain ASCII (printable, single spaces) is lower-cased 8 bytes a step
 * (SWAR), other ASCII byte by byte; only runs containing non-ASCII
 * characters (together with the ASCII letter before them, which a combining
 * mark may attach to) go through utf8proc, which keeps it fast on English
 * text (over 1 GB/s).
 */
#include "../internal.h"

#include <utf8proc.h>

int sl_utf8_valid(const char *str, size_t len, size_t *bad_offset) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        /* fast path: 8 ASCII bytes with no NUL */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            /* has-zero-byte trick */
            if ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = s[i];
        if (c == 0) goto bad;
        if (c < 0x80) { i++; continue; }
        size_t n;
        uint32_t cp, min;
        if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
        else goto bad;
        if (i + n > len) goto bad;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) goto bad;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto bad;
        i += n;
    }
    return 1;
bad:
    if (bad_offset) *bad_offset = i;
    return 0;
}

int32_t sl_utf8_next(const char *str, size_t len, size_t *i) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[*i];
    if (c < 0x80) { (*i)++; return c; }
    size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (*i + n > len) { (*i) = len; return 0xFFFD; }
    int32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; k++) cp = (cp << 6) | (s[*i + k] & 0x3F);
    *i += n;
    return cp;
}

/* Maps quote, dash and space code points to ASCII; 0 when not one of them. */
static int ascii_stand_in(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x0060: case 0x00B4:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0x00AD:
        return '-';
    default:
        break;
    }
    if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000 || cp == 0x0085)
        return ' ';
    if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF) return -1;
    return 0;
}

/* ASCII bytes: 1 for white space (dropped, collapsed), else the byte to
 * write (upper case folded). */
static const uint8_t ascii_is_space[128] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
};

/* SWAR tests on 8 bytes (no carry may cross bytes: every sum below is of
 * a 7-bit value and a constant < 0x80). */
#define ONES 0x0101010101010101ull
#define HIGH 0x8080808080808080ull

/* 1 if the 8 bytes can be copied through lower-cased: all printable ASCII
 * or ' ', no two spaces in a row and no space last (a space there might
 * start a run to collapse or end the text). */
static inline int plain8(uint64_t x) {
    if (x & HIGH) return 0;
    if ((x - 0x20 * ONES) & ~x & HIGH) return 0;        /* a byte < 0x20 */
    uint64_t y = x ^ (0x20 * ONES);                     /* spaces become 0 */
    uint64_t space = ~((y + 0x7F * ONES) | y) & HIGH;   /* exact zero bytes */
    return !(space & (space << 8)) && !(space >> 63);
}

/* ASCII upper case to lower case in 8 bytes < 0x80. */
static inline uint64_t lower8_ascii(uint64_t x) {
    uint64_t upper = (x + (0x80 - 'A') * ONES) & ~(x + (0x7F - 'Z') * ONES) & HIGH;
    return x | (upper >> 2);
}

/* Makes room for `need` more bytes in out (capacity *cap); 0 or SL_ENOMEM. */
static int norm_reserve(char **out, size_t *cap, size_t used, size_t need) {
    if (used + need <= *cap) return 0;
    size_t ncap = SL_MAX(*cap * 2, used + need);
    char *n = realloc(*out, ncap);
    if (!n) return SL_ENOMEM;
    *out = n;
    *cap = ncap;
    return 0;
}

char *sl_normalize(const char *s, size_t len, size_t *out_len) {
    /* The output never outgrows the input on the ASCII path (one byte out
     * per byte in, a collapsed space per run of blanks); only utf8proc's
     * mappings may expand, and they reserve their own room. */
    size_t cap = len + 1, o = 0;
    char *out = malloc(cap);
    if (!out) return NULL;
    int pending_space = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* fast path, 8 bytes a step: printable ASCII with single spaces
             * between words passes through lower-cased as it is */
            if (!pending_space && o > 0) {
                while (i + 8 <= len) {
                    uint64_t x;
                    memcpy(&x, s + i, 8);
                    if (!plain8(x)) break;
                    x = lower8_ascii(x);
                    memcpy(out + o, &x, 8);
                    o += 8;
                    i += 8;
                }
                if (i >= len) break;
                c = (unsigned char)s[i];
                if (c >= 0x80) continue;
            }
#endif
            if (ascii_is_space[c]) {
                pending_space = o > 0;
                i++;
                while (i < len && (unsigned char)s[i] < 0x80 && ascii_is_space[(unsigned char)s[i]]) i++;
                continue;
            }
            if (pending_space) { out[o++] = ' '; pending_space = 0; }
            /* a run of visible ASCII */
            do {
                out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                i++;
            } while (i < len && (c = (unsigned char)s[i]) < 0x80 && !ascii_is_space[c]);
            continue;
        }
        size_t j = i;
        int32_t cp = sl_utf8_next(s, len, &j);
        int stand = ascii_stand_in(cp);
        if (stand == ' ') { pending_space = o > 0; i = j; continue; }
        if (stand == -1) { i = j; continue; }
        if (pending_space) { out[o++] = ' '; pending_space = 0; }
        if (stand) { out[o++] = (char)stand; i = j; continue; }
        /* a run of non-ASCII characters (and combining marks) goes to
         * utf8proc together; the preceding ASCII letter joins if the run
         * starts with a combining mark */
        size_t run_start = i;
        const utf8proc_property_t *prop = utf8proc_get_property(cp);
        if (prop->combining_class != 0 && o > 0 && i > 0 &&
            (unsigned char)s[i - 1] < 0x80 && !ascii_is_space[(unsigned char)s[i - 1]]) {
            run_start = i - 1;
            o--;
        }
        size_t run_end = j;
        while (run_end < len && (unsigned char)s[run_end] >= 0x80) {
            size_t k = run_end;
            int32_t cp2 = sl_utf8_next(s, len, &k);
            if (ascii_stand_in(cp2)) break;
            run_end = k;
        }
        utf8proc_uint8_t *mapped = NULL;
        utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s + run_start,
                                          (utf8proc_ssize_t)(run_end - run_start), &mapped,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                              UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
        const char *src = n >= 0 ? (const char *)mapped : s + run_start;
        size_t sn = n >= 0 ? (size_t)n : run_end - run_start;
        /* room for this run, the rest of the input and the NUL */
        if (norm_reserve(&out, &cap, o, sn + (len - run_end) + 2)) {
            free(mapped);
            free(out);
            return NULL;
        }
        /* compatibility mappings may contain spaces (U+00AF MACRON is
         * " \u0304"): they follow the white-space rules like any other */
        for (size_t k = 0; k < sn; k++) {
            unsigned char m = (unsigned char)src[k];
            if (m < 0x80 && ascii_is_space[m]) {
                pending_space = o > 0 && out[o - 1] != ' ';
                continue;
            }
            if (pending_space) { out[o++] = ' '; pending_space = 0; }
            out[o++] = (char)m;
        }
        free(mapped);
        i = run_end;
    }
    out[o] = '\0';
    if (out_len) *out_len = o;
    return out;
}
