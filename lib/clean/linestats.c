/*
 * linestats.c — the corpus signal: how many unrelated articles carry a line.
 *
 * An open-addressing hash table keyed by the normalised line hash (see
 * features.c), linear probing, grown at 70% load.  Per line it keeps the
 * number of distinct articles carrying it and up to four 16-bit
 * fingerprints of those articles' "anchors".  It is filled in two steps:
 * every article's lines (and line skeletons: the names and numbers of a
 * line, which survive rewording) are counted first; then each article picks
 * its anchor — its rarest skeleton across the corpus (the smallest hash
 * among equally rare ones), else its rarest line, i.e. its own main content
 * and never a template — and the anchor's fingerprint is recorded on each
 * of its lines.  Copies of one story, even reworded, share the anchor.  Articles that share their anchor
 * are copies of one story (syndication) and must not make their shared
 * body look like a site template, so the spread of a line is
 *
 *     distinct anchors seen          when fewer than four were seen,
 *     articles carrying the line     once four distinct anchors were seen.
 *
 * A template line under a thousand different stories has spread 1000; a
 * paragraph of a story syndicated to 50 sites has spread 1 (or a few, when
 * some copies were edited).  Fingerprints are 16 bits: two different
 * anchors collide with probability 1/65536, which at worst undercounts.
 *
 * Invariants: slot.hash == 0 marks an empty slot (line hashes are never 0);
 * last_article stores the 1-based index of the last article counted, so a
 * line repeated inside one article counts once when articles are added in
 * any order that does not interleave them.
 * Memory: 24 bytes per slot, at most ~2 slots per distinct line.
 */
#include "clean_internal.h"

static size_t pow2_at_least(size_t n) {
    size_t c = 1024;
    while (c < n) c <<= 1;
    return c;
}

int cl_linestats_init(cl_linestats *s, size_t expected_lines) {
    memset(s, 0, sizeof *s);
    s->cap = pow2_at_least(expected_lines + expected_lines / 2);
    s->slots = calloc(s->cap, sizeof *s->slots);
    return s->slots ? 0 : SL_ENOMEM;
}

void cl_linestats_free(cl_linestats *s) {
    free(s->slots);
    free(s->filter);
    memset(s, 0, sizeof *s);
}

static cl_stat_slot *probe(cl_stat_slot *slots, size_t cap, uint64_t h) {
    size_t i = (size_t)(h ^ (h >> 31)) & (cap - 1);     /* = cl_linestats_home */
    while (slots[i].hash && slots[i].hash != h) i = (i + 1) & (cap - 1);
    return &slots[i];
}

static int grow(cl_linestats *s) {
    size_t ncap = s->cap * 2;
    cl_stat_slot *ns = calloc(ncap, sizeof *ns);
    if (!ns) return SL_ENOMEM;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].hash) *probe(ns, ncap, s->slots[i].hash) = s->slots[i];
    free(s->slots);
    s->slots = ns;
    s->cap = ncap;
    return 0;
}

static void prefetch_all(const cl_linestats *s, const uint64_t *keys, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (keys[i]) cl_linestats_prefetch(s, keys[i]);
}

int cl_linestats_count(cl_linestats *s, uint32_t article, const uint64_t *keys, size_t n) {
    if (article > s->n_articles) s->n_articles = article;
    prefetch_all(s, keys, n);
    for (size_t i = 0; i < n; i++) {
        uint64_t h = keys[i];
        if (!h) continue;
        if ((s->used + 1) * 10 > s->cap * 7 && grow(s)) return SL_ENOMEM;
        cl_stat_slot *sl = probe(s->slots, s->cap, h);
        if (!sl->hash) {
            sl->hash = h;
            s->used++;
        }
        if (sl->last_article == article) continue;
        sl->last_article = article;
        if (sl->articles < UINT32_MAX) sl->articles++;
    }
    return 0;
}

uint32_t cl_linestats_articles(const cl_linestats *s, uint64_t h) {
    if (!s || !s->slots || !h) return 0;
    const cl_stat_slot *sl = probe(s->slots, s->cap, h);
    return sl->hash ? sl->articles : 0;
}

uint64_t cl_linestats_pick_anchor(const cl_linestats *s, const uint64_t *hashes, const uint64_t *skeletons,
                                  const uint32_t *lens, size_t n) {
    /* by skeleton first: names and numbers survive rewording, so reworded
     * copies of a story still pick the same anchor */
    uint64_t best = 0;
    uint32_t best_df = UINT32_MAX;
    prefetch_all(s, skeletons, n);
    for (size_t i = 0; i < n; i++) {
        if (!skeletons[i]) continue;
        uint64_t key = skeletons[i];   /* already salted */
        uint32_t df = cl_linestats_articles(s, key);
        if (df < best_df || (df == best_df && key < best)) {
            best = key;
            best_df = df;
        }
    }
    if (best) return best;
    uint32_t best_len = 0;
    for (size_t i = 0; i < n; i++) {
        if (!hashes[i]) continue;
        uint32_t df = cl_linestats_articles(s, hashes[i]);
        if (df < best_df || (df == best_df && lens[i] > best_len)) {
            best = hashes[i];
            best_df = df;
            best_len = lens[i];
        }
    }
    return best;
}

void cl_linestats_add_anchor(cl_linestats *s, const uint64_t *hashes, size_t n, uint64_t anchor) {
    uint16_t fp = (uint16_t)(anchor >> 48);
    if (fp == 0) fp = 1;
    prefetch_all(s, hashes, n);
    for (size_t i = 0; i < n; i++) {
        if (!hashes[i]) continue;
        cl_stat_slot *sl = probe(s->slots, s->cap, hashes[i]);
        if (!sl->hash) continue;
        for (int k = 0; k < 4; k++) {
            if (sl->anchors[k] == fp) break;
            if (sl->anchors[k] == 0) { sl->anchors[k] = fp; break; }
        }
    }
}

uint32_t cl_linestats_spread(const cl_linestats *s, uint64_t h) {
    if (!s || !s->slots || !h) return 1;
    const cl_stat_slot *sl = probe(s->slots, s->cap, h);
    if (!sl->hash) return 1;
    uint32_t distinct = 0;
    for (int k = 0; k < 4; k++) distinct += sl->anchors[k] != 0;
    if (distinct < 4) return distinct ? distinct : 1;
    return sl->articles;
}

/* Spread of a slot (see cl_linestats_spread). */
static uint32_t slot_spread(const cl_stat_slot *sl) {
    uint32_t distinct = 0;
    for (int k = 0; k < 4; k++) distinct += sl->anchors[k] != 0;
    if (distinct < 4) return distinct ? distinct : 1;
    return sl->articles;
}

int cl_linestats_build_filter(cl_linestats *s, uint32_t min_spread) {
    free(s->filter);
    s->filter = calloc(CL_FILTER_BITS / 64, sizeof *s->filter);
    if (!s->filter) return SL_ENOMEM;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].hash && slot_spread(&s->slots[i]) >= min_spread) {
            uint64_t b = s->slots[i].hash >> (64 - CL_FILTER_LOG2);
            s->filter[b >> 6] |= 1ULL << (b & 63);
        }
    return 0;
}
