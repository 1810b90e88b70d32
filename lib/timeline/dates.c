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
 * score(d) = mentioned + W_LATER * later + W_BURST * burst(d), where
 * burst(d) = published(d) - mean published over d-3..d+3 (floored at 0)
 * plus W_PUB * published(d); then a light smoothing lends each day a share of
 * its neighbours' score (an event's coverage spills to the next day, and the
 * mentions of it too, through time-zone and "yesterday" slack).
 * Weights were tuned on the Timeline17 dev timelines (see README).
 *
 * Picking: days by descending score (ties: the earlier day), skipping days
 * without a usable sentence.
 */
#include "timeline.h"

#include <math.h>

enum { BURST_RADIUS = 3 };
static const double W_LATER = 1.0;
static const double W_BURST = 0.5;
static const double W_PUB = 0.5;
static const double W_NEIGHBOUR = 0.1;
static const double SUPPRESS = 1.0;
static const double SUPPRESS_RADIUS = 1;

void tl_score_days(const tl_day_stats *st, size_t n, double *score) {
    if (!n) return;
    double *raw = malloc(n * sizeof *raw);
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
        if (raw) raw[d] = s;
        else score[d] = s;
    }
    if (!raw) return;
    for (size_t d = 0; d < n; d++) {
        double s = raw[d];
        if (d > 0) s += W_NEIGHBOUR * raw[d - 1];
        if (d + 1 < n) s += W_NEIGHBOUR * raw[d + 1];
        score[d] = s;
    }
    free(raw);
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
