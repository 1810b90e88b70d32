/*
 * sentences.c — the story's sentences: their days, vectors and fitness.
 *
 * For every article: split into sentences (sl_split_sentences), tokenise
 * it once (sl_tokenize) and look its words up in the story's word cache
 * (below), find its temporal expressions once on those tokens
 * (tl_timex_scan_tokens against the publication day, word classes from the
 * cache) and give each sentence the first day-precise expression inside it whose day
 * lies in the story's window [lo, hi] (flag TL_MENTION); a sentence without
 * one reports its publication day, unless it names some other time (a week,
 * month or year not containing the publication day, or a day outside the
 * window),
 * which flags it TL_OTHER_TIME: it is background, not news of that day.
 * TL_ABSOLUTE marks a day taken from an expression that names its year.
 *
 * Vectors: content words (stop words and punctuation dropped) are stemmed
 * with Snowball and interned; numbers are kept as they are.  A sentence
 * takes its slice of the article's tokens (token_range); one that cuts a
 * token is tokenised alone, which gives what the slice would.  Weights are
 * (1 + ln tf) * idf with idf = ln(N / df) over the story's sentences,
 * normalised to unit length.  The topic is the query's vector when a query
 * is given, else the story's keywords: the TOPIC_TERMS heaviest terms of the
 * centroid of all usable sentences (dense, unit norm) — a handful of
 * keywords focuses the prior on what the story is about, where the full
 * centroid also rewards its incidental vocabulary.
 *
 * Fitness (tl_sentence_usable) is a set of cheap surface tests; see there.
 * A sentence sharing no keyword with the topic (with a query: none of its
 * words) is unfit as well: it is off the story.
 */
#include "timeline.h"
#include "temporal.h"
#include "../text/text.h"

#include <ctype.h>
#include <pthread.h>
#include <math.h>

/* ---- vectors ------------------------------------------------------------------ */

double tl_cosine(const tl_term *a, size_t na, const tl_term *b, size_t nb) {
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].id < b[j].id) i++;
        else if (a[i].id > b[j].id) j++;
        else dot += (double)a[i++].w * (double)b[j++].w;
    }
    return dot;
}

double tl_jaccard(const tl_term *a, size_t na, const tl_term *b, size_t nb) {
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (a[i].id < b[j].id) i++;
        else if (a[i].id > b[j].id) j++;
        else { common++; i++; j++; }
    }
    size_t uni = na + nb - common;
    return uni ? (double)common / (double)uni : 0.0;
}

/* ---- fitness ------------------------------------------------------------------- */

static const char *const dangling_openers[] = {
    "he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "those",
    "that", "but", "and", "or", "so", "yet", "also", "however", "him", "them", "such",
    "then", "still", "instead", "meanwhile", "there's", "it's", "we", "i", "you",
};

static const char *const boilerplate_marks[] = {
    "http", "www.", ".com", "@", "\xC2\xA9", "copyright", "click", "subscribe", "newsletter",
    "all rights reserved", "read more", "sign up", "follow us", "image source", "cookie",
    "javascript", "advertisement", "share this", "terms of use", "privacy policy",
    "please enable", "not responsible for the content", "related stories", "more on this",
};

/* Every mark but "@" and the copyright sign is at least 4 bytes long and
 * found through its first 4 bytes: at each position the 4 bytes there,
 * lower-cased, are looked up in a bitmap of those prefixes (a
 * multiplicative hash), and only on a hit are marks compared.  The two short
 * marks are found with memchr and memmem.  Built once (pthread_once:
 * timelines run on threads). */
#define PREFIX_HASH_BITS 12
static uint64_t prefix_bitmap[(1u << PREFIX_HASH_BITS) / 64];
static uint32_t mark_prefix[SL_ARRAY_LEN(boilerplate_marks)];   /* lower4 of the first 4 bytes */
static uint8_t mark_len[SL_ARRAY_LEN(boilerplate_marks)];
static int8_t mark_by_hash[1u << PREFIX_HASH_BITS];   /* a long mark with that prefix hash, or -1 */
static int8_t mark_next[SL_ARRAY_LEN(boilerplate_marks)]; /* the next one with the same hash, or -1 */
static pthread_once_t marks_once = PTHREAD_ONCE_INIT;

static inline uint32_t prefix_hash(uint32_t x) { return (x * 0x9E3779B1u) >> (32 - PREFIX_HASH_BITS); }

/* ASCII upper case to lower case in 4 bytes (SWAR on the low 7 bits, so no
 * carry crosses bytes; bytes >= 0x80 are left alone). */
static inline uint32_t lower4(uint32_t x) {
    uint32_t y = x & 0x7F7F7F7Fu;
    uint32_t upper = (y + 0x3F3F3F3Fu) & ~(y + 0x25252525u) & ~x & 0x80808080u;
    return x | (upper >> 2);
}

static void index_marks(void) {
    memset(mark_by_hash, -1, sizeof mark_by_hash);
    for (size_t k = SL_ARRAY_LEN(boilerplate_marks); k-- > 0;) {
        mark_len[k] = (uint8_t)strlen(boilerplate_marks[k]);
        if (mark_len[k] < 4) continue;
        memcpy(&mark_prefix[k], boilerplate_marks[k], 4);
        uint32_t h = prefix_hash(mark_prefix[k]);
        prefix_bitmap[h >> 6] |= 1ull << (h & 63);
        mark_next[k] = mark_by_hash[h];
        mark_by_hash[h] = (int8_t)k;
    }
}

/* ASCII lower case (no locale is set: tolower maps A-Z only). */
static inline unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Does one of the long marks start at s[i] (x: the 4 bytes there,
 * lower-cased)? */
static int mark_at(const char *s, size_t n, size_t i, uint32_t x) {
    for (int k = mark_by_hash[prefix_hash(x)]; k >= 0; k = mark_next[k]) {
        if (mark_prefix[k] != x || mark_len[k] > n - i) continue;
        const char *m = boilerplate_marks[k];
        size_t j = 4;
        while (j < mark_len[k] && ascii_lower((unsigned char)s[i + j]) == (unsigned char)m[j]) j++;
        if (j == mark_len[k]) return 1;
    }
    return 0;
}

static inline int prefix_maybe(uint32_t x) {
    uint32_t h = prefix_hash(x);
    return prefix_bitmap[h >> 6] >> (h & 63) & 1;
}

#define ONES8 0x0101010101010101ull
#define HIGH8 0x8080808080808080ull

/* ASCII upper case to lower case in 8 bytes, bytes >= 0x80 left alone. */
static inline uint64_t lower8_any(uint64_t x) {
    uint64_t y = x & ~HIGH8;
    uint64_t upper = (y + 0x3F * ONES8) & ~(y + 0x25 * ONES8) & ~x & HIGH8;
    return x | (upper >> 2);
}

/* Has x a zero byte? */
static inline uint64_t zero_byte8(uint64_t x) { return (x - ONES8) & ~x & HIGH8; }

/* 1 when s[0..n), lower-cased, contains a boilerplate mark (as 24 memmem
 * passes over a lower-case copy would, in a fraction of the time).  On
 * little-endian machines 8 bytes are loaded and lower-cased at once and
 * give the windows of 4 positions. */
static int has_boilerplate_mark(const char *s, size_t n) {
    pthread_once(&marks_once, index_marks);
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= n; i += 4) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        x = lower8_any(x);
        uint32_t w0 = (uint32_t)x, w1 = (uint32_t)(x >> 8), w2 = (uint32_t)(x >> 16), w3 = (uint32_t)(x >> 24);
        if (prefix_maybe(w0) | prefix_maybe(w1) | prefix_maybe(w2) | prefix_maybe(w3)) {
            if ((prefix_maybe(w0) && mark_at(s, n, i, w0)) || (prefix_maybe(w1) && mark_at(s, n, i + 1, w1)) ||
                (prefix_maybe(w2) && mark_at(s, n, i + 2, w2)) || (prefix_maybe(w3) && mark_at(s, n, i + 3, w3)))
                return 1;
        }
    }
#endif
    for (; i + 4 <= n; i++) {
        uint32_t x;
        memcpy(&x, s + i, 4);
        x = lower4(x);
        if (prefix_maybe(x) && mark_at(s, n, i, x)) return 1;
    }
    if (memchr(s, '@', n)) return 1;
    /* the copyright sign, C2 A9 */
    for (const char *p = s, *end = s + n; (p = memchr(p, 0xC2, (size_t)(end - p))) != NULL && p + 1 < end; p++)
        if ((unsigned char)p[1] == 0xA9) return 1;
    return 0;
}

static int has_ci(const char *s, size_t len, const char *needle) {
    size_t n = strlen(needle);
    if (n > len) return 0;
    for (size_t i = 0; i + n <= len; i++) {
        size_t k = 0;
        while (k < n && tolower((unsigned char)s[i + k]) == needle[k]) k++;
        if (k == n) return 1;
    }
    return 0;
}

/* The quote marks of s[0..len) in one pass: `` pairs, '' pairs (each
 * counted as memmem-style non-overlapping matches from the left), straight
 * double quotes and curly double quotes (U+201C and U+201D together).
 * Returns 0 when s has a question mark (counts then unset). */
typedef struct quote_counts {
    size_t backticks, apostrophes, straight, curly;
} quote_counts;

static int count_quotes(const char *s, size_t len, quote_counts *q) {
    static const uint8_t special[256] = {['`'] = 1, ['\''] = 1, ['"'] = 1, ['?'] = 1, [0xE2] = 1};
    memset(q, 0, sizeof *q);
    for (size_t i = 0; i < len; i++) {
        /* 8 bytes with none of ` ' " ? and 0xE2 are passed at once */
        while (i + 8 <= len) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (zero_byte8(x ^ ('`' * ONES8)) | zero_byte8(x ^ ('\'' * ONES8)) | zero_byte8(x ^ ('"' * ONES8)) |
                zero_byte8(x ^ ('?' * ONES8)) | zero_byte8(x ^ (0xE2 * ONES8)))
                break;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = (unsigned char)s[i];
        if (!special[c]) continue;
        if (c == '?') return 0;
        if (c == '"') q->straight++;
        else if (c == '`' || c == '\'') {
            if (i + 1 < len && s[i + 1] == (char)c) {
                if (c == '`') q->backticks++;
                else q->apostrophes++;
                i++;
            }
        } else if (i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D)) {
            q->curly++;
            i += 2;
        }
    }
    return 1;
}

/* Sentence length bounds in words: shorter ones are headlines and
 * fragments, longer ones run-ons of merged paragraphs (tuned on the T17 dev
 * timelines). */
enum { MIN_WORDS = 6, MAX_WORDS = 55 };

/* Keywords of the topic when no query is given (tuned on T17 dev). */
enum { TOPIC_TERMS = 30 };

int tl_sentence_usable(const char *s, size_t len, size_t n_words) {
    if (n_words < MIN_WORDS || n_words > MAX_WORDS) return 0;
    while (len && isspace((unsigned char)s[len - 1])) len--;
    if (!len) return 0;
    unsigned char c0 = (unsigned char)s[0];
    if (islower(c0)) return 0;
    if (c0 < 0x80 && !isalnum(c0) && c0 != '"' && c0 != '`' && c0 != '\'') return 0;
    /* the end: a full stop or exclamation, possibly inside a closing quote */
    size_t e = len;
    while (e > 0 && (s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ' ' || s[e - 1] == ')'))
        e--;
    if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
        ((unsigned char)s[e - 1] == 0x9D || (unsigned char)s[e - 1] == 0x99))
        e -= 3;
    if (e == 0 || (s[e - 1] != '.' && s[e - 1] != '!')) return 0;
    /* no question; balanced quotes: a quote opened in another sentence
     * leaves a fragment */
    quote_counts q;
    if (!count_quotes(s, len, &q)) return 0;
    if (q.backticks != q.apostrophes) return 0;
    if (q.straight % 2) return 0;
    /* curly quotes: only the parity (sources often close with an opener) */
    if (q.curly % 2) return 0;
    /* dangling openings */
    size_t w = 0;
    while (w < len && w < 16 && (isalpha((unsigned char)s[w]) || s[w] == '\'')) w++;
    if (w > 0 && (w == len || !isalpha((unsigned char)s[w]))) {
        char word[17];
        for (size_t i = 0; i < w; i++) word[i] = (char)tolower((unsigned char)s[i]);
        word[w] = '\0';
        for (size_t i = 0; i < SL_ARRAY_LEN(dangling_openers); i++)
            if (word[0] == dangling_openers[i][0] && strcmp(word, dangling_openers[i]) == 0) return 0;
    }
    /* boilerplate marks, case-insensitive, in the first 1024 bytes */
    return !has_boilerplate_mark(s, SL_MIN(len, 1024));
}

/* ---- analysis ------------------------------------------------------------------ */

/* ---- the word cache -------------------------------------------------------------
 * What each word gives, by its folded form (folding, stemming and, for ASCII
 * words, the temporal scanner's class depend on nothing else; a story
 * repeats its words): a tl_word_entry, the scanner's class and, in .user, a
 * WORD_* state or the term id of its stem.  ASCII words of at most 16 bytes
 * (nearly all) live in an open-addressing table keyed by their lower-case
 * bytes (sl_key_ascii) with the entry inline, so a lookup touches one cache
 * line and no string; lookups are batched and prefetched.  The table grows
 * only before an article (word_table_reserve), so entry pointers stay valid
 * while the article is processed.  Other words, and every word of a lone
 * text (word_entries_lone), go through an sl_vocab of folded forms and
 * entries in fixed blocks that never move.  A word may so have two entries:
 * both compute the same, and stems are interned in the story's vocabulary
 * in token order whichever entry asks first. */
typedef struct word_slot {
    uint64_t k0, k1;        /* the key; k0 == 0: empty (words are never
                               empty and hold no NUL byte) */
    tl_word_entry e;
    uint32_t len;
} word_slot;

enum { OTHER_BLOCK = 4096 };

typedef struct scratch {
    sl_span *spans;
    size_t cap_spans;
    sl_timex *tx;
    size_t cap_tx;
    /* the article's tokens, their word entries and their classes */
    sl_token *tok;
    size_t cap_tok;
    tl_word_entry **ent;
    size_t cap_ent;
    tl_tinfo *info;
    size_t cap_info;
    /* a lone text's tokens and entries (a sentence that does not fall on
     * the article's token boundaries, the query) */
    sl_token *ltok;
    size_t cap_ltok;
    tl_word_entry **lent;
    size_t cap_lent;
    tl_term *tmp;
    size_t cap_tmp;
    /* the word cache */
    word_slot *slots;
    size_t mask, n_slots_used;
    sl_vocab *words;            /* folded forms of the other words */
    tl_word_entry **blocks;     /* their entries, OTHER_BLOCK a block */
    size_t n_blocks, cap_blocks;
} scratch;

/* States of a cached word besides its term id (>= 0). */
enum { WORD_UNSEEN = -1, WORD_BRACKET = -2, WORD_EMPTY = -3, WORD_NOT_STEMMED = -4 };

/* Is x before y heaviest first (ties: the lower id)? */
static inline int term_better(tl_term x, tl_term y) { return x.w != y.w ? x.w > y.w : x.id < y.id; }

/* Tokenises text[0..len) into *tok (grown as needed); the token count, or
 * (size_t)-1 when out of memory. */
static size_t tokenize_into(const char *text, size_t len, sl_token **tok, size_t *cap) {
    size_t nt = sl_tokenize(text, len, *tok, *cap);
    if (nt > *cap) {
        if (sl_grow(tok, cap, nt, sizeof **tok)) return (size_t)-1;
        nt = sl_tokenize(text, len, *tok, *cap);
    }
    return nt;
}

static void entry_init(tl_word_entry *e) {
    e->tinfo.cls = TL_TINFO_UNKNOWN;
    e->user = WORD_UNSEEN;
}

/* Makes room in the table for `more` new words without growing it later.
 * 0 or SL_ENOMEM. */
static int word_table_reserve(scratch *sc, size_t more) {
    size_t need = sc->n_slots_used + more, size = sc->slots ? sc->mask + 1 : 0;
    if (sc->slots && need * 4 <= size * 3) return 0;
    size_t nsize = size ? size : 1024;
    while (need * 4 > nsize * 3) nsize *= 2;
    word_slot *ns = calloc(nsize, sizeof *ns);
    if (!ns) return SL_ENOMEM;
    for (size_t i = 0; i < size; i++) {
        const word_slot *o = &sc->slots[i];
        if (!o->k0) continue;
        size_t j = sl_key_mix(o->k0, o->k1, o->len) & (nsize - 1);
        while (ns[j].k0) j = (j + 1) & (nsize - 1);
        ns[j] = *o;
    }
    free(sc->slots);
    sc->slots = ns;
    sc->mask = nsize - 1;
    return 0;
}

/* The entry of a word the table cannot hold (or of any word of a lone
 * text): through sc->words; NULL when out of memory. */
static tl_word_entry *other_entry(scratch *sc, const char *text, const sl_token *t) {
    int32_t id = sl_vocab_intern_token(sc->words, text, t);
    if (id < 0) return NULL;
    size_t b = (size_t)id / OTHER_BLOCK;
    while (b >= sc->n_blocks) {
        if (sl_grow(&sc->blocks, &sc->cap_blocks, sc->n_blocks + 1, sizeof *sc->blocks)) return NULL;
        tl_word_entry *blk = malloc(OTHER_BLOCK * sizeof *blk);
        if (!blk) return NULL;
        for (size_t i = 0; i < OTHER_BLOCK; i++) entry_init(&blk[i]);
        sc->blocks[sc->n_blocks++] = blk;
    }
    return &sc->blocks[b][(size_t)id % OTHER_BLOCK];
}

/* The entries of the word tokens among tok[0..nt) of text in ent[0..nt)
 * (NULL for numbers and punctuation); new words get fresh entries.  0 or
 * SL_ENOMEM. */
static int word_entries(scratch *sc, const char *text, sl_token *tok, size_t nt) {
    enum { BATCH = 16 };
    if (sl_grow(&sc->ent, &sc->cap_ent, nt + 1, sizeof *sc->ent) || word_table_reserve(sc, nt))
        return SL_ENOMEM;
    uint64_t k0[BATCH], k1[BATCH], h[BATCH];
    size_t at[BATCH];
    for (size_t i = 0; i < nt;) {
        /* a batch: keys hashed and slots prefetched first, so that the cache
         * misses of a large table overlap */
        size_t m = 0;
        for (; i < nt && m < BATCH; i++) {
            const sl_token *t = &tok[i];
            sc->ent[i] = NULL;
            if (t->kind != SL_TOK_WORD) continue;
            if (!sl_key_ascii(text + t->start, t->len, &k0[m], &k1[m])) {
                if (!(sc->ent[i] = other_entry(sc, text, t))) return SL_ENOMEM;
                continue;
            }
            h[m] = sl_key_mix(k0[m], k1[m], t->len);
            __builtin_prefetch(&sc->slots[h[m] & sc->mask]);
            tok[i].pad = TL_TOKEN_ASCII;    /* for tl_timex_classify_tokens */
            at[m++] = i;
        }
        for (size_t b = 0; b < m; b++) {
            size_t j = h[b] & sc->mask;
            for (;;) {
                word_slot *sl = &sc->slots[j];
                if (sl->k0 == k0[b] && sl->k1 == k1[b]) break;
                if (!sl->k0) {
                    sl->k0 = k0[b];
                    sl->k1 = k1[b];
                    sl->len = tok[at[b]].len;
                    entry_init(&sl->e);
                    sc->n_slots_used++;
                    break;
                }
                j = (j + 1) & sc->mask;
            }
            sc->ent[at[b]] = &sc->slots[j].e;
        }
    }
    return 0;
}

/* word_entries for a lone text, into sc->lent: every word through
 * sc->words (the table must not grow while an article's entries are in
 * use).  0 or SL_ENOMEM. */
static int word_entries_lone(scratch *sc, const char *text, const sl_token *tok, size_t nt) {
    if (sl_grow(&sc->lent, &sc->cap_lent, nt + 1, sizeof *sc->lent)) return SL_ENOMEM;
    for (size_t i = 0; i < nt; i++) {
        sc->lent[i] = NULL;
        if (tok[i].kind == SL_TOK_WORD && !(sc->lent[i] = other_entry(sc, text, &tok[i]))) return SL_ENOMEM;
    }
    return 0;
}

static int cmp_term_id(const void *a, const void *b) {
    const tl_term *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* Sorts t[0..n) by id: insertion sort for the short lists of a sentence,
 * qsort for a long one (a text without sentence marks). */
static void sort_terms(tl_term *t, size_t n) {
    if (n > 64) {
        qsort(t, n, sizeof *t, cmp_term_id);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        tl_term x = t[i];
        size_t j = i;
        while (j > 0 && t[j - 1].id > x.id) { t[j] = t[j - 1]; j--; }
        t[j] = x;
    }
}

/* The interned term ids, with counts (sorted, unique), of the tokens
 * tok[t0..t1) of text (ent: their word-cache entries, from word_entries) in
 * sc->tmp; returns the number of terms, *n_words the word count, or -1 when
 * out of memory.  Stop words and punctuation are no terms; words are folded
 * and stemmed (once per distinct word: the cache), numbers folded.  Stems
 * and numbers are interned in voc in token order, so term ids do not depend
 * on the cache. */
static long terms_of_tokens(const char *text, const sl_token *tok, tl_word_entry *const *ent, size_t t0,
                            size_t t1, sl_vocab *voc, sl_stemmer *st, scratch *sc, size_t *n_words) {
    if (sl_grow(&sc->tmp, &sc->cap_tmp, t1 - t0 + 1, sizeof *sc->tmp)) return -1;
    size_t n = 0, words = 0;
    char buf[128];
    for (size_t i = t0; i < t1; i++) {
        const sl_token *t = &tok[i];
        if (t->kind == SL_TOK_PUNCT) continue;
        int32_t id;
        if (t->kind == SL_TOK_WORD) {
            /* a stop word is no bracket ("lrb"/"rrb" are not stop words) */
            if (t->stop) { words++; continue; }
            int32_t *slot = &ent[i]->user;
            size_t fl = 0;
            if (*slot == WORD_UNSEEN) {
                fl = sl_token_fold(text, t, buf, sizeof buf);
                *slot = fl == 3 && (memcmp(buf, "lrb", 3) == 0 || memcmp(buf, "rrb", 3) == 0) ? WORD_BRACKET
                        : fl == 0 ? WORD_EMPTY : WORD_NOT_STEMMED;
            }
            if (*slot == WORD_BRACKET) continue;    /* Penn Treebank brackets are not words */
            words++;
            if (*slot == WORD_EMPTY) continue;
            if (*slot == WORD_NOT_STEMMED) {
                if (!fl) fl = sl_token_fold(text, t, buf, sizeof buf);
                sl_slice stem = sl_stem(st, buf, fl);
                if ((*slot = sl_vocab_intern(voc, stem.ptr, stem.len)) < 0) return -1;
            }
            id = *slot;
        } else {
            size_t fl = sl_token_fold(text, t, buf, sizeof buf);
            /* Penn Treebank brackets of tokenised corpora are not words */
            if (fl == 3 && (memcmp(buf, "lrb", 3) == 0 || memcmp(buf, "rrb", 3) == 0)) continue;
            words++;
            if (t->stop || fl == 0) continue;
            id = sl_vocab_intern(voc, buf, fl);
            if (id < 0) return -1;
        }
        sc->tmp[n].id = id;
        sc->tmp[n].w = 1.0f;
        n++;
    }
    *n_words = words;
    sort_terms(sc->tmp, n);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u && sc->tmp[u - 1].id == sc->tmp[i].id) sc->tmp[u - 1].w += 1.0f;
        else sc->tmp[u++] = sc->tmp[i];
    }
    return (long)u;
}

/* terms_of_tokens for a lone text s[0..len), tokenised here. */
static long terms_of(const char *s, size_t len, sl_vocab *voc, sl_stemmer *st, scratch *sc,
                     size_t *n_words) {
    size_t nt = tokenize_into(s, len, &sc->ltok, &sc->cap_ltok);
    if (nt == (size_t)-1 || word_entries_lone(sc, s, sc->ltok, nt)) return -1;
    return terms_of_tokens(s, sc->ltok, sc->lent, 0, nt, voc, st, sc, n_words);
}

/* The article's tokens of its byte range [a, b) in [*t0, *t1), when the
 * range falls on token boundaries: no token crosses a or b and neither cuts
 * a UTF-8 sequence.  Then tokenising text[a..b) alone gives the same
 * tokens (shifted by a): the tokeniser starts afresh after white space and
 * looks past a token's end only to extend it.  *cursor (monotone over
 * ranges in text order) is the first token starting at or after the
 * previous range's start.  0 when the range cuts a token. */
static int token_range(const char *text, size_t len, const sl_token *tok, size_t nt, size_t *cursor,
                       uint32_t a, uint32_t b, size_t *t0, size_t *t1) {
    size_t i = *cursor;
    while (i < nt && tok[i].start < a) i++;
    *cursor = i;
    if ((a < len && ((unsigned char)text[a] & 0xC0) == 0x80) || (b < len && ((unsigned char)text[b] & 0xC0) == 0x80))
        return 0;
    if (i > 0 && tok[i - 1].start + tok[i - 1].len > a) return 0;
    *t0 = i;
    /* the first token at or after b: tokens are sorted and do not overlap,
     * so only the one before it can cross b */
    size_t hi = nt;
    while (i < hi) {
        size_t mid = i + (hi - i) / 2;
        if (tok[mid].start < b) i = mid + 1;
        else hi = mid;
    }
    if (i > *t0 && tok[i - 1].start + tok[i - 1].len > b) return 0;
    *t1 = i;
    *cursor = i;    /* the next range starts at or after b */
    return 1;
}

/* The day and flags of sentence [a, b) from the article's sorted timexes. */
static void date_sentence(const sl_timex *tx, size_t ntx, size_t *cursor, uint32_t a, uint32_t b,
                          int32_t pub, int32_t lo, int32_t hi, tl_sent *out) {
    out->day = pub;
    size_t i = *cursor;
    while (i < ntx && tx[i].start < a) i++;
    *cursor = i;
    int found = 0, other = 0;
    for (; i < ntx && tx[i].start < b; i++) {
        const sl_timex *t = &tx[i];
        if (t->granularity == SL_GRAN_DAY) {
            if (t->day >= lo && t->day <= hi) {
                if (!found) {
                    out->day = t->day;
                    found = 1;
                    if (!t->relative) out->flags |= TL_ABSOLUTE;
                }
            } else {
                other = 1;
            }
        } else if (pub != SL_NO_DATE) {
            int y, m, d, py, pm, pd;
            sl_civil_from_days(t->day, &y, &m, &d);
            sl_civil_from_days(pub, &py, &pm, &pd);
            int contains;
            if (t->granularity == SL_GRAN_MONTH) contains = y == py && m == pm;
            else if (t->granularity == SL_GRAN_WEEK) contains = pub >= t->day && pub - t->day < 7;
            else contains = y == py;
            if (!contains) other = 1;
        }
    }
    if (found) out->flags |= TL_MENTION;
    else if (other) out->flags |= TL_OTHER_TIME;
}

/* Skips a news-agency dateline ("LONDON (Reuters) - ", "-LRB- Reuters -RRB- -")
 * at the start of a sentence: returns the bytes to drop. */
static size_t dateline_skip(const char *s, size_t len) {
    static const char *const marks[] = {"(Reuters) - ", "-RRB- - ", "(AP) - ", "(AFP) - ",
                                        "(Reuters) -- ", "(AP) -- "};
    size_t lim = SL_MIN(len, 80);
    /* every mark has " -": look for that first */
    int space_dash = 0;
    for (const char *p = s, *end = s + lim; !space_dash && (p = memchr(p, '-', (size_t)(end - p))) != NULL; p++)
        space_dash = p > s && p[-1] == ' ';
    if (!space_dash) return 0;
    for (size_t i = 0; i < SL_ARRAY_LEN(marks); i++) {
        size_t n = strlen(marks[i]);
        const char *hit = memmem(s, lim, marks[i], n);
        if (!hit) continue;
        size_t k = (size_t)(hit - s);
        /* "-RRB- - " closes a dateline only after an agency's name */
        if (i == 1 && !has_ci(s, k, "reuters") && !has_ci(s, k, "ap") && !has_ci(s, k, "afp"))
            continue;
        return k + n;
    }
    return 0;
}

/* Cosine of a sentence with the (unit, dense) topic. */
static double topic_cosine(const tl_story *story, const tl_sent *s) {
    const tl_term *t = story->terms + s->terms;
    double dot = 0;
    for (size_t k = 0; k < s->n_terms; k++) dot += (double)story->topic[t[k].id] * t[k].w;
    return dot;
}

/* Keeps the n heaviest entries of the dense vector v[0..size) (ties: the
 * lower id) and zeroes the rest.  0 or SL_ENOMEM. */
static int keep_top_terms(float *v, int32_t size, size_t n) {
    size_t nz = 0;
    for (int32_t i = 0; i < size; i++) nz += v[i] > 0;
    if (nz <= n) return 0;
    if (n == 0) {
        for (int32_t i = 0; i < size; i++) v[i] = 0;
        return 0;
    }
    /* the n best in a heap whose root is the worst of them; (weight, id)
     * is a strict order, so the set is that of a full sort */
    tl_term *heap = malloc(n * sizeof *heap);
    if (!heap) return SL_ENOMEM;
    size_t m = 0;
    for (int32_t i = 0; i < size; i++) {
        if (!(v[i] > 0)) continue;
        tl_term x = {i, v[i]};
        size_t k;
        if (m < n) {
            k = m++;
            while (k > 0 && term_better(heap[(k - 1) / 2], x)) { heap[k] = heap[(k - 1) / 2]; k = (k - 1) / 2; }
            heap[k] = x;
            continue;
        }
        if (!term_better(x, heap[0])) continue;
        k = 0;          /* x replaces the root and sifts down */
        for (;;) {
            size_t c = 2 * k + 1;
            if (c >= n) break;
            if (c + 1 < n && term_better(heap[c], heap[c + 1])) c++;
            if (!term_better(x, heap[c])) break;
            heap[k] = heap[c];
            k = c;
        }
        heap[k] = x;
    }
    tl_term worst = heap[0];
    for (int32_t i = 0; i < size; i++)
        if (v[i] > 0 && term_better(worst, (tl_term){i, v[i]})) v[i] = 0;
    free(heap);
    return 0;
}

int tl_story_analyse(tl_story *story, const char *query, int32_t lo, int32_t hi) {
    scratch sc = {0};
    sl_vocab *voc = sl_vocab_new();
    sl_stemmer *st = sl_stemmer_new();
    int rc = SL_ENOMEM;
    uint32_t *df = NULL;
    sc.words = sl_vocab_new();
    if (!voc || !st || !sc.words) goto out;
    for (size_t a = 0; a < story->n_articles; a++) {
        const char *text = story->text[a];
        size_t len = story->text_len[a];
        int32_t pub = story->pub[a];
        size_t ns = sl_split_sentences(text, len, sc.spans, sc.cap_spans);
        if (ns > sc.cap_spans) {
            if (sl_grow(&sc.spans, &sc.cap_spans, ns, sizeof *sc.spans)) goto out;
            ns = sl_split_sentences(text, len, sc.spans, sc.cap_spans);
        }
        size_t nt = tokenize_into(text, len, &sc.tok, &sc.cap_tok);
        if (nt == (size_t)-1 || word_entries(&sc, text, sc.tok, nt)) goto out;
        if (sl_grow(&sc.info, &sc.cap_info, nt + 1, sizeof *sc.info)) goto out;
        tl_timex_classify_tokens(text, len, sc.tok, nt, sc.ent, sc.info);
        size_t ntx = tl_timex_scan_tokens(text, len, pub, sc.tok, sc.info, nt, sc.tx, sc.cap_tx);
        if (ntx > sc.cap_tx) {
            if (sl_grow(&sc.tx, &sc.cap_tx, ntx, sizeof *sc.tx)) goto out;
            ntx = tl_timex_scan_tokens(text, len, pub, sc.tok, sc.info, nt, sc.tx, sc.cap_tx);
        }
        for (size_t x = 0; x < ntx; x++) {
            if (sc.tx[x].granularity != SL_GRAN_DAY || sc.tx[x].day < lo || sc.tx[x].day > hi) continue;
            if (sl_grow(&story->mentions, &story->cap_mentions, story->n_mentions + 1,
                        sizeof *story->mentions))
                goto out;
            story->mentions[story->n_mentions++] = (tl_mention){(uint32_t)a, sc.tx[x].day};
        }
        size_t cursor = 0, tok_cursor = 0;
        for (size_t k = 0; k < ns; k++) {
            tl_sent s = {0};
            s.article = (uint32_t)a;
            s.start = sc.spans[k].start;
            s.len = sc.spans[k].len;
            s.pub = pub;
            s.position = (uint16_t)SL_MIN(k, 65535);
            date_sentence(sc.tx, ntx, &cursor, s.start, s.start + s.len, pub, lo, hi, &s);
            size_t skip = dateline_skip(text + s.start, s.len);
            s.start += (uint32_t)skip;
            s.len -= (uint32_t)skip;
            size_t n_words = 0;
            size_t t0, t1;
            long nterms = token_range(text, len, sc.tok, nt, &tok_cursor, s.start, s.start + s.len, &t0, &t1)
                              ? terms_of_tokens(text, sc.tok, sc.ent, t0, t1, voc, st, &sc, &n_words)
                              : terms_of(text + s.start, s.len, voc, st, &sc, &n_words);
            if (nterms < 0) goto out;
            s.n_words = (uint16_t)SL_MIN(n_words, 65535);
            if (tl_sentence_usable(text + s.start, s.len, n_words)) s.flags |= TL_USABLE;
            if (sl_grow(&story->terms, &story->cap_terms, story->n_terms + (size_t)nterms + 1,
                        sizeof *story->terms))
                goto out;
            s.terms = (uint32_t)story->n_terms;
            s.n_terms = (uint32_t)nterms;
            memcpy(story->terms + story->n_terms, sc.tmp, (size_t)nterms * sizeof *sc.tmp);
            story->n_terms += (size_t)nterms;
            if (sl_grow(&story->sents, &story->cap_sents, story->n_sents + 1, sizeof *story->sents))
                goto out;
            story->sents[story->n_sents++] = s;
        }
    }
    /* idf over sentences, then unit (1 + ln tf) * idf vectors */
    story->n_vocab = sl_vocab_size(voc);
    size_t nv = (size_t)story->n_vocab + 1;
    df = calloc(nv, sizeof *df);
    story->idf = calloc(nv, sizeof *story->idf);
    story->topic = calloc(nv, sizeof *story->topic);
    if (!df || !story->idf || !story->topic) goto out;
    for (size_t i = 0; i < story->n_terms; i++) df[story->terms[i].id]++;
    double N = (double)(story->n_sents ? story->n_sents : 1);
    for (size_t v = 0; v < nv; v++) story->idf[v] = df[v] ? (float)log(N / df[v]) : 0.0f;
    for (size_t i = 0; i < story->n_sents; i++) {
        tl_term *t = story->terms + story->sents[i].terms;
        size_t n = story->sents[i].n_terms;
        double norm = 0;
        for (size_t k = 0; k < n; k++) {
            /* tf 1 (most terms): 1 + ln 1 is exactly 1 */
            t[k].w = t[k].w == 1.0f ? story->idf[t[k].id] : (float)((1.0 + log(t[k].w)) * story->idf[t[k].id]);
            norm += (double)t[k].w * t[k].w;
        }
        norm = sqrt(norm);
        for (size_t k = 0; k < n; k++) t[k].w = norm > 0 ? (float)(t[k].w / norm) : 0.0f;
    }
    /* the topic */
    int have_query = 0;
    if (query && *query) {
        size_t nw = 0;
        long nq = terms_of(query, strlen(query), voc, st, &sc, &nw);
        if (nq < 0) goto out;
        for (long k = 0; k < nq; k++)
            if (sc.tmp[k].id < story->n_vocab && story->idf[sc.tmp[k].id] > 0) {
                story->topic[sc.tmp[k].id] = story->idf[sc.tmp[k].id];
                have_query = 1;
            }
    }
    if (!have_query) {
        for (size_t i = 0; i < story->n_sents; i++) {
            const tl_sent *s = &story->sents[i];
            if (!(s->flags & TL_USABLE)) continue;
            const tl_term *t = story->terms + s->terms;
            for (size_t k = 0; k < s->n_terms; k++) story->topic[t[k].id] += t[k].w;
        }
        if (keep_top_terms(story->topic, story->n_vocab, TOPIC_TERMS)) goto out;
    }
    double norm = 0;
    for (size_t v = 0; v < (size_t)story->n_vocab; v++) norm += (double)story->topic[v] * story->topic[v];
    norm = sqrt(norm);
    if (norm > 0)
        for (size_t v = 0; v < (size_t)story->n_vocab; v++) story->topic[v] = (float)(story->topic[v] / norm);
    /* a sentence sharing no keyword with the topic (or no word with the
     * query) is off the story — a sports page's schedule inside a news
     * crawl: unfit */
    if (norm > 0)
        for (size_t i = 0; i < story->n_sents; i++) {
            tl_sent *s = &story->sents[i];
            if ((s->flags & TL_USABLE) && topic_cosine(story, s) <= 0) s->flags &= (uint8_t)~TL_USABLE;
        }
    rc = 0;
out:
    free(df);
    free(sc.spans);
    free(sc.tx);
    free(sc.tok);
    free(sc.ent);
    free(sc.info);
    free(sc.ltok);
    free(sc.lent);
    free(sc.tmp);
    free(sc.slots);
    for (size_t b = 0; b < sc.n_blocks; b++) free(sc.blocks[b]);
    free(sc.blocks);
    sl_vocab_free(sc.words);
    sl_vocab_free(voc);
    sl_stemmer_free(st);
    return rc;
}

void tl_story_free(tl_story *story) {
    free(story->sents);
    free(story->terms);
    free(story->mentions);
    free(story->idf);
    free(story->topic);
    story->sents = NULL;
    story->terms = NULL;
    story->mentions = NULL;
    story->n_mentions = story->cap_mentions = 0;
    story->idf = NULL;
    story->topic = NULL;
    story->n_sents = story->cap_sents = story->n_terms = story->cap_terms = 0;
}
