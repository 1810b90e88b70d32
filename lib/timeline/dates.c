/*
 * dates.c — which days make the timeline.
 *
 * A day matters when the story keeps referring to it.  Its evidence
 * (tl_day_stats) is counted over distinct articles, so one long article
 * cannot outvote many:
 *   mentioned  articles with a sentence naming the day precisely,
 *   later      of those, articles published after the day — looking back
 *              at a day is the strongest sign that something happened then,
 *   published  articles published that day, taken relative to the
 *              publication rate around it (a burst, not a busy news week).
 * score(d) = mentioned + W_LATER * later + W_PUB * published
 *            + W_BURST * max(0, published(d) - mean published over d-3..d+3).
 * Weights were tuned on the Timeline17 dev timelines (see README).
 *
 * Picking is greedy: the best remaining day (ties: the earlier day) joins the
 * timeline and the scores of the days within SUPPRESS_RADIUS of it are
 * multiplied by SUPPRESS, so that an event's aftermath (the coverage and the
 * "yesterday"s of the following days) does not crowd out other events; days
 * without a usable sentence are never picked.  O(days log days).
 */
#include "timeline.h"

#include <math.h>

enum { BURST_RADIUS = 3 };
static const double W_LATER = 1.0;
static const double W_BURST = 0.5;
static const double W_PUB = 0.5;
static const double SUPPRESS = 0.7;
enum { SUPPRESS_RADIUS = 3 };

void tl_score_days(const tl_day_stats *st, size_t n, double *score) {
    if (!n) return;
    for (size_t d = 0; d < n; d++) {
        double sum = 0;
        size_t cnt = 0;
        for (size_t k = d >= BURST_RADIUS ? d - BURST_RADIUS : 0; k <= d + BURST_RADIUS && k < n; k++) {
            sum += st[k].published;
            cnt++;
        }
        double burst = (double)st[d].published - sum / (double)cnt;
        if (burst < 0) burst = 0;
        double s = (double)st[d].mentioned + W_LATER * (double)st[d].later + W_BURST * burst +
                   W_PUB * (double)st[d].published;
        score[d] = s;
    }
}

size_t tl_default_length(const tl_day_stats *st, const double *score, size_t n, size_t n_articles) {
    /* days that stand out: at least twice the mean score of the days the
     * story says anything about, bounded by the story's size */
    double sum = 0;
    size_t active = 0, usable = 0, late = 0;
    for (size_t d = 0; d < n; d++) {
        if (score[d] > 0) { sum += score[d]; active++; }
        if (st[d].usable) usable++;
        if (st[d].late_reports) late++;
    }
    if (!active || !usable) return 0;
    double mean = sum / (double)active;
    size_t standout = 0;
    for (size_t d = 0; d < n; d++)
        if (st[d].usable && score[d] >= 2 * mean) standout++;
    size_t cap = (size_t)ceil(3.0 * sqrt((double)n_articles));
    size_t want = standout;
    if (want > cap) want = cap;
    /* a small story gets about a day per article, plus the days that only
     * later reports tell (such an article tells two events: its own day's
     * and the earlier one) */
    size_t floor_len = SL_MIN(usable, SL_MAX(n_articles + late, (size_t)3));
    if (floor_len > 8) floor_len = 8;
    if (want < floor_len) want = floor_len;
    if (want > usable) want = usable;
    return want;
}

/* A max-heap of (score, day): higher score first, ties the earlier day. */
typedef struct heap_item {
    double score;
    uint32_t day;
} heap_item;

static int heap_above(const heap_item *x, const heap_item *y) {
    return x->score > y->score || (x->score == y->score && x->day < y->day);
}

static void heap_push(heap_item *h, size_t *n, heap_item it) {
    size_t i = (*n)++;
    while (i > 0 && heap_above(&it, &h[(i - 1) / 2])) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = it;
}

static heap_item heap_pop(heap_item *h, size_t *n) {
    heap_item top = h[0], last = h[--*n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= *n) break;
        if (c + 1 < *n && heap_above(&h[c + 1], &h[c])) c++;
        if (!heap_above(&h[c], &last)) break;
        h[i] = h[c];
        i = c;
    }
    if (*n) h[i] = last;
    return top;
}

size_t tl_pick_days(const tl_day_stats *st, const double *score, size_t n, size_t want,
                    size_t n_articles, uint32_t *out) {
    if (want == 0) want = tl_default_length(st, score, n, n_articles);
    /* Lazy greedy: the heap holds each usable day with the score it had when
     * pushed; damping only lowers scores, so a popped entry whose score is
     * stale is pushed back with its current one, and the first fresh entry
     * on top is the true best.  O(days log days). */
    double *s = malloc((n ? n : 1) * sizeof *s);
    heap_item *h = malloc((n ? n : 1) * sizeof *h);
    if (!s || !h) { free(s); free(h); return 0; }
    size_t hn = 0;
    for (size_t d = 0; d < n; d++) {
        s[d] = st[d].usable ? score[d] : -1.0;
        if (st[d].usable) heap_push(h, &hn, (heap_item){s[d], (uint32_t)d});
    }
    size_t k = 0;
    while (k < want && hn > 0) {
        heap_item it = heap_pop(h, &hn);
        if (s[it.day] < 0) continue;
        if (it.score != s[it.day]) {
            heap_push(h, &hn, (heap_item){s[it.day], it.day});
            continue;
        }
        size_t best = it.day;
        out[k++] = (uint32_t)best;
        s[best] = -1.0;
        for (size_t r = 1; r <= SUPPRESS_RADIUS; r++) {
            if (best >= r && s[best - r] > 0) s[best - r] *= SUPPRESS;
            if (best + r < n && s[best + r] > 0) s[best + r] *= SUPPRESS;
        }
    }
    free(s);
    free(h);
    return k;
}
