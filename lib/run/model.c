/*
 * model.c — indexing and checking the report model (see run.h).
 *
 * The stages only say, per article, which copy group, event and story it is
 * in (art[].group/.event/.story, any dense numbering).  rp_model_index turns
 * that into the ordered structure the writers walk:
 *   1. copies follow their representative's event; an article's story is
 *      its event's story (the event decides, so the tree is consistent);
 *   2. stories are ranked largest first, events by (story rank, first day),
 *      both by sorting small key records, and art[] is renumbered;
 *   3. member lists are filled by counting sort (event, story), then each is
 *      sorted by (date, index), undated last;
 *   4. spans, copy counts and per-day counts are derived from the lists.
 * O(n log n) in the number of articles; memory from the run's arena.
 */
#include "run.h"

#include <stdio.h>

const char *rp_relation_name(int relation) {
    switch (relation) {
    case SL_RUN_ORIGINAL: return "original";
    case SL_RUN_EXACT: return "exact";
    case SL_RUN_NEAR: return "near";
    case SL_RUN_EXCERPT: return "excerpt";
    case SL_RUN_SPUN: return "spun";
    default: return "unknown";
    }
}

/* Is byte p the start of a UTF-8 character? */
static int utf8_start(unsigned char c) { return (c & 0xC0) != 0x80; }

sl_slice rp_shorten(sl_slice t, size_t max, int *cut) {
    *cut = 0;
    const char *nl = t.len ? memchr(t.ptr, '\n', t.len) : NULL;
    if (nl) t.len = (size_t)(nl - t.ptr);
    while (t.len && (unsigned char)t.ptr[0] <= ' ') { t.ptr++; t.len--; }
    while (t.len && (unsigned char)t.ptr[t.len - 1] <= ' ') t.len--;
    if (t.len <= max) return t;
    /* A sentence end past a third of max ends the label... */
    for (size_t k = max; k > max / 3; k--)
        if ((t.ptr[k - 1] == '.' || t.ptr[k - 1] == '?' || t.ptr[k - 1] == '!') && t.ptr[k] == ' ' &&
            !(k >= 3 && t.ptr[k - 3] == ' ')) {   /* not after an initial ("J. Smith") */
            t.len = k;
            return t;
        }
    /* ...else a word boundary, and the label says it was cut. */
    size_t n = max;
    while (n > 0 && !utf8_start((unsigned char)t.ptr[n])) n--;
    size_t word = n;
    while (word > max / 2 && t.ptr[word] != ' ') word--;
    t.len = word > max / 2 ? word : n;
    while (t.len && (t.ptr[t.len - 1] == ' ' || t.ptr[t.len - 1] == ',' || t.ptr[t.len - 1] == ':' ||
                     t.ptr[t.len - 1] == '-'))
        t.len--;
    *cut = 1;
    return t;
}

sl_slice rp_article_label(const sl_run *r, uint32_t i, size_t max, int *cut) {
    sl_slice t = r->art[i].title;
    int dummy;
    if (!cut) cut = &dummy;
    if (t.len == 0) t = r->art[i].text;   /* the text's first line */
    return rp_shorten(t, max, cut);
}

sl_slice rp_label(sl_run *r, sl_slice s, size_t max) {
    int cut;
    sl_slice t = rp_shorten(s, max, &cut);
    if (!cut) return t;
    char *p = sl_arena_alloc(&r->arena, t.len + 4);
    if (!p) return t;
    memcpy(p, t.ptr, t.len);
    memcpy(p + t.len, "\xE2\x80\xA6", 3);   /* … */
    return sl_slice_of(p, t.len + 3);
}

/* Sort key for members: undated articles after dated ones. */
static int64_t date_key(int32_t d) { return d == SL_NO_DATE ? INT32_MAX : d; }

/* Member order: by date (undated last), time of day (unknown last), then
 * corpus index — so a list starts with whoever reported first. */
static int cmp_member_check(const sl_run *r, uint32_t x, uint32_t y) {
    int64_t dx = date_key(r->art[x].date), dy = date_key(r->art[y].date);
    if (dx != dy) return dx < dy ? -1 : 1;
    int32_t tx = rp_source(r, x)->time, ty = rp_source(r, y)->time;
    if (tx == SL_NO_TIME) tx = INT32_MAX;
    if (ty == SL_NO_TIME) ty = INT32_MAX;
    if (tx != ty) return tx < ty ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* qsort has no context argument in C11; the run being indexed.  Indexing
 * is therefore per-thread. */
static _Thread_local const sl_run *sort_run;

static int cmp_member(const void *a, const void *b) {
    return cmp_member_check(sort_run, *(const uint32_t *)a, *(const uint32_t *)b);
}

typedef struct rank_key {
    size_t size;
    int64_t first;      /* date_key of earliest member */
    uint32_t min_index;
    int32_t group;      /* for events: the new story rank */
    uint32_t old;
} rank_key;

static int cmp_story_rank(const void *a, const void *b) {
    const rank_key *x = a, *y = b;
    if (x->size != y->size) return x->size > y->size ? -1 : 1;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    return x->min_index < y->min_index ? -1 : x->min_index > y->min_index;
}

static int cmp_event_rank(const void *a, const void *b) {
    const rank_key *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    if (x->first != y->first) return x->first < y->first ? -1 : 1;
    return x->min_index < y->min_index ? -1 : x->min_index > y->min_index;
}

/* Fills members lists of n_lists lists from owner[i] by counting sort. */
static int fill_lists(sl_run *r, size_t n_lists, const int32_t *owner, uint32_t **lists,
                      size_t *counts) {
    for (size_t k = 0; k < n_lists; k++) counts[k] = 0;
    for (size_t i = 0; i < r->n; i++) counts[owner[i]]++;
    uint32_t *all = sl_arena_alloc(&r->arena, (r->n ? r->n : 1) * sizeof *all);
    if (!all) return SL_ENOMEM;
    size_t at = 0;
    for (size_t k = 0; k < n_lists; k++) {
        lists[k] = all + at;
        at += counts[k];
        counts[k] = 0;
    }
    for (size_t i = 0; i < r->n; i++) {
        int32_t k = owner[i];
        lists[k][counts[k]++] = (uint32_t)i;
    }
    sort_run = r;
    for (size_t k = 0; k < n_lists; k++)
        if (counts[k] > 1) qsort(lists[k], counts[k], sizeof(uint32_t), cmp_member);
    return 0;
}

int rp_model_index(sl_run *r) {
    size_t n = r->n, ne = r->n_events, ns = r->n_stories;
    int rc = SL_ENOMEM;
    int32_t *event_story = malloc((ne ? ne : 1) * sizeof *event_story);
    rank_key *keys = malloc(((ne > ns ? ne : ns) + 1) * sizeof *keys);
    int32_t *new_rank = malloc(((ne > ns ? ne : ns) + 1) * sizeof *new_rank);
    int32_t *owner = malloc((n ? n : 1) * sizeof *owner);
    int32_t *story_origin = malloc((ns + 1) * sizeof *story_origin);
    int32_t *event_origin = malloc((ne + 1) * sizeof *event_origin);
    uint32_t **lists = malloc(((ne > ns ? ne : ns) + 1) * sizeof *lists);
    size_t *counts = malloc(((ne > ns ? ne : ns) + 1) * sizeof *counts);
    if (!event_story || !keys || !new_rank || !owner || !lists || !counts || !story_origin || !event_origin)
        goto out;

    /* 1. copies follow their representative; the event decides the story. */
    for (size_t i = 0; i < n; i++) {
        uint32_t g = r->art[i].group;
        if (g != i && g < n) {
            r->art[i].event = r->art[g].event;
            r->art[i].story = r->art[g].story;
        }
    }
    for (size_t e = 0; e < ne; e++) event_story[e] = -1;
    for (size_t i = 0; i < n; i++) {
        int32_t e = r->art[i].event;
        if (event_story[e] < 0) event_story[e] = r->art[i].story;
        r->art[i].story = event_story[e];
    }

    /* 2. rank stories. */
    for (size_t s = 0; s < ns; s++)
        keys[s] = (rank_key){0, INT64_MAX, UINT32_MAX, 0, (uint32_t)s};
    for (size_t i = 0; i < n; i++) {
        rank_key *k = &keys[r->art[i].story];
        k->size++;
        int64_t d = date_key(r->art[i].date);
        if (d < k->first) k->first = d;
        if (i < k->min_index) k->min_index = (uint32_t)i;
    }
    qsort(keys, ns, sizeof *keys, cmp_story_rank);
    size_t live_stories = 0;
    for (size_t s = 0; s < ns; s++) {
        new_rank[keys[s].old] = (int32_t)s;
        story_origin[s] = (int32_t)keys[s].old;
        if (keys[s].size) live_stories = s + 1;   /* empty ones sort last */
    }
    for (size_t i = 0; i < n; i++) r->art[i].story = new_rank[r->art[i].story];
    for (size_t e = 0; e < ne; e++)
        if (event_story[e] >= 0) event_story[e] = new_rank[event_story[e]];
    ns = r->n_stories = live_stories;

    /* ...and events by (story, first day). */
    for (size_t e = 0; e < ne; e++)
        keys[e] = (rank_key){0, INT64_MAX, UINT32_MAX, event_story[e] < 0 ? INT32_MAX : event_story[e],
                             (uint32_t)e};
    for (size_t i = 0; i < n; i++) {
        rank_key *k = &keys[r->art[i].event];
        k->size++;
        int64_t d = date_key(r->art[i].date);
        if (d < k->first) k->first = d;
        if (i < k->min_index) k->min_index = (uint32_t)i;
    }
    qsort(keys, ne, sizeof *keys, cmp_event_rank);
    size_t live_events = 0;
    for (size_t e = 0; e < ne; e++) {
        new_rank[keys[e].old] = (int32_t)e;
        event_origin[e] = (int32_t)keys[e].old;
        if (keys[e].size) live_events = e + 1;
    }
    for (size_t i = 0; i < n; i++) r->art[i].event = new_rank[r->art[i].event];
    ne = r->n_events = live_events;

    /* 3. member lists. */
    for (size_t i = 0; i < n; i++) owner[i] = r->art[i].event;
    if (fill_lists(r, ne, owner, lists, counts)) goto out;
    for (size_t e = 0; e < ne; e++) {
        rp_event *ev = &r->events[e];
        memset(ev, 0, sizeof *ev);
        ev->members = lists[e];
        ev->n_members = counts[e];
        ev->story = r->art[lists[e][0]].story;
        ev->origin = event_origin[e];
    }
    for (size_t i = 0; i < n; i++) owner[i] = r->art[i].story;
    if (fill_lists(r, ns, owner, lists, counts)) goto out;
    for (size_t s = 0; s < ns; s++) {
        rp_story *st = &r->stories[s];
        memset(st, 0, sizeof *st);
        st->members = lists[s];
        st->n_members = counts[s];
        st->origin = story_origin[s];
    }
    /* Events of a story are consecutive (ranked by story first). */
    for (size_t e = 0; e < ne; e++) {
        rp_story *st = &r->stories[r->events[e].story];
        st->n_events++;
    }
    {
        uint32_t *all = sl_arena_alloc(&r->arena, (ne ? ne : 1) * sizeof *all);
        if (!all) goto out;
        size_t at = 0;
        for (size_t s = 0; s < ns; s++) {
            rp_story *st = &r->stories[s];
            st->events = all + at;
            for (size_t k = 0; k < st->n_events; k++) all[at + k] = (uint32_t)(at + k);
            at += st->n_events;
        }
    }

    /* 4. spans, copies, labels, per-day counts. */
    for (size_t e = 0; e < ne; e++) {
        rp_event *ev = &r->events[e];
        ev->first_day = ev->last_day = SL_NO_DATE;
        ev->label_article = UINT32_MAX;
        for (size_t k = 0; k < ev->n_members; k++) {
            uint32_t i = ev->members[k];
            const rp_article *a = &r->art[i];
            if (a->group != i) ev->n_copies++;
            if (a->date != SL_NO_DATE) {
                if (ev->first_day == SL_NO_DATE) ev->first_day = a->date;
                ev->last_day = a->date;
            }
            /* The earliest original with a title names the event. */
            if (a->group == i && ev->label_article == UINT32_MAX && a->title.len)
                ev->label_article = i;
        }
        if (ev->label_article == UINT32_MAX) ev->label_article = ev->members[0];
        ev->label = rp_article_headline(r, ev->label_article, RP_LABEL_MAX);
        if (!ev->label.len) ev->label = rp_source(r, ev->label_article)->id;   /* no title, no text */
    }
    for (size_t s = 0; s < ns; s++) {
        rp_story *st = &r->stories[s];
        st->first_day = st->last_day = SL_NO_DATE;
        size_t days = 0;
        int32_t prev = SL_NO_DATE;
        for (size_t k = 0; k < st->n_members; k++) {
            const rp_article *a = &r->art[st->members[k]];
            if (a->group != st->members[k]) st->n_copies++;
            if (a->date == SL_NO_DATE) { st->n_undated++; continue; }
            if (st->first_day == SL_NO_DATE) st->first_day = a->date;
            st->last_day = a->date;
            if (a->date != prev) days++;
            prev = a->date;
        }
        st->per_day = sl_arena_alloc(&r->arena, (days ? days : 1) * sizeof *st->per_day);
        if (!st->per_day) goto out;
        prev = SL_NO_DATE;
        for (size_t k = 0; k < st->n_members; k++) {
            int32_t d = r->art[st->members[k]].date;
            if (d == SL_NO_DATE) continue;
            if (d != prev) st->per_day[st->n_per_day++] = (rp_daycount){d, 0};
            st->per_day[st->n_per_day - 1].count++;
            prev = d;
        }
        /* The story is named by its largest event's label. */
        size_t best = 0;
        st->label_article = st->members[0];
        for (size_t k = 0; k < st->n_events; k++) {
            const rp_event *ev = &r->events[st->events[k]];
            if (ev->n_members > best) { best = ev->n_members; st->label_article = ev->label_article; }
        }
        st->label = rp_article_headline(r, st->label_article, RP_LABEL_MAX);
        if (!st->label.len) st->label = rp_source(r, st->label_article)->id;
    }
    rc = 0;
out:
    free(event_story);
    free(keys);
    free(new_rank);
    free(owner);
    free(lists);
    free(counts);
    free(story_origin);
    free(event_origin);
    return rc;
}

const char *rp_model_check(const sl_run *r) {
    static char why[160];
    size_t seen_e = 0, seen_s = 0;
    for (size_t i = 0; i < r->n; i++) {
        const rp_article *a = &r->art[i];
        if (a->group >= r->n) return "group out of range";
        if (r->art[a->group].group != a->group) {
            snprintf(why, sizeof why, "article %zu: representative %u is itself a copy", i, a->group);
            return why;
        }
        if ((a->relation == SL_RUN_ORIGINAL) != (a->group == i)) {
            snprintf(why, sizeof why, "article %zu: relation %s with group %u", i,
                     rp_relation_name(a->relation), a->group);
            return why;
        }
        if (a->event < 0 || (size_t)a->event >= r->n_events) return "event out of range";
        if (a->story < 0 || (size_t)a->story >= r->n_stories) return "story out of range";
        if (a->event != r->art[a->group].event) return "copy not in its representative's event";
        if (r->events[a->event].story != a->story) return "article's story differs from its event's";
    }
    for (size_t e = 0; e < r->n_events; e++) {
        const rp_event *ev = &r->events[e];
        for (size_t k = 0; k < ev->n_members; k++) {
            if (r->art[ev->members[k]].event != (int32_t)e) return "event member elsewhere";
            if (k && cmp_member_check(r, ev->members[k - 1], ev->members[k]) > 0)
                return "event members out of order";
        }
        seen_e += ev->n_members;
    }
    for (size_t s = 0; s < r->n_stories; s++) {
        const rp_story *st = &r->stories[s];
        if (s && st->n_members > r->stories[s - 1].n_members) return "stories not largest first";
        for (size_t k = 0; k < st->n_members; k++)
            if (r->art[st->members[k]].story != (int32_t)s) return "story member elsewhere";
        for (size_t k = 1; k < st->n_events; k++) {
            const rp_event *a = &r->events[st->events[k - 1]], *b = &r->events[st->events[k]];
            if (date_key(a->first_day) > date_key(b->first_day)) return "story events out of order";
        }
        seen_s += st->n_members;
    }
    if (seen_e != r->n || seen_s != r->n) return "an article is in no event or story";
    return NULL;
}
