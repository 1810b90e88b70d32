/*
 * summarize.c — the sentences of one day.
 *
 * Centroid ranking with a topic prior (the news-tls "centroid" family):
 *   centroid(d) = sum of the unit vectors of every sentence dated to d
 *                 (usable or not — they all say what the day was about);
 *   score(s)    = cos(s, centroid(d)) + W_TOPIC * cos(s, topic)
 *                 + W_MENTION if s names the day itself
 *                 + W_LEAD if s is among its article's first sentences.
 * Candidates are the usable sentences dated to d from articles published
 * within [d - 1, d + TL_REPORT_WINDOW] (sentences written long after a day are
 * background about it, not its news); the best MAX_CANDIDATES by score go on.
 * Selection is maximal marginal relevance: each step takes the candidate
 * maximising score - W_REDUNDANCY * (its highest cosine to the day's earlier
 * picks) (ties: the better-ranked), and never a near-duplicate — token-set
 * Jaccard >= TL_DUPLICATE_JACCARD — of any sentence already in the timeline.
 * O(k * candidates) cosines per day.  Weights were tuned on the Timeline17
 * dev timelines; a sentence naming its day gets only a small bonus because a
 * larger one favoured long retrospective sentences there.
 */
#include "timeline.h"

#include <math.h>

static const double W_TOPIC = 0.5;
static const double W_MENTION = 0.02;
static const double W_LEAD = 0.05;
static const double W_REDUNDANCY = 1.0;
enum { MAX_CANDIDATES = 400 };
enum { LEAD_SENTENCES = 3 };

typedef struct cand {
    double score;
    uint32_t sent;
} cand;

static int cmp_cand(const void *a, const void *b) {
    const cand *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return (x->sent > y->sent) - (x->sent < y->sent);
}

static double dense_dot(const float *dense, const tl_term *t, size_t n) {
    double dot = 0;
    for (size_t i = 0; i < n; i++) dot += (double)dense[t[i].id] * t[i].w;
    return dot;
}

static int is_duplicate(const tl_story *story, uint32_t s, const uint32_t *list, size_t n) {
    const tl_sent *a = &story->sents[s];
    const tl_term *ta = story->terms + a->terms;
    for (size_t i = 0; i < n; i++) {
        const tl_sent *b = &story->sents[list[i]];
        if (tl_jaccard(ta, a->n_terms, story->terms + b->terms, b->n_terms) >= TL_DUPLICATE_JACCARD)
            return 1;
    }
    return 0;
}

size_t tl_summarize_day(const tl_story *story, int32_t day, const uint32_t *members, size_t n,
                        size_t k, const uint32_t *taken, size_t n_taken, float *dense,
                        uint32_t *out) {
    if (!n || !k) return 0;
    /* the day's centroid, in dense form */
    for (size_t i = 0; i < n; i++) {
        const tl_sent *s = &story->sents[members[i]];
        const tl_term *t = story->terms + s->terms;
        for (size_t j = 0; j < s->n_terms; j++) dense[t[j].id] += t[j].w;
    }
    double norm = 0;
    for (size_t i = 0; i < n; i++) {
        /* every term of the centroid occurs in some member: visit each once */
        const tl_sent *s = &story->sents[members[i]];
        const tl_term *t = story->terms + s->terms;
        for (size_t j = 0; j < s->n_terms; j++) {
            float v = dense[t[j].id];
            if (v > 0) { norm += (double)v * v; dense[t[j].id] = -v; }
        }
    }
    norm = sqrt(norm);
    /* restore positive signs, scaled to unit length */
    for (size_t i = 0; i < n; i++) {
        const tl_sent *s = &story->sents[members[i]];
        const tl_term *t = story->terms + s->terms;
        for (size_t j = 0; j < s->n_terms; j++) {
            float v = dense[t[j].id];
            if (v < 0) dense[t[j].id] = (float)(-v / norm);
        }
    }
    cand *c = malloc(n * sizeof *c);
    size_t m = 0;
    if (c) {
        for (size_t i = 0; i < n; i++) {
            const tl_sent *s = &story->sents[members[i]];
            if (!tl_is_candidate(s, day)) continue;
            const tl_term *t = story->terms + s->terms;
            double score = dense_dot(dense, t, s->n_terms) +
                           W_TOPIC * dense_dot(story->topic, t, s->n_terms);
            if (s->flags & TL_MENTION) score += W_MENTION;
            if (s->position < LEAD_SENTENCES) score += W_LEAD;
            c[m++] = (cand){score, members[i]};
        }
    }
    /* leave the scratch zero for the next day */
    for (size_t i = 0; i < n; i++) {
        const tl_sent *s = &story->sents[members[i]];
        const tl_term *t = story->terms + s->terms;
        for (size_t j = 0; j < s->n_terms; j++) dense[t[j].id] = 0;
    }
    if (!c) return 0;
    qsort(c, m, sizeof *c, cmp_cand);
    if (m > MAX_CANDIDATES) m = MAX_CANDIDATES;
    /* maximal marginal relevance: each pick pays for its similarity to the
     * day's earlier picks; near-duplicates of any pick are out */
    double *maxsim = calloc(m ? m : 1, sizeof *maxsim);
    if (!maxsim) { free(c); return 0; }
    double lambda = W_REDUNDANCY;
    size_t got = 0;
    while (got < k) {
        size_t best = m;
        double best_score = 0;
        for (size_t i = 0; i < m; i++) {
            if (c[i].sent == UINT32_MAX) continue;
            double v = c[i].score - lambda * maxsim[i];
            if (best == m || v > best_score) { best = i; best_score = v; }
        }
        if (best == m) break;
        uint32_t s = c[best].sent;
        c[best].sent = UINT32_MAX;
        if (is_duplicate(story, s, taken, n_taken) || is_duplicate(story, s, out, got)) continue;
        out[got++] = s;
        const tl_sent *ps = &story->sents[s];
        const tl_term *pt = story->terms + ps->terms;
        for (size_t i = 0; i < m; i++) {
            if (c[i].sent == UINT32_MAX) continue;
            const tl_sent *q = &story->sents[c[i].sent];
            double sim = tl_cosine(pt, ps->n_terms, story->terms + q->terms, q->n_terms);
            if (sim > maxsim[i]) maxsim[i] = sim;
        }
    }
    free(maxsim);
    free(c);
    return got;
}
