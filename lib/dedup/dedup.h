/*
 * dedup.h — internals of the dedup stage (lib/dedup), shared by its files
 * and its unit tests; not part of the public API.
 *
 *   wordnet.c   synonym classes from WordNet's index files (loaded once)
 *   features.c  per-article features: class stream, shingles, sketches
 *   pairs.c     radix sort, candidate pairs from the fingerprint index,
 *               union-find
 *   dedup.c     the run: features → index → verification → groups; result
 *               accessors and --explain
 */
#ifndef SL_DEDUP_INTERNAL_H
#define SL_DEDUP_INTERNAL_H

#include "../internal.h"

#include <stdint.h>

/* ---- word hashing (shared by the WordNet table and the tokenizer) -------- */

static inline uint64_t dd_fmix64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

/* FNV-1a step over one folded byte; finish a word with dd_fmix64. */
#define DD_FNV_SEED 0xcbf29ce484222325ULL
#define DD_FNV_PRIME 0x100000001b3ULL

/* Hash of a folded (lower-case) word. */
static inline uint64_t dd_word_hash(const char *s, size_t n) {
    uint64_t h = DD_FNV_SEED;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * DD_FNV_PRIME;
    return dd_fmix64(h);
}

/* Hash of a multi-word phrase, extended one word hash at a time. */
static inline uint64_t dd_phrase_extend(uint64_t acc, uint64_t word) {
    return dd_fmix64(acc * 0x9E3779B97F4A7C15ULL + word + 0x632BE59BD9B4E019ULL);
}

/* ---- WordNet synonym classes (wordnet.c) ---------------------------------- */

/*
 * The class of a word (or phrase) is the connected component of WordNet's
 * lemma–synset graph that contains it: two lemmas are in one class when a
 * chain of shared synsets links them.  A synonym spinner replaces a lemma by
 * another lemma of one of its synsets, so the replacement always lands in
 * the same class.  One component is giant (≈27k lemmas of common,
 * polysemous words): its members carry no identity and are dropped from
 * the class stream (DD_CLASS_DROP).
 *
 * Lookup values: bits 0..23 the class (0: the key is only a prefix of a
 * multi-word lemma, 1: DD_CLASS_DROP, n ≥ 2: component n), bit 31: the key
 * is a proper prefix of some multi-word lemma (extend with the next word).
 */
enum { DD_CLASS_NONE = 0, DD_CLASS_DROP = 1 };
#define DD_WN_PREFIX 0x80000000u
#define DD_WN_CLASS(v) ((v) & 0xFFFFFFu)

typedef struct dd_wordnet {
    uint64_t *slots;        /* (tag << 32) | value; 0 = empty */
    uint32_t *succ;         /* per slot of a prefix: its successor filter
                               (DD_WN_SUCC_BIT of every word that follows
                               it in some lemma) */
    size_t mask;
    uint64_t *pair_bloom;   /* bit set of the 2-word prefixes of phrases */
    size_t n_lemmas;        /* lemmas read */
    size_t n_classes;       /* components */
    size_t giant_size;      /* lemmas in the dropped component */
    double load_seconds;
    char dir[256];
} dd_wordnet;

/* The process-wide table for dir (NULL: $SL_WORDNET_DIR or
 * /usr/share/wordnet), loaded on first use and kept for the process' life.
 * Returns NULL when WordNet cannot be read (dedup then works without
 * synonym classes).  Thread safe. */
const dd_wordnet *dd_wordnet_get(const char *dir);

/* Builds a table from a directory (exposed for tests); free with
 * dd_wordnet_free.  NULL on failure. */
dd_wordnet *dd_wordnet_load(const char *dir);
void dd_wordnet_free(dd_wordnet *wn);

/* The lookup value of a word or phrase hash; 0 if absent.  With succ,
 * also its successor filter (0 if absent or not a prefix). */
static inline uint32_t dd_wordnet_lookup2(const dd_wordnet *wn, uint64_t h, uint32_t *succ) {
    uint64_t tag = (h >> 32) | 1;
    size_t j = (size_t)h & wn->mask;
    for (;;) {
        uint64_t s = wn->slots[j];
        if (!s) { if (succ) *succ = 0; return 0; }
        if ((s >> 32) == tag) {
            if (succ) *succ = wn->succ[j];
            return (uint32_t)s;
        }
        j = (j + 1) & wn->mask;
    }
}

static inline uint32_t dd_wordnet_lookup(const dd_wordnet *wn, uint64_t h) {
    return dd_wordnet_lookup2(wn, h, NULL);
}

/* The successor filter bit of a word: a prefix p can be followed by the
 * word w in a lemma only if succ(p) has DD_WN_SUCC_BIT(w) set. */
#define DD_WN_SUCC_BIT(wordhash) (1u << ((wordhash) >> 59))

#define DD_WORDS_MAX_BITS 20

/* Could the 2-word phrase hash h start a multi-word lemma?  (A 128 KB bit
 * set: saves the big table a random probe for most word pairs.) */
#define DD_PAIR_BLOOM_BITS 20
static inline bool dd_wordnet_maybe_pair(const dd_wordnet *wn, uint64_t h) {
    uint64_t bit = (h >> 7) & ((1u << DD_PAIR_BLOOM_BITS) - 1);
    return (wn->pair_bloom[bit >> 6] >> (bit & 63)) & 1;
}

/* ---- per-article features (features.c) ------------------------------------ */

#define DD_SHINGLE 4        /* class tokens per shingle */
#define DD_LEVELS 8         /* per-document counts kept for levels L..L+7 */

typedef struct dd_feat {
    uint64_t exact;         /* hash of the normalised token sequence */
    uint32_t n_tokens;      /* words and numbers */
    uint32_t n_class;       /* class-stream length: the completeness measure */
    uint16_t cnt[DD_LEVELS];/* distinct shingles with tz >= level + i */
    uint16_t fp_n;          /* fingerprints kept (distinct, tz >= level) */
    uint8_t level;          /* sampling level: shingles with ≥ level trailing zeros */
    uint8_t pad;
} dd_feat;

/* What candidate search keeps of an article's features: its sampling
 * level and counts (18 bytes). */
typedef struct dd_sketch {
    uint16_t cnt[DD_LEVELS];/* as dd_feat.cnt; cnt[0] = fingerprints kept */
    uint8_t level;
} dd_sketch;

static inline dd_sketch dd_sketch_of(const dd_feat *f) {
    dd_sketch k;
    memset(&k, 0, sizeof k);
    memcpy(k.cnt, f->cnt, sizeof k.cnt);
    k.level = f->level;
    return k;
}

/* An entry of the thread's word map: a word's or phrase's lookup value
 * and successor filter. */
typedef struct dd_word_entry {
    uint64_t key;           /* the hash; 0 = empty */
    uint32_t value, succ;
} dd_word_entry;

/* Reusable per-thread scratch. */
typedef struct dd_scratch {
    uint32_t *cls;          /* class stream */
    uint8_t *cls_num;       /* 1 where the class-stream entry is a number */
    uint32_t *tmp32;        /* sort buffer */
    size_t cap_tmp32;
    uint64_t *cg_values;    /* sampled character grams' values */
    size_t cap_cg_values;
    /* every word (and phrase prefix) this thread looked up, exactly (open
     * addressing, grown to at most 2^DD_WORDS_MAX_BITS entries): a corpus'
     * vocabulary is small beside its tokens, so each word costs the 4 MB
     * table one probe per thread */
    const dd_wordnet *words_of;     /* the table the map is of */
    dd_word_entry *words;
    size_t word_mask, n_words;
    size_t cap_cls_num;
    uint32_t *cls_tok;      /* token index of each class entry (explain) */
    uint64_t *shingles;
    size_t cap_cls, cap_sh;
    uint32_t *fps;          /* fingerprints of the last article */
    size_t n_fps, cap_fps;
    uint64_t *fp_tmp;       /* sort buffer of the fingerprints */
    size_t cap_fp_tmp;
    uint64_t *surf;         /* with surface: (dd_class_key(class) << 32) | word hash of
                               every WordNet-class entry of the stream */
    size_t n_surf, cap_surf;
    /* called (when set) once the exact hash and token count are known:
     * returning true stops dd_features there (the caller has the features
     * of an exact copy) */
    bool (*seen)(void *ctx, const struct dd_feat *f);
    void *seen_ctx;
    /* token spans for explain */
    uint32_t *tok_start, *tok_len;
    size_t n_tok, cap_tok;
} dd_scratch;

typedef struct dd_params {
    const dd_wordnet *wn;   /* may be NULL */
    unsigned fp_target;     /* fingerprints wanted per article (≥ 4) */
    bool keep_spans;        /* fill tok_start/len and cls_tok (explain) */
    bool surface;           /* collect the words of class entries (sc->surf) */
    bool no_fingerprints;   /* skip the fingerprints and exact hash (verification: only the
                               shingles and class stream are used) */
} dd_params;

/* Computes the features of text[0..len) into *f and the fingerprints into
 * sc->fps (sc->n_fps, sorted ascending, distinct).  With keep_spans, also
 * the class stream (sc->cls, f->n_class entries), every shingle (sc->shingles,
 * n_class - DD_SHINGLE + 1 of them, unsorted) and the token spans.
 * Returns 0 or SL_ENOMEM. */
int dd_features(const dd_params *p, const char *text, size_t len, dd_feat *f, dd_scratch *sc);
void dd_scratch_free(dd_scratch *sc);

/* The full comparison set of an article (verification only):
 *   sh   its distinct shingle keys, sorted;
 *   num  for each shingle quoting a number: (key of the shingle with its
 *        numbers masked << 32) | key of the shingle, sorted — two texts
 *        with one masked key but different keys put different figures in
 *        the same words (a templated report, not a copy);
 *   cg   distinct hashes of the character DD_CHARGRAM-grams of the text
 *        (lower-cased letters and digits, other runs as one space), sorted:
 *        typos spoil few of them;
 *   cgs  a consistent 1-in-DD_CG_SAMPLE sample of cg (a gram is in it in
 *        every text that has it), so its containment estimates cg's, at a
 *        fraction of the hashing and sorting. */
#define DD_CHARGRAM 9
#define DD_CG_SAMPLE 8

/* A bump allocator whose reset keeps its memory (no page faults when
 * reused component after component). */
typedef struct dd_pool {
    char **blocks;
    size_t *sizes;
    size_t n_blocks, cap_blocks, cap_sizes;
    size_t cur, used;       /* current block, bytes used in it */
} dd_pool;

void *dd_pool_alloc(dd_pool *p, size_t n);
void dd_pool_reset(dd_pool *p);
/* Bytes the pool holds (its blocks). */
size_t dd_pool_bytes(const dd_pool *p);
void dd_pool_free(dd_pool *p);

/* The key a WordNet class is sorted by in dd_full.wc: a bijection of the
 * class id that spreads its bits (class ids are small and dense), so the
 * words of a class still sort together. */
static inline uint32_t dd_class_key(uint32_t cls) {
    uint32_t x = cls * 0x9E3779B1u;
    return x ^ (x >> 16);
}

typedef struct dd_full {
    uint32_t *sh, *cg;      /* cg: NULL until dd_full_chargrams_exact */
    uint32_t *cgs;          /* sampled grams, sorted (dd_full_chargrams) */
    uint32_t n_cgs;
    bool cg_exact;          /* cg sorted and distinct */
    uint64_t *wc;           /* (dd_class_key(class) << 32) | word of every
                               WordNet-class entry, sorted (a multiset): a
                               spun copy has the classes of its source in
                               other words */
    uint64_t *num;
    uint32_t n_sh, n_num, n_cg, n_wc;
    const char *text;       /* the text the set was built from */
    size_t len;
} dd_full;

/* Fills *out (but cg) from the scratch of the last dd_features call on
 * text[0..len) (f its features), with memory from pool p.  0 or SL_ENOMEM.
 * The text must outlive *out. */
int dd_full_from_scratch(const dd_feat *f, dd_scratch *sc, const char *text, size_t len,
                         dd_pool *p, dd_full *out);
/* Computes out->cgs (once), with memory from p and sc's buffers.  0 or
 * SL_ENOMEM. */
int dd_full_chargrams(dd_full *out, dd_pool *p, dd_scratch *sc);
/* Computes out->cg (once).  0 or SL_ENOMEM. */
int dd_full_chargrams_exact(dd_full *out, dd_pool *p, dd_scratch *sc);

/* Of the WordNet-class occurrences both texts have (per class, the smaller
 * count), how many have the same word in both (same) and how many not
 * (other). */
void dd_word_agreement(const dd_full *a, const dd_full *b, uint32_t *same, uint32_t *other);

/* Figures agreement of two full sets: masked shingles both have, with the
 * same figures (agree) or not (conflict). */
void dd_number_agreement(const dd_full *a, const dd_full *b, uint32_t *agree, uint32_t *conflict);

/* |x ∩ y| of two sorted distinct arrays. */
size_t dd_intersect_count(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny);

/* Trailing zeros of a shingle hash: its sampling level. */
static inline unsigned dd_level_of(uint64_t h) {
    return h ? (unsigned)__builtin_ctzll(h) : 63;
}
/* The 32-bit index key of a shingle hash (bits disjoint from the level). */
static inline uint32_t dd_fp_key(uint64_t h) { return (uint32_t)(h >> 32); }


/* ---- sorting, pairs, union-find (pairs.c) --------------------------------- */

/* Stable LSD radix sort of n keys on bits [lo_bit, hi_bit) (multiples of 8);
 * tmp has room for n keys. */
void dd_radix_sort(uint64_t *keys, uint64_t *tmp, size_t n, unsigned lo_bit, unsigned hi_bit);

typedef struct dd_uf {
    uint32_t *parent;
    uint8_t *rank;
    size_t n;
} dd_uf;

int dd_uf_init(dd_uf *u, size_t n);
void dd_uf_free(dd_uf *u);
uint32_t dd_uf_find(dd_uf *u, uint32_t x);
/* Joins the sets of a and b; returns 1 if they were apart. */
int dd_uf_union(dd_uf *u, uint32_t a, uint32_t b);

/* A candidate pair and the number of fingerprints its articles share. */
typedef struct dd_pair {
    uint32_t a, b;          /* a < b */
    uint32_t shared;
} dd_pair;

/* The fingerprint index (pairs.c). */
typedef struct dd_postings {
    uint32_t *doc;          /* by key, docs ascending within a key */
    uint16_t *key16;        /* bits 16: each posting's key, low 16 bits */
    uint32_t *key32;        /* bits 8: each posting's key, low 24 bits */
    size_t n;
    unsigned bits;          /* 8 or 16 */
    uint32_t *bucket;       /* 2^bits + 1 starts, by the key's top bits */
} dd_postings;

/* The key bits of posting k its bucket does not imply. */
static inline uint32_t dd_postings_low(const dd_postings *ix, size_t k) {
    return ix->key16 ? ix->key16[k] : ix->key32[k];
}
/* The whole key of posting k (O(bits)). */
uint32_t dd_postings_key(const dd_postings *ix, size_t k);
/* Bytes the index takes. */
size_t dd_postings_bytes(const dd_postings *ix);

/* Builds the index of the documents' fingerprint lists: document d's is
 * fps[off[d] .. off[d + 1]) (empty: d is not indexed; off has n_docs + 1
 * entries).  0 or SL_ENOMEM. */
int dd_postings_build(dd_postings *ix, size_t n_docs, const uint32_t *fps, const uint32_t *off);
void dd_postings_free(dd_postings *ix);

/* Scores a counted pair as a candidate, < 0 to reject it (thread safe). */
typedef double (*dd_keep_fn)(uint32_t a, uint32_t b, uint32_t shared, void *ctx);

/* An exact test of a scored pair: < 0 to drop it, else the count the
 * pair is to carry (thread safe).  next, next2: the b's of the calls to
 * come (UINT32_MAX: none), for the callee to prefetch.  scratch:
 * DD_SCREEN_SCRATCH bytes of the calling thread, zeroed when first given,
 * the callee's to keep state in from call to call (the calls of one
 * article a come together). */
typedef long (*dd_screen_fn)(uint32_t a, uint32_t b, uint32_t next, uint32_t next2, void *ctx,
                             void *scratch);
#define DD_SCREEN_SCRATCH (8192 + 64)

/* Candidate pairs (see pairs.c) with `threads` threads: per fingerprint,
 * each article a paired with the at most `window` (0: no limit) articles
 * following it in the fingerprint's run; at most max_per_doc (0: no limit)
 * pairs per article a, its best; *out (malloc'd) sorted by (a, b).
 * Returns the count or -1 when out of memory. */
long dd_candidates(const dd_postings *ix, size_t n_docs, const uint32_t *fps, const uint32_t *off,
                   unsigned window, unsigned max_per_doc, dd_keep_fn keep, void *ctx, unsigned threads,
                   dd_pair **out);
/* The same, each article's kept pairs (its max_per_doc best) then
 * screened (see pairs.c): those screen drops are left out. */
long dd_candidates_screened(const dd_postings *ix, size_t n_docs, const uint32_t *fps,
                            const uint32_t *off, unsigned window, unsigned max_per_doc,
                            dd_keep_fn keep, dd_screen_fn screen, void *ctx, unsigned threads,
                            dd_pair **out);

/* Runs fn(job) on n threads, the caller's being one. */
void dd_run_threads(void *(*fn)(void *), void *job, unsigned n);

#endif
