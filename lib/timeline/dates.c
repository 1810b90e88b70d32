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
 * without a usable sentence are never picked.  O(days * picks).
 */
#include "timeline.h"

#include <math.h>

enum { BURST_RADIUS = 3 };
static const double W_LATER = 1.0;
static const double W_BURST = 0.5;
static const double W_PUB = 0.5;
static const double SUPPRESS = 0.7;
static const double SUPPRESS_RADIUS = 3;

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
    size_t active = 0, usable = 0;
    for (size_t d = 0; d < n; d++) {
        if (score[d] > 0) { sum += score[d]; active++; }
        if (st[d].usable) usable++;
    }
    if (!active || !usable) return 0;
    double mean = sum / (double)active;
    size_t standout = 0;
    for (size_t d = 0; d < n; d++)
        if (st[d].usable && score[d] >= 2 * mean) standout++;
    size_t cap = (size_t)ceil(3.0 * sqrt((double)n_articles));
    size_t want = standout;
    if (want > cap) want = cap;
    size_t floor_len = SL_MIN(usable, SL_MAX(n_articles, (size_t)3));
    if (floor_len > 8) floor_len = 8;
    if (want < floor_len) want = floor_len;
    if (want > usable) want = usable;
    return want;
}

size_t tl_pick_days(const tl_day_stats *st, const double *score, size_t n, size_t want,
                    size_t n_articles, uint32_t *out) {
    if (want == 0) want = tl_default_length(st, score, n, n_articles);
    double *s = malloc((n ? n : 1) * sizeof *s);
    if (!s) return 0;
    size_t avail = 0;
    for (size_t d = 0; d < n; d++) {
        s[d] = st[d].usable ? score[d] : -1.0;
        if (st[d].usable) avail++;
    }
    size_t k = SL_MIN(want, avail);
    double supp = SUPPRESS;
    int radius = (int)SUPPRESS_RADIUS;
    for (size_t i = 0; i < k; i++) {
        size_t best = n;
        for (size_t d = 0; d < n; d++)
            if (s[d] >= 0 && (best == n || s[d] > s[best])) best = d;
        out[i] = (uint32_t)best;
        s[best] = -1.0;
        for (int r = 1; r <= radius; r++) {
            if (best >= (size_t)r && s[best - r] > 0) s[best - r] *= supp;
            if (best + r < n && s[best + r] > 0) s[best + r] *= supp;
        }
    }
    free(s);
    return k;
}
