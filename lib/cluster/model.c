/*
 * model.c — online event clustering and story threading.
 *
 * Algorithm (single pass, articles in time order):
 *   1. The article becomes two TF-IDF vectors (features.c): v for events
 *      (CL_MAX_DOC_TERMS terms) and a wider, damped-idf one for stories.
 *   2. Candidate events: for each of v's CL_EVENT_SEARCH_TERMS heaviest terms, the
 *      newest CL_POST_WINDOW eligible events in that term's postings (an
 *      inverted index term → event, each event posted under its centroid's
 *      CL_QUERY_TERMS heaviest terms), at most CL_POST_VISITS live entries
 *      read per term (stale ones, of closed or merged events, are skipped
 *      and dropped) and CL_MAX_CANDIDATES scored.  Eligible: open, not merged away,
 *      and at most close_days between the article's day and the event's span.
 *      No scan of all events ever happens.
 *   3. Score = cos(v, centroid) · decay · span decay; decay = 1 for a gap of
 *      at most one day, exp(-(gap-1)/event_decay_days) beyond; span decay
 *      damps the same way past CL_EVENT_SPAN_DAYS of total span (an event is
 *      days, not months); a match on a single shared term counts half.  A
 *      weak link — one shared term carries the match: without it the
 *      cosine is under WEAK_REST — ranks at WEAK_RANK of its score, after
 *      candidates matched on more evidence.  The best event at or above
 *      event_threshold takes the article, unless the match is weak: the
 *      article then starts an event of its own, settled at the day's end
 *      (step 7).  Otherwise a new event starts.
 *   4. Joining adds v to the centroid (kept to its CL_EVENT_TERMS heaviest
 *      terms), re-posts the centroid's new top terms, and keeps as label the
 *      member title most similar to the centroid.  When an event's size
 *      reaches a power of two it looks for a converging event (centroid
 *      cosine · decay ≥ merge_threshold, not a weak link) and merges with
 *      it; the larger keeps its id (the older on a tie), so fewer articles
 *      change id.  The event that is gone leaves its story for the
 *      survivor's, or, when it was that story's main or only event, the
 *      two stories merge.
 *   5. A new event joins the best story found the same way over story
 *      centroids (posted under CL_STORY_INDEX_TERMS terms; decay flat for 30
 *      days, then exp(-(gap-30)/story_decay_days); a prior 1 + 0.2 ln(1 +
 *      recent activity) favours active stories; fewer than STORY_MIN_SHARED
 *      terms in common count half, and a match on a story that has names
 *      (capitalised phrases, lone words seen capitalised mid-sentence) when
 *      none of them is shared counts NO_NAME_FACTOR (0.3) — news vocabulary
 *      alone ("vote", "minister", "talks", "two") does not tie an election
 *      to a port strike), or starts one.  Every
 *      article's story vector is added to its story's centroid, so stories
 *      follow their drifting vocabulary over months.  When a story's size
 *      reaches a power of two (or a multiple of 16) it looks for a converging
 *      story: two grown stories merge at story_merge_threshold, a small one
 *      (under SMALL_STORY articles) folds in at story_threshold.
 *   6. Compaction, whenever the latest day advances: events idle more than
 *      close_days (stories: story_close_days) are closed, their centroid cut
 *      to CL_CLOSED_TERMS terms; stale postings are purged once they may
 *      outnumber the live ones.  Memory is thus bounded by the open window,
 *      plus a few dozen bytes per closed event.
 *   7. Settling, when the latest day advances (before compaction) and at
 *      the end of each sl_cluster_add: every event started since the last
 *      settling with fewer than SETTLE_KEEP originals looks up its best
 *      event with its centroid and merges into it at SETTLE_MERGE or more
 *      (see settle_events): the day's small fragments rejoin their event
 *      with the whole day's evidence, while a group that formed around a
 *      weakly linked article stays apart.
 *
 * Determinism: one thread runs steps 1-7 in a fixed order; ties break on the
 * lower index.  Compaction and purges only drop what lookups already skip,
 * so results do not depend on when they run — a batch and the same articles
 * added in two time-ordered halves (with a save/load between) give the same
 * ids; settling runs at the same points in both when the halves are split
 * at a day boundary (otherwise the first half settles its last day early:
 * ids given stay valid, followed through merges, but may differ from the
 * batch's).  The SCREAMING_CASE tuning constants below were set on the dev data
 * (../shared headlines and Timeline17).
 *
 * Speed (none of it changes a result): a lookup loads its query vector into
 * a small hash table (query_table), so scoring a candidate is one probe per
 * centroid term, branch-free (a miss reads a zero slot); the shared terms'
 * products are gathered, then summed in the same order as a merge would.
 * Lists of terms whose postings are empty are skipped unread (a flag in the
 * term's kind byte); the posting lists it will read are prefetched
 * together; an event lookup first gathers its candidates, prefetching their
 * centroids, then scores them in the order found.  Events found closed or
 * merged are remembered in a bitmap (ev_dead: an event never reopens) and
 * later postings of them are skipped unread; the entries an event lookup
 * walks past that count for nothing (closed, merged, older duplicates) are
 * dropped from the list on the way, so the event lists stay about as short
 * as their live part (the per-term visit limit counts live entries only, so
 * when stale entries go never changes a result).  A candidate whose decay
 * leaves it below the best so far even at cosine 1 is not scored.  "The k
 * heaviest terms" is a branch-free quickselect over unique 64-bit rank keys
 * (weight bits, then lower term), so ties need no extra pass.
 */
#include "cluster.h"

#include <math.h>

void sl_cluster_options_init(sl_cluster_options *o) {
    memset(o, 0, sizeof *o);
    o->event_threshold = 0.08;
    o->merge_threshold = 0.15;
    o->story_threshold = 0.07;
    o->story_merge_threshold = 0.15;
    o->event_decay_days = 3.0;
    o->story_decay_days = 120.0;
    o->close_days = 14;
    o->story_close_days = 365;
    o->threads = 1;
}

sl_cluster *sl_cluster_new(const sl_cluster_options *opt) {
    sl_cluster *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    if (opt) m->opt = *opt;
    else sl_cluster_options_init(&m->opt);
    m->terms = sl_vocab_new();
    m->words = sl_vocab_new();
    m->stemmer = sl_stemmer_new();
    m->cur_day = SL_NO_DATE;
    m->compact_day = SL_NO_DATE;
    if (!m->terms || !m->words || !m->stemmer) {
        sl_cluster_free(m);
        return NULL;
    }
    return m;
}

void sl_cluster_free(sl_cluster *m) {
    if (!m) return;
    for (size_t i = 0; i < m->nev; i++) {
        free(m->ev[i].cent);
        free(m->ev[i].label);
        free(m->ev[i].label_vec);
    }
    for (size_t i = 0; i < m->nst; i++) free(m->st[i].cent);
    size_t nterms = m->terms ? (size_t)sl_vocab_size(m->terms) : 0;
    for (size_t i = 0; i < nterms && i < m->term_cap; i++) {
        free(m->ev_post[i].ids);
        free(m->st_post[i].ids);
    }
    free(m->ev);
    free(m->ev_dead);
    free(m->st);
    free(m->ev_post);
    free(m->st_post);
    free(m->df);
    free(m->kind);
    free(m->display);
    free(m->word_term);
    free(m->open_ev);
    free(m->open_st);
    free(m->order);
    free(m->story_ev_start);
    free(m->story_ev);
    free(m->tmp);
    free(m->rank_keys);
    free(m->acc);
    free(m->pair_slots);
    free(m->doc.raw);
    free(m->doc.tok);
    free(m->doc.w2);
    free(m->doc.wid);
    free(m->doc.bids);
    free(m->doc.bidx);
    free(m->doc.btok);
    sl_buf_free(&m->disp);
    sl_vocab_free(m->terms);
    sl_vocab_free(m->words);
    sl_stemmer_free(m->stemmer);
    free(m);
}

/* ---- sparse vectors ------------------------------------------------------ */

float cl_dot(const cl_tw *a, uint32_t na, const cl_tw *b, uint32_t nb) {
    float s = 0;
    uint32_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].term == b[j].term) s += a[i++].w * b[j++].w;
        else if (a[i].term < b[j].term) i++;
        else j++;
    }
    return s;
}

/* Dot product, and in *shared the number of terms in common. */
static float dot_shared(const cl_tw *a, uint32_t na, const cl_tw *b, uint32_t nb, uint32_t *shared) {
    float s = 0;
    uint32_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        if (a[i].term == b[j].term) {
            s += a[i++].w * b[j++].w;
            k++;
        } else if (a[i].term < b[j].term) i++;
        else j++;
    }
    *shared = k;
    return s;
}

/* The largest single product a[t]·b[t] over the terms in common: the term
 * that carries the match. */
static float top_product(const cl_tw *a, uint32_t na, const cl_tw *b, uint32_t nb) {
    float t = 0;
    uint32_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].term == b[j].term) {
            float p = a[i++].w * b[j++].w;
            if (p > t) t = p;
        } else if (a[i].term < b[j].term) i++;
        else j++;
    }
    return t;
}

/* Dot product of an article or story vector a with a story centroid b,
 * with the terms in common (*shared), the names among them (*shared_names)
 * and whether b holds any name at all (*b_names). */
static float dot_names(const sl_cluster *m, const cl_tw *a, uint32_t na, const cl_tw *b, uint32_t nb,
                       uint32_t *shared, uint32_t *shared_names, int *b_names) {
    float s = 0;
    uint32_t i = 0, j = 0, k = 0, names = 0;
    int any = 0;
    while (j < nb) {
        if (i < na && a[i].term == b[j].term) {
            s += a[i].w * b[j].w;
            k++;
            names += cl_is_name(m->kind[a[i].term]);
            any |= cl_is_name(m->kind[b[j].term]);
            i++, j++;
        } else if (i < na && a[i].term < b[j].term) {
            i++;
        } else {
            any |= cl_is_name(m->kind[b[j].term]);
            j++;
        }
    }
    *shared = k;
    *shared_names = names;
    *b_names = any;
    return s;
}

/* A query vector in a small open-addressing table (term -> weight, name
 * flag), so that scoring a candidate is one probe per candidate term instead
 * of a merge of two sorted lists (its branches are unpredictable).  Matches
 * are met in the candidate's term order, as in the merge, so the products
 * are summed in the same order and the float results are identical. */
enum { QT_MAX_BITS = 11 };   /* up to 2048 slots: vectors of <= 1024 terms */
typedef struct query_table {
    uint32_t shift;          /* 32 - bits */
    uint32_t mask;
    uint32_t n;              /* the vector's terms (0: use the merge) */
    uint32_t key[1u << QT_MAX_BITS];   /* term; QT_EMPTY: empty */
    float w[1u << QT_MAX_BITS];
    uint8_t name[1u << QT_MAX_BITS];
} query_table;
#define QT_EMPTY UINT32_MAX

static inline uint32_t qt_slot(const query_table *q, uint32_t term) {
    return (term * 0x9E3779B1u) >> q->shift;
}

/* Loads vec[0..n) (terms unique); a vector too long for the table leaves
 * q->n = 0 and callers fall back to the merge. */
static void qt_load(const sl_cluster *m, query_table *q, const cl_tw *vec, uint32_t n) {
    uint32_t bits = 6;
    while (bits < QT_MAX_BITS && (1u << bits) < 8 * n) bits++;   /* mostly one probe */
    if ((1u << bits) < 2 * n || n == 0 || n >= QT_EMPTY) {
        q->n = 0;
        return;
    }
    q->shift = 32 - bits;
    q->mask = (1u << bits) - 1;
    q->n = n;
    memset(q->key, 0xff, (1u << bits) * sizeof q->key[0]);
    memset(q->w, 0, (1u << bits) * sizeof q->w[0]);        /* an empty slot adds +0 */
    memset(q->name, 0, (1u << bits) * sizeof q->name[0]);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = qt_slot(q, vec[i].term);
        while (q->key[j] != QT_EMPTY) j = (j + 1) & q->mask;
        q->key[j] = vec[i].term;
        q->w[j] = vec[i].w;
        q->name[j] = (uint8_t)cl_is_name(m->kind[vec[i].term]);
    }
}

/* The slot holding term, or the empty slot ending its probe sequence (its
 * weight and name flag are 0).  Without a branch on hit or miss: whether a
 * centroid term is in the query is as good as random. */
static inline uint32_t qt_probe(const query_table *q, uint32_t term) {
    uint32_t j = qt_slot(q, term);
    uint32_t k = q->key[j];
    while (k != term && k != QT_EMPTY) {   /* rare: the table is sparse */
        j = (j + 1) & q->mask;
        k = q->key[j];
    }
    return j;
}

/* The dot product of the query in q with b, the terms in common (*shared)
 * and, when names is not NULL, the names among them (*names).  The products
 * of the shared terms are gathered first, without a branch (each is
 * written, the count advances on a match), then summed in b's order: the
 * sum is the merge's, bit for bit, and its chain of dependent additions is
 * as long as the matches, not as b.  Inlined with names a constant, so
 * qt_dot_shared does not count names. */
enum { QT_GATHER = 256 };   /* products gathered per pass */
static inline float qt_gather_dot(const query_table *q, const cl_tw *b, uint32_t nb, uint32_t *shared,
                                  uint32_t *names) {
    float s = 0, prod[QT_GATHER];
    uint32_t total = 0, name_count = 0;
    for (uint32_t j0 = 0; j0 < nb; j0 += QT_GATHER) {
        uint32_t end = SL_MIN(nb, j0 + QT_GATHER), k = 0;
        for (uint32_t j = j0; j < end; j++) {
            uint32_t x = qt_probe(q, b[j].term);
            prod[k] = q->w[x] * b[j].w;
            k += q->key[x] == b[j].term;
            if (names) name_count += q->name[x];
        }
        for (uint32_t i = 0; i < k; i++) s += prod[i];
        total += k;
    }
    *shared = total;
    if (names) *names = name_count;
    return s;
}

/* dot_shared(query, b) with the query in q. */
static float qt_dot_shared(const query_table *q, const cl_tw *b, uint32_t nb, uint32_t *shared) {
    return qt_gather_dot(q, b, nb, shared, NULL);
}

/* dot_names(query, b) with the query in q.  Whether b holds a name is only
 * looked up (stopping at the first) when no shared term is one. */
static float qt_dot_names(const sl_cluster *m, const query_table *q, const cl_tw *b, uint32_t nb,
                          uint32_t *shared, uint32_t *shared_names, int *b_names) {
    uint32_t names;
    float s = qt_gather_dot(q, b, nb, shared, &names);
    int any = names > 0;
    for (uint32_t j = 0; j < nb && !any; j++) any = cl_is_name(m->kind[b[j].term]);
    *shared_names = names;
    *b_names = any;
    return s;
}

float cl_norm(const cl_tw *a, uint32_t n) {
    double s = 0;
    for (uint32_t i = 0; i < n; i++) s += (double)a[i].w * a[i].w;
    return (float)sqrt(s);
}

static int cmp_weight_desc(const void *pa, const void *pb) {
    const cl_tw *a = pa, *b = pb;
    if (a->w != b->w) return a->w > b->w ? -1 : 1;
    return a->term < b->term ? -1 : a->term > b->term;
}

/* Sorts v[0..n) by term (terms unique, so any sort gives the same order):
 * quicksort with a branch-free Lomuto partition around a median-of-three
 * pivot, insertion sort below 16 items; small arrays, no callbacks. */
static void sort_by_term(cl_tw *v, uint32_t n) {
    while (n > 16) {
        uint32_t a = v[0].term, b = v[n / 2].term, c = v[n - 1].term;
        uint32_t mid = (a < b) == (b < c) ? n / 2 : (b < a) == (a < c) ? 0 : n - 1;
        cl_tw t = v[mid];
        v[mid] = v[n - 1];
        v[n - 1] = t;
        uint32_t pivot = t.term, j = 0;
        for (uint32_t i = 0; i + 1 < n; i++) {
            cl_tw x = v[i];
            v[i] = v[j];
            v[j] = x;
            j += x.term < pivot;
        }
        t = v[j];
        v[j] = v[n - 1];
        v[n - 1] = t;
        /* recurse into the smaller side, loop on the larger */
        if (j < n - j - 1) {
            sort_by_term(v, j);
            v += j + 1;
            n -= j + 1;
        } else {
            sort_by_term(v + j + 1, n - j - 1);
            n = j;
        }
    }
    for (uint32_t i = 1; i < n; i++) {
        cl_tw x = v[i];
        uint32_t j = i;
        while (j > 0 && v[j - 1].term > x.term) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* ---- heaviest terms --------------------------------------------------------
 * "The q heaviest terms, ties to the lower term" is a selection over unique
 * 64-bit rank keys: the weight's bits made order-preserving in the high half
 * (heavier: larger), the complement of the term (or of the index, in a
 * vector sorted by term) in the low half (lower: larger).  Keys being
 * unique, the selected set and its order are fully determined. */

static inline uint64_t rank_key(float w, uint32_t lower_first) {
    uint32_t b;
    memcpy(&b, &w, sizeof b);
    if (b == 0x80000000u) b = 0;   /* -0 weighs as much as +0 */
    b = b & 0x80000000u ? ~b : b | 0x80000000u;
    return (uint64_t)b << 32 | (UINT32_MAX - lower_first);
}

/* Sorts a[lo..hi) in descending order (insertion sort: small ranges). */
static void insertion_desc(uint64_t *a, uint32_t lo, uint32_t hi) {
    for (uint32_t i = lo + 1; i < hi; i++) {
        uint64_t v = a[i];
        uint32_t j = i;
        while (j > lo && a[j - 1] < v) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = v;
    }
}

/* Branch-free Lomuto partition of a[lo..hi) (distinct keys) around the
 * key at a[mid]: returns g with a[lo..g) > a[g] > a[g+1..hi). */
static uint32_t partition_at(uint64_t *a, uint32_t lo, uint32_t hi, uint32_t mid) {
    uint64_t p = a[mid];
    a[mid] = a[hi - 1];
    a[hi - 1] = p;
    uint32_t g = lo;
    for (uint32_t i = lo; i + 1 < hi; i++) {
        uint64_t v = a[i];
        a[i] = a[g];
        a[g] = v;
        g += v > p;
    }
    a[hi - 1] = a[g];
    a[g] = p;
    return g;
}

/* The same around the median of the first, middle and last keys. */
static uint32_t partition_desc(uint64_t *a, uint32_t lo, uint32_t hi) {
    uint32_t m = lo + (hi - lo) / 2;
    uint64_t x = a[lo], y = a[m], z = a[hi - 1];
    uint32_t mid = (x < y) == (y < z) ? m : (y < x) == (x < z) ? lo : hi - 1;
    return partition_at(a, lo, hi, mid);
}

/* The index in a[lo..hi) of a key of rank ~r there (0: the largest): the
 * key of that rank in a sample of 15 spread over the range. */
static uint32_t sampled_pivot(const uint64_t *a, uint32_t lo, uint32_t hi, uint32_t r) {
    enum { SAMPLE = 15 };
    uint32_t at[SAMPLE], n = hi - lo;
    uint64_t key[SAMPLE];
    for (uint32_t i = 0; i < SAMPLE; i++) {
        at[i] = lo + (uint32_t)((uint64_t)n * (2 * i + 1) / (2 * SAMPLE));
        key[i] = a[at[i]];
    }
    for (uint32_t i = 1; i < SAMPLE; i++) {   /* sort the sample, largest first */
        uint64_t v = key[i];
        uint32_t x = at[i], j = i;
        while (j > 0 && key[j - 1] < v) {
            key[j] = key[j - 1];
            at[j] = at[j - 1];
            j--;
        }
        key[j] = v;
        at[j] = x;
    }
    return at[(uint64_t)r * SAMPLE / n];
}

/* Reorders a[0..n) (distinct keys) so that a[0..k) holds its k largest,
 * in any order.  Quickselect; while the range is long, the pivot is the
 * sampled key of the rank sought, so that few passes are needed. */
static void select_largest(uint64_t *a, uint32_t n, uint32_t k) {
    uint32_t lo = 0, hi = n;   /* a[0..lo) are among the k largest, a[hi..n) not */
    if (k == 0 || k >= n) return;
    while (hi - lo > 16) {
        uint32_t g = hi - lo >= 64 ? partition_at(a, lo, hi, sampled_pivot(a, lo, hi, k - lo))
                                   : partition_desc(a, lo, hi);
        if (g == k || g + 1 == k) return;
        if (k < g) hi = g;
        else lo = g + 1;
    }
    insertion_desc(a, lo, hi);
}

/* Sorts a[0..n) (distinct keys) in descending order. */
static void sort_desc(uint64_t *a, uint32_t n) {
    uint32_t lo = 0;
    while (n - lo > 16) {
        uint32_t g = partition_desc(a, lo, n);
        if (g - lo < n - g - 1) {
            sort_desc(a + lo, g - lo);
            lo = g + 1;
        } else {
            /* (recursion on the right part, the loop on the left) */
            sort_desc(a + g + 1, n - g - 1);
            n = g;
        }
    }
    insertion_desc(a, lo, n);
}

/* The smallest of the k largest rank keys of v (keyed by term if by_term,
 * else by index); 0 when out of memory (the caller falls back). */
static uint64_t keep_threshold(sl_cluster *m, const cl_tw *v, uint32_t n, uint32_t keep, int by_term) {
    if (sl_grow(&m->rank_keys, &m->caprank_keys, n, sizeof *m->rank_keys)) return 0;
    uint64_t *keys = m->rank_keys;
    for (uint32_t i = 0; i < n; i++) keys[i] = rank_key(v[i].w, by_term ? v[i].term : i);
    select_largest(keys, n, keep);
    uint64_t thr = keys[0];
    for (uint32_t i = 1; i < keep; i++) thr = keys[i] < thr ? keys[i] : thr;
    return thr;
}

uint32_t cl_keep_heaviest_any(sl_cluster *m, cl_tw *v, uint32_t n, uint32_t keep) {
    if (n > keep) {
        uint64_t thr = keep ? keep_threshold(m, v, n, keep, 1) : UINT64_MAX;
        if (thr == 0) {
            /* no memory for the fast path: sorting in place */
            qsort(v, n, sizeof *v, cmp_weight_desc);
        } else {
            uint32_t k = 0;
            for (uint32_t i = 0; i < n && k < keep; i++) {
                cl_tw t = v[i];
                v[k] = t;
                k += rank_key(t.w, t.term) >= thr;
            }
        }
        n = keep;
    }
    sort_by_term(v, n);
    return n;
}

uint32_t cl_keep_heaviest(sl_cluster *m, cl_tw *v, uint32_t n, uint32_t keep) {
    if (n <= keep) return n;
    uint64_t thr = keep ? keep_threshold(m, v, n, keep, 0) : UINT64_MAX;
    if (thr == 0) {
        /* no memory for the fast path: sorting in place */
        qsort(v, n, sizeof *v, cmp_weight_desc);
        sort_by_term(v, keep);
        return keep;
    }
    uint32_t k = 0;   /* v is in term order, and stays so */
    for (uint32_t i = 0; i < n && k < keep; i++) {
        cl_tw t = v[i];
        v[k] = t;
        k += rank_key(t.w, i) >= thr;
    }
    return keep;
}

/* *vec (n terms, malloc'd) += add; then keeps the `keep` heaviest terms. */
static int vec_add(sl_cluster *m, cl_tw **vec, uint32_t *n, const cl_tw *add, uint32_t nadd,
                   uint32_t keep) {
    size_t need = (size_t)*n + nadd;
    if (sl_grow(&m->tmp, &m->captmp, need, sizeof *m->tmp)) return SL_ENOMEM;
    const cl_tw *a = *vec;
    uint32_t i = 0, j = 0, k = 0;
    while (i < *n || j < nadd) {
        if (j >= nadd || (i < *n && a[i].term < add[j].term)) m->tmp[k++] = a[i++];
        else if (i >= *n || add[j].term < a[i].term) m->tmp[k++] = add[j++];
        else {
            m->tmp[k].term = a[i].term;
            m->tmp[k++].w = a[i++].w + add[j++].w;
        }
    }
    k = cl_keep_heaviest(m, m->tmp, k, keep);
    if (k != *n || !*vec) {
        cl_tw *nv = realloc(*vec, (k ? k : 1) * sizeof *nv);
        if (!nv) return SL_ENOMEM;
        *vec = nv;
    }
    memcpy(*vec, m->tmp, k * sizeof **vec);
    *n = k;
    return 0;
}

/* Keeps only the `keep` heaviest terms of a vector (sorted by term). */
static void vec_truncate(sl_cluster *m, cl_tw *vec, uint32_t *n, uint32_t keep) {
    *n = cl_keep_heaviest(m, vec, *n, keep);
}

/* Indices of the q heaviest terms of vec (sorted by term), heaviest first,
 * ties to the lower term; returns how many (min(n, q)). */
static uint32_t top_terms(sl_cluster *m, const cl_tw *vec, uint32_t n, uint32_t *out, uint32_t q) {
    uint32_t k = n < q ? n : q;
    if (sl_grow(&m->rank_keys, &m->caprank_keys, n ? n : 1, sizeof *m->rank_keys)) {
        /* no memory: selection by repeated scans */
        uint64_t last = UINT64_MAX;
        for (uint32_t r = 0; r < k; r++) {
            uint64_t best = 0;
            for (uint32_t i = 0; i < n; i++) {
                uint64_t key = rank_key(vec[i].w, i);
                if (key < last && key >= best) best = key;
            }
            out[r] = UINT32_MAX - (uint32_t)best;
            last = best;
        }
        return k;
    }
    uint64_t *keys = m->rank_keys;
    for (uint32_t i = 0; i < n; i++) keys[i] = rank_key(vec[i].w, i);
    if (k < n) select_largest(keys, n, k);
    sort_desc(keys, k);
    for (uint32_t i = 0; i < k; i++) out[i] = UINT32_MAX - (uint32_t)keys[i];
    return k;
}

int cl_post_add(cl_postings *p, uint32_t id) {
    if (p->len && p->ids[p->len - 1] == id) return 0;
    if (p->len == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 4;
        uint32_t *ids = realloc(p->ids, cap * sizeof *ids);
        if (!ids) return SL_ENOMEM;
        p->ids = ids;
        p->cap = cap;
    }
    p->ids[p->len++] = id;
    return 0;
}

/* Posts id under the top terms of vec that it is not already posted under
 * (posted[] holds the previous top terms), then remembers the new ones. */
static int post_vec(sl_cluster *m, cl_postings *post, const cl_tw *vec, uint32_t n, uint32_t id,
                    uint32_t *posted, uint32_t *nposted) {
    uint32_t width = post == m->st_post ? CL_STORY_INDEX_TERMS : CL_QUERY_TERMS;
    uint32_t q[CL_STORY_INDEX_TERMS];
    uint32_t k = top_terms(m, vec, n, q, width);
    /* the terms posted under before, in a small hash set */
    enum { SET_BITS = 7 };   /* 128 slots for <= CL_STORY_INDEX_TERMS terms */
    uint32_t set[1u << SET_BITS];
    memset(set, 0xff, sizeof set);
    for (uint32_t j = 0; j < *nposted; j++) {
        uint32_t h = (posted[j] * 0x9E3779B1u) >> (32 - SET_BITS);
        while (set[h] != UINT32_MAX) h = (h + 1) & ((1u << SET_BITS) - 1);
        set[h] = posted[j];
    }
    for (uint32_t i = 0; i < k; i++) {
        uint32_t t = vec[q[i]].term;
        uint32_t h = (t * 0x9E3779B1u) >> (32 - SET_BITS);
        while (set[h] != UINT32_MAX && set[h] != t) h = (h + 1) & ((1u << SET_BITS) - 1);
        if (set[h] == t) continue;   /* posted under it already */
        if (cl_post_add(&post[t], id)) return SL_ENOMEM;
        m->kind[t] |= post == m->ev_post ? CL_EV_POSTED : CL_ST_POSTED;
        m->posted_since_purge++;
    }
    for (uint32_t i = 0; i < k; i++) posted[i] = vec[q[i]].term;
    *nposted = k;
    return 0;
}

/* ---- union-find ------------------------------------------------------------ */

/* Roots with path halving: a merged item's parent is moved up to its
 * grandparent on the way (roots never change, so this is invisible to
 * results; the model is logically const). */
uint32_t cl_event_root(const sl_cluster *m, uint32_t e) {
    cl_event *ev = m->ev;
    while (ev[e].parent != e) {
        ev[e].parent = ev[ev[e].parent].parent;
        e = ev[e].parent;
    }
    return e;
}

uint32_t cl_story_root(const sl_cluster *m, uint32_t s) {
    cl_story *st = m->st;
    while (st[s].parent != s) {
        st[s].parent = st[st[s].parent].parent;
        s = st[s].parent;
    }
    return s;
}

/* ---- time ------------------------------------------------------------------ */

/* Gap between two day spans (0 when they overlap). */
static int32_t span_gap(int32_t f1, int32_t l1, int32_t f2, int32_t l2) {
    if (f1 == SL_NO_DATE || f2 == SL_NO_DATE) return 0;
    if (f2 > l1) return f2 - l1;
    if (f1 > l2) return f1 - l2;
    return 0;
}

static double event_decay(const sl_cluster *m, int32_t gap) {
    if (gap <= 1) return 1.0;
    return exp(-(double)(gap - 1) / m->opt.event_decay_days);
}

/* An event is what happened over days, not a thread of months: one that
 * would span more than CL_EVENT_SPAN_DAYS is damped the same way, so steady
 * daily coverage of a long story becomes successive events of one story. */
static double event_span_decay(const sl_cluster *m, int32_t f1, int32_t l1, int32_t f2, int32_t l2) {
    if (f1 == SL_NO_DATE || f2 == SL_NO_DATE) return 1.0;
    int32_t span = SL_MAX(l1, l2) - SL_MIN(f1, f2);
    if (span <= CL_EVENT_SPAN_DAYS) return 1.0;
    return exp(-(double)(span - CL_EVENT_SPAN_DAYS) / m->opt.event_decay_days);
}

static double story_decay(const sl_cluster *m, int32_t gap) {
    if (gap <= 30) return 1.0;
    return exp(-(double)(gap - 30) / m->opt.story_decay_days);
}

#ifndef SINGLE_TERM_FACTOR
#define SINGLE_TERM_FACTOR 0.5
#endif
#ifndef STORY_PRIOR
#define STORY_PRIOR 0.2
#endif
#ifndef STORY_ACTIVITY_DAYS
#define STORY_ACTIVITY_DAYS 30.0
#endif
#ifndef SMALL_STORY
#define SMALL_STORY 4
#endif
#ifndef STORY_MIN_SHARED
#define STORY_MIN_SHARED 3
#endif
#ifndef NO_NAME_FACTOR
#define NO_NAME_FACTOR 0.3
#endif
#ifndef CL_MIN_SHARED
#define CL_MIN_SHARED 2
#endif
#ifndef WEAK_REST
#define WEAK_REST 0.03
#endif
#ifndef WEAK_RANK
#define WEAK_RANK 0.6
#endif
#ifndef SETTLE_KEEP
#define SETTLE_KEEP 32
#endif
#ifndef SETTLE_MERGE
#define SETTLE_MERGE 0.12
#endif

/* Above the largest cosine that float rounding can produce (vectors with
 * non-negative weights: cosines are in [0, 1] up to a few ulps). */
#define CL_COS_SLACK 1.01

/* The score factors applied after the cosine only damp it (the bounds
 * above rely on it). */
#define CL_FACTORS_DAMP (SINGLE_TERM_FACTOR <= 1.0 && NO_NAME_FACTOR <= 1.0 && WEAK_RANK <= 1.0)

/* A fresh stamp, above every stamp given before.  reserve: the stamps the
 * caller will take after it (m->stamp + 1 ... + reserve), which must not
 * wrap around: stamps are compared by order within one lookup. */
static uint32_t next_stamp_range(sl_cluster *m, uint32_t reserve) {
    if (m->stamp >= UINT32_MAX - 1 - reserve) {
        for (size_t i = 0; i < m->nev; i++) m->ev[i].stamp = 0;
        for (size_t i = 0; i < m->nst; i++) m->st[i].stamp = 0;
        m->stamp = 0;
    }
    return ++m->stamp;
}

static uint32_t next_stamp(sl_cluster *m) { return next_stamp_range(m, 0); }

/* A story's recent activity seen from `day`: its articles, each counting
 * e^(-age/STORY_ACTIVITY_DAYS). */
static double story_activity(const cl_story *st, int32_t day) {
    if (day == SL_NO_DATE || st->activity_day == SL_NO_DATE || day <= st->activity_day)
        return st->activity;
    return st->activity * exp(-(double)(day - st->activity_day) / STORY_ACTIVITY_DAYS);
}

static void story_touch(cl_story *st, int32_t day, double add) {
    double a = story_activity(st, day) + add;
    if (day != SL_NO_DATE && (st->activity_day == SL_NO_DATE || day > st->activity_day))
        st->activity_day = day;
    st->activity = (float)a;
}

/* ---- candidates ---------------------------------------------------------------- */

/* Prefetches the newest postings of the query terms vec[q[0..nq)] (each
 * lookup is otherwise three dependent cache misses: the list header, its
 * ids, the item; issuing them together lets them overlap). */
static uint32_t posted_terms(const sl_cluster *m, const cl_tw *vec, uint32_t *q, uint32_t nq,
                             uint8_t flag) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < nq; i++)
        if (m->kind[vec[q[i]].term] & flag) q[k++] = q[i];
    return k;
}

static void prefetch_postings(const cl_postings *post, const cl_tw *vec, const uint32_t *q,
                              uint32_t nq) {
    for (uint32_t qi = 0; qi < nq; qi++) __builtin_prefetch(&post[vec[q[qi]].term]);
    for (uint32_t qi = 0; qi < nq; qi++) {
        const cl_postings *p = &post[vec[q[qi]].term];
        if (p->len) __builtin_prefetch(&p->ids[p->len - 1]);
    }
}

/* Makes ev_dead cover every event (when memory allows: the bits only spare
 * reading the events). */
static void reserve_dead_bits(sl_cluster *m) {
    if (m->nev <= m->ev_dead_cap) return;
    size_t cap = m->ev_dead_cap ? m->ev_dead_cap : 4096;
    while (cap < m->nev) cap *= 2;
    uint64_t *bits = realloc(m->ev_dead, cap / 64 * sizeof *bits);
    if (!bits) return;
    memset(bits + m->ev_dead_cap / 64, 0, (cap - m->ev_dead_cap) / 64 * sizeof *bits);
    m->ev_dead = bits;
    m->ev_dead_cap = cap;
}

/* Best eligible event for a vector spanning [first,last] (not `self`);
 * returns its index or UINT32_MAX, the score in *score. */
static uint32_t best_event(sl_cluster *m, const cl_tw *vec, uint32_t n, float vnorm,
                           int32_t first, int32_t last, uint32_t self, double *score) {
    uint32_t q[CL_EVENT_SEARCH_TERMS];
    uint32_t nq = top_terms(m, vec, n, q, CL_EVENT_SEARCH_TERMS);
    /* ev->stamp >= lookup: seen by this lookup; == list: seen in this list */
    uint32_t lookup = next_stamp_range(m, CL_EVENT_SEARCH_TERMS);
    uint32_t best = UINT32_MAX;
    double best_score = 0, best_rank = 0;
    int best_weak = 0;
    uint32_t scored = 0;
    nq = posted_terms(m, vec, q, nq, CL_EV_POSTED);   /* an empty list holds no candidate */
    prefetch_postings(m->ev_post, vec, q, nq);
    reserve_dead_bits(m);
    uint64_t *dead = m->ev_dead;
    size_t dead_cap = m->ev_dead_cap;
    query_table qtab, *qt = &qtab;
    qt_load(m, qt, vec, n);
    /* Phase 1: walk the lists, gathering the candidates (which ones, and
     * in what order, does not depend on scores), so that their centroids
     * are fetched together rather than one miss at a time. */
    struct { uint32_t e; int32_t gap; } cand[CL_MAX_CANDIDATES + CL_POST_WINDOW];
    uint32_t ncand = 0;
    for (uint32_t qi = 0; qi < nq && scored < CL_MAX_CANDIDATES; qi++) {
        cl_postings *p = &m->ev_post[vec[q[qi]].term];
        uint32_t list = ++m->stamp;
        uint32_t seen = 0;
        uint32_t visited = 0;
        /* Walking newest first, the entries kept (live, first in the list)
         * are moved up to ids[keep..len); the others are dropped on the way
         * (see purge_postings: they count for nothing, so dropping them
         * changes no result). */
        uint32_t len = p->len, j = len, keep = len;
        uint32_t *ids = p->ids;
        while (j > 0 && seen < CL_POST_WINDOW && visited < CL_POST_VISITS) {
            uint32_t e = ids[--j];
            /* most postings are of closed events: known ones are skipped
             * without reading the event */
            if (e < dead_cap && (dead[e / 64] >> (e % 64) & 1)) continue;
            cl_event *ev = &m->ev[e];
            if (!ev->open || ev->parent != e) {
                if (e < dead_cap) dead[e / 64] |= (uint64_t)1 << (e % 64);
                continue;
            }
            if (ev->stamp == list) continue;   /* an older entry of an event met in this list */
            if (--keep != j) ids[keep] = e;   /* (written only once an entry was dropped) */
            visited++;
            if (e == self || ev->stamp >= lookup) {   /* met in an earlier list */
                ev->stamp = list;
                continue;
            }
            ev->stamp = list;
            int32_t gap = span_gap(first, last, ev->first_day, ev->last_day);
            if (gap > m->opt.close_days) continue;
            seen++;
            scored++;
            /* its centroid will be read: fetch its first lines now */
            __builtin_prefetch(ev->cent);
            __builtin_prefetch((const char *)ev->cent + 64);
            cand[ncand].e = e;
            cand[ncand++].gap = gap;
        }
        if (keep > j) {   /* close the gap left by dropped entries */
            memmove(ids + j, ids + keep, (len - keep) * sizeof *ids);
            p->len = j + (len - keep);
            if (p->len == 0) {   /* nothing live left: the list goes */
                free(p->ids);
                p->ids = NULL;
                p->cap = 0;
                m->kind[vec[q[qi]].term] &= (uint8_t)~CL_EV_POSTED;
            }
        }
    }
    /* Phase 2: score the candidates in the order they were found. */
    for (uint32_t ci = 0; ci < ncand; ci++) {
        uint32_t e = cand[ci].e;
        int32_t gap = cand[ci].gap;
        const cl_event *ev = &m->ev[e];
        if (ev->norm <= 0 || vnorm <= 0) continue;
        double decay = event_decay(m, gap);
        double span_decay = event_span_decay(m, first, last, ev->first_day, ev->last_day);
        /* A cosine is at most 1 (CL_COS_SLACK covers rounding) and a
         * rank at most the score: an event decayed below the best rank
         * so far cannot beat it, and its dot product is not computed. */
        if (CL_FACTORS_DAMP && decay * span_decay * CL_COS_SLACK < best_rank) continue;
        uint32_t shared;
        double dot = qt->n ? qt_dot_shared(qt, ev->cent, ev->ncent, &shared)
                           : dot_shared(vec, n, ev->cent, ev->ncent, &shared);
        double s = dot / (ev->norm * vnorm) * decay * span_decay;
        if (shared < CL_MIN_SHARED && shared < n) s *= SINGLE_TERM_FACTOR;   /* one word in common: weak evidence */
        if (s < best_rank || (s == best_rank && best != UINT32_MAX && e > best)) continue;
        /* a weak link: one term carries the match ("Google" shared by
         * a wearables launch and a referral programme); a candidate
         * matched on more evidence ranks before it */
        int weak = shared < n &&
                   (shared < CL_MIN_SHARED ||
                    (dot - top_product(vec, n, ev->cent, ev->ncent)) / (ev->norm * vnorm) < WEAK_REST);
        double rank = weak ? s * WEAK_RANK : s;
        if (rank > best_rank || (rank == best_rank && best != UINT32_MAX && e < best)) {
            best_rank = rank;
            best_score = s;
            best = e;
            best_weak = weak;
        }
    }
    m->last_scored = scored;
    m->last_weak = best_weak;
    *score = best_score;
    return best;
}

uint32_t cl_debug_candidates(sl_cluster *m, const cl_tw *vec, uint32_t n, int32_t day) {
    double score;
    best_event(m, vec, n, 1.0f, day, day, UINT32_MAX, &score);
    return m->last_scored;
}

double cl_debug_event_decay(const sl_cluster *m, int32_t gap) { return event_decay(m, gap); }

uint32_t cl_debug_top_terms(sl_cluster *m, const cl_tw *vec, uint32_t n, uint32_t *out, uint32_t q) {
    return top_terms(m, vec, n, out, q);
}

static uint32_t best_story(sl_cluster *m, const cl_tw *vec, uint32_t n, float vnorm,
                           int32_t first, int32_t last, uint32_t self, int prior, double *score) {
    uint32_t q[CL_SEARCH_TERMS];
    uint32_t nq = top_terms(m, vec, n, q, CL_SEARCH_TERMS);
    uint32_t stamp = next_stamp(m);
    uint32_t best = UINT32_MAX;
    double best_score = 0;
    uint32_t scored = 0;
    nq = posted_terms(m, vec, q, nq, CL_ST_POSTED);
    prefetch_postings(m->st_post, vec, q, nq);
    query_table qtab, *qt = &qtab;
    qt_load(m, qt, vec, n);
    for (uint32_t qi = 0; qi < nq && scored < CL_MAX_CANDIDATES; qi++) {
        const cl_postings *p = &m->st_post[vec[q[qi]].term];
        uint32_t seen = 0;
        uint32_t visited = 0;
        /* (unlike an event lookup, every entry counts against the visit
         * limit here: a story is re-posted as its centroid drifts, and its
         * older entries bound how far back a list is read) */
        for (uint32_t j = p->len; j-- > 0 && seen < CL_POST_WINDOW && visited++ < CL_POST_VISITS;) {
            uint32_t s = p->ids[j];
            cl_story *st = &m->st[s];
            if (!st->open || st->parent != s || s == self || st->stamp == stamp) continue;
            st->stamp = stamp;
            int32_t gap = span_gap(first, last, st->first_day, st->last_day);
            if (gap > m->opt.story_close_days) continue;
            seen++;
            scored++;
            if (st->norm <= 0 || vnorm <= 0) continue;
            double decay = story_decay(m, gap);
            double prior_factor = prior ? 1.0 + STORY_PRIOR * log(1.0 + story_activity(st, last)) : 1.0;
            /* as for events: a story that could not beat the best even
             * with a cosine of 1 is not scored */
            if (CL_FACTORS_DAMP && decay * prior_factor * CL_COS_SLACK < best_score) continue;
            uint32_t shared, shared_names;
            int story_names;
            float dot = qt->n ? qt_dot_names(m, qt, st->cent, st->ncent, &shared, &shared_names, &story_names)
                              : dot_names(m, vec, n, st->cent, st->ncent, &shared, &shared_names, &story_names);
            double sc = dot /
                        (st->norm * vnorm) * decay;
            if (shared < STORY_MIN_SHARED && shared < n) sc *= SINGLE_TERM_FACTOR;
            /* a story about named people and places is joined through one
             * of its names, not through news vocabulary alone ("vote",
             * "minister", "talks") */
            if (story_names && shared_names == 0) sc *= NO_NAME_FACTOR;
            /* prior: an active story is likelier to be the one (as in a
             * Chinese-restaurant process, but damped by a logarithm) */
            if (prior) sc *= prior_factor;
            if (sc > best_score || (sc == best_score && best != UINT32_MAX && s < best)) {
                best_score = sc;
                best = s;
            }
        }
    }
    *score = best_score;
    return best;
}

/* ---- events and stories ------------------------------------------------------------ */

static void widen(int32_t *first, int32_t *last, int32_t day) {
    if (day == SL_NO_DATE) return;
    if (*first == SL_NO_DATE || day < *first) *first = day;
    if (*last == SL_NO_DATE || day > *last) *last = day;
}

static int push_open(uint32_t **list, size_t *n, size_t *cap, uint32_t id) {
    if (sl_grow(list, cap, *n + 1, sizeof **list)) return SL_ENOMEM;
    (*list)[(*n)++] = id;
    return 0;
}

/* The label text of an article: its title, else its first sentence. */
static char *article_label(const sl_article *a) {
    const char *s = a->title.ptr;
    size_t len = a->title.len;
    if (!len) {
        s = a->text.ptr;
        len = a->text.len;
        sl_span sp;
        if (len && sl_split_sentences(s, len, &sp, 1) >= 1) {
            s += sp.start;
            len = sp.len;
        }
        if (len > CL_LABEL_MAX) {
            size_t cut = CL_LABEL_MAX;
            while (cut > CL_LABEL_MAX / 2 && s[cut] != ' ') cut--;
            while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
            len = cut;
        }
    }
    char *out = malloc(len + 1);
    if (!out) return NULL;
    /* one line: blanks collapse to spaces */
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && (k == 0 || out[k - 1] == ' ')) continue;
        out[k++] = c;
    }
    while (k && out[k - 1] == ' ') k--;
    out[k] = '\0';
    return out;
}

static int story_add_vec(sl_cluster *m, uint32_t s, const cl_tw *vec, uint32_t n, int32_t day) {
    cl_story *st = &m->st[s];
    story_touch(st, day, 1.0);
    if (vec_add(m, &st->cent, &st->ncent, vec, n, CL_STORY_TERMS)) return SL_ENOMEM;
    st = &m->st[s];
    st->norm = cl_norm(st->cent, st->ncent);
    widen(&st->first_day, &st->last_day, day);
    st->size++;
    return post_vec(m, m->st_post, st->cent, st->ncent, s, st->posted, &st->nposted);
}

static void story_note_event(sl_cluster *m, uint32_t s, uint32_t e) {
    cl_story *st = &m->st[s];
    uint32_t b = cl_event_root(m, st->best_event);
    if (b == e || m->ev[e].size > m->ev[b].size || (m->ev[e].size == m->ev[b].size && e < b))
        st->best_event = e;
    else
        st->best_event = b;
}

static int new_story(sl_cluster *m, uint32_t *out) {
    if (m->nst >= UINT32_MAX - 1) return SL_ENOMEM;
    if (sl_grow(&m->st, &m->capst, m->nst + 1, sizeof *m->st)) return SL_ENOMEM;
    uint32_t s = (uint32_t)m->nst++;
    cl_story *st = &m->st[s];
    memset(st, 0, sizeof *st);
    st->parent = s;
    st->first_day = st->last_day = SL_NO_DATE;
    st->activity_day = SL_NO_DATE;
    st->open = 1;
    if (push_open(&m->open_st, &m->nopen_st, &m->capopen_st, s)) return SL_ENOMEM;
    *out = s;
    return 0;
}

static int merge_stories(sl_cluster *m, uint32_t a, uint32_t b, uint32_t *out);

/* Looks for a story converging with s and merges them; *s follows. */
static int story_converge(sl_cluster *m, uint32_t *s) {
    cl_story *st = &m->st[*s];
    double score;
    uint32_t other = best_story(m, st->cent, st->ncent, st->norm, st->first_day, st->last_day,
                                *s, 0, &score);
    if (other == UINT32_MAX) return 0;
    /* Two grown stories merge on strong evidence only; a small one (its
     * centroid as noisy as a single article's) folds in on the same terms as
     * an article joins a story. */
    uint64_t smaller = SL_MIN(st->size, m->st[other].size);
    double threshold = smaller < SMALL_STORY ? m->opt.story_threshold : m->opt.story_merge_threshold;
    if (score < threshold) return 0;
    return merge_stories(m, *s, other, s);
}

/* Which of two merging items keeps its id: the larger (fewer articles
 * change id), the older on a tie. */
static void survivor(uint64_t size_a, uint64_t size_b, uint32_t a, uint32_t b, uint32_t *keep,
                     uint32_t *gone) {
    int a_wins = size_a > size_b || (size_a == size_b && a < b);
    *keep = a_wins ? a : b;
    *gone = a_wins ? b : a;
}

static int merge_stories(sl_cluster *m, uint32_t a, uint32_t b, uint32_t *out) {
    uint32_t keep, gone;
    survivor(m->st[a].size, m->st[b].size, a, b, &keep, &gone);
    cl_story *g = &m->st[gone];
    if (vec_add(m, &m->st[keep].cent, &m->st[keep].ncent, g->cent, g->ncent, CL_STORY_TERMS))
        return SL_ENOMEM;
    cl_story *k = &m->st[keep];
    g = &m->st[gone];
    k->norm = cl_norm(k->cent, k->ncent);
    widen(&k->first_day, &k->last_day, g->first_day);
    widen(&k->first_day, &k->last_day, g->last_day);
    k->size += g->size;
    k->events += g->events;
    {
        int32_t day = g->activity_day;
        double ga = story_activity(g, k->activity_day);
        if (day != SL_NO_DATE && (k->activity_day == SL_NO_DATE || day > k->activity_day)) {
            ga = g->activity;
            story_touch(k, day, 0.0);
        }
        k->activity = (float)(k->activity + ga);
    }
    k->open = 1;
    uint32_t gb = cl_event_root(m, g->best_event);
    story_note_event(m, keep, gb);
    if (post_vec(m, m->st_post, k->cent, k->ncent, keep, k->posted, &k->nposted)) return SL_ENOMEM;
    g->parent = keep;
    g->open = 0;
    free(g->cent);
    g->cent = NULL;
    g->ncent = 0;
    m->closed_since_purge++;
    *out = keep;
    return 0;
}

/* Merges events a and b (the larger keeps its id, *out).  When they are in
 * different stories, the one that is gone leaves its story if that story
 * has other events and another best event (one converging event does not
 * tie two stories together: tuned on the headlines dev set, story pairwise
 * precision); otherwise the stories merge. */
static int merge_events(sl_cluster *m, uint32_t a, uint32_t b, uint32_t *out) {
    uint32_t keep, gone;
    survivor(m->ev[a].size, m->ev[b].size, a, b, &keep, &gone);
    *out = keep;
    cl_event *g = &m->ev[gone];
    if (vec_add(m, &m->ev[keep].cent, &m->ev[keep].ncent, g->cent, g->ncent, CL_EVENT_TERMS))
        return SL_ENOMEM;
    cl_event *k = &m->ev[keep];
    g = &m->ev[gone];
    k->norm = cl_norm(k->cent, k->ncent);
    widen(&k->first_day, &k->last_day, g->first_day);
    widen(&k->first_day, &k->last_day, g->last_day);
    k->size += g->size;
    k->originals += g->originals;
    k->pending = k->pending && g->pending;   /* joined a settled event: settled */
    /* the more central of the two labels stays */
    float sk = cl_dot(k->label_vec, k->nlabel, k->cent, k->ncent);
    float sg = cl_dot(g->label_vec, g->nlabel, k->cent, k->ncent);
    if (sg > sk) {
        free(k->label);
        free(k->label_vec);
        k->label = g->label;
        k->label_vec = g->label_vec;
        k->nlabel = g->nlabel;
        g->label = NULL;
        g->label_vec = NULL;
        g->nlabel = 0;
    }
    if (post_vec(m, m->ev_post, k->cent, k->ncent, keep, k->posted, &k->nposted)) return SL_ENOMEM;
    g->parent = keep;
    g->open = 0;
    free(g->cent);
    free(g->label);
    free(g->label_vec);
    g->cent = NULL;
    g->label = NULL;
    g->label_vec = NULL;
    g->ncent = g->nlabel = 0;
    m->closed_since_purge++;

    uint32_t sk_ = cl_story_root(m, k->story), sg_ = cl_story_root(m, g->story);
    uint32_t s = sk_;
    if (sk_ != sg_ && m->st[sg_].events > 1 &&
        cl_event_root(m, m->st[sg_].best_event) != keep) {
        /* its articles leave their story, which keeps its other events */
        m->st[sg_].events--;
        m->st[sg_].size -= g->size;
        m->st[sk_].size += g->size;
        widen(&m->st[sk_].first_day, &m->st[sk_].last_day, g->first_day);
        widen(&m->st[sk_].first_day, &m->st[sk_].last_day, g->last_day);
    } else {
        if (sk_ != sg_ && merge_stories(m, sk_, sg_, &s)) return SL_ENOMEM;
        m->st[s].events--;
    }
    k = &m->ev[keep];
    k->story = s;
    story_note_event(m, s, keep);
    return 0;
}

static int is_pow2(uint64_t x) { return x >= 2 && (x & (x - 1)) == 0; }

/* When the story of event e doubles in size, it looks for a converging story. */
static int story_maybe_converge(sl_cluster *m, uint32_t e) {
    uint32_t s = cl_story_root(m, m->ev[e].story);
    uint64_t size = m->st[s].size;
    if (size >= 2 && (is_pow2(size) || size % 16 == 0)) {
        if (story_converge(m, &s)) return SL_ENOMEM;
    }
    m->ev[e].story = s;
    return 0;
}

static int join_event(sl_cluster *m, uint32_t e, const cl_doc *d, const sl_article *a, int32_t day) {
    cl_event *ev = &m->ev[e];
    if (vec_add(m, &ev->cent, &ev->ncent, d->vec, d->nvec, CL_EVENT_TERMS)) return SL_ENOMEM;
    ev = &m->ev[e];
    ev->norm = cl_norm(ev->cent, ev->ncent);
    widen(&ev->first_day, &ev->last_day, day);
    ev->size++;
    ev->originals++;
    if (post_vec(m, m->ev_post, ev->cent, ev->ncent, e, ev->posted, &ev->nposted)) return SL_ENOMEM;
    /* the member most similar to the centroid labels the event */
    float s_new = cl_dot(d->vec, d->nvec, ev->cent, ev->ncent);
    float s_old = cl_dot(ev->label_vec, ev->nlabel, ev->cent, ev->ncent);
    if (s_new > s_old) {
        char *label = article_label(a);
        cl_tw *lv = malloc((d->nvec ? d->nvec : 1) * sizeof *lv);
        if (!label || !lv) {
            free(label);
            free(lv);
            return SL_ENOMEM;
        }
        memcpy(lv, d->vec, d->nvec * sizeof *lv);
        free(ev->label);
        free(ev->label_vec);
        ev->label = label;
        ev->label_vec = lv;
        ev->nlabel = d->nvec;
    }
    uint32_t s = cl_story_root(m, ev->story);
    ev->story = s;
    if (story_add_vec(m, s, d->svec, d->nsvec, day)) return SL_ENOMEM;
    story_note_event(m, s, e);
    if (is_pow2(ev->originals)) {
        double score;
        ev = &m->ev[e];
        uint32_t other = best_event(m, ev->cent, ev->ncent, ev->norm, ev->first_day,
                                    ev->last_day, e, &score);
        if (other != UINT32_MAX && score >= m->opt.merge_threshold && !m->last_weak) {
            if (merge_events(m, e, other, &e)) return SL_ENOMEM;
        }
    }
    return story_maybe_converge(m, e);
}

static int new_event(sl_cluster *m, const cl_doc *d, const sl_article *a, int32_t day,
                     uint32_t *out) {
    if (m->nev >= UINT32_MAX - 1) return SL_ENOMEM;
    if (sl_grow(&m->ev, &m->capev, m->nev + 1, sizeof *m->ev)) return SL_ENOMEM;
    uint32_t e = (uint32_t)m->nev;
    cl_event *ev = &m->ev[e];
    memset(ev, 0, sizeof *ev);
    ev->parent = e;
    ev->first_day = ev->last_day = day;
    ev->size = 1;
    ev->originals = 1;
    ev->open = 1;
    ev->pending = 1;
    ev->cent = malloc((d->nvec ? d->nvec : 1) * sizeof *ev->cent);
    ev->label_vec = malloc((d->nvec ? d->nvec : 1) * sizeof *ev->label_vec);
    ev->label = article_label(a);
    if (!ev->cent || !ev->label_vec || !ev->label) {
        free(ev->cent);
        free(ev->label_vec);
        free(ev->label);
        return SL_ENOMEM;
    }
    memcpy(ev->cent, d->vec, d->nvec * sizeof *ev->cent);
    memcpy(ev->label_vec, d->vec, d->nvec * sizeof *ev->label_vec);
    ev->ncent = ev->nlabel = d->nvec;
    ev->norm = cl_norm(ev->cent, ev->ncent);
    m->nev++;
    if (post_vec(m, m->ev_post, d->vec, d->nvec, e, m->ev[e].posted, &m->ev[e].nposted)) return SL_ENOMEM;
    if (push_open(&m->open_ev, &m->nopen_ev, &m->capopen_ev, e)) return SL_ENOMEM;

    double score;
    uint32_t s = best_story(m, d->svec, d->nsvec, 1.0f, day, day, UINT32_MAX, 1, &score);
    if (s == UINT32_MAX || score < m->opt.story_threshold) {
        if (new_story(m, &s)) return SL_ENOMEM;
        m->st[s].best_event = e;
    }
    m->ev[e].story = s;
    m->st[s].events++;
    if (story_add_vec(m, s, d->svec, d->nsvec, day)) return SL_ENOMEM;
    story_note_event(m, s, e);
    *out = e;
    return story_maybe_converge(m, e);
}

/* ---- compaction ------------------------------------------------------------------ */

/* Drops the entries of closed or merged items and all but the newest entry
 * of each item, keeping the order.  Event lookups skip exactly those
 * entries without counting them, so this never changes an event result
 * (best_event drops them too from the parts of lists it walks; this catches
 * the lists no lookup reads and bounds memory); story lookups count them
 * (see cluster.h). */
static void purge_postings(sl_cluster *m, cl_postings *post, size_t nterms, int is_event) {
    for (size_t t = 0; t < nterms; t++) {
        cl_postings *p = &post[t];
        if (p->len == 0) continue;
        uint32_t stamp = next_stamp(m);
        uint32_t k = p->len;   /* fill from the end, walking newest first */
        for (uint32_t j = p->len; j-- > 0;) {
            uint32_t id = p->ids[j];
            int live;
            uint32_t *st;
            if (is_event) {
                live = m->ev[id].open && m->ev[id].parent == id;
                st = &m->ev[id].stamp;
            } else {
                live = m->st[id].open && m->st[id].parent == id;
                st = &m->st[id].stamp;
            }
            if (!live || *st == stamp) continue;
            *st = stamp;
            p->ids[--k] = id;
        }
        uint32_t n = p->len - k;
        memmove(p->ids, p->ids + k, n * sizeof *p->ids);
        p->len = n;
        if (n == 0) {
            m->kind[t] &= (uint8_t)~(is_event ? CL_EV_POSTED : CL_ST_POSTED);
            free(p->ids);
            p->ids = NULL;
            p->cap = 0;
        } else if (n * 4 < p->cap && p->cap > 8) {
            uint32_t *ids = realloc(p->ids, n * 2 * sizeof *ids);
            if (ids) {
                p->ids = ids;
                p->cap = n * 2;
            }
        }
    }
}

/* Purges the postings once the stale entries may outnumber the live ones. */
static void maybe_purge(sl_cluster *m) {
    size_t live = m->nopen_ev * CL_QUERY_TERMS + m->nopen_st * CL_STORY_INDEX_TERMS;
    if (m->posted_since_purge < ((size_t)1 << 18) || m->posted_since_purge < 2 * live) {
        if (m->closed_since_purge <= 4096 || m->closed_since_purge <= m->nopen_ev) return;
    }
    size_t nterms = (size_t)sl_vocab_size(m->terms);
    purge_postings(m, m->ev_post, nterms, 1);
    purge_postings(m, m->st_post, nterms, 0);
    m->closed_since_purge = 0;
    m->posted_since_purge = 0;
}

static void compact(sl_cluster *m) {
    if (m->cur_day == SL_NO_DATE) return;
    size_t k = 0;
    for (size_t i = 0; i < m->nopen_ev; i++) {
        uint32_t e = m->open_ev[i];
        cl_event *ev = &m->ev[e];
        if (!ev->open || ev->parent != e) continue;
        if (ev->last_day != SL_NO_DATE && ev->last_day < m->cur_day - m->opt.close_days) {
            vec_truncate(m, ev->cent, &ev->ncent, CL_CLOSED_TERMS);
            free(ev->label_vec);
            ev->label_vec = NULL;
            ev->nlabel = 0;
            ev->open = 0;
            m->closed_since_purge++;
            continue;
        }
        m->open_ev[k++] = e;
    }
    m->nopen_ev = k;
    k = 0;
    for (size_t i = 0; i < m->nopen_st; i++) {
        uint32_t s = m->open_st[i];
        cl_story *st = &m->st[s];
        if (!st->open || st->parent != s) continue;
        if (st->last_day != SL_NO_DATE && st->last_day < m->cur_day - m->opt.story_close_days) {
            vec_truncate(m, st->cent, &st->ncent, CL_CLOSED_TERMS * 2);
            st->open = 0;
            m->closed_since_purge++;
            continue;
        }
        m->open_st[k++] = s;
    }
    m->nopen_st = k;
    m->compact_day = m->cur_day;
}

/* ---- settling the day's events ------------------------------------------------------ */

/* The single pass decides on the evidence it has when each article comes.
 * Two kinds of early decision are reviewed once the day is over (when the
 * latest day advances, and at the end of each sl_cluster_add):
 *   - an article whose best match was a weak link did not join: it started
 *     an event of its own, which the articles like it joined on their
 *     stronger evidence;
 *   - small events started that day may be parts of a larger one (a title
 *     just under the threshold, a weak link).
 * Each event started since the last settling (pending) with fewer than
 * SETTLE_KEEP originals looks up its best event with its centroid, as an
 * article would, and merges into it when that match scores SETTLE_MERGE or
 * more; a pending event that gathered SETTLE_KEEP originals is an event of
 * its own.  A lone weakly linked article thus ends where it would have gone
 * at once, while a group that formed around it ("Google referral fee", 39
 * titles, beside "Google wearables SDK") stays apart.  Settling depends
 * only on the model's state, so a batch and the same articles added in two
 * runs split at a day boundary give the same ids.  Cost: one lookup per new
 * event. */
static int settle_events(sl_cluster *m) {
    for (size_t i = 0; i < m->nopen_ev; i++) {
        uint32_t e = m->open_ev[i];
        cl_event *ev = &m->ev[e];
        if (!ev->pending || !ev->open || ev->parent != e) continue;
        ev->pending = 0;
        if (ev->originals >= SETTLE_KEEP || ev->norm <= 0) continue;
        double score;
        uint32_t target = best_event(m, ev->cent, ev->ncent, ev->norm, ev->first_day, ev->last_day,
                                     e, &score);
        if (target == UINT32_MAX || score < SETTLE_MERGE) continue;
        uint8_t target_pending = m->ev[target].pending;
        uint32_t out;
        if (merge_events(m, e, target, &out)) return SL_ENOMEM;
        /* merged with an event still to settle: the result settles in its
         * turn, or, when it is this one, at once (so none stays pending) */
        m->ev[out].pending = target_pending;
        if (out == e && target_pending) i--;
    }
    return 0;
}

/* ---- adding a corpus ----------------------------------------------------------------- */

typedef struct order_key {
    int32_t day;
    int32_t time;
    uint32_t index;
} order_key;

static int cmp_order(const void *pa, const void *pb) {
    const order_key *a = pa, *b = pb;
    if (a->day != b->day) return a->day < b->day ? -1 : 1;
    if (a->time != b->time) return a->time < b->time ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Whether article i is taken as a copy: it has an original, published
 * within close_days of it (a text reused a month later reports a new event,
 * like a recurring templated story, and is clustered on its own). */
static int is_copy(const sl_cluster *m, const uint32_t *copy_of, const int32_t *days, size_t n,
                   uint32_t i) {
    if (!copy_of || copy_of[i] == i || copy_of[i] >= n) return 0;
    int32_t a = days[i], b = days[copy_of[i]];
    if (a == SL_NO_DATE || b == SL_NO_DATE) return 1;
    return (a > b ? a - b : b - a) <= m->opt.close_days;
}

int sl_cluster_add(sl_cluster *m, const sl_corpus *c, const uint32_t *copy_of,
                   int64_t *event_ids, int64_t *story_ids) {
    size_t n = sl_corpus_size(c);
    if (n == 0) return 0;
    if (n >= UINT32_MAX) return SL_EUSAGE;
    order_key *order = malloc(n * sizeof *order);
    uint32_t *art_event = malloc(n * sizeof *art_event);
    int32_t *days = malloc(n * sizeof *days);
    if (!order || !art_event || !days) {
        free(order);
        free(art_event);
        free(days);
        return SL_ENOMEM;
    }
    int32_t carry = m->cur_day;
    for (size_t i = 0; i < n; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        if (a->date != SL_NO_DATE) carry = a->date;
        days[i] = a->date != SL_NO_DATE ? a->date : carry;
        order[i].day = days[i];
        order[i].time = a->date != SL_NO_DATE ? a->time : SL_NO_TIME;
        order[i].index = (uint32_t)i;
    }
    qsort(order, n, sizeof *order, cmp_order);

    int rc = 0;
    /* originals, in time order */
    for (size_t k = 0; k < n && !rc; k++) {
        uint32_t i = order[k].index;
        art_event[i] = UINT32_MAX;
        if (is_copy(m, copy_of, days, n, i)) continue;   /* a copy: later */
        const sl_article *a = sl_corpus_article(c, i);
        int32_t day = days[i];
        if (day != SL_NO_DATE && (m->cur_day == SL_NO_DATE || day > m->cur_day)) {
            if ((rc = settle_events(m))) break;
            m->cur_day = day;
        }
        if (m->cur_day != m->compact_day) compact(m);
        maybe_purge(m);
        if ((rc = cl_doc_features(m, a, &m->doc))) break;
        if ((rc = cl_doc_vector(m, &m->doc, 1))) break;
        m->articles++;
        double score = 0;
        uint32_t e = UINT32_MAX;
        if (m->doc.nvec)
            e = best_event(m, m->doc.vec, m->doc.nvec, 1.0f, day, day, UINT32_MAX, &score);
        if (e != UINT32_MAX && score >= m->opt.event_threshold && !m->last_weak) {
            rc = join_event(m, e, &m->doc, a, day);
        } else {   /* (a weak link waits in an event of its own until the day is settled) */
            rc = new_event(m, &m->doc, a, day, &e);
        }
        art_event[i] = e;
    }
    if (!rc) rc = settle_events(m);
    /* copies join their original's event (following chains of copies) */
    for (size_t k = 0; k < n && !rc; k++) {
        uint32_t i = order[k].index;
        if (art_event[i] != UINT32_MAX) continue;
        uint32_t o = i;
        for (size_t hops = 0; hops < n && is_copy(m, copy_of, days, n, o); hops++) o = copy_of[o];
        if (art_event[o] == UINT32_MAX) { /* a cycle of copies: treat as original */
            const sl_article *a = sl_corpus_article(c, o);
            if ((rc = cl_doc_features(m, a, &m->doc)) || (rc = cl_doc_vector(m, &m->doc, 1))) break;
            m->articles++;
            rc = new_event(m, &m->doc, a, days[o], &art_event[o]);
            if (!rc) m->ev[art_event[o]].pending = 0;   /* the day is settled already */
            if (o == i) continue;
        }
        uint32_t e = cl_event_root(m, art_event[o]);
        cl_event *ev = &m->ev[e];
        widen(&ev->first_day, &ev->last_day, days[i]);
        ev->size++;
        uint32_t s = cl_story_root(m, ev->story);
        widen(&m->st[s].first_day, &m->st[s].last_day, days[i]);
        m->st[s].size++;
        m->articles++;
        art_event[i] = e;
    }
    if (!rc) {
        for (size_t i = 0; i < n; i++) {
            uint32_t e = cl_event_root(m, art_event[i]);
            if (event_ids) event_ids[i] = (int64_t)e + 1;
            if (story_ids) story_ids[i] = (int64_t)cl_story_root(m, m->ev[e].story) + 1;
        }
    }
    m->index_dirty = 1;
    free(order);
    free(art_event);
    free(days);
    return rc;
}

/* ---- reading the model ------------------------------------------------------------------ */

static const sl_cluster *g_sort_model;  /* only during cl_rebuild_index's qsort */

static int cmp_story_size(const void *pa, const void *pb) {
    const sl_cluster *m = g_sort_model;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    if (m->st[a].size != m->st[b].size) return m->st[a].size > m->st[b].size ? -1 : 1;
    return a < b ? -1 : a > b;
}

static int cmp_event_date(const void *pa, const void *pb) {
    const sl_cluster *m = g_sort_model;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    if (m->ev[a].first_day != m->ev[b].first_day) return m->ev[a].first_day < m->ev[b].first_day ? -1 : 1;
    return a < b ? -1 : a > b;
}

int cl_rebuild_index(sl_cluster *m) {
    free(m->order);
    free(m->story_ev_start);
    free(m->story_ev);
    m->order = NULL;
    m->story_ev_start = NULL;
    m->story_ev = NULL;
    m->norder = 0;
    m->order = malloc((m->nst ? m->nst : 1) * sizeof *m->order);
    m->story_ev_start = calloc(m->nst + 1, sizeof *m->story_ev_start);
    m->story_ev = malloc((m->nev ? m->nev : 1) * sizeof *m->story_ev);
    if (!m->order || !m->story_ev_start || !m->story_ev) return SL_ENOMEM;
    for (size_t s = 0; s < m->nst; s++)
        if (m->st[s].parent == s) m->order[m->norder++] = (uint32_t)s;
    for (size_t e = 0; e < m->nev; e++)
        if (m->ev[e].parent == e) m->story_ev_start[cl_story_root(m, m->ev[e].story) + 1]++;
    for (size_t s = 0; s < m->nst; s++) m->story_ev_start[s + 1] += m->story_ev_start[s];
    uint32_t *fill = malloc((m->nst ? m->nst : 1) * sizeof *fill);
    if (!fill) return SL_ENOMEM;
    memcpy(fill, m->story_ev_start, m->nst * sizeof *fill);
    for (size_t e = 0; e < m->nev; e++)
        if (m->ev[e].parent == e) m->story_ev[fill[cl_story_root(m, m->ev[e].story)]++] = (uint32_t)e;
    free(fill);
    g_sort_model = m;
    qsort(m->order, m->norder, sizeof *m->order, cmp_story_size);
    for (size_t s = 0; s < m->nst; s++) {
        uint32_t a = m->story_ev_start[s], b = m->story_ev_start[s + 1];
        if (b - a > 1) qsort(m->story_ev + a, b - a, sizeof *m->story_ev, cmp_event_date);
    }
    g_sort_model = NULL;
    m->index_dirty = 0;
    return 0;
}

static int ensure_index(const sl_cluster *m) {
    if (!m->index_dirty && m->order) return 0;
    return cl_rebuild_index((sl_cluster *)m);
}

uint64_t sl_cluster_articles(const sl_cluster *m) { return m->articles; }

int64_t sl_cluster_event_id(const sl_cluster *m, int64_t id) {
    if (id < 1 || (uint64_t)id > m->nev) return 0;
    return (int64_t)cl_event_root(m, (uint32_t)(id - 1)) + 1;
}

int64_t sl_cluster_story_of(const sl_cluster *m, int64_t id) {
    if (id < 1 || (uint64_t)id > m->nev) return 0;
    uint32_t e = cl_event_root(m, (uint32_t)(id - 1));
    return (int64_t)cl_story_root(m, m->ev[e].story) + 1;
}

size_t sl_cluster_story_count(const sl_cluster *m) {
    if (ensure_index(m)) return 0;
    return m->norder;
}

int sl_cluster_story(const sl_cluster *m, size_t k, sl_cluster_info *info) {
    if (ensure_index(m)) return SL_ENOMEM;
    if (k >= m->norder) return SL_EUSAGE;
    uint32_t s = m->order[k];
    const cl_story *st = &m->st[s];
    memset(info, 0, sizeof *info);
    info->id = (int64_t)s + 1;
    info->story = info->id;
    info->first_day = st->first_day;
    info->last_day = st->last_day;
    info->articles = st->size;
    info->events = m->story_ev_start[s + 1] - m->story_ev_start[s];
    info->open = st->open;
    const char *label = m->ev[cl_event_root(m, st->best_event)].label;
    info->label = sl_slice_of(label ? label : "", label ? strlen(label) : 0);
    return 0;
}

size_t sl_cluster_story_events(const sl_cluster *m, int64_t story_id, int64_t *out, size_t cap) {
    if (story_id < 1 || (uint64_t)story_id > m->nst || ensure_index(m)) return 0;
    uint32_t s = cl_story_root(m, (uint32_t)(story_id - 1));
    uint32_t a = m->story_ev_start[s], b = m->story_ev_start[s + 1];
    for (uint32_t i = a; i < b && i - a < cap; i++) out[i - a] = (int64_t)m->story_ev[i] + 1;
    return b - a;
}

int sl_cluster_event(const sl_cluster *m, int64_t event_id, sl_cluster_info *info) {
    if (event_id < 1 || (uint64_t)event_id > m->nev) return SL_EUSAGE;
    uint32_t e = cl_event_root(m, (uint32_t)(event_id - 1));
    const cl_event *ev = &m->ev[e];
    memset(info, 0, sizeof *info);
    info->id = (int64_t)e + 1;
    info->story = (int64_t)cl_story_root(m, ev->story) + 1;
    info->first_day = ev->first_day;
    info->last_day = ev->last_day;
    info->articles = ev->size;
    info->events = 1;
    info->open = ev->open;
    info->label = sl_slice_of(ev->label ? ev->label : "", ev->label ? strlen(ev->label) : 0);
    return 0;
}

size_t sl_cluster_top_terms(const sl_cluster *m, int kind, int64_t id, sl_slice *out, size_t cap) {
    sl_cluster *mm = (sl_cluster *)m;   /* the display scratch only */
    const cl_tw *vec;
    uint32_t n;
    if (kind == 0) {
        if (id < 1 || (uint64_t)id > m->nev) return 0;
        const cl_event *ev = &m->ev[cl_event_root(m, (uint32_t)(id - 1))];
        vec = ev->cent;
        n = ev->ncent;
    } else {
        if (id < 1 || (uint64_t)id > m->nst) return 0;
        const cl_story *st = &m->st[cl_story_root(m, (uint32_t)(id - 1))];
        vec = st->cent;
        n = st->ncent;
    }
    if (cap > 64) cap = 64;
    uint32_t idx[64];
    uint32_t k = top_terms(mm, vec, n, idx, (uint32_t)cap);
    mm->disp.len = 0;
    size_t offs[64];
    for (uint32_t i = 0; i < k; i++) offs[i] = cl_term_display(mm, vec[idx[i]].term);
    for (uint32_t i = 0; i < k; i++) out[i] = sl_slice_of(mm->disp.data + offs[i], strlen(mm->disp.data + offs[i]));
    return k;
}
