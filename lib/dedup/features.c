/*
 * features.c — what dedup knows about one article, computed in one pass.
 *
 * 1. Tokens: a byte-level scanner (ASCII table; other UTF-8 sequences count
 *    as letters, except the U+2000..U+206F punctuation block and U+00A0,
 *    which separate) cuts words (inner ' and - kept) and numbers (inner , .
 *    kept); punctuation is dropped.  Each token is folded to lower case and
 *    hashed (FNV-1a + fmix64) on the fly — no copy of the text is made.
 *    The hot loop is a fold table (letters and digits → folded byte, all
 *    else 0) and one multiply per byte; only a token's end, connectors and
 *    the 0xC2/0xE2 lead bytes take the slow path.
 *    A leading " date YYYY-MM-DD " (the seeds' metadata prefix) is skipped.
 * 2. Exact hash: the token hashes in order — equal for texts that differ
 *    only in case, white space and punctuation.
 * 3. Class stream: every token is replaced by its WordNet synonym class
 *    (longest multi-word lemma first, see wordnet.c); members of the giant
 *    class are dropped; words WordNet does not know (names, inflected forms,
 *    numbers, function words) stay themselves.  A spinner's synonym lands in
 *    the class of the word it replaced, so spun copies keep their stream.
 *    Lookups go through the thread's exact word map (every word and phrase
 *    prefix it has looked up: a corpus' vocabulary is small beside its
 *    tokens; the slot of the word a few tokens ahead is prefetched).  A
 *    phrase is tried only when its next word can follow the prefix (the
 *    prefix's 32-bit successor filter) and, for two words, passes a 128 KB
 *    bit set of 2-word prefixes.
 * 4. Shingles: hashes of DD_SHINGLE consecutive class-stream entries.
 * 5. Fingerprints: the distinct shingles whose hash has at least `level`
 *    trailing zeros, level the smallest such that about fp_target (plus one
 *    per 128 shingles of long texts) remain.  Sampling by hash value is
 *    consistent: a shingle sampled in an excerpt is sampled in its source at
 *    the same level, and counts at coarser levels (cnt[]) let two articles
 *    sampled at different levels be compared at the coarser one.
 * 6. For verification (dd_full_*): all distinct shingles, those quoting a
 *    number with their numbers masked (templated reports), the words of the
 *    WordNet-class entries (spun copies use other words for the same
 *    classes) and, on demand, character 9-grams (typos spoil few of them):
 *    first a consistent 1-in-8 sample, all of them only when the sample
 *    says they may decide.  The sets are built once, in the features pass,
 *    at their exact sizes in a per-thread pool, and kept until
 *    verification (working memory, reported apart from the index).  Key
 *    sets are sorted by one counting pass on the top bits (keys are
 *    uniform hashes: about a bucket a key) and one insertion pass over
 *    the nearly sorted result, and intersected by a merge that compares
 *    blocks of four keys (SSE2).
 * Contract: deterministic, no global state but the read-only WordNet table;
 * one dd_scratch per thread.
 */
#include "dedup.h"

#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { B_SEP = 0, B_ALPHA, B_DIGIT, B_UPPER, B_APOS, B_HYPHEN, B_NUMSEP, B_HIGH };

/* Byte tables: class (B_*) and fold — the lower-cased byte of a letter or
 * digit (bytes >= 0x80 as themselves), 0 for every byte the token scanner
 * must look at more closely (separators, connectors, and 0xC2/0xE2, which
 * may start a separating sequence). */
static uint8_t byte_class_table[256], byte_fold_table[256];
/* for character grams: letters lower-cased, digits and bytes >= 0x80 as
 * themselves, 0 for the rest (separators) */
static uint8_t cg_fold_table[256];
static pthread_once_t byte_tables_once = PTHREAD_ONCE_INIT;

static void byte_tables_init(void) {
    for (int c = 0; c < 256; c++) {
        uint8_t k = B_SEP, f = 0;
        if (c >= 'a' && c <= 'z') k = B_ALPHA, f = (uint8_t)c;
        else if (c >= 'A' && c <= 'Z') k = B_UPPER, f = (uint8_t)(c + 32);
        else if (c >= '0' && c <= '9') k = B_DIGIT, f = (uint8_t)c;
        else if (c == '\'') k = B_APOS;
        else if (c == '-') k = B_HYPHEN;
        else if (c == ',' || c == '.') k = B_NUMSEP;
        else if (c >= 0x80) k = B_HIGH, f = (c == 0xC2 || c == 0xE2) ? 0 : (uint8_t)c;
        byte_class_table[c] = k;
        byte_fold_table[c] = f;
        cg_fold_table[c] = k == B_HIGH ? (uint8_t)c : f;
    }
}

static const uint8_t *byte_class(void) {
    pthread_once(&byte_tables_once, byte_tables_init);
    return byte_class_table;
}

/* Length of a separating multi-byte sequence at s[i] (0 if it is not one). */
static inline size_t high_separator(const unsigned char *s, size_t len, size_t i) {
    if (s[i] == 0xE2 && i + 2 < len && (s[i + 1] == 0x80 || s[i + 1] == 0x81)) return 3;
    if (s[i] == 0xC2 && i + 1 < len && (s[i + 1] == 0xA0 || s[i + 1] == 0xAB || s[i + 1] == 0xBB)) return 2;
    return 0;
}

static inline bool is_alnum_class(uint8_t k) {
    return k == B_ALPHA || k == B_UPPER || k == B_DIGIT || k == B_HIGH;
}

static size_t skip_date_prefix(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && s[i] == ' ') i++;
    if (len - i < 16 || memcmp(s + i, "date ", 5) != 0) return 0;
    const char *d = s + i + 5;
    for (int k = 0; k < 10; k++) {
        bool digit = d[k] >= '0' && d[k] <= '9';
        if ((k == 4 || k == 7) ? d[k] != '-' : !digit) return 0;
    }
    return i + 15;
}

void *dd_pool_alloc(dd_pool *p, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (!n) n = 16;     /* never NULL but for want of memory */
    for (;;) {
        if (p->cur < p->n_blocks && p->used + n <= p->sizes[p->cur]) {
            void *r = p->blocks[p->cur] + p->used;
            p->used += n;
            return r;
        }
        if (p->cur + 1 < p->n_blocks && p->used > 0) {
            p->cur++;
            p->used = 0;
            continue;
        }
        /* no room: a new block (replacing a too small spare one) */
        /* blocks grow from 64 KB to 4 MB: a small corpus takes little */
        size_t size = SL_MAX(SL_MIN((size_t)4 << 20, (size_t)64 << (10 + SL_MIN(p->n_blocks, 6u))), n);
        if (p->cur < p->n_blocks && p->used == 0) {
            free(p->blocks[p->cur]);
        } else {
            if (sl_grow(&p->blocks, &p->cap_blocks, p->n_blocks + 1, sizeof *p->blocks)) return NULL;
            if (sl_grow(&p->sizes, &p->cap_sizes, p->n_blocks + 1, sizeof *p->sizes)) return NULL;
            p->cur = p->n_blocks++;
        }
        p->blocks[p->cur] = malloc(size);
        p->sizes[p->cur] = p->blocks[p->cur] ? size : 0;
        p->used = 0;
        if (!p->blocks[p->cur]) return NULL;
    }
}

void dd_pool_reset(dd_pool *p) {
    p->cur = 0;
    p->used = 0;
}

size_t dd_pool_bytes(const dd_pool *p) {
    size_t b = 0;
    for (size_t i = 0; i < p->n_blocks; i++) b += p->sizes[i];
    return b;
}

void dd_pool_free(dd_pool *p) {
    for (size_t i = 0; i < p->n_blocks; i++) free(p->blocks[i]);
    free(p->blocks);
    free(p->sizes);
    memset(p, 0, sizeof *p);
}

void dd_scratch_free(dd_scratch *sc) {
    free(sc->tmp32);
    free(sc->cg_values);
    free(sc->words);
    free(sc->cls);
    free(sc->cls_tok);
    free(sc->cls_num);
    free(sc->shingles);
    free(sc->fps);
    free(sc->fp_tmp);
    free(sc->surf);
    free(sc->tok_start);
    free(sc->tok_len);
    memset(sc, 0, sizeof *sc);
}

#define DD_PREFETCH 8   /* tokens ahead */

/* The lookup value (and successor filter) of a word or phrase, through
 * the thread's exact word map (sc->words; see dedup.h).  The map is grown
 * by doubling, kept at most 3/4 full, while under 2^DD_WORDS_MAX_BITS
 * entries; past that, new keys go to the table directly. */
static int word_map_grow(dd_scratch *sc) {
    size_t cap = sc->words ? (sc->word_mask + 1) * 2 : (size_t)1 << 12;
    dd_word_entry *e = calloc(cap, sizeof *e);
    if (!e) return SL_ENOMEM;
    size_t mask = cap - 1;
    for (size_t i = 0; sc->words && i <= sc->word_mask; i++) {
        uint64_t k = sc->words[i].key;
        if (!k) continue;
        size_t j = (size_t)(k >> 24) & mask;
        while (e[j].key) j = (j + 1) & mask;
        e[j] = sc->words[i];
    }
    free(sc->words);
    sc->words = e;
    sc->word_mask = mask;
    return 0;
}

static inline uint32_t word_lookup(dd_scratch *sc, const dd_wordnet *wn, uint64_t h, uint32_t *succ) {
    size_t mask = sc->word_mask;
    dd_word_entry *e = sc->words;
    size_t j = (size_t)(h >> 24) & mask;
    for (;;) {
        uint64_t k = e[j].key;
        if (k == h) { *succ = e[j].succ; return e[j].value; }
        if (!k) break;
        j = (j + 1) & mask;
    }
    uint32_t v = dd_wordnet_lookup2(wn, h, succ);
    if (!h) return v;
    if ((sc->n_words + 1) * 4 > (mask + 1) * 3) {
        if (mask + 1 >= ((size_t)1 << DD_WORDS_MAX_BITS) || word_map_grow(sc)) return v;
        mask = sc->word_mask;
        e = sc->words;
        j = (size_t)(h >> 24) & mask;
        while (e[j].key) j = (j + 1) & mask;
    }
    e[j].key = h;
    e[j].value = v;
    e[j].succ = *succ;
    sc->n_words++;
    return v;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void sort_small_u64(uint64_t *v, size_t n) {
    if (n > 48) { qsort(v, n, sizeof *v, cmp_u64); return; }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        while (j > 0 && v[j - 1] > x) { v[j] = v[j - 1]; j--; }
        v[j] = x;
    }
}

/* Shingle hash of k class entries. */
static inline uint64_t shingle_hash(const uint32_t *c, size_t k) {
    uint64_t h = 0x6a09e667f3bcc909ULL;
    for (size_t j = 0; j < k; j++) h = (h ^ c[j]) * 0x100000001b3ULL;
    return dd_fmix64(h);
}

int dd_features(const dd_params *p, const char *text, size_t len, dd_feat *f, dd_scratch *sc) {
    const uint8_t *bc = byte_class();
    const unsigned char *s = (const unsigned char *)text;
    memset(f, 0, sizeof *f);
    size_t i = skip_date_prefix(text, len);

    /* ---- pass 1: tokens → word hashes (kept in sc->shingles as scratch) */
    size_t max_tokens = len / 2 + 2;
    if (sl_grow(&sc->shingles, &sc->cap_sh, max_tokens, sizeof *sc->shingles)) return SL_ENOMEM;
    if (sl_grow(&sc->cls, &sc->cap_cls, max_tokens, sizeof *sc->cls)) return SL_ENOMEM;
    if (sl_grow(&sc->cls_num, &sc->cap_cls_num, max_tokens, 1)) return SL_ENOMEM;
    if (p->keep_spans) {
        if (sl_grow(&sc->tok_start, &sc->cap_tok, max_tokens, sizeof *sc->tok_start)) return SL_ENOMEM;
        size_t cap2 = 0;
        free(sc->tok_len);
        free(sc->cls_tok);
        sc->tok_len = NULL;
        sc->cls_tok = NULL;
        if (sl_grow(&sc->tok_len, &cap2, sc->cap_tok, sizeof *sc->tok_len)) return SL_ENOMEM;
        cap2 = 0;
        if (sl_grow(&sc->cls_tok, &cap2, sc->cap_tok, sizeof *sc->cls_tok)) return SL_ENOMEM;
    }
    uint64_t *wh = sc->shingles;
    uint32_t *numeric = sc->cls; /* bit flags per token, reused below */
    size_t nt = 0;
    sc->n_surf = 0;
    if (p->surface && sl_grow(&sc->surf, &sc->cap_surf, max_tokens, sizeof *sc->surf)) return SL_ENOMEM;
    uint64_t exact = 0x243f6a8885a308d3ULL;
    const uint8_t *fold = byte_fold_table;
    /* the last byte that no token runs through (fold 0): a scan starting
     * before it stops there at the latest, so it needs no bound check */
    size_t last_stop = len;
    while (last_stop > i && fold[s[last_stop - 1]]) last_stop--;
    size_t unchecked_below = last_stop > i ? last_stop - 1 : 0;
    while (i < len) {
        /* between tokens: skip what cannot start one */
        if (!fold[s[i]]) {
            uint8_t k = bc[s[i]];
            if (k != B_HIGH) { i++; continue; }
            size_t sep = high_separator(s, len, i);
            if (sep) { i += sep; continue; }
        }
        size_t start = i;
        uint64_t h = DD_FNV_SEED;
        unsigned not_digits = 0;
        for (;;) {
            /* the fast path: letters and digits, folded by table */
            uint8_t c;
            if (i < unchecked_below) {
                while ((c = fold[s[i]]) != 0) {
                    not_digits |= c > '9';
                    h = (h ^ c) * DD_FNV_PRIME;
                    i++;
                }
            } else {
                while (i < len && (c = fold[s[i]]) != 0) {
                    not_digits |= c > '9';
                    h = (h ^ c) * DD_FNV_PRIME;
                    i++;
                }
            }
            if (i >= len) break;
            c = s[i];
            uint8_t kc = bc[c];
            if (kc == B_HIGH) {         /* 0xC2 / 0xE2 */
                if (high_separator(s, len, i)) break;
                not_digits = 1;
            } else if (kc == B_APOS || kc == B_HYPHEN || kc == B_NUMSEP) {
                /* inner connector: kept only between alphanumerics; ',' and
                 * '.' only inside numbers */
                if (i + 1 >= len || !is_alnum_class(bc[s[i + 1]])) break;
                if (kc == B_NUMSEP && (not_digits || bc[s[i + 1]] != B_DIGIT)) break;
                if (kc != B_NUMSEP && !not_digits) break;
            } else {
                break;
            }
            h = (h ^ c) * DD_FNV_PRIME;
            i++;
        }
        bool digits_only = !not_digits;
        if (i == start) { i++; continue; }
        h = dd_fmix64(h);
        if (p->keep_spans) {
            sc->tok_start[nt] = (uint32_t)start;
            sc->tok_len[nt] = (uint32_t)(i - start);
        }
        wh[nt] = h;
        numeric[nt] = digits_only;
        nt++;
        if (!p->no_fingerprints) {     /* verification needs no exact hash */
            exact = (exact ^ h) * 0x9E3779B97F4A7C15ULL;
            exact ^= exact >> 29;
        }
    }
    sc->n_tok = nt;
    f->exact = dd_fmix64(exact ^ nt);
    f->n_tokens = (uint32_t)nt;
    sc->n_fps = 0;
    if (sc->seen && sc->seen(sc->seen_ctx, f)) return 0;   /* an exact copy: the rest is its twin's */

    /* ---- pass 2: class stream (in place: cls[j] written at j <= token) */
    if (p->wn && sc->words_of != p->wn) {
        free(sc->words);
        sc->words = NULL;
        sc->n_words = 0;
        if (word_map_grow(sc)) return SL_ENOMEM;
        sc->words_of = p->wn;
    }
    /* locals, not fields: the byte stores to cls_num may alias anything,
     * and would make the compiler reload every field per token */
    uint32_t *cls = sc->cls;   /* = numeric: written behind the reads */
    uint8_t *restrict cls_num = sc->cls_num;
    uint32_t *restrict cls_tok = sc->cls_tok;
    uint64_t *restrict surf = sc->surf;
    const dd_wordnet *wn = p->wn;
    const bool surface = p->surface, keep_spans = p->keep_spans;
    size_t n_surf = 0;
    size_t nc = 0;
    for (size_t t = 0; t < nt;) {
        /* the map slot of a word a few tokens ahead: fetched while this
         * one is worked on (rare words miss the cache) */
        if (wn && t + DD_PREFETCH < nt)
            __builtin_prefetch(&sc->words[(size_t)(wh[t + DD_PREFETCH] >> 24) & sc->word_mask]);
        uint64_t h = wh[t];
        uint8_t is_number = (uint8_t)numeric[t];
        size_t take = 1;
        uint32_t value = 0;
        if (wn && !is_number) {
            uint32_t succ;
            uint32_t v = word_lookup(sc, wn, h, &succ);
            if (DD_WN_CLASS(v) != DD_CLASS_NONE) value = DD_WN_CLASS(v);
            if (v & DD_WN_PREFIX) {
                uint64_t acc = h;
                for (size_t m = 1; m < 4 && t + m < nt; m++) {
                    /* the next word must be a successor of the prefix and,
                     * for two words, the pair pass the bit set: both tests
                     * made, then one branch (each alone is a coin toss for
                     * the branch predictor; together they pass ~1 in 6) */
                    uint64_t next = dd_phrase_extend(acc, wh[t + m]);
                    unsigned ok = (succ >> (wh[t + m] >> 59)) & 1u;
                    if (m == 1) ok &= (unsigned)dd_wordnet_maybe_pair(wn, next);
                    if (!ok) break;
                    acc = next;
                    uint32_t v2 = word_lookup(sc, wn, acc, &succ);
                    if (!v2) break;
                    if (DD_WN_CLASS(v2) != DD_CLASS_NONE) { value = DD_WN_CLASS(v2); take = m + 1; }
                    if (!(v2 & DD_WN_PREFIX)) break;
                }
            }
        }
        if (value == DD_CLASS_DROP) { t += take; continue; }
        if (surface && value != DD_CLASS_NONE) {
            /* the words of the entry: the phrase hash for a phrase */
            uint64_t w = h;
            for (size_t m = 1; m < take; m++) w = dd_phrase_extend(w, wh[t + m]);
            surf[n_surf++] = ((uint64_t)dd_class_key(value) << 32) | (uint32_t)(w >> 32);
        }
        if (value == DD_CLASS_NONE) value = (uint32_t)(h >> 32) | 0x01000000u;
        if (keep_spans) cls_tok[nc] = (uint32_t)t;
        cls_num[nc] = is_number;
        cls[nc++] = value;
        t += take;
    }
    sc->n_surf = n_surf;
    f->n_class = (uint32_t)nc;

    /* ---- pass 3: shingles and their level histogram */
    size_t ns = nc >= DD_SHINGLE ? nc - DD_SHINGLE + 1 : (nc ? 1 : 0);
    uint64_t *sh = sc->shingles; /* word hashes are no longer needed */
    uint32_t hist[64] = {0};
    for (size_t j = 0; j < ns; j++) {
        uint64_t h = shingle_hash(cls + j, nc >= DD_SHINGLE ? DD_SHINGLE : nc);
        sh[j] = h;
        hist[dd_level_of(h)]++;
    }
    if (p->no_fingerprints) {
        sc->n_fps = 0;
        return 0;
    }
    size_t target = SL_MIN(p->fp_target + ns / 128, (size_t)60000);
    unsigned level = 0;
    size_t above = ns;
    while (level < 40 && above > target) above -= hist[level++];
    /* ---- pass 4: fingerprints (distinct), counts per level */
    if (sl_grow(&sc->fps, &sc->cap_fps, above + 1, sizeof *sc->fps)) return SL_ENOMEM;
    if (sl_grow(&sc->fp_tmp, &sc->cap_fp_tmp, above + 1, sizeof *sc->fp_tmp)) return SL_ENOMEM;
    uint64_t *tmp = sc->fp_tmp;
    size_t nf = 0;
    for (size_t j = 0; j < ns; j++) {
        unsigned lv = dd_level_of(sh[j]);
        if (lv >= level) tmp[nf++] = ((uint64_t)dd_fp_key(sh[j]) << 8) | (lv > 255 ? 255 : lv);
    }
    sort_small_u64(tmp, nf);
    size_t nd = 0;
    for (size_t j = 0; j < nf; j++) {
        if (nd && tmp[j] == tmp[nd - 1]) continue;
        tmp[nd++] = tmp[j];
    }
    for (size_t j = 0; j < nd; j++) {
        sc->fps[j] = (uint32_t)(tmp[j] >> 8);
        unsigned lv = (unsigned)(tmp[j] & 0xFF);
        for (unsigned l = 0; l < DD_LEVELS; l++)
            if (lv >= level + l) f->cnt[l] = (uint16_t)SL_MIN(f->cnt[l] + 1u, 65535u);
    }
    sc->n_fps = nd;
    f->fp_n = (uint16_t)nd;
    f->level = (uint8_t)level;
    return 0;
}

/* LSD radix sort (8-bit digits) of n keys, then duplicates removed; tmp
 * has room for n keys.  Returns the distinct count. */
/* One scatter pass of sort_unique_u32 on the byte at `shift` (a constant
 * after inlining: the loop is a load, a shift, an increment and a store). */
static inline void radix_pass_u32(const uint32_t *restrict src, uint32_t *restrict dst, size_t n,
                                  uint32_t *restrict count, unsigned shift) {
    uint32_t sum = 0;
    for (size_t b = 0; b < 256; b++) {
        uint32_t c = count[b];
        count[b] = sum;
        sum += c;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t x = src[i];
        dst[count[(x >> shift) & 0xFF]++] = x;
    }
}

/* Copies the sorted keys src[0..n) (n >= 1) to dst without repeats and
 * returns how many remain; dst may be src.  Branch-free: every key is
 * written, the count advances when it differs from the last kept one. */
static uint32_t unique_sorted_u32(uint32_t *dst, const uint32_t *src, size_t n) {
    size_t k = 1;
    dst[0] = src[0];
    for (size_t i = 1; i < n; i++) {
        uint32_t x = src[i];
        dst[k] = x;
        k += x != dst[k - 1];
    }
    return (uint32_t)k;
}

static uint32_t sort_unique_u32(uint32_t *v, uint32_t *tmp, size_t n) {
    if (n == 0) return 0;
    if (n <= 16384) {
        /* the keys are hashes (uniform): one counting pass on the top
         * `bits` bits, about a bucket a key, leaves the keys almost sorted
         * (a few neighbours share a bucket); one insertion pass finishes
         * them, its branches mostly falling through (more buckets cost
         * more in the counting pass than they save there) */
        unsigned bits = 8;
        while (bits < 15 && ((size_t)1 << bits) < n) bits++;
        unsigned shift = 32 - bits;
        size_t nb = (size_t)1 << bits;
        uint32_t start[(1u << 15) + 1];
        memset(start, 0, (nb + 1) * sizeof *start);
        for (size_t i = 0; i < n; i++) start[(v[i] >> shift) + 1]++;
        for (size_t b = 0; b < nb; b++) start[b + 1] += start[b];
        for (size_t i = 0; i < n; i++) tmp[start[v[i] >> shift]++] = v[i];
        for (size_t a = 1; a < n; a++) {
            uint32_t x = tmp[a];
            if (tmp[a - 1] <= x) continue;
            size_t j = a;
            while (j > 0 && tmp[j - 1] > x) { tmp[j] = tmp[j - 1]; j--; }
            tmp[j] = x;
        }
        return unique_sorted_u32(v, tmp, n);
    }
    /* the four digit histograms in one read of the keys */
    uint32_t count[4][256];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < n; i++) {
        uint32_t x = v[i];
        count[0][x & 0xFF]++;
        count[1][(x >> 8) & 0xFF]++;
        count[2][(x >> 16) & 0xFF]++;
        count[3][x >> 24]++;
    }
    radix_pass_u32(v, tmp, n, count[0], 0);
    radix_pass_u32(tmp, v, n, count[1], 8);
    radix_pass_u32(v, tmp, n, count[2], 16);
    radix_pass_u32(tmp, v, n, count[3], 24);
    /* four passes: the result is back in v */
    return unique_sorted_u32(v, v, n);
}

/* Sorts n 64-bit keys whose top bits are uniform (hashes): a counting
 * pass on the top bits, about a bucket a key, then one insertion pass over
 * the nearly sorted result (a merge sort's branches on random keys cost
 * more).  tmp has room for n keys. */
static void sort_u64_uniform(uint64_t *v, uint64_t *tmp, size_t n) {
    if (n < 2) return;
    if (n > 16384) { dd_radix_sort(v, tmp, n, 0, 64); return; }
    unsigned bits = 4;
    while (bits < 14 && ((size_t)1 << bits) < n) bits++;
    unsigned shift = 64 - bits;
    size_t nb = (size_t)1 << bits;
    uint32_t start[(1u << 14) + 1];
    memset(start, 0, (nb + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++) start[(v[i] >> shift) + 1]++;
    for (size_t b = 0; b < nb; b++) start[b + 1] += start[b];
    for (size_t i = 0; i < n; i++) tmp[start[v[i] >> shift]++] = v[i];
    for (size_t a = 1; a < n; a++) {
        uint64_t x = tmp[a];
        if (tmp[a - 1] <= x) continue;
        size_t j = a;
        while (j > 0 && tmp[j - 1] > x) { tmp[j] = tmp[j - 1]; j--; }
        tmp[j] = x;
    }
    memcpy(v, tmp, n * sizeof *v);
}

#define NUMBER_MASK 0x5bd1e995u

int dd_full_from_scratch(const dd_feat *f, dd_scratch *sc, const char *text, size_t len,
                         dd_pool *a, dd_full *out) {
    size_t nc = f->n_class;
    size_t ns = nc >= DD_SHINGLE ? nc - DD_SHINGLE + 1 : (nc ? 1 : 0);
    size_t k = nc >= DD_SHINGLE ? DD_SHINGLE : nc;
    memset(out, 0, sizeof *out);
    out->text = text;
    out->len = len;
    /* built in the scratch, then copied at their exact sizes: the pool may
     * keep the sets of a whole corpus */
    size_t need64 = SL_MAX(ns, sc->n_surf) + 1;
    if (sl_grow(&sc->tmp32, &sc->cap_tmp32, 2 * (ns + 1), sizeof *sc->tmp32) ||
        sl_grow(&sc->fp_tmp, &sc->cap_fp_tmp, 2 * need64, sizeof *sc->fp_tmp))
        return SL_ENOMEM;
    uint32_t *keys = sc->tmp32, *tmp = sc->tmp32 + ns + 1;
    uint64_t *num = sc->fp_tmp, *tmp64 = sc->fp_tmp + need64;
    size_t nn = 0;
    /* numbers in the window [i, i + k): a running count */
    unsigned in_window = 0;
    for (size_t j = 0; j + 1 < k; j++) in_window += sc->cls_num[j];
    for (size_t i = 0; i < ns; i++) {
        uint32_t key = (uint32_t)(sc->shingles[i] >> 32);
        keys[i] = key;
        in_window += sc->cls_num[i + k - 1];
        if (in_window) {
            uint32_t w[DD_SHINGLE];
            for (size_t j = 0; j < k; j++) w[j] = sc->cls_num[i + j] ? NUMBER_MASK : sc->cls[i + j];
            num[nn++] = ((uint64_t)(uint32_t)(shingle_hash(w, k) >> 32) << 32) | key;
        }
        in_window -= sc->cls_num[i];
    }
    out->n_sh = sort_unique_u32(keys, tmp, ns);
    sort_u64_uniform(num, tmp64, nn);
    size_t u = 0;
    for (size_t i = 0; i < nn; i++)
        if (!u || num[i] != num[u - 1]) num[u++] = num[i];
    out->n_num = (uint32_t)u;
    out->n_wc = (uint32_t)sc->n_surf;   /* a multiset: occurrences count */
    out->sh = dd_pool_alloc(a, out->n_sh * sizeof *out->sh);
    out->num = dd_pool_alloc(a, out->n_num * sizeof *out->num);
    out->wc = dd_pool_alloc(a, out->n_wc * sizeof *out->wc);
    if (!out->sh || !out->num || !out->wc) return SL_ENOMEM;
    memcpy(out->sh, keys, out->n_sh * sizeof *out->sh);
    memcpy(out->num, num, out->n_num * sizeof *out->num);
    if (sc->n_surf) {
        memcpy(out->wc, sc->surf, sc->n_surf * sizeof *out->wc);
        sort_u64_uniform(out->wc, tmp64, sc->n_surf);
    }
    return 0;
}

/* The character grams of text[0..len) (past the date prefix): the folded
 * text (letters lower-cased, digits and bytes >= 0x80 as they are, every
 * other run one space) cut in DD_CHARGRAM-byte windows.  A window's value m
 * (its first 8 bytes times an odd constant, plus the last) decides whether
 * it is in the sample (m < 2^64 / DD_CG_SAMPLE: a property of
 * the gram alone) and its key is the top half of fmix64(m) — computed only
 * for the grams kept: the sampled values are first written to values
 * (len entries) without a branch (1 gram in DD_CG_SAMPLE at random: a
 * branch mispredicts), then hashed.  Writes the keys to out; returns their
 * count. */
static inline size_t chargram_keys(const char *text, size_t len, bool sample_only, uint32_t *out,
                                   uint64_t *values) {
    const uint8_t *fold = cg_fold_table;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = skip_date_prefix(text, len), ng = 0;
    uint64_t window = 0;    /* last 8 bytes; with the new byte: a 9-gram */
    size_t filled = 0;
    bool space = true;      /* leading separators are skipped too */
    /* the window's first bytes */
    for (; i < len && filled < DD_CHARGRAM - 1; i++) {
        unsigned c = fold[s[i]];
        if (!c) {
            if (space) continue;
            space = true;
            c = ' ';
        } else {
            space = false;
        }
        window = (window << 8) | c;
        filled++;
    }
    /* then a gram a byte, separators without branches (a separator after
     * a separator neither makes a gram nor enters the window) */
    const uint64_t limit = UINT64_MAX / DD_CG_SAMPLE;
    unsigned was_space = space;
    for (; i < len; i++) {
        unsigned c = fold[s[i]];
        unsigned sep = c == 0;
        unsigned skip = sep & was_space;
        was_space = sep;
        c = sep ? ' ' : c;
        uint64_t m = window * 0x9E3779B97F4A7C15ULL + c;
        if (sample_only) {
            values[ng] = m;
            ng += !skip & (m < limit);
        } else {
            out[ng] = (uint32_t)(dd_fmix64(m) >> 32);
            ng += !skip;
        }
        uint64_t next = (window << 8) | c;
        window = skip ? window : next;
    }
    if (sample_only)
        for (size_t k = 0; k < ng; k++) out[k] = (uint32_t)(dd_fmix64(values[k]) >> 32);
    return ng;
}

int dd_full_chargrams(dd_full *out, dd_pool *a, dd_scratch *sc) {
    if (out->cgs) return 0;
    byte_class();   /* the tables */
    /* about len / DD_CG_SAMPLE are sampled, but a repetitive text may have
     * all its grams in the sample: built in the scratch, then kept at its
     * size */
    if (sl_grow(&sc->tmp32, &sc->cap_tmp32, 2 * (out->len + 1), sizeof *sc->tmp32)) return SL_ENOMEM;
    if (sl_grow(&sc->cg_values, &sc->cap_cg_values, out->len + 1, sizeof *sc->cg_values)) return SL_ENOMEM;
    uint32_t *keys = sc->tmp32;
    size_t n = chargram_keys(out->text, out->len, true, keys, sc->cg_values);
    n = sort_unique_u32(keys, keys + n + 1, n);
    out->cgs = dd_pool_alloc(a, n * sizeof *out->cgs);
    if (!out->cgs) return SL_ENOMEM;
    memcpy(out->cgs, keys, n * sizeof *keys);
    out->n_cgs = (uint32_t)n;
    return 0;
}

int dd_full_chargrams_exact(dd_full *out, dd_pool *a, dd_scratch *sc) {
    if (out->cg_exact) return 0;
    byte_class();
    if (sl_grow(&sc->tmp32, &sc->cap_tmp32, 2 * (out->len + 1), sizeof *sc->tmp32)) return SL_ENOMEM;
    uint32_t *keys = sc->tmp32;
    size_t n = chargram_keys(out->text, out->len, false, keys, NULL);
    n = sort_unique_u32(keys, keys + n + 1, n);
    out->cg = dd_pool_alloc(a, n * sizeof *out->cg);
    if (!out->cg) return SL_ENOMEM;
    memcpy(out->cg, keys, n * sizeof *keys);
    out->n_cg = (uint32_t)n;
    out->cg_exact = true;
    return 0;
}

void dd_word_agreement(const dd_full *a, const dd_full *b, uint32_t *same, uint32_t *other) {
    /* per class: occurrences both have (the smaller count), and of those
     * how many can be paired with the same word */
    size_t i = 0, j = 0;
    uint32_t total = 0, sa = 0;
    while (i < a->n_wc && j < b->n_wc) {
        uint32_t ca = (uint32_t)(a->wc[i] >> 32), cb = (uint32_t)(b->wc[j] >> 32);
        if (ca < cb) { i++; continue; }
        if (ca > cb) { j++; continue; }
        size_t i2 = i, j2 = j;
        while (i2 < a->n_wc && (uint32_t)(a->wc[i2] >> 32) == ca) i2++;
        while (j2 < b->n_wc && (uint32_t)(b->wc[j2] >> 32) == ca) j2++;
        total += (uint32_t)SL_MIN(i2 - i, j2 - j);
        /* both ranges are sorted by word: count matching occurrences */
        size_t x = i, y = j;
        while (x < i2 && y < j2) {
            if (a->wc[x] < b->wc[y]) x++;
            else if (a->wc[x] > b->wc[y]) y++;
            else { sa++; x++; y++; }
        }
        i = i2;
        j = j2;
    }
    *same = sa;
    *other = total - sa;
}

void dd_number_agreement(const dd_full *a, const dd_full *b, uint32_t *agree, uint32_t *conflict) {
    size_t i = 0, j = 0;
    uint32_t ag = 0, co = 0;
    while (i < a->n_num && j < b->n_num) {
        uint32_t ma = (uint32_t)(a->num[i] >> 32), mb = (uint32_t)(b->num[j] >> 32);
        if (ma < mb) { i++; continue; }
        if (ma > mb) { j++; continue; }
        size_t i2 = i, j2 = j;
        while (i2 < a->n_num && (uint32_t)(a->num[i2] >> 32) == ma) i2++;
        while (j2 < b->n_num && (uint32_t)(b->num[j2] >> 32) == ma) j2++;
        bool same = false;
        for (size_t x = i; x < i2 && !same; x++)
            for (size_t y = j; y < j2; y++)
                if (a->num[x] == b->num[y]) { same = true; break; }
        if (same) ag++;
        else co++;
        i = i2;
        j = j2;
    }
    *agree = ag;
    *conflict = co;
}

size_t dd_intersect_count(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny) {
    size_t i = 0, j = 0, c = 0;
#ifdef __SSE2__
    /* blocks of four against four: each lane of x's block compared with
     * every lane of y's (three rotations); the block with the smaller
     * maximum moves on (both when equal) — an element meets its match in
     * exactly one comparison, so nothing is counted twice */
    while (i + 4 <= nx && j + 4 <= ny) {
        __m128i a = _mm_loadu_si128((const __m128i *)(x + i));
        __m128i b = _mm_loadu_si128((const __m128i *)(y + j));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi32(a, b), _mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(0, 3, 2, 1)))),
            _mm_or_si128(_mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(1, 0, 3, 2))),
                         _mm_cmpeq_epi32(a, _mm_shuffle_epi32(b, _MM_SHUFFLE(2, 1, 0, 3)))));
        static const uint8_t bits4[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
        c += bits4[_mm_movemask_ps(_mm_castsi128_ps(m))];
        uint32_t amax = x[i + 3], bmax = y[j + 3];
        i += amax <= bmax ? 4 : 0;
        j += bmax <= amax ? 4 : 0;
    }
#endif
    /* branch-free merge: the comparisons of random keys are unpredictable */
    while (i < nx && j < ny) {
        uint32_t a = x[i], b = y[j];
        c += a == b;
        i += a <= b;
        j += b <= a;
    }
    return c;
}
