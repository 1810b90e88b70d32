/*
 * features.c — what one line looks like, measured in a single pass.
 *
 * A line is cut into words (letters with inner apostrophes and hyphens;
 * any non-ASCII code point outside the punctuation and symbol blocks counts
 * as a letter, so Cyrillic, Hangul and CJK lines have words too), number
 * tokens (digits with inner , . : /) and punctuation.  Each word is hashed
 * in lower case and looked up once in the lexicon (stop word? month?
 * first word of a boilerplate phrase?); the phrases are then matched on the
 * array of word hashes.  The same pass hashes the normalised line — lower
 * case, every number one token, punctuation and spacing dropped — as a
 * polynomial over its token hashes: two lines that differ only in case,
 * digits or punctuation ("© 2019 News Nation." and "(c) 2020 News nation")
 * share a hash, which is what the corpus signal counts, and the hash of any
 * suffix of the line comes out in O(1) (see POLY_P).  It also builds the
 * line's skeleton (its names and numbers), which identifies a story across
 * reworded copies.  Tokenised corpora (Penn Treebank "-LRB-", "``") read
 * like plain text: the bracket tokens are punctuation.
 *
 * Speed.  This scan is most of the clean stage's time (every byte of the
 * corpus goes through it once), so it is written for it: runs of ASCII
 * letters and digits are classified, counted and case-folded 8 bytes at a
 * time in a 64-bit register (alnum_run, SWAR); a short word is hashed from
 * that register; the lexicon lookup takes no branch that depends on whether
 * the word is in the lexicon (lx_find), nor do the counters fed by it;
 * every counter is a local until the end; the phrase matcher visits only
 * the words that start a phrase.  The hash values are those of the first
 * version (the corpus statistics break ties by them), which a differential
 * test against it checked on 3.9 million lines.
 *
 * Contract: the line is valid UTF-8, already trimmed; nothing is allocated.
 */
#include "clean_internal.h"

#include <utf8proc.h>
#include <pthread.h>

/* The normalised line hash is a polynomial over token hashes, Horner from
 * the left: H = H * P + t.  Keeping the prefix values of the last
 * CL_SUFFIX_TOKENS tokens gives the hash of every suffix that starts at a
 * token in O(1): H(suffix from k) = H - H(prefix before k) * P^(n-k).  That
 * is how a template glued to the end of a line is found without hashing
 * each candidate again. */
#define POLY_P 0x100000001B3ULL
#define NUM_TOKEN 0x9ae16a3b2f90404fULL

static uint64_t poly_pow[CL_SUFFIX_TOKENS + 1];
enum { BC_LOWER = 1, BC_UPPER = 2, BC_DIGIT = 4, BC_JOINER = 8 };
static uint8_t byte_class[256];     /* ASCII letters, digits and word joiners, for the word loop */
static pthread_once_t pow_once = PTHREAD_ONCE_INIT;
static void build_pow(void) {
    for (int c = 0; c < 256; c++)
        byte_class[c] = (uint8_t)(c >= 'a' && c <= 'z' ? BC_LOWER : c >= 'A' && c <= 'Z' ? BC_UPPER
                                  : c >= '0' && c <= '9' ? BC_DIGIT
                                  : c == '\'' || c == '-' || c == '.' || c == '@' || c == '_' ? BC_JOINER : 0);
    poly_pow[0] = 1;
    for (size_t i = 1; i <= CL_SUFFIX_TOKENS; i++) poly_pow[i] = poly_pow[i - 1] * POLY_P;
}

/* The final avalanche: equal polynomials, equal hashes; never 0. */
static inline uint64_t poly_finish(uint64_t h, size_t n) {
    if (!n) return 0;
    h ^= (uint64_t)n * 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h ? h : 1;
}

/* Punctuation and symbols outside ASCII (the ranges that matter in news
 * text); everything else non-ASCII is taken as a letter. */
static inline int is_punct_cp(int32_t cp) {
    if (cp >= 0xA0 && cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return 1;
    if (cp >= 0x2000 && cp <= 0x2BFF) return 1;  /* general punctuation .. arrows, shapes */
    if (cp >= 0x3000 && cp <= 0x303F) return 1;  /* CJK punctuation */
    if (cp >= 0xFE10 && cp <= 0xFE6F) return 1;
    if (cp >= 0xFF01 && cp <= 0xFF0F) return 1;
    if (cp >= 0xFF1A && cp <= 0xFF20) return 1;
    if (cp >= 0x1F000) return 1;                 /* emoji */
    return 0;
}

static inline int is_sep_cp(int32_t cp) {
    return cp == '|' || cp == 0x2022 || cp == 0xBB || cp == 0xAB || cp == 0x203A ||
           cp == 0x2039 || cp == 0xB7 || cp == 0x25B8 || cp == 0x25BA || cp == 0x2192 ||
           cp == 0x25B6 || cp == 0x2023;
}

/* SIMD within a register: x in every byte of a 64-bit word. */
#define SWAR(x) (0x0101010101010101ULL * (uint64_t)(x))

/* How many of the 8 bytes of v (in memory order) are ASCII letters or
 * digits before the first that is not.  Per byte, with x = the byte's low
 * seven bits, x + (0x80 - lo) has bit 7 set iff x >= lo, and no sum
 * carries into the next byte; letters are tested on x | 0x20 (case
 * folded); bytes >= 0x80 are cleared at the end. */
static inline size_t alnum_run(uint64_t v) {
    uint64_t x = v & SWAR(0x7F);
    uint64_t digit = (x + SWAR(0x80 - '0')) & ~(x + SWAR(0x7F - '9'));
    uint64_t y = x | SWAR(0x20);
    uint64_t alpha = (y + SWAR(0x80 - 'a')) & ~(y + SWAR(0x7F - 'z'));
    uint64_t other = ~((digit | alpha) & ~v) & SWAR(0x80);
    return other ? (size_t)__builtin_ctzll(other) >> 3 : 8;
}

/* Number of bytes set to 1 in a word whose bytes are 0 or 1. */
static inline size_t swar_count(uint64_t ones) { return (size_t)((ones * SWAR(1)) >> 56); }

static inline int ascii_alpha(unsigned char c) { return (unsigned char)((c | 32) - 'a') < 26; }

static inline int ascii_digit(unsigned char c) { return (unsigned char)(c - '0') < 10; }

/* Penn Treebank bracket tokens: -LRB- -RRB- -LSB- -RSB- -LCB- -RCB- */
static inline size_t ptb_bracket(const char *s, size_t len, size_t i) {
    if (i + 5 > len || s[i] != '-' || s[i + 4] != '-') return 0;
    if ((s[i + 1] == 'L' || s[i + 1] == 'R') && (s[i + 2] == 'R' || s[i + 2] == 'S' || s[i + 2] == 'C') &&
        s[i + 3] == 'B')
        return 5;
    return 0;
}

/* Decodes the code point at s[i] (valid UTF-8), its byte length in *k. */
static inline int32_t decode(const char *s, size_t len, size_t i, size_t *k) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *k = 1; return c; }
    size_t j = i;
    int32_t cp = sl_utf8_next(s, len, &j);
    *k = j - i;
    return cp;
}

/* Is the code point at s[i] a word letter? */
static inline int letter_at(const char *s, size_t len, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return ascii_alpha(c);
    size_t k;
    return !is_punct_cp(decode(s, len, i, &k));
}

/* Case-insensitive search of an ASCII needle in s[0..n). */
static int has_ci(const char *s, size_t n, const char *needle) {
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (strncasecmp(s + i, needle, m) == 0) return 1;
    return 0;
}

/* Same, as a whole word (not inside a longer word: "EPA" but not "PEPA"). */
static int has_ci_word(const char *s, size_t n, const char *needle) {
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (strncasecmp(s + i, needle, m) == 0 && (i == 0 || !ascii_alpha((unsigned char)s[i - 1])) &&
            (i + m == n || !ascii_alpha((unsigned char)s[i + m])))
            return 1;
    return 0;
}

/* A photo credit in the line's last bracket group or after a "Credit:",
 * "Photo:", "Photograph:", "Image:", "Picture:" marker (also "Credit ..."). 
 * One memchr pass over the ':' of the line, then a look at the bracket. */
static int has_credit(const char *s, size_t len) {
    static const char *const markers[] = {"credit", "credits", "photo", "photograph", "image",
                                          "picture", "pictured"};
    const char *p = s, *end = s + len;
    while ((p = memchr(p, ':', (size_t)(end - p))) != NULL) {
        const char *w = p;
        if (w > s && w[-1] == ' ') w--;
        const char *b = w;
        while (b > s && ascii_alpha((unsigned char)b[-1])) b--;
        size_t n = (size_t)(w - b);
        for (size_t k = 0; k < SL_ARRAY_LEN(markers); k++)
            if (n == strlen(markers[k]) && strncasecmp(b, markers[k], n) == 0 &&
                ((unsigned char)b[0] < 'a'))   /* capitalised: "Photo:", not "a photo:" */
                return 1;
        p++;
    }
    if (len >= 5 && (s[len - 1] == ')' || s[len - 1] == ']')) {
        char open = s[len - 1] == ')' ? '(' : '[';
        size_t i = len - 1, lim = len > 100 ? len - 100 : 0;
        while (i > lim && s[i - 1] != open) i--;
        if (i > lim || (i == lim && lim == 0 && s[0] == open)) {
            const char *g = s + i;
            size_t gn = len - 1 - i;
            static const char *const words[] = {"photo", "image", "getty", "credit", "shutterstock"};
            static const char *const whole[] = {"reuters", "afp", "epa", "ap", "pic", "file", "ho"};
            for (size_t k = 0; k < SL_ARRAY_LEN(words); k++)
                if (has_ci(g, gn, words[k])) return 1;
            for (size_t k = 0; k < SL_ARRAY_LEN(whole); k++)
                if (has_ci_word(g, gn, whole[k]) && gn < 40) return 1;
        }
    }
    return 0;
}

/* Boilerplate phrases over the line's words: wh[0..nw) their hashes;
 * starts[0..n_starts) the positions of the words that start a phrase, in
 * order, with their lexicon entries.  Left to right, the first (longest)
 * phrase that matches at a start is taken and the words it covers start
 * nothing more. */
static void match_phrases(const uint64_t *wh, size_t nw, const uint16_t *starts, const lx_word *const *start_words,
                          size_t n_starts, size_t total_words, cl_features *f) {
    const lx_phrase *ph = lx_phrases();
    const uint16_t *ids = lx_phrase_ids();
    const uint64_t *next_words = lx_phrase_next();
    size_t covered = 0, next = 0;
    for (size_t t = 0; t < n_starts; t++) {
        size_t i = starts[t];
        if (i < next) continue;
        const lx_word *w = start_words[t];
        const uint64_t filter = next_words[w->first_phrase];
        if (filter != ~(uint64_t)0 && (i + 1 >= nw || !((filter >> lx_next_bit(wh[i + 1])) & 1))) continue;
        for (size_t k = 0; k < w->n_phrases; k++) {
            const lx_phrase *p = &ph[ids[w->first_phrase + k]];
            if (i + p->n_words > nw) continue;
            if (p->where == LX_START && i != 0) continue;
            if (p->where == LX_WHOLE && (i != 0 || p->n_words != total_words)) continue;
            size_t m = 1;
            while (m < p->n_words && wh[i + m] == p->words[m]) m++;
            if (m < p->n_words) continue;
            covered += p->n_words;
            next = i + p->n_words;
            if (i == 0) f->phrase_start = 1;
            if (p->strength > f->phrase_strength) {
                f->phrase_strength = p->strength;
                f->phrase_cat = (int8_t)p->category;
            }
            break;
        }
    }
    f->phrase_words = (uint16_t)SL_MIN(covered, 65535u);
}

/* The prefixes before the last CL_SUFFIX_TOKENS capitalised tokens (see
 * POLY_P): suffixes start only there, and any of the line's last
 * CL_SUFFIX_TOKENS tokens that is capitalised is among them. */
typedef struct suffix_ring {
    uint64_t pre[CL_SUFFIX_TOKENS];     /* H before the token */
    uint32_t off[CL_SUFFIX_TOKENS];     /* its byte offset */
    uint32_t tok[CL_SUFFIX_TOKENS];     /* its index among the line's tokens */
} suffix_ring;

/* Always inlined into the four entry points below, so that hash_only and
 * suffixes are constants and each caller gets a loop without the work it
 * does not need.  Every counter lives in a local until the end (the loop
 * is hot: one iteration per token of every line of the corpus); the
 * cl_features fields are 16-bit and wrap as they always did. */
static inline __attribute__((always_inline)) void line_features(const char *s, size_t len, cl_features *f,
                                                                const int hash_only, cl_suffixes *suffixes) {
    pthread_once(&pow_once, build_pow);
    lx_init();
    const int want_suffixes = suffixes != NULL;
    const size_t max_word = lx_max_word;
    uint64_t wh[CL_MAX_WORDS];          /* word hashes (0: longer than any lexicon word) */
    size_t nwh = 0;
    uint16_t starts[CL_MAX_WORDS];      /* words that start a boilerplate phrase */
    const lx_word *start_words[CL_MAX_WORDS];
    size_t n_starts = 0;
    suffix_ring ring;
    size_t n_caps = 0;                  /* capitalised tokens seen (ring entries written) */
    uint64_t nh = 0;                    /* the normalised hash so far (polynomial) */
    size_t ntok = 0;                    /* its tokens */
    uint64_t skel = 0;
    size_t skel_n = 0;
    size_t letters = 0, upper = 0, latin_letters = 0, chars = 0;
    size_t words = 0, caps = 0, stops = 0, numbers = 0, seps = 0, date_words = 0;
    unsigned flags = 0;
    int first_letter_seen = 0;
    size_t i = 0;
#define NORM_TOKEN(t, offset, capital)                                  \
    do {                                                                \
        if (want_suffixes && (capital)) {                               \
            size_t k_ = n_caps++ % CL_SUFFIX_TOKENS;                    \
            ring.pre[k_] = nh;                                          \
            ring.off[k_] = (uint32_t)(offset);                          \
            ring.tok[k_] = (uint32_t)ntok;                              \
        }                                                               \
        nh = nh * POLY_P + (t);                                         \
        ntok++;                                                         \
    } while (0)

    /* leading list marker or quote */
    if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') flags |= CLF_BULLET;
    if (len && (s[0] == '"' || (len >= 2 && s[0] == '`' && s[1] == '`'))) flags |= CLF_QUOTE;
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
        unsigned char c2 = (unsigned char)s[2];
        if (c2 == 0x9C || c2 == 0x98) flags |= CLF_QUOTE;       /* “ ‘ */
        if (c2 == 0xA2) flags |= CLF_BULLET;                    /* • */
    }
    if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAB) flags |= CLF_QUOTE;

    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (!(byte_class[c] & (BC_LOWER | BC_UPPER))) {
            if (c == ' ' || c == '\t' || c == '\r') { i++; chars++; continue; }
            size_t br = c == '-' ? ptb_bracket(s, len, i) : 0;
            if (br) { i += br; chars += br; continue; }
            if (ascii_digit(c)) {
                /* number token: digits with inner separators */
                size_t num_start = i;
                while (i < len) {
                    unsigned char d = (unsigned char)s[i];
                    if (ascii_digit(d)) { i++; continue; }
                    if ((d == ',' || d == '.' || d == ':' || d == '/') && i + 1 < len &&
                        ascii_digit((unsigned char)s[i + 1])) { i++; continue; }
                    break;
                }
                numbers++;
                NORM_TOKEN(NUM_TOKEN, num_start, 0);
                size_t nn = i - num_start;
                /* lx_hash_word reads whole 8-byte words: only inside the line */
                uint64_t hn = num_start + ((nn + 7) & ~(size_t)7) <= len ? lx_hash_word(s + num_start, nn)
                                                                          : lx_hash_lower(s + num_start, nn);
                skel = skel * 0x9E3779B97F4A7C15ULL + hn;
                skel_n++;
                chars++;
                if (i < len && s[i] == ' ') { i++; chars++; }
                /* a number glued to letters ("2nd", "10am") continues as a word below */
                continue;
            }
            if (c < 0x80) {
                /* ASCII punctuation: '|' and a spaced '/' separate links,
                 * "@name" and "#tag" are handles */
                if (c == '|') seps++;
                else if (c == '/' && i > 0 && i + 1 < len && s[i - 1] == ' ' && s[i + 1] == ' ') seps++;
                else if ((c == '@' || c == '#') && i + 1 < len && ascii_alpha((unsigned char)s[i + 1]) &&
                         (i == 0 || s[i - 1] == ' ')) flags |= CLF_HANDLE;
                i++;
                chars++;
                if (i < len && s[i] == ' ') { i++; chars++; }
                continue;
            }
            size_t k;
            int32_t cp = decode(s, len, i, &k);
            if (is_punct_cp(cp)) {
                /* punctuation or a symbol outside ASCII */
                if (is_sep_cp(cp)) seps++;
                else if (cp == 0xA9) flags |= CLF_COPYRIGHT;
                i += k;
                chars++;
                continue;
            }
            /* else a letter outside ASCII starts a word */
        }
        /* a word: runs of ASCII letters and digits, non-ASCII letters, and
         * inner joiners (' ’ - . @ _ followed by a letter) */
        char wbuf[64 + 8];      /* + 8: lx_hash_word reads whole 8-byte words */
        size_t wn = 0, ws = i, wletters = 0, wupper = 0;
        int first_upper = 0, has_at = 0, has_dot = 0;
        uint64_t short_word = 0;    /* a word of one run under 8 bytes: its lower-case bytes */
        size_t short_len = 0;       /* ... and their number (0: none) */
        for (;;) {
            /* a run of ASCII letters and digits: 8 bytes at a time (see
             * alnum_run) while 8 bytes remain, then byte by byte */
            while (i + 8 <= len) {
                uint64_t v;
                memcpy(&v, s + i, 8);
                size_t m = alnum_run(v);
                if (m == 0) break;
                uint64_t run = ~0ULL >> (64 - 8 * m);                   /* the run's bytes (m >= 1) */
                uint64_t letter_marks = v & run & SWAR(0x40);            /* letters have bit 6 */
                uint64_t upper_marks = letter_marks & ~(v << 1);         /* ... and no bit 5 */
                /* no letter yet: this is the word's first byte, a letter
                 * (a word starts with one; non-ASCII starts leave m == 0) */
                if (wletters == 0) first_upper = !(v & 0x20);
                size_t nl = swar_count(letter_marks >> 6);
                wletters += nl;
                latin_letters += nl;
                wupper += swar_count(upper_marks >> 6);
                if (wn < 64) {
                    uint64_t lower = v | SWAR(0x20);    /* digits have bit 5 already */
                    memcpy(wbuf + wn, &lower, 8);
                    if (wn == 0 && m < 8) { short_word = lower & run; short_len = m; }
                    wn = SL_MIN(wn + m, 64);
                }
                i += m;
                if (m < 8) break;
            }
            while (i < len && i + 8 > len) {
                unsigned char d = (unsigned char)s[i];
                uint8_t bc = byte_class[d];
                if (!(bc & (BC_LOWER | BC_UPPER | BC_DIGIT))) break;
                if (bc & BC_UPPER) {
                    wupper++;
                    if (wletters == 0) first_upper = 1;
                    d = (unsigned char)(d + 32);
                }
                if (!(bc & BC_DIGIT)) { wletters++; latin_letters++; }
                if (wn < 64) wbuf[wn++] = (char)d;
                i++;
            }
            if (i >= len) break;
            unsigned char d = (unsigned char)s[i];
            if (d < 0x80) {
                /* ASCII, not a letter or digit: only an inner joiner goes on */
                if (!(byte_class[d] & BC_JOINER)) break;
                if (i + 1 < len && letter_at(s, len, i + 1) && !ptb_bracket(s, len, i)) {
                    if (d == '@') has_at = 1;
                    if (d == '.') has_dot = 1;
                    if (wn < 64) wbuf[wn++] = (char)d;
                    i++;
                    continue;
                }
                break;
            }
            size_t kk;
            int32_t dc = decode(s, len, i, &kk);
            if (!is_punct_cp(dc)) {
                /* a letter outside ASCII: case folded by utf8proc */
                int32_t lo = utf8proc_tolower(dc);
                if (lo != dc) { wupper++; if (wletters == 0) first_upper = 1; }
                if (dc < 0x250) latin_letters++;
                wletters++;
                utf8proc_uint8_t enc[4];
                utf8proc_ssize_t el = utf8proc_encode_char(lo, enc);
                if (wn + (size_t)el <= 64) { memcpy(wbuf + wn, enc, (size_t)el); wn += (size_t)el; }
                i += kk;
                continue;
            }
            /* ’ (U+2019) joins like ' */
            if (dc == 0x2019 && i + kk < len && letter_at(s, len, i + kk)) {
                if (wn < 64) wbuf[wn++] = '\'';
                i += kk;
                continue;
            }
            break;
        }
        chars += wletters;
        letters += wletters;
        upper += wupper;
        if (wletters == 0) continue;   /* cannot happen: a word starts with a letter */
        if (!first_letter_seen) {
            first_letter_seen = 1;
            if (!first_upper && wupper == 0 && (unsigned char)s[ws] < 0x80 &&
                ascii_alpha((unsigned char)s[ws]))
                flags |= CLF_STARTS_LOWER;
            if (first_upper) flags |= CLF_STARTS_UPPER;
        }
        if (has_at | has_dot) {
            if (has_at && has_dot) flags |= CLF_URL;
            if (has_dot && wn >= 4 && (memcmp(wbuf, "www.", 4) == 0 || memcmp(wbuf, "http", 4) == 0))
                flags |= CLF_URL;
        }
        if (i < len && s[i] == ':' && wn >= 4 && memcmp(wbuf, "http", 4) == 0) flags |= CLF_URL;
        words++;
        caps += (size_t)first_upper;
        /* one hash per word; one lexicon lookup (pass 1 of the old design
         * needed it for capitalised words only: cl_line_hashes) */
        /* most words are one short run: hashed from the register that holds it */
        const uint64_t hw = wn == short_len ? lx_hash_short(short_word, wn) : lx_hash_word(wbuf, wn);
        const int looked_up = wn <= max_word && (!hash_only || first_upper);
        const lx_word *lw = looked_up ? lx_find(hw) : &lx_absent;
        const unsigned wflags = lw->flags;
        /* names: capitalised words that are not function words (no branch:
         * capitalisation is as unpredictable as lexicon membership) */
        const int name = first_upper & (wn >= 2) & !(wflags & LX_STOP);
        skel = name ? skel * 0x9E3779B97F4A7C15ULL + hw : skel;
        skel_n += (size_t)name;
        if (!hash_only) {
            stops += (wflags & LX_STOP) != 0;
            date_words += (wflags & (LX_MONTH | LX_WEEKDAY | LX_DATEWORD)) != 0;
            if (wn == 9 && memcmp(wbuf, "copyright", 9) == 0) flags |= CLF_COPYRIGHT;
            /* "Credit... Doug Mills", "Credit… Getty" */
            if (wn == 6 && first_upper && memcmp(wbuf, "credit", 6) == 0 && i < len &&
                (s[i] == '.' || (unsigned char)s[i] == 0xE2))
                flags |= CLF_CREDIT;
            if (nwh < CL_MAX_WORDS) {
                if (wflags & LX_PHRASE) {
                    starts[n_starts] = (uint16_t)nwh;
                    start_words[n_starts++] = lw;
                }
                wh[nwh++] = looked_up ? hw : 0;
            }
        }
        NORM_TOKEN(hw, ws, first_upper && (unsigned char)s[ws] < 0x80);
        if (i < len && s[i] == ' ') { i++; chars++; }   /* the usual separator, without a trip round the loop */
    }
#undef NORM_TOKEN
    memset(f, 0, sizeof *f);
    f->phrase_cat = -1;
    f->bytes = (uint32_t)len;
    f->words = (uint16_t)words;
    f->caps = (uint16_t)caps;
    f->stops = (uint16_t)stops;
    f->numbers = (uint16_t)numbers;
    f->seps = (uint16_t)seps;
    f->date_words = (uint16_t)date_words;
    /* "(c)" copyright mark */
    if (!hash_only && len >= 3 && memchr(s, '(', len) && memmem(s, len, "(c)", 3)) flags |= CLF_COPYRIGHT;
    f->chars = (uint32_t)SL_MIN(chars, UINT32_MAX);
    if (letters && latin_letters * 2 < letters) flags |= CLF_NONLATIN;
    if (letters >= 4 && upper * 10 >= letters * 8) flags |= CLF_CAPS;

    /* terminal punctuation, looking through closing quotes and brackets */
    size_t e = len;
    while (e > 0) {
        unsigned char c = (unsigned char)s[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '`') { e--; continue; }
        if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
            ((unsigned char)s[e - 1] == 0x9D || (unsigned char)s[e - 1] == 0x99)) { e -= 3; continue; }
        if (e >= 5 && s[e - 1] == '-' && ptb_bracket(s, len, e - 5) == 5 && s[e - 4] == 'R') { e -= 5; continue; }
        break;
    }
    if (e > 0) {
        unsigned char c = (unsigned char)s[e - 1];
        if (c == '.' || c == '!' || c == '?') flags |= CLF_TERMINAL;
        else if (c == ':') flags |= CLF_COLON;
        else if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
                 (unsigned char)s[e - 1] == 0xA6) flags |= CLF_TERMINAL;      /* … */
        else if (e >= 3 && (unsigned char)s[e - 3] == 0xE3 && (unsigned char)s[e - 2] == 0x80 &&
                 (unsigned char)s[e - 1] == 0x82) flags |= CLF_TERMINAL;      /* 。 */
    }
    /* "(185)" at the end; "joe says:" */
    {
        size_t q = len;
        while (q > 0 && s[q - 1] == ' ') q--;
        if (q >= 3 && s[q - 1] == ')') {
            size_t d = q - 1;
            while (d > 0 && ascii_digit((unsigned char)s[d - 1])) d--;
            if (d < q - 1 && d > 0 && s[d - 1] == '(') flags |= CLF_COUNT;
        }
        static const char *const says[] = {"says:", "said:", "wrote:", "says :", "said :"};
        if (q > 0 && s[q - 1] == ':')   /* every pattern ends with ':' */
            for (size_t k = 0; k < SL_ARRAY_LEN(says); k++) {
                size_t m = strlen(says[k]);
                if (q >= m + 2 && s[q - m - 1] == ' ' && strncasecmp(s + q - m, says[k], m) == 0) flags |= CLF_SAYS;
            }
    }
    /* a photo credit: "(Image: GETTY)", "(AP Photo/Alan Diaz)", "Credit: Getty" */
    if (!hash_only && has_credit(s, len)) flags |= CLF_CREDIT;
    /* "Teaser headline cut sho..." */
    if (f->words < 25 && len >= 4) {
        size_t q = len;
        int dots = 0;
        if (q >= 3 && memcmp(s + q - 3, "...", 3) == 0) { q -= 3; dots = 1; }
        else if (q >= 3 && (unsigned char)s[q - 3] == 0xE2 && (unsigned char)s[q - 2] == 0x80 &&
                 (unsigned char)s[q - 1] == 0xA6) { q -= 3; dots = 1; }
        if (dots && q > 0 && (ascii_alpha((unsigned char)s[q - 1]) || (unsigned char)s[q - 1] >= 0x80)) {
            flags |= CLF_TRUNCATED;
            flags &= ~(unsigned)CLF_TERMINAL;
        }
    }
    /* "Headline Headline" */
    if (len >= 11 && (len & 1) && s[len / 2] == ' ' && memcmp(s, s + len / 2 + 1, len / 2) == 0)
        flags |= CLF_DOUBLED;
    f->flags = (uint16_t)flags;
    if (n_starts) match_phrases(wh, nwh, starts, start_words, n_starts, f->words, f);
    f->hash = poly_finish(nh, ntok);
    if (want_suffixes) {
        /* suffixes starting at a capitalised token among the last ones
         * (not the first token: that is the whole line) */
        size_t first = ntok > CL_SUFFIX_TOKENS ? ntok - CL_SUFFIX_TOKENS : 1;
        suffixes->n = 0;
        for (size_t c = n_caps > CL_SUFFIX_TOKENS ? n_caps - CL_SUFFIX_TOKENS : 0; c < n_caps; c++) {
            size_t r = c % CL_SUFFIX_TOKENS, k = ring.tok[r];
            if (k < first) continue;
            uint64_t hs = nh - ring.pre[r] * poly_pow[ntok - k];
            suffixes->offset[suffixes->n] = ring.off[r];
            suffixes->hash[suffixes->n++] = poly_finish(hs, ntok - k);
        }
    }
    f->skeleton = skel_n >= 3 ? (skel ? skel : 1) : 0;
}

void cl_line_features(const char *s, size_t len, cl_features *f) { line_features(s, len, f, 0, NULL); }

void cl_line_features_suffixes(const char *s, size_t len, cl_features *f, cl_suffixes *suffixes) {
    line_features(s, len, f, 0, suffixes);
}

uint64_t cl_line_hash(const char *s, size_t len) {
    cl_features f;
    line_features(s, len, &f, 1, NULL);
    return f.hash;
}

void cl_line_hashes(const char *s, size_t len, uint64_t *hash, uint64_t *skeleton) {
    cl_features f;
    line_features(s, len, &f, 1, NULL);
    *hash = f.hash;
    *skeleton = f.skeleton;
}
