/*
 * pairs.c — the sub-quadratic parts of dedup: radix sort, candidate pairs
 * from the fingerprint index, union-find.
 *
 * The index is an array of postings (key, doc) sorted by key, docs
 * ascending within a key: built by a counting sort on the key's top
 * 8 or 16 bits (by the index size; scattered in document order) and a sort
 * of each bucket — no scratch as large as the index.  A posting stores its
 * doc and only the key bits its bucket does not imply (6 bytes a posting
 * for indexes of 2^18 postings or more, 8 below).  A run of equal keys is
 * the list of articles sharing that fingerprint.
 *
 * Candidates are generated per article a (in parallel over chunks of
 * articles, results concatenated in article order): for each of a's
 * fingerprints, the articles that follow a in its run — at most `window` of
 * them, the nearest in article order.  Invariant: an article visits at most
 * window postings per fingerprint, so the work is O(postings · window)
 * whatever the corpus holds — it does not grow with how often a phrase
 * recurs (boilerplate, a stock sentence, a generated corpus recombining a
 * fixed pool of sentences: their runs grow with the corpus, and visiting
 * them whole made the search O(n · run) = O(n²)).  Every pair of articles
 * at most `window` apart in some shared fingerprint's run is counted; a
 * run of at most window + 1 articles is visited whole (all its pairs).
 * Article order is the input's: copies are published soon after their
 * original, so a crawl read in time order has a copy near its source in
 * each run; a story copied by very many sites has each copy linked to the
 * next ones, a connected band.  The b's are counted (shared fingerprints
 * among those visited) and the caller's keep() scores them; a keeps its
 * max_per_doc best (bounding memory and verification when a story has very
 * many copies: each needs a few links, not all) — with a screen (an exact
 * test the caller can afford on a few pairs per article), those of them
 * passing it, each with the count the screen returns in place of the
 * shared fingerprints; pairs come out sorted by (a, b) and memory holds
 * only the kept ones.
 *
 * Radix sort: LSD on bytes, every byte's histogram taken in one read of
 * the keys, passes where all keys share the byte skipped; inputs of at most
 * 512 keys go to a bottom-up merge sort instead (histograms would cost more
 * than the keys), at most 24 to insertion sort.  Stable in all cases.
 *
 * Union-find: union by rank, path halving.
 */
#include "dedup.h"

#include <pthread.h>
#include <stdatomic.h>

void dd_radix_sort(uint64_t *keys, uint64_t *tmp, size_t n, unsigned lo_bit, unsigned hi_bit) {
    if (n < 2) return;
    uint64_t mask = (hi_bit >= 64 ? ~0ULL : ((1ULL << hi_bit) - 1)) & ~((1ULL << lo_bit) - 1);
    if (n <= 24) {          /* insertion sort on the bits sorted by */
        for (size_t i = 1; i < n; i++) {
            uint64_t x = keys[i];
            size_t j = i;
            while (j > 0 && (keys[j - 1] & mask) > (x & mask)) { keys[j] = keys[j - 1]; j--; }
            keys[j] = x;
        }
        return;
    }
    if (n <= 512) {         /* small: a bottom-up merge sort (the radix
                               passes' histograms would cost more) */
        uint64_t *src = keys, *dst = tmp;
        for (size_t i = 0; i < n; i += 8) {   /* runs of 8 by insertion */
            size_t e = SL_MIN(i + 8, n);
            for (size_t a = i + 1; a < e; a++) {
                uint64_t x = keys[a];
                size_t j = a;
                while (j > i && (keys[j - 1] & mask) > (x & mask)) { keys[j] = keys[j - 1]; j--; }
                keys[j] = x;
            }
        }
        for (size_t width = 8; width < n; width *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * width) {
                size_t mid = SL_MIN(lo + width, n), hi = SL_MIN(lo + 2 * width, n);
                size_t a = lo, b = mid, o = lo;
                while (a < mid && b < hi) {
                    /* stable: the left run wins ties */
                    if ((src[b] & mask) < (src[a] & mask)) dst[o++] = src[b++];
                    else dst[o++] = src[a++];
                }
                while (a < mid) dst[o++] = src[a++];
                while (b < hi) dst[o++] = src[b++];
            }
            uint64_t *t = src;
            src = dst;
            dst = t;
        }
        if (src != keys) memcpy(keys, src, n * sizeof *keys);
        return;
    }
    /* every digit's histogram in one read of the keys */
    unsigned nd = (hi_bit - lo_bit + 7) / 8;
    size_t count[8][256];
    memset(count, 0, nd * sizeof count[0]);
    for (size_t i = 0; i < n; i++) {
        uint64_t x = keys[i] >> lo_bit;
        for (unsigned d = 0; d < nd; d++) count[d][(x >> (8 * d)) & 0xFF]++;
    }
    uint64_t *src = keys, *dst = tmp;
    for (unsigned d = 0; d < nd; d++) {
        unsigned shift = lo_bit + 8 * d;
        size_t *cnt = count[d];
        /* skip a pass where every key has the same byte */
        if (cnt[(src[0] >> shift) & 0xFF] == n) continue;
        size_t sum = 0;
        for (size_t b = 0; b < 256; b++) {
            size_t c = cnt[b];
            cnt[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[cnt[(src[i] >> shift) & 0xFF]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != keys) memcpy(keys, src, n * sizeof *keys);
}

int dd_uf_init(dd_uf *u, size_t n) {
    u->n = n;
    u->parent = malloc((n ? n : 1) * sizeof *u->parent);
    u->rank = calloc(n ? n : 1, 1);
    if (!u->parent || !u->rank) { dd_uf_free(u); return SL_ENOMEM; }
    for (size_t i = 0; i < n; i++) u->parent[i] = (uint32_t)i;
    return 0;
}

void dd_uf_free(dd_uf *u) {
    free(u->parent);
    free(u->rank);
    u->parent = NULL;
    u->rank = NULL;
}

uint32_t dd_uf_find(dd_uf *u, uint32_t x) {
    while (u->parent[x] != x) {
        u->parent[x] = u->parent[u->parent[x]];
        x = u->parent[x];
    }
    return x;
}

int dd_uf_union(dd_uf *u, uint32_t a, uint32_t b) {
    a = dd_uf_find(u, a);
    b = dd_uf_find(u, b);
    if (a == b) return 0;
    if (u->rank[a] < u->rank[b]) { uint32_t t = a; a = b; b = t; }
    u->parent[b] = a;
    if (u->rank[a] == u->rank[b]) u->rank[a]++;
    return 1;
}

int dd_postings_build(dd_postings *ix, size_t n_docs, const uint32_t *fps, const uint32_t *off) {
    memset(ix, 0, sizeof *ix);
    size_t n = off[n_docs] - off[0];
    if (n >= UINT32_MAX) return SL_ENOMEM;
    /* buckets of ~4 postings or more: 2^8 for small indexes, else 2^16 —
     * whose postings then need only the key's low 16 bits */
    ix->bits = n < ((size_t)1 << 18) ? 8 : 16;
    size_t nb = (size_t)1 << ix->bits;
    unsigned shift = 32 - ix->bits;
    uint32_t low_mask = (uint32_t)((1ULL << shift) - 1);
    ix->bucket = calloc(nb + 1, sizeof *ix->bucket);
    if (!ix->bucket) return SL_ENOMEM;
    for (size_t f = off[0]; f < off[n_docs]; f++) ix->bucket[(fps[f] >> shift) + 1]++;
    for (size_t b = 0; b < nb; b++) ix->bucket[b + 1] += ix->bucket[b];
    ix->doc = malloc((n ? n : 1) * sizeof *ix->doc);
    if (ix->bits == 16) ix->key16 = malloc((n ? n : 1) * sizeof *ix->key16);
    else ix->key32 = malloc((n ? n : 1) * sizeof *ix->key32);
    uint32_t *fill = malloc(nb * sizeof *fill);
    if (!ix->doc || !(ix->key16 || ix->key32) || !fill) { free(fill); dd_postings_free(ix); return SL_ENOMEM; }
    memcpy(fill, ix->bucket, nb * sizeof *fill);
    /* scatter in document order: docs ascend within a bucket */
    for (size_t d = 0; d < n_docs; d++) {
        for (uint32_t f = off[d]; f < off[d + 1]; f++) {
            uint32_t key = fps[f];
            uint32_t at = fill[key >> shift]++;
            ix->doc[at] = (uint32_t)d;
            if (ix->key16) ix->key16[at] = (uint16_t)(key & low_mask);
            else ix->key32[at] = key & low_mask;
        }
    }
    free(fill);
    ix->n = n;
    /* each bucket by the rest of the key, docs ascending: (low key, doc)
     * packed and sorted (the docs were scattered in order) */
    size_t maxb = 0;
    for (size_t b = 0; b < nb; b++) maxb = SL_MAX(maxb, (size_t)(ix->bucket[b + 1] - ix->bucket[b]));
    uint64_t *tmp = malloc(2 * (maxb ? maxb : 1) * sizeof *tmp);
    if (!tmp) { dd_postings_free(ix); return SL_ENOMEM; }
    for (size_t b = 0; b < nb; b++) {
        size_t lo = ix->bucket[b], len = ix->bucket[b + 1] - lo;
        if (len < 2) continue;
        for (size_t i = 0; i < len; i++)
            tmp[i] = ((uint64_t)dd_postings_low(ix, lo + i) << 32) | ix->doc[lo + i];
        dd_radix_sort(tmp, tmp + len, len, 32, 64 - ix->bits);
        for (size_t i = 0; i < len; i++) {
            ix->doc[lo + i] = (uint32_t)tmp[i];
            if (ix->key16) ix->key16[lo + i] = (uint16_t)(tmp[i] >> 32);
            else ix->key32[lo + i] = (uint32_t)(tmp[i] >> 32);
        }
    }
    free(tmp);
    return 0;
}

void dd_postings_free(dd_postings *ix) {
    free(ix->doc);
    free(ix->key16);
    free(ix->key32);
    free(ix->bucket);
    memset(ix, 0, sizeof *ix);
}

size_t dd_postings_bytes(const dd_postings *ix) {
    return ix->n * (sizeof *ix->doc + (ix->key16 ? sizeof *ix->key16 : sizeof *ix->key32)) +
           (((size_t)1 << ix->bits) + 1) * sizeof *ix->bucket;
}

uint32_t dd_postings_key(const dd_postings *ix, size_t k) {
    size_t lo = 0, hi = (size_t)1 << ix->bits;     /* the bucket holding k */
    while (hi - lo > 1) {
        size_t m = (lo + hi) / 2;
        if (ix->bucket[m] <= k) lo = m;
        else hi = m;
    }
    return (uint32_t)(lo << (32 - ix->bits)) | dd_postings_low(ix, k);
}

/* The run of postings with this key: [*lo, *hi). */
static void key_range(const dd_postings *ix, uint32_t key, size_t *lo, size_t *hi) {
    size_t b = key >> (32 - ix->bits);
    uint32_t low = key & (uint32_t)((1ULL << (32 - ix->bits)) - 1);
    size_t l = ix->bucket[b], h = ix->bucket[b + 1];
    while (l < h) {
        size_t m = (l + h) / 2;
        if (dd_postings_low(ix, m) < low) l = m + 1;
        else h = m;
    }
    size_t e = l;
    while (e < ix->bucket[b + 1] && dd_postings_low(ix, e) == low) e++;
    *lo = l;
    *hi = e;
}

typedef struct cand_job {
    const dd_postings *ix;
    size_t n_docs;
    const uint32_t *fps, *off;
    unsigned window;
    size_t max_per_doc;
    dd_keep_fn keep;
    dd_screen_fn screen;
    void *ctx;
    size_t n_chunks;
    dd_pair **chunk_pairs;
    size_t *chunk_n;
    atomic_size_t next;
    atomic_int failed;
} cand_job;

#define CAND_CHUNK 256

typedef struct cand {
    uint32_t b, shared;
    double score;
} cand;

/* By score (ties: more shared, lower b). */
static int cand_by_score(const void *x, const void *y) {
    const cand *p = x, *q = y;
    if (p->score != q->score) return p->score > q->score ? -1 : 1;
    if (p->shared != q->shared) return p->shared > q->shared ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static int cand_by_b(const void *x, const void *y) {
    const cand *p = x, *q = y;
    return (p->b > q->b) - (p->b < q->b);
}

/* Where doc a is in the run [lo, hi) (docs ascending; a is in it). */
static size_t run_position(const dd_postings *ix, size_t lo, size_t hi, uint32_t a) {
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (ix->doc[m] < a) lo = m + 1;
        else hi = m;
    }
    return lo;
}

static void *cand_thread(void *arg) {
    cand_job *job = arg;
    uint64_t *others = NULL;    /* the b's visited, one per shared fingerprint */
    uint64_t *others_tmp = NULL;
    size_t cap_others = 0, cap_others_tmp = 0, cap_kept = 0;
    cand *kept = NULL;
    void *screen_scratch = job->screen ? calloc(1, DD_SCREEN_SCRATCH) : NULL;
    if (job->screen && !screen_scratch) atomic_store(&job->failed, 1);
    for (;;) {
        size_t c = atomic_fetch_add(&job->next, 1);
        if (c >= job->n_chunks || atomic_load(&job->failed)) break;
        dd_pair *out = NULL;
        size_t n_out = 0, cap_out = 0;
        size_t d1 = SL_MIN((c + 1) * CAND_CHUNK, job->n_docs);
        for (size_t a = c * CAND_CHUNK; a < d1; a++) {
            if (job->off[a] == job->off[a + 1]) continue;
            size_t no = 0;
            for (uint32_t f = job->off[a]; f < job->off[a + 1]; f++) {
                size_t lo, hi;
                key_range(job->ix, job->fps[f], &lo, &hi);
                if (hi - lo < 2) continue;
                /* the (at most window) articles following a in the run */
                size_t p = run_position(job->ix, lo, hi, (uint32_t)a) + 1;
                size_t e = hi - p > job->window ? p + job->window : hi;
                if (p >= e) continue;
                if (sl_grow(&others, &cap_others, no + (e - p), sizeof *others)) { atomic_store(&job->failed, 1); break; }
                for (size_t k = p; k < e; k++) others[no++] = job->ix->doc[k];
            }
            if (atomic_load(&job->failed)) break;
            if (sl_grow(&others_tmp, &cap_others_tmp, no + 1, sizeof *others_tmp)) { atomic_store(&job->failed, 1); break; }
            dd_radix_sort(others, others_tmp, no, 0, 32);
            size_t nk = 0;
            for (size_t i = 0; i < no;) {
                uint32_t b = (uint32_t)others[i];
                size_t j = i + 1;
                while (j < no && (uint32_t)others[j] == b) j++;
                double score = job->keep((uint32_t)a, b, (uint32_t)(j - i), job->ctx);
                if (score >= 0) {
                    if (sl_grow(&kept, &cap_kept, nk + 1, sizeof *kept)) { atomic_store(&job->failed, 1); break; }
                    kept[nk].b = b;
                    kept[nk].shared = (uint32_t)(j - i);
                    kept[nk].score = score;
                    nk++;
                }
                i = j;
            }
            if (atomic_load(&job->failed)) break;
            /* the best max_per_doc by score (ties: more shared, lower b),
             * then back in b order.  With a screen, those of them passing
             * it (the screen drops pairs, it never brings in others: the
             * candidates are those of the unscreened search that may
             * pass) */
            if (nk > job->max_per_doc || (job->screen && nk > 1)) {
                qsort(kept, nk, sizeof *kept, cand_by_score);
                if (nk > job->max_per_doc) nk = job->max_per_doc;
            }
            if (job->screen) {
                size_t k = 0;
                for (size_t i = 0; i < nk; i++) {
                    uint32_t next = i + 1 < nk ? kept[i + 1].b : UINT32_MAX;
                    uint32_t next2 = i + 2 < nk ? kept[i + 2].b : UINT32_MAX;
                    long sh = job->screen((uint32_t)a, kept[i].b, next, next2, job->ctx, screen_scratch);
                    if (sh < 0) continue;
                    kept[i].shared = (uint32_t)sh;
                    kept[k++] = kept[i];
                }
                nk = k;
            }
            if (nk > 1) qsort(kept, nk, sizeof *kept, cand_by_b);
            if (sl_grow(&out, &cap_out, n_out + nk, sizeof *out)) { atomic_store(&job->failed, 1); break; }
            for (size_t i = 0; i < nk; i++) {
                out[n_out].a = (uint32_t)a;
                out[n_out].b = kept[i].b;
                out[n_out].shared = kept[i].shared;
                n_out++;
            }
        }
        job->chunk_pairs[c] = out;
        job->chunk_n[c] = n_out;
    }
    free(others);
    free(others_tmp);
    free(kept);
    free(screen_scratch);
    return NULL;
}

long dd_candidates(const dd_postings *ix, size_t n_docs, const uint32_t *fps, const uint32_t *off,
                   unsigned window, unsigned max_per_doc, dd_keep_fn keep, void *ctx, unsigned threads,
                   dd_pair **out) {
    return dd_candidates_screened(ix, n_docs, fps, off, window, max_per_doc, keep, NULL, ctx, threads,
                                  out);
}

long dd_candidates_screened(const dd_postings *ix, size_t n_docs, const uint32_t *fps,
                            const uint32_t *off, unsigned window, unsigned max_per_doc,
                            dd_keep_fn keep, dd_screen_fn screen, void *ctx, unsigned threads,
                            dd_pair **out) {
    *out = NULL;
    cand_job job;
    memset(&job, 0, sizeof job);
    job.ix = ix;
    job.n_docs = n_docs;
    job.fps = fps;
    job.off = off;
    job.window = window ? window : UINT32_MAX;
    job.max_per_doc = max_per_doc ? max_per_doc : SIZE_MAX;
    job.keep = keep;
    job.screen = screen;
    job.ctx = ctx;
    job.n_chunks = (n_docs + CAND_CHUNK - 1) / CAND_CHUNK;
    job.chunk_pairs = calloc(job.n_chunks + 1, sizeof *job.chunk_pairs);
    job.chunk_n = calloc(job.n_chunks + 1, sizeof *job.chunk_n);
    if (!job.chunk_pairs || !job.chunk_n) { free(job.chunk_pairs); free(job.chunk_n); return -1; }
    atomic_init(&job.next, 0);
    atomic_init(&job.failed, 0);
    dd_run_threads(cand_thread, &job, threads);
    size_t total = 0;
    for (size_t c = 0; c < job.n_chunks; c++) total += job.chunk_n[c];
    dd_pair *all = atomic_load(&job.failed) ? NULL : malloc((total + 1) * sizeof *all);
    size_t k = 0;
    for (size_t c = 0; c < job.n_chunks; c++) {
        if (all && job.chunk_n[c]) memcpy(all + k, job.chunk_pairs[c], job.chunk_n[c] * sizeof *all);
        k += job.chunk_n[c];
        free(job.chunk_pairs[c]);
    }
    free(job.chunk_pairs);
    free(job.chunk_n);
    if (!all) return -1;
    *out = all;
    return (long)total;
}

void dd_run_threads(void *(*fn)(void *), void *job, unsigned n) {
    pthread_t tids[64];
    unsigned started = 0;
    if (n > 64) n = 64;
    for (unsigned t = 1; t < n; t++) {
        if (pthread_create(&tids[started], NULL, fn, job) != 0) break;
        started++;
    }
    fn(job);
    for (unsigned t = 0; t < started; t++) pthread_join(tids[t], NULL);
}
