/*
 * clean_internal.h — the insides of the clean stage (lib/clean), shared by
 * its files and by nothing else.
 *
 *   lexicon.c    word lists: stop words of several languages, boilerplate
 *                phrases (calls to action, legal notices, navigation,
 *                media credits), month and weekday names, news agencies
 *   features.c   one pass over a line: words, stop words, capitals, digits,
 *                separators, phrase hits, terminal punctuation, and the
 *                normalised hash that identifies the line across articles
 *   linestats.c  the corpus signal: how many articles (and how many
 *                unrelated articles) carry each normalised line
 *   meta.c       title, byline, dateline, agency and date of an article
 *   clean.c      the line model, context smoothing, the main-body span,
 *                the public API and the threads
 */
#ifndef SL_CLEAN_INTERNAL_H
#define SL_CLEAN_INTERNAL_H

#include "../internal.h"

#include <stdint.h>

/* ---- lexicon ---------------------------------------------------------------- */

/* Word flags. */
enum {
    LX_STOP = 1 << 0,       /* a function word of some language */
    LX_PHRASE = 1 << 1,     /* starts at least one boilerplate phrase */
    LX_MONTH = 1 << 2,      /* a month name or abbreviation; value = 1..12 */
    LX_WEEKDAY = 1 << 3,    /* a weekday name or abbreviation */
    LX_DATEWORD = 1 << 4,   /* words of date stamps: updated, published, am, pm, est, gmt ... */
    LX_AGENCY = 1 << 5,     /* a news agency: ap, reuters, afp, upi ... */
    LX_CONNECT = 1 << 6,    /* joins names in a byline: and, of, the, de, van ... */
};

/* Phrase categories; each is a reason in --explain. */
typedef enum lx_category {
    LX_CAT_CTA = 0,     /* subscribe, share, follow us, read more, sign up */
    LX_CAT_LEGAL,       /* copyright, all rights reserved, cookies, privacy */
    LX_CAT_AD,          /* advertisement, sponsored content */
    LX_CAT_MEDIA,       /* image source, photo credit, getty images */
    LX_CAT_NAV,         /* skip to content, related articles, trending */
    LX_CAT_COMMENTS,    /* leave a comment, comments are closed */
    LX_CAT_RELATED,     /* headers of link lists: related articles, you may also like */
    LX_CAT_COUNT
} lx_category;

/* Where a phrase counts. */
enum {
    LX_ANY = 0,         /* anywhere in the line */
    LX_START = 1,       /* only at the start of the line */
    LX_WHOLE = 2,       /* only as (nearly) the whole line */
};

#define LX_MAX_PHRASE_WORDS 8

typedef struct lx_phrase {
    uint64_t words[LX_MAX_PHRASE_WORDS];
    uint8_t n_words;
    uint8_t category;   /* lx_category */
    uint8_t where;      /* LX_ANY / LX_START / LX_WHOLE */
    uint8_t strength;   /* 1 weak .. 3 strong */
} lx_phrase;

typedef struct lx_word {
    uint64_t hash;      /* 0: empty slot */
    uint16_t flags;
    uint8_t value;      /* month number */
    uint8_t n_phrases;
    uint16_t first_phrase; /* index into lx_phrase_index */
} lx_word;

/* Builds the tables once (thread safe). */
void lx_init(void);
/* Hash of a word, ASCII case folded; never 0. */
uint64_t lx_hash(const char *w, size_t n);
/* The same for a word already in lower case (faster). */
uint64_t lx_hash_lower(const char *w, size_t n);

/* lx_hash_lower for a word in a buffer with at least 8 readable bytes past
 * its end (and n <= 64): reads whole 8-byte words and masks the tail. */
static inline uint64_t lx_hash_word(const char *w, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL);
    size_t m = n;
    while (m >= 8) {
        uint64_t v;
        memcpy(&v, w, 8);
        h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
        w += 8;
        m -= 8;
    }
    if (m) {
        uint64_t v;
        memcpy(&v, w, 8);
        v &= (~0ULL) >> (64 - 8 * m);     /* little-endian: keep the first m bytes */
        h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
    }
    h ^= h >> 29;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 32;
    return h ? h : 1;
}

/* lx_hash_word of a word of 1..7 bytes already in a register (v: its bytes
 * in memory order, the rest zero): the same value, without the buffer. */
static inline uint64_t lx_hash_short(uint64_t v, size_t n) {
    uint64_t h = ((0x9E3779B97F4A7C15ULL ^ (n * 0xff51afd7ed558ccdULL)) ^ v) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 32;
    return h ? h : 1;
}
#define LX_TABLE_BITS 13     /* about 800 words: under 10% load, most probes end at the first slot */
#define LX_TABLE_SIZE (1u << LX_TABLE_BITS)
/* The table, plus one slot past the end that stays empty: lx_absent. */
extern lx_word lx_table[LX_TABLE_SIZE + 1];
#define lx_absent (lx_table[LX_TABLE_SIZE])
/* One byte per slot of lx_table: 0 when empty, else lx_tag(hash).  Most
 * words of a text are not in the lexicon; this 8 KiB array stays in the L1
 * cache and answers them without touching the table. */
extern uint8_t lx_tags[LX_TABLE_SIZE];
/* Bit i: some word whose home slot is i lies further on (its home was
 * taken).  Only these slots need a probe past the home slot. */
extern uint64_t lx_displaced[LX_TABLE_SIZE / 64];
/* Longest word (bytes) in the lexicon: longer words need no lookup. */
extern size_t lx_max_word;

static inline uint8_t lx_tag(uint64_t h) { return (uint8_t)((h >> 56) | 1); }

/* The general lookup: linear probing from the home slot. */
const lx_word *lx_find_probing(uint64_t h);

/* The entry of a word hash, or &lx_absent (hash 0, no flags; after
 * lx_init).  Unless the home slot has displaced words (rare, and the same
 * for a given word every time), a word in the lexicon is in its home slot,
 * so the answer is that slot or lx_absent -- chosen with arithmetic, not a
 * branch: about half the words of a text are in the lexicon, at random, and
 * callers read the entry's flags without branching either.  The tag keeps
 * most misses from loading the table. */
static inline const lx_word *lx_find(uint64_t h) {
    const size_t i = (size_t)h & (LX_TABLE_SIZE - 1);
    if (__builtin_expect((lx_displaced[i >> 6] >> (i & 63)) & 1, 0)) return lx_find_probing(h);
    size_t other = (size_t)0 - (size_t)(lx_tags[i] != lx_tag(h));     /* all ones: not this word */
    size_t k = i ^ ((i ^ LX_TABLE_SIZE) & other);
    other = (size_t)0 - (size_t)(lx_table[k].hash != h);
    k ^= (k ^ LX_TABLE_SIZE) & other;
    return &lx_table[k];
}

/* The entry of a word hash, or NULL (after lx_init). */
static inline const lx_word *lx_lookup(uint64_t h) {
    const lx_word *e = lx_find(h);
    return e->hash ? e : NULL;
}
/* Phrase ids starting with a word: lx_phrases()[lx_phrase_ids()[w->first_phrase + k]]. */
const lx_phrase *lx_phrases(void);
const uint16_t *lx_phrase_ids(void);
/* Per word that starts phrases, at its first_phrase: a 64-bit filter of the
 * second words of its phrases (bit lx_next_bit(hash)); all ones when one
 * of them is a single word.  A start whose next word misses the filter
 * matches nothing. */
const uint64_t *lx_phrase_next(void);
static inline unsigned lx_next_bit(uint64_t h) { return (unsigned)(h >> 58); }
const char *lx_category_name(int category);

/* ---- line features ---------------------------------------------------------- */

#define CL_MAX_WORDS 256    /* words of a line kept for phrase matching */

enum {
    CLF_TERMINAL = 1 << 0,  /* ends like a sentence: . ! ? … or a closing quote after one */
    CLF_COLON = 1 << 1,     /* ends with ':' */
    CLF_COPYRIGHT = 1 << 2, /* ©, (c) or "copyright" */
    CLF_URL = 1 << 3,       /* http://, www., an e-mail address */
    CLF_HANDLE = 1 << 4,    /* @handle or #tag */
    CLF_NONLATIN = 1 << 5,  /* most letters outside Latin script */
    CLF_CAPS = 1 << 6,      /* most letters upper case */
    CLF_STARTS_LOWER = 1 << 7, /* first letter lower case (continuation) */
    CLF_BULLET = 1 << 8,    /* starts with a list marker: - * • 1. */
    CLF_QUOTE = 1 << 9,     /* starts with a quotation mark */
    CLF_COUNT = 1 << 10,    /* ends with a count in brackets: "Headline (185)" */
    CLF_TRUNCATED = 1 << 12,/* ends with "..." glued to a word: a cut teaser */
    CLF_DOUBLED = 1 << 13,  /* the same text twice in a row: "Headline Headline" */
    CLF_SAYS = 1 << 11,
    CLF_STARTS_UPPER = 1 << 14, /* first letter upper case */
    CLF_CREDIT = 1 << 15,   /* carries a photo credit: a caption */     /* ends with "says:" / "said:" / "wrote:" (a comment header) */
};

typedef struct cl_features {
    uint64_t hash;          /* normalised line hash; 0 for a line with no letters or digits */
    uint64_t skeleton;      /* hash of its names and numbers in order (capitalised non-function
                               words, digits as written); 0 when fewer than three */
    uint32_t bytes;         /* trimmed length */
    uint32_t chars;         /* code points */
    uint16_t words;         /* letter words */
    uint16_t stops;         /* of which function words */
    uint16_t caps;          /* of which capitalised */
    uint16_t numbers;       /* number tokens */
    uint16_t seps;          /* | • » › · ▸ separators, " / " */
    uint16_t date_words;    /* months, weekdays, date-stamp words */
    uint16_t phrase_words;  /* words covered by boilerplate phrases */
    uint16_t flags;         /* CLF_* */
    int8_t phrase_cat;      /* category of the strongest phrase, -1 none */
    uint8_t phrase_strength;/* its strength, 0 none */
    uint8_t phrase_start;   /* a phrase covers the line's first word */
} cl_features;

/* Computes the features of line[0..len) (trimmed, valid UTF-8). */
void cl_line_features(const char *line, size_t len, cl_features *f);

/* Hashes of the line's suffixes that start at a capitalised word among its
 * last CL_SUFFIX_TOKENS tokens (same hash as the suffix alone would get). */
#define CL_SUFFIX_TOKENS 64
typedef struct cl_suffixes {
    size_t n;
    uint32_t offset[CL_SUFFIX_TOKENS];  /* byte offset in the line */
    uint64_t hash[CL_SUFFIX_TOKENS];
} cl_suffixes;
/* cl_line_features, plus the suffix hashes. */
void cl_line_features_suffixes(const char *line, size_t len, cl_features *f, cl_suffixes *suffixes);
/* The normalised hash alone (case, digits, punctuation folded); 0 if the
 * line has no letter or digit.  Same value as cl_features.hash. */
uint64_t cl_line_hash(const char *line, size_t len);
/* The normalised hash and the skeleton (see cl_features), cheaply. */
void cl_line_hashes(const char *line, size_t len, uint64_t *hash, uint64_t *skeleton);

/* ---- corpus line statistics ------------------------------------------------- */

/* How often each normalised line occurs across the corpus.  `spread` counts
 * the distinct articles carrying the line whose main content differs (their
 * longest lines differ): syndicated copies of one story share their body
 * and count once, a site template carried by a thousand different stories
 * counts a thousand times.  Memory: one 24-byte slot per distinct line. */
typedef struct cl_stat_slot {
    uint64_t hash;          /* 0: empty */
    uint32_t articles;      /* distinct articles carrying the line */
    uint32_t last_article;  /* last article counted, +1 (0: none) */
    uint16_t anchors[4];    /* fingerprints of the first distinct anchors seen */
} cl_stat_slot;

#define CL_FILTER_LOG2 20
#define CL_FILTER_BITS (1u << CL_FILTER_LOG2)

typedef struct cl_linestats {
    cl_stat_slot *slots;
    size_t cap, used;       /* cap a power of two */
    size_t n_articles;
    uint64_t *filter;       /* bitset of lines with a wide spread (128 KiB), or NULL */
} cl_linestats;

int cl_linestats_init(cl_linestats *s, size_t expected_lines);
void cl_linestats_free(cl_linestats *s);
/* Salt that keeps skeleton keys apart from line hashes in the table. */
#define CL_SKELETON_SALT 0x5bd1e9955bd1e995ULL

/* Step 1: counts keys (line hashes, or skeletons ^ CL_SKELETON_SALT) of
 * article `article` (1-based; duplicates inside it count once; articles
 * counted in increasing order).  0 or SL_ENOMEM. */
int cl_linestats_count(cl_linestats *s, uint32_t article, const uint64_t *keys, size_t n);
/* Articles carrying a key (0 if unknown). */
uint32_t cl_linestats_articles(const cl_linestats *s, uint64_t key);
/* Step 2: an article's anchor: its rarest skeleton, else its rarest line.
 * `skeletons` are salted keys (0: none), as counted in step 1. */
uint64_t cl_linestats_pick_anchor(const cl_linestats *s, const uint64_t *hashes, const uint64_t *skeletons,
                                  const uint32_t *lens, size_t n);
/* Step 2: records the article's anchor on each of its lines. */
void cl_linestats_add_anchor(cl_linestats *s, const uint64_t *hashes, size_t n, uint64_t anchor);
/* Builds the bitset of lines whose spread is at least min_spread, for a
 * quick "certainly not a template" test.  0 or SL_ENOMEM. */
int cl_linestats_build_filter(cl_linestats *s, uint32_t min_spread);
/* 0: the line's spread is certainly below the filter's minimum. */
static inline int cl_linestats_maybe_wide(const cl_linestats *s, uint64_t h) {
    if (!s->filter) return 1;
    uint64_t b = h >> (64 - CL_FILTER_LOG2);
    return (int)((s->filter[b >> 6] >> (b & 63)) & 1);
}

/* How many unrelated articles carry the line (1 if unknown). */
uint32_t cl_linestats_spread(const cl_linestats *s, uint64_t hash);

/* The home slot of a key; a hint to the cache that it will be read soon.
 * The table is far larger than the caches and every probe of a new key is
 * a miss: callers that know an article's keys ask for all of them first,
 * so the misses overlap instead of following one another. */
static inline size_t cl_linestats_home(const cl_linestats *s, uint64_t h) {
    return (size_t)(h ^ (h >> 31)) & (s->cap - 1);
}
static inline void cl_linestats_prefetch(const cl_linestats *s, uint64_t h) {
    __builtin_prefetch(&s->slots[cl_linestats_home(s, h)]);
}

/* ---- metadata --------------------------------------------------------------- */

typedef struct cl_lead {
    size_t consumed;        /* bytes of the line taken by the lead (byline, dateline, date stamp) */
    sl_slice byline;        /* "By Maggie Fox, Health and Science Editor" without "By"? kept whole */
    sl_slice location;      /* "HONG KONG" */
    sl_slice agency;        /* "Reuters" */
    int32_t date;           /* from a date stamp in the lead, or SL_NO_DATE */
} cl_lead;

/* Recognises a dateline / byline / date-stamp lead at the start of a line:
 * "By Maggie Fox , Health and Science Editor WASHINGTON | Mon Mar 2 , 2009
 * 4:23 pm EST WASHINGTON -LRB- Reuters -RRB- - Virtually ..." → consumed up
 * to "Virtually".  Returns 1 when a lead was found (and something follows
 * it), 0 otherwise. */
int cl_parse_lead(const char *line, size_t len, cl_lead *lead);

/* A byline line ("By Jamelle Bouie", "by Bryan DeArdo", "Written by ...",
 * "By AP reporters"): returns 1 and the name part. */
int cl_parse_byline(const char *line, size_t len, sl_slice *name);

/* A date found in a short line ("Tue May 12 , 2009 8:56 am EDT",
 * "Nov 18, 2019 at 9:24 pm ET", "Updated : 19 November 2019, 09:01 AM",
 * "2019-11-19", "19/11/2019").  Returns the day or SL_NO_DATE; *only_date is
 * set when the line holds nothing but the date and date-stamp words. */
int32_t cl_find_date(const char *line, size_t len, int *only_date);

#endif
