/*
 * dedup.c — a dedup run: features → exact groups → fingerprint index →
 * candidate pairs → verification → union-find → representatives.
 *
 * Stages and their contracts:
 *   1. features (parallel, pthreads): dd_features on every article, written
 *      to per-article slots, fingerprints to per-thread buffers; the
 *      postings are then laid out in article order, so nothing downstream
 *      depends on scheduling — the output is identical for any thread count.
 *      Each article's verification sets (dd_full, with the character-gram
 *      samples when the typo path may apply to it) are built here too and
 *      kept in per-thread pools until verification ends: nothing is
 *      computed twice.  An exact copy stops after tokenizing (its exact
 *      hash is claimed already, see exact_seen) and takes its twin's
 *      features and sets after the pass.
 *   2. exact copies: articles sorted by exact hash; each run is joined and
 *      only its first article is indexed.
 *   3. index and candidates (pairs.c): postings bucketed by key; each
 *      article's co-occurring articles counted, in parallel — per
 *      fingerprint only the DD_WINDOW articles following it in the
 *      fingerprint's run (invariant: an article visits at most
 *      DD_WINDOW · fingerprints postings, so the search is linear in the
 *      corpus however often a phrase recurs) — prefiltered on
 *      the sampled estimate (containment at the coarser sampling level of
 *      the two ≥ DD_PREFILTER) and scored, at most DD_MAX_CANDIDATES per
 *      article kept; these are screened exactly on the
 *      verification sets (screen_candidate: a bit-set bound on the shared
 *      shingles, then a merge — a pair verification must reject, with too
 *      few shared shingles or a containment under every test's floor, is
 *      dropped here, before it takes memory; so is a pair only the typo
 *      path could accept when that path's sampled test, the very one
 *      verify_full makes, on the character-gram samples the features pass
 *      computed, shuts it; the groups are those of verifying every kept
 *      pair).  Work and memory are linear in the
 *      postings.
 *   4. verification, one candidate component (union-find over candidates)
 *      at a time, in parallel, on the members' sets from stage 1.  Near
 *      pairs (texts of like size) are verified strongest first, skipping
 *      pairs already joined (O(members) for a large cluster of copies), and
 *      joined when accepted.  Excerpt pairs (one text under 7/10 of the
 *      other's shingles) come after, by their shorter text: an excerpt
 *      joins its source — of its accepted partners the one sharing the most
 *      shingles, ties to the better representative — and another accepted
 *      partner only when that partner verifies as a copy of the source: an
 *      excerpt quoted word for word by several unrelated originals no
 *      longer chains them into one group (it did, through connected
 *      components, on large generated corpora).  The tests are in
 *      verify_full, the costly character-gram test only where it can
 *      change the decision.  Then each group of the
 *      component gets its anchor (best member) and every member its
 *      similarity (containment) and relation to it (relation_full).
 *   5. representatives: per group the earliest article (undated last), then
 *      the one with most tokens, then the first read — normally the anchor;
 *      exact copies of the representative are `exact`; other exact copies
 *      take the relation of the copy they repeat.
 *   Memory: the index (18-byte sketches and token counts, the fingerprint
 *      lists in one array, the postings, the pairs; stats.index_bytes) and
 *      the verification sets (stats.working_bytes, ~2.5 KB an article of
 *      generated news), both freed before the groups are written out.
 */
#include "dedup.h"

#include <pthread.h>
#include <math.h>
#include <stdatomic.h>
#include <time.h>

struct sl_dedup {
    size_t n;
    uint32_t *rep;          /* representative index per article */
    uint8_t *relation;      /* sl_dup_relation */
    float *similarity;
    uint32_t *source;       /* per article: the source it joined as an
                               excerpt (UINT32_MAX: none) — for explain */
    size_t groups;
    int watched;            /* the watched pair (options watch_a, watch_b)
                               was a candidate: 1, not: 0, no pair: -1 */
    int synonyms_used;
    sl_dedup_options opt;
    char wordnet_dir[256];
    sl_dedup_stats stats;
};

void sl_dedup_options_init(sl_dedup_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->threads = 1;
    opt->synonyms = 1;
    opt->min_containment = 0.4;
    opt->fingerprints = 12;
    opt->watch_a = opt->watch_b = SIZE_MAX;
}

const char *sl_dup_relation_name(sl_dup_relation r) {
    switch (r) {
    case SL_DUP_EXACT: return "exact";
    case SL_DUP_NEAR: return "near";
    case SL_DUP_EXCERPT: return "excerpt";
    case SL_DUP_SPUN: return "spun";
    default: return NULL;
    }
}

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- verification ------------------------------------------------------------ */

#ifndef DD_WINDOW
#define DD_WINDOW 16  /* postings visited per fingerprint (see pairs.c): the
                         * smallest that keeps the dev set byte-identical
                         * (8 does not) */
#endif
#ifndef DD_MAX_CANDIDATES
#define DD_MAX_CANDIDATES 32  /* candidates kept per article (its best) */
#endif
#define DD_MIN_SHARED 3      /* distinct shingles, full sets */
#ifndef DD_SMALL_EVIDENCE
#define DD_SMALL_EVIDENCE 3.0 /* see verify_full */
#endif
#define DD_PREFILTER 0.2     /* sampled containment to be verified */
#define DD_TYPO_MIN_C 0.15   /* shingle containment for the typo path */
#define DD_TYPO_CHAR_C 0.55  /* character-gram containment for the typo path */
#define DD_TYPO_MIN_SHINGLES 20 /* the typo path is for texts of some length */

/* The sampled estimate of a candidate pair (a, b sharing `shared`
 * fingerprints): compared at the coarser sampling level of the two. */
typedef struct verdict {
    bool comparable;        /* the levels are close enough to compare */
    unsigned level, na, nb, shared;
    double containment, resemblance;
} verdict;

static verdict verify_pair(const dd_sketch *a, const dd_sketch *b, unsigned shared) {
    verdict v;
    memset(&v, 0, sizeof v);
    v.shared = shared;
    unsigned L = SL_MAX(a->level, b->level);
    v.level = L;
    if (L - a->level >= DD_LEVELS || L - b->level >= DD_LEVELS) return v;
    v.comparable = true;
    v.na = a->cnt[L - a->level];
    v.nb = b->cnt[L - b->level];
    unsigned small = SL_MIN(v.na, v.nb);
    if (small == 0) return v;
    if (shared > small) shared = small; /* 32-bit key collisions */
    v.containment = (double)shared / small;
    v.resemblance = (double)shared / (double)(v.na + v.nb - shared);
    return v;
}

typedef struct keep_ctx {
    const dd_sketch *sketch;
    const dd_full *full;
    double min_c;
} keep_ctx;

/* The smallest shingle containment at which verify_full can accept a pair
 * whose smaller text has `small` distinct shingles: the needed containment,
 * or, where the typo path is open, DD_TYPO_MIN_C when lower. */
static double containment_needed(double min_c, uint32_t small);

static double containment_floor(double min_c, uint32_t small) {
    double needed = containment_needed(min_c, small);
    return small >= DD_TYPO_MIN_SHINGLES ? SL_MIN(needed, DD_TYPO_MIN_C) : needed;
}

/* The typo path's sampled test, as verify_full makes it: the containment
 * of the consistent character-gram samples (cgs) of the smaller sample, and
 * its margin (four standard errors and one sample; 1 without samples).
 * True when the estimate plus its margin stays under DD_TYPO_CHAR_C: the
 * path is shut, the exact grams are not needed. */
static bool typo_path_shut(const dd_full *a, const dd_full *b, double *sampled, double *margin) {
    uint32_t small_s = SL_MIN(a->n_cgs, b->n_cgs);
    *sampled = 0.0;
    *margin = 1.0;
    if (small_s) {
        size_t ss = dd_intersect_count(a->cgs, a->n_cgs, b->cgs, b->n_cgs);
        *sampled = (double)ss / small_s;
        *margin = 4.0 * sqrt(0.25 / small_s) + 1.0 / small_s;
    }
    return *sampled + *margin < DD_TYPO_CHAR_C;
}

/* The shingle containment verify_full needs (the typo path aside). */
static double containment_needed(double min_c, uint32_t small) {
    return min_c + (1.0 - min_c) * SL_MIN(1.0, DD_SMALL_EVIDENCE / (double)small);
}

/* Can verify_full accept the pair?  No when its exact shingle sets share
 * fewer than DD_MIN_SHARED shingles or a containment under the floor: such
 * candidates are dropped exactly (no estimate) before they take memory.
 * (The test screen_candidate makes, faster; explain uses this one.) */
static bool may_pass(const dd_full *a, const dd_full *b, double min_c) {
    uint32_t small = SL_MIN(a->n_sh, b->n_sh);
    if (small < DD_MIN_SHARED) return false;
    size_t shared = dd_intersect_count(a->sh, a->n_sh, b->sh, b->n_sh);
    if (shared < DD_MIN_SHARED || (double)shared / small < containment_floor(min_c, small)) return false;
    double sampled, margin;
    return (double)shared / small >= containment_needed(min_c, small) || !a->cgs || !b->cgs ||
           !typo_path_shut(a, b, &sampled, &margin);
}

/* A counted pair is scored when its sampled containment reaches
 * DD_PREFILTER (loose: the sample is small): the shared samples first
 * (more shared, more reliable), then the containment.  The best are then
 * screened (screen_candidate): a candidate must be one its exact sets may
 * pass verification with. */
static double keep_candidate(uint32_t a, uint32_t b, uint32_t shared, void *ctx) {
    const keep_ctx *k = ctx;
    verdict v = verify_pair(&k->sketch[a], &k->sketch[b], shared);
    if (!v.comparable || v.containment < DD_PREFILTER) return -1.0;
    return (double)shared + v.containment;
}

/* The screen's per-thread state: a bit set of the top 16 bits of article
 * a's shingle keys (8 KB: it stays in L1), built once for all of a's
 * candidates.  The bits b's keys hit bound the shingles a and b share from
 * above, so a pair the bound already rules out costs |b| bit tests instead
 * of a merge of both sets. */
typedef struct screen_state {
    uint32_t built_for;     /* a + 1; 0: none */
    uint32_t pad;
    uint64_t bits[1024];
} screen_state;

static long screen_candidate(uint32_t a, uint32_t b, uint32_t next, uint32_t next2, void *ctx,
                             void *scratch) {
    const keep_ctx *k = ctx;
    screen_state *st = scratch;
    /* the sets of the next candidates are somewhere in a large working
     * memory: their first lines are fetched while this one is screened */
    if (next2 != UINT32_MAX) __builtin_prefetch(&k->full[next2]);
    if (next != UINT32_MAX) {
        const char *p = (const char *)k->full[next].sh;
        for (int line = 0; line < 8; line++) __builtin_prefetch(p + 64 * line);
    }
    const dd_full *fa = &k->full[a], *fb = &k->full[b];
    if (st->built_for != a + 1) {
        if (st->built_for) {
            const dd_full *old = &k->full[st->built_for - 1];
            for (uint32_t i = 0; i < old->n_sh; i++) st->bits[old->sh[i] >> 22] = 0;
        }
        for (uint32_t i = 0; i < fa->n_sh; i++) st->bits[fa->sh[i] >> 22] |= 1ULL << ((fa->sh[i] >> 16) & 63);
        st->built_for = a + 1;
    }
    uint32_t small = SL_MIN(fa->n_sh, fb->n_sh);
    if (small < DD_MIN_SHARED) return -1;
    double floor = containment_floor(k->min_c, small);
    uint32_t hits = 0;
    for (uint32_t i = 0; i < fb->n_sh; i++) hits += (uint32_t)(st->bits[fb->sh[i] >> 22] >> ((fb->sh[i] >> 16) & 63)) & 1;
    if (hits < DD_MIN_SHARED || (double)hits / small < floor) return -1;
    size_t shared = dd_intersect_count(fa->sh, fa->n_sh, fb->sh, fb->n_sh);
    if (shared < DD_MIN_SHARED || (double)shared / small < floor) return -1;
    /* under the needed containment only the typo path can accept the pair
     * (the floor let it through): its sampled test on the character-gram
     * samples of the features pass, the one verify_full would make — a
     * pair it shuts is one verification rejects */
    double sampled, margin;
    if ((double)shared / small < containment_needed(k->min_c, small) && fa->cgs && fb->cgs &&
        typo_path_shut(fa, fb, &sampled, &margin))
        return -1;
    return (long)shared;
}

/* ---- stage 1: features, in parallel ---------------------------------------- */

/*
 * Exact copies are found while the features are computed: once an
 * article's exact hash and token count are known (after tokenizing), it
 * claims them in a shared lock-free table; an article finding them already
 * claimed stops there and takes the claimant's features afterwards (equal
 * tokens give equal features), so the class stream, shingles and
 * fingerprints of a text are computed once however often it is copied.
 * Which article claims depends on scheduling, but the features every
 * article ends with do not.  Slots hold (32-bit key | 1) << 32 | article;
 * a key collision of two different texts is caught when the twin's
 * features are compared after the pass, and the article is computed then.
 */
#define NO_TWIN UINT32_MAX

typedef struct exact_claims {
    _Atomic uint64_t *slots;
    size_t mask;
} exact_claims;

static uint64_t exact_claim_key(const dd_feat *f) {
    return (dd_fmix64(f->exact ^ ((uint64_t)f->n_tokens * 0x9E3779B97F4A7C15ULL)) >> 32) | 1;
}

typedef struct feat_job {
    const sl_corpus *corpus;
    dd_params params;
    dd_feat *feats;
    uint32_t *fp_thread;    /* per article: which thread holds its fps */
    uint64_t *fp_offset;    /* per article: offset in that thread's buffer */
    uint32_t *twin;         /* per article: the claimant of its exact hash,
                               NO_TWIN when it computed its own features */
    dd_full *full;          /* per article: its verification sets */
    exact_claims claims;    /* slots NULL: no early exit */
    atomic_size_t next;
    size_t n;
    atomic_int failed;
} feat_job;

typedef struct feat_worker {
    feat_job *job;
    unsigned id;
    uint32_t *fps;
    size_t n_fps, cap_fps;
    dd_pool pool;           /* the verification sets of its articles */
    int status;
} feat_worker;

#define FEAT_CHUNK 32

typedef struct seen_ctx {
    feat_job *job;
    uint32_t doc;
} seen_ctx;

/* dd_scratch.seen: claims the exact hash of ctx->doc, or finds its twin. */
static bool exact_seen(void *ctx, const dd_feat *f) {
    seen_ctx *c = ctx;
    exact_claims *t = &c->job->claims;
    uint64_t key = exact_claim_key(f);
    uint64_t mine = key << 32 | c->doc;
    size_t j = (size_t)dd_fmix64(key) & t->mask;
    for (;;) {
        uint64_t cur = atomic_load_explicit(&t->slots[j], memory_order_relaxed);
        if (cur == 0) {
            if (atomic_compare_exchange_strong(&t->slots[j], &cur, mine)) return false;
            /* lost the slot: cur now holds the winner; look at it again */
        }
        if ((cur >> 32) == key) {
            c->job->twin[c->doc] = (uint32_t)cur;
            return true;
        }
        if (cur != 0) j = (j + 1) & t->mask;
    }
}

/* The character-gram samples of an article the typo path may be tried on
 * (DD_TYPO_MIN_SHINGLES shingles or more), computed in the features pass
 * while its text is in cache: the candidate screen applies the typo
 * path's sampled test with them (and verification reuses them). */
static int full_samples(dd_full *f, dd_pool *pool, dd_scratch *sc) {
    return f->n_sh >= DD_TYPO_MIN_SHINGLES ? dd_full_chargrams(f, pool, sc) : 0;
}

static void *feat_thread(void *arg) {
    feat_worker *w = arg;
    feat_job *job = w->job;
    dd_scratch sc = {0};
    seen_ctx ctx = {job, 0};
    if (job->claims.slots) {
        sc.seen = exact_seen;
        sc.seen_ctx = &ctx;
    }
    for (;;) {
        size_t start = atomic_fetch_add(&job->next, FEAT_CHUNK);
        if (start >= job->n || atomic_load(&job->failed)) break;
        size_t end = SL_MIN(start + FEAT_CHUNK, job->n);
        for (size_t i = start; i < end; i++) {
            const sl_article *a = sl_corpus_article(job->corpus, i);
            ctx.doc = (uint32_t)i;
            if (dd_features(&job->params, a->text.ptr, a->text.len, &job->feats[i], &sc) ||
                sl_grow(&w->fps, &w->cap_fps, w->n_fps + sc.n_fps, sizeof *w->fps) ||
                (job->twin[i] == NO_TWIN &&
                 (dd_full_from_scratch(&job->feats[i], &sc, a->text.ptr, a->text.len, &w->pool,
                                       &job->full[i]) ||
                  full_samples(&job->full[i], &w->pool, &sc)))) {
                w->status = SL_ENOMEM;
                atomic_store(&job->failed, 1);
                break;
            }
            if (sc.n_fps) memcpy(w->fps + w->n_fps, sc.fps, sc.n_fps * sizeof *w->fps);
            job->fp_thread[i] = w->id;
            job->fp_offset[i] = w->n_fps;
            w->n_fps += sc.n_fps;
        }
    }
    dd_scratch_free(&sc);
    return NULL;
}

/* After the parallel pass: every exact copy takes its twin's features and
 * fingerprints; on a claim-key collision (different texts) it computes its
 * own, into worker 0's buffer.  0 or SL_ENOMEM. */
static int resolve_twins(feat_job *job, feat_worker *w0) {
    dd_scratch sc = {0};
    int status = 0;
    for (size_t i = 0; i < job->n && !status; i++) {
        uint32_t t = job->twin[i];
        if (t == NO_TWIN) continue;
        dd_feat *f = &job->feats[i];
        const dd_feat *tf = &job->feats[t];
        if (tf->exact == f->exact && tf->n_tokens == f->n_tokens) {
            *f = *tf;
            job->full[i] = job->full[t];
            job->fp_thread[i] = job->fp_thread[t];
            job->fp_offset[i] = job->fp_offset[t];
            continue;
        }
        const sl_article *a = sl_corpus_article(job->corpus, i);
        if (dd_features(&job->params, a->text.ptr, a->text.len, f, &sc) ||
            sl_grow(&w0->fps, &w0->cap_fps, w0->n_fps + sc.n_fps, sizeof *w0->fps) ||
            dd_full_from_scratch(f, &sc, a->text.ptr, a->text.len, &w0->pool, &job->full[i]) ||
            full_samples(&job->full[i], &w0->pool, &sc)) {
            status = SL_ENOMEM;
            break;
        }
        if (sc.n_fps) memcpy(w0->fps + w0->n_fps, sc.fps, sc.n_fps * sizeof *w0->fps);
        job->fp_thread[i] = w0->id;
        job->fp_offset[i] = w0->n_fps;
        w0->n_fps += sc.n_fps;
    }
    dd_scratch_free(&sc);
    return status;
}


/* ---- exact verification over full shingle sets ---------------------------------- */

typedef struct full_verdict {
    uint32_t na, nb, shared;        /* distinct shingles */
    double containment, resemblance;
    uint32_t figures_agree, figures_conflict;
    double char_containment;        /* of character grams (0: not computed) */
    double char_sampled;            /* its estimate on the samples */
    double char_margin;             /* the estimate's margin of error */
    bool char_screened;             /* the estimate ruled the typo path out */
    double needed;                  /* containment needed */
    bool evidence_ok, containment_ok, typo_path, numbers_ok, accepted;
} full_verdict;

/*
 * The decision on a candidate pair, over full sets:
 *   evidence:    at least DD_MIN_SHARED shingles shared;
 *   containment: shingle containment >= min_c, or — a copy spoiled by typos
 *                — containment >= DD_TYPO_MIN_C and character-gram
 *                containment >= DD_TYPO_CHAR_C, the smaller text having at
 *                least DD_TYPO_MIN_SHINGLES shingles (typos spoil whole word
 *                shingles but few character grams; the exact character
 *                containment is computed only when the estimate on the
 *                consistent samples (cgs) comes within a margin of
 *                DD_TYPO_CHAR_C: four standard errors and one sample, an
 *                error below 1e-4 for a pair right at the threshold and
 *                far below for the rest); the needed
 *                containment rises for short texts (DD_SMALL_EVIDENCE);
 *   figures:     among the number-quoting phrases both texts have, those
 *                quoting different figures (conflicts) must not outnumber
 *                those quoting the same, unless they are few beside the
 *                shingles shared (under a fifth: a counter or a date in a
 *                page's furniture) — templated earnings or sports results
 *                share their words, not their figures.
 */
static full_verdict verify_full(dd_full *a, dd_full *b, uint32_t shared, double min_c, bool all_tests,
                                dd_pool *pool, dd_scratch *sc, int *oom) {
    full_verdict v;
    memset(&v, 0, sizeof v);
    v.na = a->n_sh;
    v.nb = b->n_sh;
    v.shared = shared != UINT32_MAX ? shared : (uint32_t)dd_intersect_count(a->sh, a->n_sh, b->sh, b->n_sh);
    uint32_t small = SL_MIN(v.na, v.nb);
    if (!small) return v;
    v.containment = (double)v.shared / small;
    v.resemblance = (double)v.shared / (double)(v.na + v.nb - v.shared);
    dd_number_agreement(a, b, &v.figures_agree, &v.figures_conflict);
    v.evidence_ok = v.shared >= DD_MIN_SHARED;
    /* the fewer shingles the smaller text has, the more of them must be
     * shared: the needed containment rises from min_c by DD_SMALL_EVIDENCE
     * shingles' worth */
    v.needed = containment_needed(min_c, small);
    v.containment_ok = v.containment >= v.needed;
    v.numbers_ok = v.figures_conflict <= v.figures_agree || v.figures_conflict * 5 < v.shared;
    /* the typo path (character grams: the costly test) only where it can
     * change the decision, unless every test is wanted (explain) */
    bool decisive = v.evidence_ok && v.numbers_ok;
    if (!v.containment_ok && v.containment >= DD_TYPO_MIN_C && small >= DD_TYPO_MIN_SHINGLES &&
        (decisive || all_tests)) {
        if (dd_full_chargrams(a, pool, sc) || dd_full_chargrams(b, pool, sc)) { *oom = 1; return v; }
        v.char_screened = typo_path_shut(a, b, &v.char_sampled, &v.char_margin);
        if (!v.char_screened || all_tests) {
            if (dd_full_chargrams_exact(a, pool, sc) || dd_full_chargrams_exact(b, pool, sc)) { *oom = 1; return v; }
            size_t cs = dd_intersect_count(a->cg, a->n_cg, b->cg, b->n_cg);
            v.char_containment = (double)cs / SL_MAX(1u, SL_MIN(a->n_cg, b->n_cg));
        }
        v.typo_path = !v.char_screened && v.char_containment >= DD_TYPO_CHAR_C;
    }
    v.accepted = v.evidence_ok && (v.containment_ok || v.typo_path) && v.numbers_ok;
    return v;
}

/* Candidate components: verified one at a time, each article's full set
 * computed once. */
typedef struct comp_job {
    const uint32_t *n_tokens;       /* per doc (choice of the anchor) */
    const dd_full *full;            /* per doc: its sets from the features pass */
    const dd_pair *pairs;
    const uint32_t *comp_pairs;     /* pair indices grouped by component */
    const size_t *comp_pair_start;  /* per component: range in comp_pairs */
    const uint32_t *comp_docs;      /* member docs grouped by component */
    const size_t *comp_doc_start;
    size_t n_comps;
    uint32_t *slot;                 /* per doc: position in its component */
    float *pair_sim;                /* per pair: containment, -1 rejected */
    float *pair_res;                /* per pair: resemblance */
    uint8_t *pair_ok;               /* per pair: accepted */
    uint32_t *pair_nums;            /* per pair: numbers (small | missing << 16) */
    double min_c;
    dd_uf *uf;                      /* shared: components touch disjoint articles */
    const sl_corpus *c;
    float *similarity;              /* per doc: to its group's anchor (out) */
    uint8_t *relation;              /* per doc: sl_dup_relation to the anchor (out) */
    uint32_t *source;               /* per doc: its source as an excerpt (out) */
    bool verify_all;                /* verify pairs already joined too (tracing) */
    atomic_size_t next;
    atomic_int failed;
} comp_job;

static bool better_rep(const sl_corpus *c, const uint32_t *n_tokens, uint32_t x, uint32_t y);

/* Spun: of the WordNet-class occurrences two texts share, at least 1 in 20
 * in other words (copies and hand edits keep their words: 0 in most pairs;
 * a spinner swaps a fifth of them, 5 % in all but 4 % of spun pairs of the
 * dev set). */
static bool is_spun(uint32_t same, uint32_t other) {
    return same + other >= 10 && other * 20 >= same + other;
}

/* How member m relates to anchor r (both full sets; never exact copies:
 * those are not verified); excerpt: much shorter. */
static sl_dup_relation relation_full(const dd_full *m, const dd_full *r) {
    uint32_t same, other;
    dd_word_agreement(m, r, &same, &other);
    if (is_spun(same, other)) return SL_DUP_SPUN;
    if (m->n_sh * 10 < r->n_sh * 7) return SL_DUP_EXCERPT;
    return SL_DUP_NEAR;
}

/* An excerpt pair: one text has under 7/10 of the other's distinct
 * shingles (as relation_full's excerpt). */
static bool is_excerpt_pair(const dd_full *a, const dd_full *b) {
    uint32_t small = SL_MIN(a->n_sh, b->n_sh), large = SL_MAX(a->n_sh, b->n_sh);
    return (uint64_t)small * 10 < (uint64_t)large * 7;
}

typedef struct excerpt_pair {
    uint32_t shorter, shared, pair;
} excerpt_pair;

/* By shorter text, most shared first, then pair index. */
static int excerpt_pair_order(const void *x, const void *y) {
    const excerpt_pair *p = x, *q = y;
    if (p->shorter != q->shorter) return p->shorter < q->shorter ? -1 : 1;
    if (p->shared != q->shared) return p->shared > q->shared ? -1 : 1;
    return (p->pair > q->pair) - (p->pair < q->pair);
}

static void *comp_thread(void *arg) {
    comp_job *job = arg;
    dd_pool pool = {0};             /* character grams of the component */
    dd_scratch sc = {0};
    dd_full *full = NULL;
    size_t cap_full = 0, cap_order = 0, cap_order_tmp = 0;
    uint64_t *order = NULL, *order_tmp = NULL;
    excerpt_pair *xp = NULL;
    size_t cap_xp = 0;
    for (;;) {
        size_t ci = atomic_fetch_add(&job->next, 1);
        if (ci >= job->n_comps || atomic_load(&job->failed)) break;
        size_t d0 = job->comp_doc_start[ci], d1 = job->comp_doc_start[ci + 1];
        if (sl_grow(&full, &cap_full, d1 - d0, sizeof *full)) { atomic_store(&job->failed, 1); break; }
        dd_pool_reset(&pool);
        for (size_t k = d0; k < d1; k++) {
            uint32_t doc = job->comp_docs[k];
            full[k - d0] = job->full[doc];      /* its own copy: cg is added */
            job->slot[doc] = (uint32_t)(k - d0);
        }
        /* strongest candidates first; a pair whose articles are already
         * joined (through other pairs) needs no verification: the groups
         * are the same as if every pair were verified, at O(members) cost
         * for a large cluster of copies.  The order is fixed, so the
         * result does not depend on threads. */
        size_t p0 = job->comp_pair_start[ci], p1 = job->comp_pair_start[ci + 1];
        if (sl_grow(&order, &cap_order, p1 - p0, sizeof *order)) { atomic_store(&job->failed, 1); break; }
        for (size_t k = p0; k < p1; k++) {
            uint32_t p = job->comp_pairs[k];
            order[k - p0] = ((uint64_t)(UINT32_MAX - job->pairs[p].shared) << 32) | p;
        }
        if (sl_grow(&order_tmp, &cap_order_tmp, p1 - p0 + 1, sizeof *order_tmp)) { atomic_store(&job->failed, 1); break; }
        dd_radix_sort(order, order_tmp, p1 - p0, 0, 64);
        /* near pairs (texts of like size) first, strongest first, each
         * accepted one joined; excerpt pairs (one text much shorter)
         * deferred, order kept */
        size_t n_excerpt = 0;
        for (size_t k = 0; k < p1 - p0; k++) {
            uint32_t p = (uint32_t)order[k];
            const dd_pair *pr = &job->pairs[p];
            job->pair_ok[p] = 0;
            job->pair_sim[p] = -1.0f;
            job->pair_res[p] = -1.0f;
            job->pair_nums[p] = 0;
            if (is_excerpt_pair(&full[job->slot[pr->a]], &full[job->slot[pr->b]])) {
                order[n_excerpt++] = order[k];     /* behind k: no clash */
                continue;
            }
            if (!job->verify_all && dd_uf_find(job->uf, pr->a) == dd_uf_find(job->uf, pr->b)) continue;
            int oom = 0;
            full_verdict v = verify_full(&full[job->slot[pr->a]], &full[job->slot[pr->b]], pr->shared,
                                         job->min_c, false,
                                         &pool, &sc, &oom);
            if (oom) { atomic_store(&job->failed, 1); break; }
            job->pair_sim[p] = (float)v.containment;
            job->pair_ok[p] = v.accepted;
            job->pair_nums[p] = v.figures_agree | v.figures_conflict << 16;
            job->pair_res[p] = (float)v.resemblance;
            if (v.accepted) dd_uf_union(job->uf, pr->a, pr->b);
        }
        if (atomic_load(&job->failed)) break;
        /* excerpt pairs: by their shorter text, most shared shingles (the
         * highest containment) first; the first accepted partner (ties of
         * containment: the better representative) is the excerpt's source,
         * its only link through an excerpt pair — an excerpt found word
         * for word in several originals joins one of them, and does not
         * chain them all into one group */
        if (sl_grow(&xp, &cap_xp, n_excerpt + 1, sizeof *xp)) { atomic_store(&job->failed, 1); break; }
        for (size_t k = 0; k < n_excerpt; k++) {
            uint32_t p = (uint32_t)order[k];
            const dd_pair *pr = &job->pairs[p];
            const dd_full *fa = &full[job->slot[pr->a]], *fb = &full[job->slot[pr->b]];
            xp[k].shorter = fa->n_sh < fb->n_sh || (fa->n_sh == fb->n_sh && pr->a < pr->b) ? pr->a : pr->b;
            xp[k].shared = pr->shared;
            xp[k].pair = p;
        }
        if (n_excerpt > 1) qsort(xp, n_excerpt, sizeof *xp, excerpt_pair_order);
        for (size_t k = 0; k < n_excerpt;) {
            uint32_t shorter = xp[k].shorter;
            size_t end = k;
            while (end < n_excerpt && xp[end].shorter == shorter) end++;
            /* every excerpt pair of the shorter text verified; the
             * accepted partners kept, most shared first (then the better
             * representative first) */
            size_t n_acc = 0;
            for (size_t r = k; r < end; r++) {
                uint32_t p = xp[r].pair;
                const dd_pair *pr = &job->pairs[p];
                int oom = 0;
                full_verdict v = verify_full(&full[job->slot[pr->a]], &full[job->slot[pr->b]], pr->shared,
                                             job->min_c, false, &pool, &sc, &oom);
                if (oom) { atomic_store(&job->failed, 1); break; }
                job->pair_sim[p] = (float)v.containment;
                job->pair_nums[p] = v.figures_agree | v.figures_conflict << 16;
                job->pair_res[p] = (float)v.resemblance;
                if (!v.accepted) continue;
                /* insert by (shared desc, better representative) */
                uint32_t other = pr->a == shorter ? pr->b : pr->a;
                size_t at = n_acc++;
                while (at > 0) {
                    const excerpt_pair *prev = &xp[k + at - 1];
                    const dd_pair *pp = &job->pairs[prev->pair];
                    uint32_t prev_other = pp->a == shorter ? pp->b : pp->a;
                    if (prev->shared > xp[r].shared ||
                        (prev->shared == xp[r].shared && !better_rep(job->c, job->n_tokens, other, prev_other)))
                        break;
                    at--;
                }
                excerpt_pair cur = xp[r];
                memmove(&xp[k + at + 1], &xp[k + at], (n_acc - 1 - at) * sizeof *xp);
                xp[k + at] = cur;
            }
            if (atomic_load(&job->failed)) break;
            /* the best accepted partner is the excerpt's source; another
             * accepted partner joins through the excerpt only when it is a
             * copy of the source itself (verified as such) */
            if (n_acc) {
                uint32_t source = job->pairs[xp[k].pair].a == shorter ? job->pairs[xp[k].pair].b
                                                                       : job->pairs[xp[k].pair].a;
                job->pair_ok[xp[k].pair] = 1;
                job->source[shorter] = source;
                dd_uf_union(job->uf, shorter, source);
                for (size_t r = k + 1; r < k + n_acc; r++) {
                    const dd_pair *pr = &job->pairs[xp[r].pair];
                    uint32_t other = pr->a == shorter ? pr->b : pr->a;
                    bool same = dd_uf_find(job->uf, other) == dd_uf_find(job->uf, source);
                    if (!same) {
                        int oom = 0;
                        full_verdict v = verify_full(&full[job->slot[source]], &full[job->slot[other]],
                                                     UINT32_MAX, job->min_c, false, &pool, &sc, &oom);
                        if (oom) { atomic_store(&job->failed, 1); break; }
                        same = v.accepted;
                    }
                    if (!same) continue;
                    job->pair_ok[xp[r].pair] = 1;
                    dd_uf_union(job->uf, shorter, other);
                }
                if (atomic_load(&job->failed)) break;
            }
            k = end;
        }
        if (atomic_load(&job->failed)) break;
        /* the groups of this component: the best member of each (its
         * anchor, normally the representative) and every member's
         * similarity and relation to it, on the full sets at hand */
        size_t m = d1 - d0;
        if (sl_grow(&order, &cap_order, m, sizeof *order)) { atomic_store(&job->failed, 1); break; }
        for (size_t k = 0; k < m; k++) {
            uint32_t doc = job->comp_docs[d0 + k];
            order[k] = ((uint64_t)dd_uf_find(job->uf, doc) << 32) | doc;
        }
        if (sl_grow(&order_tmp, &cap_order_tmp, m + 1, sizeof *order_tmp)) { atomic_store(&job->failed, 1); break; }
        dd_radix_sort(order, order_tmp, m, 0, 64);
        for (size_t k = 0; k < m;) {
            size_t e = k + 1;
            while (e < m && (order[e] >> 32) == (order[k] >> 32)) e++;
            uint32_t anchor = (uint32_t)order[k];
            for (size_t q = k + 1; q < e; q++)
                if (better_rep(job->c, job->n_tokens, (uint32_t)order[q], anchor)) anchor = (uint32_t)order[q];
            for (size_t q = k; q < e; q++) {
                uint32_t x = (uint32_t)order[q];
                if (x == anchor) {
                    job->similarity[x] = 1.0f;
                    job->relation[x] = SL_DUP_NONE;
                    continue;
                }
                /* the similarity is the shingle containment (as verify_full
                 * computes it; the other tests are not needed here) */
                const dd_full *fx = &full[job->slot[x]], *fa = &full[job->slot[anchor]];
                uint32_t small = SL_MIN(fx->n_sh, fa->n_sh);
                size_t shared = dd_intersect_count(fx->sh, fx->n_sh, fa->sh, fa->n_sh);
                job->similarity[x] = small ? (float)((double)shared / small) : 0.0f;
                job->relation[x] = (uint8_t)relation_full(fx, fa);
            }
            k = e;
        }
    }
    free(full);
    free(order);
    free(order_tmp);
    free(xp);
    dd_pool_free(&pool);
    dd_scratch_free(&sc);
    return NULL;
}


/* ---- representatives ------------------------------------------------------------ */

/* Is article x a better representative than y? */
static bool better_rep(const sl_corpus *c, const uint32_t *n_tokens, uint32_t x, uint32_t y) {
    int32_t dx = sl_corpus_article(c, x)->date, dy = sl_corpus_article(c, y)->date;
    if (dx != dy) {
        if (dx == SL_NO_DATE) return false;
        if (dy == SL_NO_DATE) return true;
        return dx < dy;
    }
    if (n_tokens[x] != n_tokens[y]) return n_tokens[x] > n_tokens[y];
    return x < y;
}

/* ---- the run ---------------------------------------------------------------------- */

int sl_dedup_run(const sl_corpus *c, const sl_dedup_options *optp, sl_dedup **out) {
    sl_dedup_options opt;
    if (optp) opt = *optp;
    else sl_dedup_options_init(&opt);
    *out = NULL;
    if (opt.threads < 1 || opt.threads > 1024 || opt.min_containment <= 0 ||
        opt.min_containment > 1)
        return SL_EUSAGE;
    if (opt.fingerprints < 4) opt.fingerprints = 4;
    double t0 = now_seconds();
    size_t n = sl_corpus_size(c);
    if (n >= UINT32_MAX) return SL_EUSAGE;
    sl_dedup *d = calloc(1, sizeof *d);
    if (d) d->watched = -1;
    if (!d) return SL_ENOMEM;
    d->n = n;
    d->opt = opt;
    if (opt.wordnet_dir) snprintf(d->wordnet_dir, sizeof d->wordnet_dir, "%s", opt.wordnet_dir);
    d->opt.wordnet_dir = NULL;
    d->rep = malloc((n ? n : 1) * sizeof *d->rep);
    d->relation = calloc(n ? n : 1, 1);
    d->similarity = malloc((n ? n : 1) * sizeof *d->similarity);
    d->source = malloc((n ? n : 1) * sizeof *d->source);
    int status = SL_ENOMEM;
    dd_feat *feats = NULL;          /* features, until exact copies are known */
    dd_sketch *sketch = NULL;       /* then: what candidate search needs */
    uint32_t *n_tokens = NULL;
    dd_full *full = NULL;           /* per article: verification sets */
    uint32_t *fp_thread = NULL;
    uint64_t *fp_offset = NULL, *tmp = NULL, *exact_keys = NULL;
    uint32_t *all_fps = NULL, *fp_off = NULL;    /* fingerprint lists, in doc order */
    feat_worker *workers = NULL;
    pthread_t *tids = NULL;
    dd_pair *pairs = NULL;
    dd_uf uf = {0};
    uint32_t *first_of_exact = NULL, *twin = NULL;
    _Atomic uint64_t *claims = NULL;
    size_t n_edges = 0;
    unsigned nthreads = 0;
    long np = 0;
    if (!d->rep || !d->relation || !d->similarity || !d->source) goto fail;
    for (size_t i = 0; i < n; i++) d->source[i] = UINT32_MAX;

    /* ---- 1. features */
    double tw = now_seconds();
    const dd_wordnet *wn = opt.synonyms ? dd_wordnet_get(d->wordnet_dir[0] ? d->wordnet_dir : NULL) : NULL;
    d->stats.seconds_wordnet = now_seconds() - tw;
    d->synonyms_used = wn != NULL;
    double t1 = now_seconds(), c1 = cpu_seconds();
    feats = calloc(n ? n : 1, sizeof *feats);
    full = calloc(n ? n : 1, sizeof *full);
    fp_thread = malloc((n ? n : 1) * sizeof *fp_thread);
    fp_offset = malloc((n ? n : 1) * sizeof *fp_offset);
    nthreads = (unsigned)opt.threads;
    if (nthreads > n / FEAT_CHUNK + 1) nthreads = (unsigned)(n / FEAT_CHUNK + 1);
    workers = calloc(nthreads, sizeof *workers);
    tids = calloc(nthreads, sizeof *tids);
    if (!feats || !full || !fp_thread || !fp_offset || !workers || !tids) goto fail;
    feat_job job;
    memset(&job, 0, sizeof job);
    job.corpus = c;
    job.params.wn = wn;
    job.params.fp_target = opt.fingerprints;
    job.params.surface = true;
    job.feats = feats;
    job.full = full;
    job.fp_thread = fp_thread;
    job.fp_offset = fp_offset;
    job.n = n;
    twin = malloc((n ? n : 1) * sizeof *twin);
    size_t claim_slots = 1024;
    while (claim_slots < 2 * n) claim_slots <<= 1;
    claims = calloc(claim_slots, sizeof *claims);
    if (!twin || !claims) goto fail;
    for (size_t i = 0; i < n; i++) twin[i] = NO_TWIN;
    for (size_t i = 0; i < claim_slots; i++) atomic_init(&claims[i], 0);
    job.twin = twin;
    job.claims.slots = claims;
    job.claims.mask = claim_slots - 1;
    atomic_init(&job.next, 0);
    atomic_init(&job.failed, 0);
    unsigned started = 0;
    for (unsigned t = 0; t < nthreads; t++) {
        workers[t].job = &job;
        workers[t].id = t;
        if (t == 0) continue;
        if (pthread_create(&tids[t], NULL, feat_thread, &workers[t]) != 0) break;
        started++;
    }
    feat_thread(&workers[0]);
    for (unsigned t = 1; t <= started; t++) pthread_join(tids[t], NULL);
    for (unsigned t = 0; t < nthreads; t++)
        if (workers[t].status) goto fail;
    free((void *)claims);
    claims = NULL;
    if (resolve_twins(&job, &workers[0])) goto fail;
    free(twin);
    twin = NULL;
    double t2 = now_seconds(), c2 = cpu_seconds();
    d->stats.cpu_features = c2 - c1;
    d->stats.seconds_features = t2 - t1;

    /* ---- 2. exact copies */
    if (dd_uf_init(&uf, n)) goto fail;
    exact_keys = malloc((n ? n : 1) * sizeof *exact_keys);
    tmp = malloc((n ? n : 1) * sizeof *tmp);
    first_of_exact = malloc((n ? n : 1) * sizeof *first_of_exact);
    if (!exact_keys || !tmp || !first_of_exact) goto fail;
    /* sort (exact hash high bits, index) — 32 bits of hash suffice to group,
     * equality is then checked on the full hash and token count */
    for (size_t i = 0; i < n; i++) {
        exact_keys[i] = ((feats[i].exact >> 32) << 32) | i;
        first_of_exact[i] = (uint32_t)i;
    }
    dd_radix_sort(exact_keys, tmp, n, 32, 64);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && (exact_keys[j] >> 32) == (exact_keys[i] >> 32)) j++;
        for (size_t k = i + 1; k < j; k++) {
            uint32_t x = (uint32_t)exact_keys[k];
            /* the first earlier equal article in the run */
            for (size_t m = i; m < k; m++) {
                uint32_t y = (uint32_t)exact_keys[m];
                if (first_of_exact[y] != y) continue;
                if (feats[y].exact == feats[x].exact && feats[y].n_tokens == feats[x].n_tokens &&
                    feats[x].n_tokens > 0) {
                    first_of_exact[x] = y;
                    dd_uf_union(&uf, x, y);
                    d->stats.exact_copies++;
                    break;
                }
            }
        }
        i = j;
    }
    free(exact_keys);
    exact_keys = NULL;
    free(tmp);
    tmp = NULL;
    /* the features are not needed any more but for the sketches and
     * token counts */
    sketch = malloc((n ? n : 1) * sizeof *sketch);
    n_tokens = malloc((n ? n : 1) * sizeof *n_tokens);
    if (!sketch || !n_tokens) goto fail;
    for (size_t i = 0; i < n; i++) {
        sketch[i] = dd_sketch_of(&feats[i]);
        n_tokens[i] = feats[i].n_tokens;
    }
    free(feats);
    feats = NULL;

    /* ---- 3. index and candidate pairs (prefiltered on the sampled estimate) */
    size_t n_post = 0;
    /* the fingerprint lists of the indexed articles, gathered in doc order
     * into one array (the workers' buffers are freed) */
    fp_off = malloc((n + 1) * sizeof *fp_off);
    if (!fp_off) goto fail;
    for (size_t i = 0; i < n; i++) {
        bool indexed = first_of_exact[i] == i && sketch[i].cnt[0] > 0;
        fp_off[i] = (uint32_t)n_post;
        n_post += indexed ? sketch[i].cnt[0] : 0;
    }
    fp_off[n] = (uint32_t)n_post;
    if (n_post >= UINT32_MAX) goto fail;
    all_fps = malloc((n_post + 1) * sizeof *all_fps);
    if (!all_fps) goto fail;
    for (size_t i = 0; i < n; i++)
        if (fp_off[i + 1] > fp_off[i])
            memcpy(all_fps + fp_off[i], workers[fp_thread[i]].fps + fp_offset[i],
                   (fp_off[i + 1] - fp_off[i]) * sizeof *all_fps);
    for (unsigned t = 0; t < nthreads; t++) {
        free(workers[t].fps);
        workers[t].fps = NULL;
    }
    free(fp_thread);
    fp_thread = NULL;
    free(fp_offset);
    fp_offset = NULL;
    dd_postings ix;
    if (dd_postings_build(&ix, n, all_fps, fp_off)) goto fail;
    keep_ctx kc = {sketch, full, opt.min_containment};
    np = dd_candidates_screened(&ix, n, all_fps, fp_off, DD_WINDOW, DD_MAX_CANDIDATES, keep_candidate,
                                screen_candidate, &kc, nthreads, &pairs);
    d->watched = -1;
    if (np >= 0 && opt.watch_a < n && opt.watch_b < n) {
        /* the index holds the first of each exact run: the pair of those */
        uint32_t x = first_of_exact[opt.watch_a], y = first_of_exact[opt.watch_b];
        if (x > y) { uint32_t t = x; x = y; y = t; }
        size_t lo = 0, hi = (size_t)np;
        while (lo < hi) {
            size_t m = (lo + hi) / 2;
            if (pairs[m].a < x || (pairs[m].a == x && pairs[m].b < y)) lo = m + 1;
            else hi = m;
        }
        d->watched = lo < (size_t)np && pairs[lo].a == x && pairs[lo].b == y;
    }
    size_t index_bytes = n * (sizeof *sketch + sizeof *n_tokens) + (n + 1) * sizeof *fp_off +
                         n_post * sizeof(uint32_t) + dd_postings_bytes(&ix) +
                         (np > 0 ? (size_t)np : 0) * sizeof *pairs;
    dd_postings_free(&ix);
    free(all_fps);
    all_fps = NULL;
    free(fp_off);
    fp_off = NULL;
    if (np < 0) goto fail;
    d->stats.candidates = (size_t)np;
    d->stats.index_bytes = index_bytes;
    double t3 = now_seconds(), c3 = cpu_seconds();
    d->stats.cpu_index = c3 - c2;
    d->stats.seconds_index = t3 - t2;

    /* ---- 4. verification: candidate components, full sets */
    for (size_t i = 0; i < n; i++) {
        d->similarity[i] = -1.0f;
        d->relation[i] = SL_DUP_NONE;
    }
    {
        dd_uf cuf = {0};
        if (dd_uf_init(&cuf, n)) goto fail;
        for (long p = 0; p < np; p++) dd_uf_union(&cuf, pairs[p].a, pairs[p].b);
        /* group pairs and docs by component root (radix sort keeps order) */
        uint64_t *pk = malloc(((size_t)np + 1) * sizeof *pk);
        uint64_t *dk = malloc((n + 1) * sizeof *dk);
        uint64_t *tk = malloc((SL_MAX((size_t)np, n) + 1) * sizeof *tk);
        uint8_t *involved = calloc(n + 1, 1);
        comp_job cj;
        memset(&cj, 0, sizeof cj);
        uint32_t *comp_pairs = malloc(((size_t)np + 1) * sizeof *comp_pairs);
        uint32_t *comp_docs = malloc((n + 1) * sizeof *comp_docs);
        size_t *comp_pair_start = malloc((n + 2) * sizeof *comp_pair_start);
        size_t *comp_doc_start = malloc((n + 2) * sizeof *comp_doc_start);
        uint32_t *slot = malloc((n + 1) * sizeof *slot);
        float *pair_sim = malloc(((size_t)np + 1) * sizeof *pair_sim);
        float *pair_res = malloc(((size_t)np + 1) * sizeof *pair_res);
        uint8_t *pair_ok = malloc((size_t)np + 1);
        uint32_t *pair_nums = malloc(((size_t)np + 1) * sizeof *pair_nums);
        bool ok = pk && dk && tk && involved && comp_pairs && comp_docs && comp_pair_start &&
                  comp_doc_start && slot && pair_sim && pair_res && pair_ok && pair_nums;
        size_t n_comps = 0, ndk = 0;
        if (ok) {
            for (long p = 0; p < np; p++) {
                pk[p] = ((uint64_t)dd_uf_find(&cuf, pairs[p].a) << 32) | (uint64_t)p;
                involved[pairs[p].a] = involved[pairs[p].b] = 1;
            }
            for (size_t i = 0; i < n; i++)
                if (involved[i]) dk[ndk++] = ((uint64_t)dd_uf_find(&cuf, (uint32_t)i) << 32) | i;
            dd_radix_sort(pk, tk, (size_t)np, 32, 64);
            dd_radix_sort(dk, tk, ndk, 32, 64);
            size_t pi = 0;
            for (size_t q = 0; q < ndk; q++) {
                uint32_t root = (uint32_t)(dk[q] >> 32);
                if (q == 0 || (uint32_t)(dk[q - 1] >> 32) != root) {
                    comp_doc_start[n_comps] = q;
                    comp_pair_start[n_comps] = pi;
                    while (pi < (size_t)np && (uint32_t)(pk[pi] >> 32) == root) {
                        comp_pairs[pi] = (uint32_t)pk[pi];
                        pi++;
                    }
                    n_comps++;
                }
                comp_docs[q] = (uint32_t)dk[q];
            }
            comp_doc_start[n_comps] = ndk;
            comp_pair_start[n_comps] = pi;
            cj.n_tokens = n_tokens;
            cj.full = full;
            cj.pairs = pairs;
            cj.comp_pairs = comp_pairs;
            cj.comp_pair_start = comp_pair_start;
            cj.comp_docs = comp_docs;
            cj.comp_doc_start = comp_doc_start;
            cj.n_comps = n_comps;
            cj.slot = slot;
            cj.pair_sim = pair_sim;
            cj.pair_res = pair_res;
            cj.pair_ok = pair_ok;
            cj.pair_nums = pair_nums;
            cj.min_c = opt.min_containment;
            cj.uf = &uf;
            cj.c = c;
            cj.similarity = d->similarity;
            cj.relation = d->relation;
            cj.source = d->source;
            cj.verify_all = getenv("SL_DEDUP_TRACE") && *getenv("SL_DEDUP_TRACE");
            atomic_init(&cj.next, 0);
            atomic_init(&cj.failed, 0);
            dd_run_threads(comp_thread, &cj, (unsigned)opt.threads);
            ok = !atomic_load(&cj.failed);
        }
        const char *trace = getenv("SL_DEDUP_TRACE");
        if (ok && trace && *trace) {
            FILE *tf = fopen(trace, "w");
            for (long p = 0; tf && p < np; p++) {
                const sl_article *A = sl_corpus_article(c, pairs[p].a), *B = sl_corpus_article(c, pairs[p].b);
                fprintf(tf, "%.*s\t%.*s\t%u\t%.4f\t%.4f\t%u\t%u\t%d\n", (int)A->id.len, A->id.ptr,
                        (int)B->id.len, B->id.ptr, pairs[p].shared, pair_sim[p], pair_res[p],
                        pair_nums[p] & 0xFFFF, pair_nums[p] >> 16, pair_ok[p]);
            }
            if (tf) fclose(tf);
        }
        for (long p = 0; ok && p < np; p++) n_edges += pair_ok[p];
        dd_uf_free(&cuf);
        free(pk); free(dk); free(tk); free(involved); free(comp_pairs); free(comp_docs);
        free(comp_pair_start); free(comp_doc_start); free(slot); free(pair_sim); free(pair_res);
        free(pair_ok); free(pair_nums);
        if (!ok) goto fail;
    }
    d->stats.accepted = n_edges;
    /* the verification sets are not needed any more */
    for (unsigned t = 0; t < nthreads; t++) {
        d->stats.working_bytes += dd_pool_bytes(&workers[t].pool);
        dd_pool_free(&workers[t].pool);
    }
    d->stats.working_bytes += n * sizeof *full;
    free(full);
    full = NULL;
    double t4 = now_seconds(), c4 = cpu_seconds();
    d->stats.cpu_verify = c4 - c3;
    d->stats.seconds_verify = t4 - t3;

    /* ---- 5. representatives, similarity, relation */
    for (size_t i = 0; i < n; i++) d->rep[i] = (uint32_t)i;
    /* best member per root */
    uint32_t *best = malloc((n ? n : 1) * sizeof *best);
    if (!best) goto fail;
    for (size_t i = 0; i < n; i++) best[i] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        uint32_t r = dd_uf_find(&uf, (uint32_t)i);
        if (best[r] == UINT32_MAX || better_rep(c, n_tokens, (uint32_t)i, best[r])) best[r] = (uint32_t)i;
    }
    for (size_t i = 0; i < n; i++) d->rep[i] = best[dd_uf_find(&uf, (uint32_t)i)];
    free(best);
    /* similarity and relation: computed against the group's anchor during
     * verification; exact copies of the representative are exact; other
     * exact copies (never verified) take those of the copy they repeat */
    size_t groups = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t r = d->rep[i];
        if (r == i) {
            groups++;
            d->relation[i] = SL_DUP_NONE;
            d->similarity[i] = 1.0f;
            continue;
        }
        if (first_of_exact[i] == first_of_exact[r]) {    /* exact copies of each other */
            d->relation[i] = SL_DUP_EXACT;
            d->similarity[i] = 1.0f;
            continue;
        }
        uint32_t src = first_of_exact[i];
        if (d->similarity[src] >= 0 && d->relation[src] != SL_DUP_NONE) {
            d->relation[i] = d->relation[src];
            d->similarity[i] = d->similarity[src];
        } else {
            d->relation[i] = SL_DUP_NEAR;
            d->similarity[i] = 1.0f;
        }
    }
    d->groups = groups;
    d->stats.articles = n;
    d->stats.groups = groups;
    d->stats.seconds_total = now_seconds() - t0;
    status = 0;
fail:
    for (unsigned t = 0; workers && t < nthreads; t++) {
        free(workers[t].fps);
        dd_pool_free(&workers[t].pool);
    }
    free(workers);
    free(full);
    free(tids);
    free(feats);
    free(sketch);
    free(n_tokens);
    free(fp_thread);
    free(fp_offset);
    free(all_fps);
    free(fp_off);
    free(tmp);
    free(exact_keys);
    free(pairs);
    free(first_of_exact);
    free(twin);
    free((void *)claims);
    dd_uf_free(&uf);
    if (status) { sl_dedup_free(d); return status; }
    *out = d;
    return 0;
}

void sl_dedup_free(sl_dedup *d) {
    if (!d) return;
    free(d->rep);
    free(d->relation);
    free(d->similarity);
    free(d->source);
    free(d);
}

size_t sl_dedup_size(const sl_dedup *d) { return d->n; }
size_t sl_dedup_groups(const sl_dedup *d) { return d->groups; }
size_t sl_dedup_group(const sl_dedup *d, size_t i) { return i < d->n ? d->rep[i] : i; }
int sl_dedup_is_representative(const sl_dedup *d, size_t i) { return i < d->n && d->rep[i] == i; }
sl_dup_relation sl_dedup_relation(const sl_dedup *d, size_t i) {
    return i < d->n ? (sl_dup_relation)d->relation[i] : SL_DUP_NONE;
}
double sl_dedup_similarity(const sl_dedup *d, size_t i) {
    return i < d->n ? (double)d->similarity[i] : 0.0;
}
int sl_dedup_synonyms_used(const sl_dedup *d) { return d->synonyms_used; }
void sl_dedup_get_stats(const sl_dedup *d, sl_dedup_stats *st) { *st = d->stats; }

/* ---- explain ------------------------------------------------------------------------ */

typedef struct explained {
    dd_feat f;
    uint64_t *shingles;     /* sorted, distinct */
    size_t n_sh;
    uint32_t *fps;
    size_t n_fps;
    dd_scratch sc;
} explained;

static int explain_one(const dd_params *p, const sl_article *a, explained *e) {
    memset(e, 0, sizeof *e);
    if (dd_features(p, a->text.ptr, a->text.len, &e->f, &e->sc)) return SL_ENOMEM;
    size_t nc = e->f.n_class;
    size_t ns = nc >= DD_SHINGLE ? nc - DD_SHINGLE + 1 : (nc ? 1 : 0);
    e->shingles = malloc((ns ? ns : 1) * sizeof *e->shingles);
    e->fps = malloc((e->sc.n_fps ? e->sc.n_fps : 1) * sizeof *e->fps);
    if (!e->shingles || !e->fps) return SL_ENOMEM;
    memcpy(e->shingles, e->sc.shingles, ns * sizeof *e->shingles);
    memcpy(e->fps, e->sc.fps, e->sc.n_fps * sizeof *e->fps);
    e->n_fps = e->sc.n_fps;
    uint64_t *t = malloc((ns ? ns : 1) * sizeof *t);
    if (!t) return SL_ENOMEM;
    dd_radix_sort(e->shingles, t, ns, 0, 64);
    free(t);
    size_t k = 0;
    for (size_t i = 0; i < ns; i++)
        if (!k || e->shingles[i] != e->shingles[k - 1]) e->shingles[k++] = e->shingles[i];
    e->n_sh = k;
    return 0;
}

static void explained_free(explained *e) {
    free(e->shingles);
    free(e->fps);
    dd_scratch_free(&e->sc);
}

static bool sorted_contains(const uint64_t *v, size_t n, uint64_t x) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = (lo + hi) / 2;
        if (v[m] < x) lo = m + 1;
        else hi = m;
    }
    return lo < n && v[lo] == x;
}

static void put_slice(FILE *out, sl_slice s) { fwrite(s.ptr, 1, s.len, out); }

static const char *yesno(bool b) { return b ? "pass" : "FAIL"; }

int sl_dedup_explain(const sl_dedup *d, const sl_corpus *c, size_t i, size_t j, FILE *out) {
    if (!d || i >= d->n || j >= d->n || d->n != sl_corpus_size(c)) return SL_EUSAGE;
    dd_params p = {0};
    p.wn = d->synonyms_used ? dd_wordnet_get(d->wordnet_dir[0] ? d->wordnet_dir : NULL) : NULL;
    p.fp_target = d->opt.fingerprints;
    p.keep_spans = true;
    p.surface = true;
    const sl_article *A = sl_corpus_article(c, i), *B = sl_corpus_article(c, j);
    explained ea, eb;
    int r = explain_one(&p, A, &ea);
    if (!r) r = explain_one(&p, B, &eb);
    else memset(&eb, 0, sizeof eb);
    if (r) { explained_free(&ea); explained_free(&eb); return r; }
    const sl_article *arts[2] = {A, B};
    explained *es[2] = {&ea, &eb};
    size_t idx[2] = {i, j};
    for (int s = 0; s < 2; s++) {
        fputs(s == 0 ? "A: " : "B: ", out);
        put_slice(out, arts[s]->id);
        char date[11] = "undated";
        if (arts[s]->date != SL_NO_DATE) sl_format_date(arts[s]->date, date);
        fprintf(out, "  %s  %zu bytes, %u tokens, %u class tokens, %zu distinct shingles\n", date,
                arts[s]->text.len, es[s]->f.n_tokens, es[s]->f.n_class, es[s]->n_sh);
        size_t rep = d->rep[idx[s]];
        fputs("   group: ", out);
        put_slice(out, sl_corpus_article(c, rep)->id);
        const char *rel = sl_dup_relation_name((sl_dup_relation)d->relation[idx[s]]);
        fprintf(out, "%s  relation %s  similarity %.3f\n", rep == idx[s] ? " (representative)" : "",
                rel ? rel : "-", d->similarity[idx[s]]);
    }
    bool same = d->rep[i] == d->rep[j];
    fprintf(out, "verdict: %s\n", same ? "SAME GROUP" : "DIFFERENT GROUPS");
    fprintf(out, "synonym classes: %s\n", p.wn ? "WordNet" : "off (plain words)");
    /* exact */
    bool exact = ea.f.exact == eb.f.exact && ea.f.n_tokens == eb.f.n_tokens && ea.f.n_tokens;
    fprintf(out, "exact text hash: %s\n", exact ? "equal (exact copies)" : "different");
    /* full shingle sets */
    size_t shared = 0;
    for (size_t k = 0; k < ea.n_sh; k++) shared += sorted_contains(eb.shingles, eb.n_sh, ea.shingles[k]);
    size_t small = SL_MIN(ea.n_sh, eb.n_sh);
    fprintf(out, "all shingles (%d synonym-class tokens each): %zu shared; containment %.3f, "
                 "resemblance %.3f\n",
            DD_SHINGLE, shared, small ? (double)shared / small : 0.0,
            ea.n_sh + eb.n_sh - shared ? (double)shared / (double)(ea.n_sh + eb.n_sh - shared) : 0.0);
    /* examples of shared shingles, in A's words */
    size_t shown = 0, nc = ea.f.n_class;
    for (size_t k = 0; k + DD_SHINGLE <= nc && shown < 5; k += 1) {
        uint64_t h = ea.sc.shingles[k];
        if (!sorted_contains(eb.shingles, eb.n_sh, h)) continue;
        uint32_t t0 = ea.sc.cls_tok[k], t1 = ea.sc.cls_tok[k + DD_SHINGLE - 1];
        uint32_t from = ea.sc.tok_start[t0], to = ea.sc.tok_start[t1] + ea.sc.tok_len[t1];
        fprintf(out, "   shared: \"%.*s\"\n", (int)SL_MIN(to - from, 200u), A->text.ptr + from);
        shown++;
        k += DD_SHINGLE - 1;
    }
    /* the sampled index, as the run saw it */
    unsigned L = SL_MAX(ea.f.level, eb.f.level);
    unsigned sampled = 0;
    for (size_t x = 0, y = 0; x < ea.n_fps && y < eb.n_fps;) {
        if (ea.fps[x] < eb.fps[y]) x++;
        else if (ea.fps[x] > eb.fps[y]) y++;
        else { sampled++; x++; y++; }
    }
    dd_sketch ska = dd_sketch_of(&ea.f), skb = dd_sketch_of(&eb.f);
    verdict v = verify_pair(&ska, &skb, sampled);
    fprintf(out, "candidate search: A sampled at level %u (%u fingerprints), B at level %u (%u); "
                 "at level %u: A %u, B %u, shared %u\n",
            ea.f.level, ea.f.fp_n, eb.f.level, eb.f.fp_n, L, v.na, v.nb, sampled);
    /* the verification sets (the run builds them in its features pass) */
    dd_pool pool = {0};
    dd_full fa, fb;
    int oom = 0;
    if (dd_full_from_scratch(&ea.f, &ea.sc, A->text.ptr, A->text.len, &pool, &fa) ||
        dd_full_from_scratch(&eb.f, &eb.sc, B->text.ptr, B->text.len, &pool, &fb) ||
        (fa.n_sh >= DD_TYPO_MIN_SHINGLES && dd_full_chargrams(&fa, &pool, &ea.sc)) ||
        (fb.n_sh >= DD_TYPO_MIN_SHINGLES && dd_full_chargrams(&fb, &pool, &eb.sc))) {
        dd_pool_free(&pool);
        explained_free(&ea);
        explained_free(&eb);
        return SL_ENOMEM;
    }
    bool sampled_ok = v.comparable && sampled > 0 && v.containment >= DD_PREFILTER;
    bool screen_ok = may_pass(&fa, &fb, d->opt.min_containment);
    /* what the run's bounded search did with the pair, when it watched it
     * (the tests above pass for every pair it compared) */
    bool candidate = d->watched >= 0 ? d->watched == 1 : sampled_ok && screen_ok;
    if (!v.comparable)
        fputs("   sampling levels too far apart to compare (sizes differ > 256x): not a candidate\n", out);
    else if (sampled == 0)
        fputs("   no shared fingerprint: not a candidate pair\n", out);
    else if (!sampled_ok)
        fprintf(out, "   sampled containment %.3f < %.2f: not a candidate\n", v.containment, DD_PREFILTER);
    else {
        uint32_t small_sh = SL_MIN(fa.n_sh, fb.n_sh);
        size_t shared_all = dd_intersect_count(fa.sh, fa.n_sh, fb.sh, fb.n_sh);
        fprintf(out, "   sampled containment %.3f >= %.2f; exact screen: %zu shingles shared (>= %d), "
                     "containment %.3f (>= %.3f, the least verification accepts): %s\n",
                v.containment, DD_PREFILTER, shared_all, DD_MIN_SHARED,
                small_sh ? (double)shared_all / small_sh : 0.0,
                small_sh ? containment_floor(d->opt.min_containment, small_sh) : 1.0,
                screen_ok ? "candidate pair" : "not a candidate");
    }
    if (d->watched == 1)
        fputs("   in the run: compared (among the pairs the search kept)\n", out);
    else if (d->watched == 0 && sampled_ok && screen_ok)
        fprintf(out, "   in the run: not compared — beyond the search's bounds (per shared fingerprint the "
                     "%d articles following each in its list, the %d best-scored pairs per article)\n",
                DD_WINDOW, DD_MAX_CANDIDATES);
    /* the verification the run applies to candidates */
    full_verdict fv = verify_full(&fa, &fb, UINT32_MAX, d->opt.min_containment, true, &pool, &ea.sc, &oom);
    uint32_t wsame, wother;
    dd_word_agreement(&fa, &fb, &wsame, &wother);
    dd_pool_free(&pool);
    if (oom) {
        explained_free(&ea);
        explained_free(&eb);
        return SL_ENOMEM;
    }
    fprintf(out, "verification over all distinct shingles: A %u, B %u, shared %u\n",
            fv.na, fv.nb, fv.shared);
    {
        fprintf(out, "   WordNet-class words both have: %u the same, %u swapped for synonyms%s\n", wsame,
                wother, is_spun(wsame, wother) ? " (synonyms swapped: spun)" : "");
    }
    fprintf(out, "   test evidence: %u shared >= %d: %s\n", fv.shared, DD_MIN_SHARED, yesno(fv.evidence_ok));
    fprintf(out, "   test containment: %.3f >= %.3f (%.2f, more for short texts): %s\n", fv.containment,
            fv.needed, d->opt.min_containment, yesno(fv.containment_ok));
    if (!fv.containment_ok) {
        if (fv.containment < DD_TYPO_MIN_C || SL_MIN(fv.na, fv.nb) < DD_TYPO_MIN_SHINGLES)
            fprintf(out, "   test typos: not tried (needs containment >= %.2f and >= %d shingles): FAIL\n",
                    DD_TYPO_MIN_C, DD_TYPO_MIN_SHINGLES);
        else if (fv.char_screened)
            fprintf(out, "   test typos: sampled character %d-gram containment %.3f (+ margin %.3f) < %.2f, "
                    "exact %.3f not needed: FAIL\n", DD_CHARGRAM, fv.char_sampled, fv.char_margin,
                    DD_TYPO_CHAR_C, fv.char_containment);
        else
            fprintf(out, "   test typos: sampled character %d-gram containment %.3f (+ margin %.3f) reaches "
                    "%.2f; exact %.3f >= %.2f: %s\n", DD_CHARGRAM, fv.char_sampled, fv.char_margin,
                    DD_TYPO_CHAR_C, fv.char_containment, DD_TYPO_CHAR_C, yesno(fv.typo_path));
    }
    fprintf(out, "   test figures: %u number-quoting phrases with the same figures, %u with "
                 "different ones (conflicts must not outnumber agreements, unless under 1/5 of the shared shingles): %s\n",
            fv.figures_agree, fv.figures_conflict, yesno(fv.numbers_ok));
    /* an excerpt pair joins the shorter text to its source only (see
     * comp_thread) */
    bool by_excerpt = is_excerpt_pair(&fa, &fb);
    size_t shorter = fa.n_sh < fb.n_sh || (fa.n_sh == fb.n_sh && i < j) ? i : j;
    size_t longer = shorter == i ? j : i;
    bool via_source = !exact && candidate && fv.accepted && by_excerpt;
    bool is_source = via_source && d->source[shorter] == longer;
    fprintf(out, "pair decision: %s\n",
            exact ? "joined as exact copies"
                  : !candidate ? (fv.accepted ? "would pass verification, but never compared"
                                              : "not joined")
                  : !fv.accepted ? "not joined"
                  : !by_excerpt ? "joined (all tests passed)"
                  : is_source ? "joined: the longer text is the excerpt's source (of its accepted partners, "
                                "the one sharing most shingles)"
                              : "accepted, but an excerpt joins only its source and the partners verified as "
                                "copies of that source");
    if (via_source && !is_source) {
        fputs("   the excerpt's source: ", out);
        if (d->source[shorter] == UINT32_MAX) fputs("none", out);
        else put_slice(out, sl_corpus_article(c, d->source[shorter])->id);
        fputs(same ? " (this pair is in one group)\n" : " (this pair is not joined)\n", out);
    }
    if (same && !exact && !(candidate && fv.accepted))
        fputs("   (in one group through other copies)\n", out);
    explained_free(&ea);
    explained_free(&eb);
    return 0;
}
