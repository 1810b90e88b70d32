/*
 * sentence.c — sentence splitting.
 *
 * A single pass looks at each candidate terminator (. ! ? and U+2026) and
 * decides with local evidence only:
 *   1. gather the cluster: further terminators, then closing quotes and
 *      brackets (" ' ” ’ ) ]), which stay with the sentence;
 *   2. the cluster must be followed by white space or the end of the text;
 *   3. the next visible character must be able to start a sentence: an
 *      upper-case letter, a digit, an opening quote or bracket;
 *   4. for '.', the word before it must not be a title abbreviation (Mr.,
 *      Rep., Dr., No.) or a single-letter initial ("John F. Kennedy"): those
 *      never end a sentence; after a dotted initialism ("U.S.", "p.m.") or
 *      an abbreviation that can end one (Inc., Jr., Jan.) the sentence ends
 *      only when the next word is a capitalised function word ("The",
 *      "He", "But"), the usual start of a sentence and rare after them.
 * A line break always ends a sentence (paragraphs are lines in our input).
 * Ordinary ASCII between candidate marks is skipped by a table lookup per
 * byte, without decoding (over 1 GB/s on news text).
 * Spans exclude surrounding white space; empty spans are skipped.
 */
#include "../internal.h"

#include "text.h"

#include <ctype.h>
#include <utf8proc.h>

/* Abbreviations that stand before a name or number and so never end a
 * sentence ("Dr. Smith", "No. 3", "Gen. Lee"). */
static const char *const title_abbreviations[] = {
    "adm", "ave", "blvd", "brig", "capt", "cmdr", "col", "cpl", "dept", "dr", "e.g", "fig",
    "ft", "gen", "gov", "hon", "i.e", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt", "no",
    "nos", "op", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "st",
    "supt", "univ", "vol", "vs",
};

/* Abbreviations that may also end a sentence ("... of Apple Inc. The
 * company said"): months, company suffixes, generational suffixes. */
static const char *const final_abbreviations[] = {
    "apr", "aug", "co", "corp", "dec", "est", "etc", "feb", "inc", "jan", "jr", "jul",
    "jun", "ltd", "mar", "nov", "oct", "sep", "sept", "sr",
};

static int in_list(const char *const *list, size_t n_list, const char *w, size_t n) {
    if (n == 0 || n > 7) return 0;
    char tmp[8];
    for (size_t i = 0; i < n; i++) tmp[i] = (char)tolower((unsigned char)w[i]);
    for (size_t i = 0; i < n_list; i++)
        if (strlen(list[i]) == n && memcmp(list[i], tmp, n) == 0) return 1;
    return 0;
}

/* Code point at s[i] and its byte length (s valid UTF-8). */
static int32_t peek(const char *s, size_t len, size_t i, size_t *n) {
    size_t j = i;
    int32_t cp = sl_utf8_next(s, len, &j);
    *n = j - i;
    return cp;
}

static int is_closer(int32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
           cp == 0x2019 || cp == 0x00BB;
}

static int is_terminator(int32_t cp) {
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static int can_start_sentence(int32_t cp) {
    if (cp < 0x80) return isupper(cp) || isdigit(cp) || cp == '"' || cp == '\'' || cp == '(' || cp == '[';
    if (cp == 0x201C || cp == 0x2018 || cp == 0x00AB) return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int is_space_cp(int32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x3000;
}

enum { DOT_FINAL = 0, DOT_NEVER_FINAL = 1, DOT_MAYBE_FINAL = 2 };

/* What the '.' at s[dot] closes: an ordinary word (DOT_FINAL), a title
 * abbreviation or single-letter initial that never ends a sentence, or an
 * initialism ("U.S", "p.m") or final-capable abbreviation ("Inc") that ends
 * one only when a typical sentence start follows. */
static int dot_kind(const char *s, size_t dot) {
    size_t b = dot;
    while (b > 0 && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.')) b--;
    size_t n = dot - b;
    if (n == 0) return DOT_FINAL;
    if (n == 1 && isupper((unsigned char)s[b])) return DOT_NEVER_FINAL;    /* initial */
    if (in_list(title_abbreviations, SL_ARRAY_LEN(title_abbreviations), s + b, n))
        return DOT_NEVER_FINAL;
    if (memchr(s + b, '.', n)) {
        /* initialism like U.S or p.m: letters alternate with dots */
        int ok = 1;
        for (size_t i = b; i < dot; i++)
            if ((i - b) % 2 == 1 ? s[i] != '.' : !isalpha((unsigned char)s[i])) ok = 0;
        if (ok) return DOT_MAYBE_FINAL;
    }
    if (in_list(final_abbreviations, SL_ARRAY_LEN(final_abbreviations), s + b, n))
        return DOT_MAYBE_FINAL;
    return DOT_FINAL;
}

/* Does a typical sentence start begin at s[k]: a capitalised function word
 * ("The", "He", "But", "In") — words that rarely follow "U.S." or "Inc."
 * inside a sentence? */
static int starts_sentence_word(const char *s, size_t len, size_t k) {
    if (k >= len || !isupper((unsigned char)s[k])) return 0;
    size_t e = k;
    while (e < len && isalpha((unsigned char)s[e])) e++;
    if (e - k < 2 || (e < len && ((unsigned char)s[e] >= 0x80 || s[e] == '\''))) return 0;
    sl_stopwords_init();
    return sl_stopword_ascii(s + k, e - k);
}

static size_t emit(const char *s, size_t start, size_t end, sl_span *out, size_t cap,
                   size_t count) {
    while (start < end) {
        size_t n;
        int32_t cp = peek(s, end, start, &n);
        if (!is_space_cp(cp) && cp != '\n') break;
        start += n;
    }
    while (end > start) {
        unsigned char c = (unsigned char)s[end - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') { end--; continue; }
        if (end - start >= 2 && c == 0xA0 && (unsigned char)s[end - 2] == 0xC2) { end -= 2; continue; }
        break;
    }
    if (end > start) {
        if (count < cap) {
            out[count].start = (uint32_t)start;
            out[count].len = (uint32_t)(end - start);
        }
        count++;
    }
    return count;
}

/* ASCII bytes that can end a sentence: . ! ? and the line break.  Every
 * other ASCII byte is skipped without decoding. */
static const uint8_t ascii_stop_byte[128] = {['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1};

size_t sl_split_sentences(const char *s, size_t len, sl_span *out, size_t cap) {
    size_t count = 0, start = 0, i = 0;
    while (i < len) {
        /* fast skip over the ordinary ASCII between candidate marks */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* 8 bytes at a time while none is a candidate: no byte >= 0x80,
         * no '\n' '.' '!' '?' (SWAR zero-byte tests) */
        while (i + 8 <= len) {
            const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
            uint64_t x;
            memcpy(&x, s + i, 8);
            uint64_t hit = x & high;
            uint64_t v;
            v = x ^ ('\n' * ones); hit |= (v - ones) & ~v & high;
            v = x ^ ('.' * ones);  hit |= (v - ones) & ~v & high;
            v = x ^ ('!' * ones);  hit |= (v - ones) & ~v & high;
            v = x ^ ('?' * ones);  hit |= (v - ones) & ~v & high;
            if (hit) break;
            i += 8;
        }
#endif
        while (i < len && (unsigned char)s[i] < 0x80 && !ascii_stop_byte[(unsigned char)s[i]]) i++;
        if (i >= len) break;
        size_t n;
        int32_t cp = peek(s, len, i, &n);
        if (cp == '\n') {
            count = emit(s, start, i, out, cap, count);
            start = i + 1;
            i++;
            continue;
        }
        if (!is_terminator(cp)) { i += n; continue; }
        size_t term = i;
        size_t j = i + n;
        while (j < len) {
            size_t m;
            int32_t c2 = peek(s, len, j, &m);
            if (!is_terminator(c2)) break;
            j += m;
        }
        while (j < len) {
            size_t m;
            int32_t c2 = peek(s, len, j, &m);
            if (!is_closer(c2)) break;
            j += m;
        }
        size_t k = j;
        int spaced = 0;
        while (k < len) {
            size_t m;
            int32_t c2 = peek(s, len, k, &m);
            if (!is_space_cp(c2)) break;
            spaced = 1;
            k += m;
        }
        int boundary = 0;
        if (k >= len) boundary = 1;
        else if (spaced || s[k] == '\n') {
            size_t m;
            int32_t next = peek(s, len, k, &m);
            if (next == '\n' || can_start_sentence(next)) boundary = 1;
            /* tokenised corpora write "word . next": a lone '.' is final */
        }
        if (boundary && s[term] == '.' && j == term + 1) {
            int kind = dot_kind(s, term);
            if (kind == DOT_NEVER_FINAL ||
                (kind == DOT_MAYBE_FINAL && !starts_sentence_word(s, len, k)))
                boundary = 0;
        }
        if (boundary) {
            count = emit(s, start, j, out, cap, count);
            start = j;
        }
        i = j > i + n ? j : i + n;
    }
    count = emit(s, start, len, out, cap, count);
    return count;
}
