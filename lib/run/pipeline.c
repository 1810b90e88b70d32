/*
 * pipeline.c — sl_run_new: the whole pipeline over a corpus in memory, and
 * sl_run_write_report.
 *
 * Stages run in order, each filling its part of the report model (run.h)
 * and handing its in-memory results to the next:
 *   clean     art[].text/.title/.date       (the body without leftovers)
 *   dedup     art[].group/.relation/.similarity
 *   cluster   art[].event/.story            (copies follow their original)
 *   index     rp_model_index: ordered stories → events → members
 *   timeline  stories[].timeline            (per story, from its members)
 * Stories' timelines are built in parallel (rp_parallel_for; the result
 * does not depend on the thread count), from each story's originals only:
 * a copy repeats its original's sentences; a story of headlines only, with
 * no sentence lib/timeline accepts, gets its busiest publication days and
 * their titles instead.  Every stage honours opt.threads where it has
 * threads.
 */
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Ends stage k: its wall and CPU time since *t / *c, which restart. */
static void stage_done(sl_run *r, int k, double *t, double *c) {
    double t1 = now_seconds(), c1 = cpu_seconds();
    r->stats.seconds[k] = t1 - *t;
    r->stats.cpu_seconds[k] = c1 - *c;
    *t = t1;
    *c = c1;
}

static void progress(const sl_run_options *opt, const char *stage, size_t done, size_t total) {
    if (opt->progress) opt->progress(stage, done, total, opt->progress_user);
}

/* ---- clean: lib/clean, in place ------------------------------------------- */

static int stage_clean(sl_run *r, const sl_run_options *opt) {
    sl_clean_options co;
    sl_clean_options_init(&co);
    co.threads = opt->threads;
    sl_clean_report *rep = NULL;
    progress(opt, "clean", 0, r->n);
    int rc = sl_clean_corpus(r->corpus, &co, &rep);
    if (rc) return rc;
    for (size_t i = 0; i < r->n; i++) {
        const sl_article *a = rp_source(r, i);
        r->art[i].text = a->text;
        r->art[i].title = a->title;
        r->art[i].date = a->date;
    }
    uint64_t lines = 0, dropped = 0, emptied = 0;
    sl_clean_report_totals(rep, &lines, &dropped, &emptied);
    r->stats.lines_dropped = dropped;
    r->stats.emptied = (size_t)emptied;
    sl_clean_report_free(rep);
    progress(opt, "clean", r->n, r->n);
    r->provenance.clean = "lib/clean";
    return 0;
}

/* ---- dedup: lib/dedup ------------------------------------------------------ */

static int stage_dedup(sl_run *r, const sl_run_options *opt) {
    sl_dedup_options dopt;
    sl_dedup_options_init(&dopt);
    dopt.threads = opt->threads;
    sl_dedup *d = NULL;
    progress(opt, "dedup", 0, r->n);
    int rc = sl_dedup_run(r->corpus, &dopt, &d);
    if (rc) return rc;
    for (size_t i = 0; i < r->n; i++) {
        rp_article *a = &r->art[i];
        a->group = (uint32_t)sl_dedup_group(d, i);
        switch (sl_dedup_relation(d, i)) {
        case SL_DUP_EXACT: a->relation = SL_RUN_EXACT; break;
        case SL_DUP_NEAR: a->relation = SL_RUN_NEAR; break;
        case SL_DUP_EXCERPT: a->relation = SL_RUN_EXCERPT; break;
        case SL_DUP_SPUN: a->relation = SL_RUN_SPUN; break;
        default: a->relation = SL_RUN_ORIGINAL; break;
        }
        if (a->group == i) a->relation = SL_RUN_ORIGINAL;
        else if (a->relation == SL_RUN_ORIGINAL) a->relation = SL_RUN_NEAR;
        a->similarity = (float)sl_dedup_similarity(d, i);
    }
    sl_dedup_free(d);
    progress(opt, "dedup", r->n, r->n);
    r->provenance.dedup = "lib/dedup";
    return 0;
}

/* ---- cluster: lib/cluster -------------------------------------------------- */

/* Dense numbers 0..k-1 for the ids ids[0..n) (positive, dense in creation
 * order, so a direct table of max id + 1 entries stays linear): out[i] gets
 * the number of ids[i], *k how many, *dense_to_id (malloc'd) each one's id. */
static int densify(const int64_t *ids, size_t n, int32_t *out, size_t *k, int64_t **dense_to_id) {
    int64_t max = 0;
    for (size_t i = 0; i < n; i++)
        if (ids[i] > max) max = ids[i];
    int32_t *map = malloc(((size_t)max + 1) * sizeof *map);
    int64_t *back = malloc((n ? n : 1) * sizeof *back);
    if (!map || !back) { free(map); free(back); return SL_ENOMEM; }
    for (int64_t v = 0; v <= max; v++) map[v] = -1;
    size_t next = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t id = ids[i] > 0 ? ids[i] : 0;
        if (map[id] < 0) { back[next] = id; map[id] = (int32_t)next++; }
        out[i] = map[id];
    }
    free(map);
    *k = next;
    *dense_to_id = back;
    return 0;
}

static sl_slice arena_copy(sl_arena *a, sl_slice s) {
    if (!s.len) return s;
    char *p = sl_arena_strndup(a, s.ptr, s.len);
    return p ? sl_slice_of(p, s.len) : sl_slice_of(NULL, 0);
}

/* The cluster model, kept from stage_cluster until stories and events are
 * named (name_from_cluster), then freed. */
typedef struct cluster_state {
    sl_cluster *model;
    int64_t *event_ids, *story_ids;  /* dense number → cluster id */
} cluster_state;

static int stage_cluster(sl_run *r, const sl_run_options *opt, cluster_state *cs) {
    sl_cluster_options copt;
    sl_cluster_options_init(&copt);
    copt.threads = opt->threads;
    cs->model = sl_cluster_new(&copt);
    size_t n = r->n ? r->n : 1;
    uint32_t *copy_of = malloc(n * sizeof *copy_of);
    int64_t *eids = malloc(n * sizeof *eids);
    int64_t *sids = malloc(n * sizeof *sids);
    int32_t *dense = malloc(n * sizeof *dense);
    int rc = SL_ENOMEM;
    if (!cs->model || !copy_of || !eids || !sids || !dense) goto out;
    for (size_t i = 0; i < r->n; i++) copy_of[i] = r->art[i].group;
    progress(opt, "cluster", 0, r->n);
    if ((rc = sl_cluster_add(cs->model, r->corpus, copy_of, eids, sids))) goto out;
    size_t k;
    if ((rc = densify(eids, r->n, dense, &k, &cs->event_ids))) goto out;
    for (size_t i = 0; i < r->n; i++) r->art[i].event = dense[i];
    r->n_events = k;
    if ((rc = densify(sids, r->n, dense, &k, &cs->story_ids))) goto out;
    for (size_t i = 0; i < r->n; i++) r->art[i].story = dense[i];
    r->n_stories = k;
    progress(opt, "cluster", r->n, r->n);
    r->provenance.cluster = "lib/cluster";
    rc = 0;
out:
    free(copy_of);
    free(eids);
    free(sids);
    free(dense);
    return rc;
}

/* Does text start (after blanks) with the first bytes of label, blanks
 * compared as one space? */
static int starts_like(sl_slice text, sl_slice label) {
    size_t i = 0, j = 0, want = SL_MIN(label.len, (size_t)48);
    while (i < text.len && (unsigned char)text.ptr[i] <= ' ') i++;
    while (j < want && i < text.len) {
        unsigned char a = (unsigned char)text.ptr[i], b = (unsigned char)label.ptr[j];
        if (a <= ' ' && b <= ' ') {
            while (i < text.len && (unsigned char)text.ptr[i] <= ' ') i++;
            while (j < want && (unsigned char)label.ptr[j] <= ' ') j++;
            continue;
        }
        if (a != b) return 0;
        i++;
        j++;
    }
    return j == want;
}

/* The member of ev whose title or text the cluster label was taken from
 * (the earliest original first), else UINT32_MAX. */
static uint32_t label_source(const sl_run *r, const rp_event *ev, sl_slice label) {
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < ev->n_members; k++) {
            uint32_t i = ev->members[k];
            if (pass == 0 && r->art[i].group != i) continue;
            const sl_article *src = rp_source(r, i);
            if (src->title.len ? starts_like(src->title, label) && src->title.len <= label.len + 8
                               : starts_like(src->text, label) || starts_like(r->art[i].text, label))
                return i;
        }
    return UINT32_MAX;
}

/* After indexing: names and top terms of events and stories from the
 * cluster model (copied into the run's arena); a story is named by its
 * largest event. */
static void name_from_cluster(sl_run *r, const cluster_state *cs) {
    for (size_t e = 0; e < r->n_events; e++) {
        rp_event *ev = &r->events[e];
        int64_t id = sl_cluster_event_id(cs->model, cs->event_ids[ev->origin]);
        sl_cluster_info info;
        if (sl_cluster_event(cs->model, id, &info) == 0 && info.label.len) {
            uint32_t i = label_source(r, ev, info.label);
            if (i != UINT32_MAX) {
                ev->label_article = i;
                ev->label = rp_article_headline(r, i, RP_LABEL_MAX);
            } else {
                ev->label = rp_headline(&r->arena, info.label, 1, RP_LABEL_MAX);
            }
        }
        sl_slice terms[6];
        size_t nt = sl_cluster_top_terms(cs->model, 0, id, terms, 6);
        ev->n_terms = 0;
        for (size_t t = 0; t < nt && t < 6; t++) ev->terms[ev->n_terms++] = arena_copy(&r->arena, terms[t]);
    }
    for (size_t s = 0; s < r->n_stories; s++) {
        rp_story *st = &r->stories[s];
        size_t best = 0;
        for (size_t k = 0; k < st->n_events; k++) {
            const rp_event *ev = &r->events[st->events[k]];
            if (ev->n_members > best) {
                best = ev->n_members;
                st->label = ev->label;
                st->label_article = ev->label_article;
            }
        }
        sl_slice terms[6];
        size_t nt = sl_cluster_top_terms(cs->model, 1, cs->story_ids[st->origin], terms, 6);
        st->n_terms = 0;
        for (size_t t = 0; t < nt && t < 6; t++) st->terms[st->n_terms++] = arena_copy(&r->arena, terms[t]);
    }
}

/* ---- timeline: lib/timeline, one story at a time, stories in parallel ---- */

typedef struct timeline_job {
    sl_run *r;
    const sl_timeline_options *opt;
    sl_timeline **built;     /* per story */
    int *rc;                 /* per story */
    size_t base;             /* story of item 0 of the current batch */
} timeline_job;

static void build_story_timeline(size_t item, void *ctx) {
    timeline_job *job = ctx;
    size_t s = job->base + item;
    const sl_run *r = job->r;
    const rp_story *st = &r->stories[s];
    /* Originals only: a copy repeats its original's sentences. */
    uint32_t *subset = malloc((st->n_members ? st->n_members : 1) * sizeof *subset);
    if (!subset) { job->rc[s] = SL_ENOMEM; return; }
    size_t n = 0;
    for (size_t k = 0; k < st->n_members; k++)
        if (r->art[st->members[k]].group == st->members[k]) subset[n++] = st->members[k];
    job->rc[s] = sl_timeline_build(r->corpus, subset, n, job->opt, &job->built[s]);
    free(subset);
}

/* Copies a built timeline into the story (the run's arena). */
static int keep_timeline(sl_run *r, rp_story *st, const sl_timeline *t) {
    size_t nd = sl_timeline_size(t);
    st->timeline = sl_arena_alloc(&r->arena, (nd ? nd : 1) * sizeof *st->timeline);
    if (!st->timeline) return SL_ENOMEM;
    st->n_timeline = 0;
    for (size_t i = 0; i < nd; i++) {
        rp_entry *en = &st->timeline[st->n_timeline];
        memset(en, 0, sizeof *en);
        en->day = sl_timeline_date(t, i);
        size_t ns = sl_timeline_sentence_count(t, i);
        en->sentences = sl_arena_alloc(&r->arena, (ns ? ns : 1) * sizeof *en->sentences);
        en->sources = sl_arena_alloc(&r->arena, (ns ? ns : 1) * sizeof *en->sources);
        if (!en->sentences || !en->sources) return SL_ENOMEM;
        for (size_t j = 0; j < ns; j++) {
            en->sentences[en->n_sentences++] = arena_copy(&r->arena, sl_timeline_sentence(t, i, j));
            uint32_t src = sl_timeline_sentence_article(t, i, j);
            size_t q = 0;
            while (q < en->n_sources && en->sources[q] != src) q++;
            if (q == en->n_sources) en->sources[en->n_sources++] = src;
        }
        if (en->n_sentences) st->n_timeline++;
    }
    return 0;
}

/* ---- headline timelines: when lib/timeline finds no dated sentence --------

A story made of headlines only (RSS items: the text is the title) has no
sentence lib/timeline accepts.  Its timeline is then its busiest
publication days (as many as lib/timeline would choose for that many days:
about twice the square root, at most 20, or opt.timeline_dates), each with
the titles of its first originals (first reported first), no title twice. */

static int cmp_daycount_busiest(const void *a, const void *b) {
    const rp_daycount *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->day < y->day ? -1 : x->day > y->day;
}
static int cmp_daycount_day(const void *a, const void *b) {
    const rp_daycount *x = a, *y = b;
    return x->day < y->day ? -1 : x->day > y->day;
}

static int same_label(sl_slice a, sl_slice b) {
    if (a.len != b.len) return 0;
    for (size_t k = 0; k < a.len; k++) {
        unsigned char x = (unsigned char)a.ptr[k], y = (unsigned char)b.ptr[k];
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y) return 0;
    }
    return 1;
}

static int headline_timeline(sl_run *r, rp_story *st, const sl_run_options *opt) {
    if (!st->n_per_day) return 0;
    size_t want_dates = opt->timeline_dates > 0 ? (size_t)opt->timeline_dates : 1;
    if (opt->timeline_dates <= 0)
        while (want_dates < 20 && want_dates * want_dates < 4 * st->n_per_day) want_dates++;
    if (want_dates > st->n_per_day) want_dates = st->n_per_day;
    size_t per_date = opt->timeline_sentences > 0 ? (size_t)opt->timeline_sentences : 2;
    rp_daycount *days = malloc(st->n_per_day * sizeof *days);
    st->timeline = sl_arena_alloc(&r->arena, want_dates * sizeof *st->timeline);
    if (!days || !st->timeline) { free(days); return SL_ENOMEM; }
    memcpy(days, st->per_day, st->n_per_day * sizeof *days);
    qsort(days, st->n_per_day, sizeof *days, cmp_daycount_busiest);
    qsort(days, want_dates, sizeof *days, cmp_daycount_day);
    st->n_timeline = 0;
    size_t m = 0;   /* members are sorted by date: one walk for all days */
    for (size_t k = 0; k < want_dates; k++) {
        rp_entry *en = &st->timeline[st->n_timeline];
        memset(en, 0, sizeof *en);
        en->day = days[k].day;
        en->sentences = sl_arena_alloc(&r->arena, per_date * sizeof *en->sentences);
        en->sources = sl_arena_alloc(&r->arena, per_date * sizeof *en->sources);
        if (!en->sentences || !en->sources) { free(days); return SL_ENOMEM; }
        while (m < st->n_members && r->art[st->members[m]].date != en->day) m++;
        for (; m < st->n_members && r->art[st->members[m]].date == en->day; m++) {
            uint32_t i = st->members[m];
            if (r->art[i].group != i || en->n_sentences == per_date) continue;
            sl_slice title = rp_article_headline(r, i, 300);
            if (!title.len) continue;
            size_t q = 0;
            while (q < en->n_sentences && !same_label(en->sentences[q], title)) q++;
            if (q < en->n_sentences) continue;
            en->sentences[en->n_sentences++] = title;
            en->sources[en->n_sources++] = i;
        }
        if (en->n_sentences) st->n_timeline++;
    }
    free(days);
    return 0;
}

static int stage_timeline(sl_run *r, const sl_run_options *opt) {
    sl_timeline_options to;
    sl_timeline_options_init(&to);
    to.dates = opt->timeline_dates > 0 ? (size_t)opt->timeline_dates : 0;
    to.sentences = opt->timeline_sentences > 0 ? (size_t)opt->timeline_sentences : 2;
    to.clean = 0;                       /* the corpus is clean already */
    size_t ns = r->n_stories;
    timeline_job job = {r, &to, calloc(ns ? ns : 1, sizeof(sl_timeline *)), calloc(ns ? ns : 1, sizeof(int)), 0};
    int rc = job.built && job.rc ? 0 : SL_ENOMEM;
    /* In batches, so progress can be shown; stories are largest first. */
    size_t batch = ns / 50 + 1, done = 0;
    progress(opt, "timeline", 0, r->n);
    for (size_t at = 0; !rc && at < ns; at += batch) {
        size_t end = at + batch < ns ? at + batch : ns;
        job.base = at;
        rp_parallel_for(end - at, opt->threads, build_story_timeline, &job);
        for (size_t s = at; s < end; s++) done += r->stories[s].n_members;
        progress(opt, "timeline", done, r->n);   /* in articles */
    }
    for (size_t s = 0; s < ns && job.built && job.rc; s++) {
        if (!rc) rc = job.rc[s];
        if (!rc && job.built[s]) rc = keep_timeline(r, &r->stories[s], job.built[s]);
        if (!rc && r->stories[s].n_timeline == 0) rc = headline_timeline(r, &r->stories[s], opt);
        sl_timeline_free(job.built[s]);
    }
    free(job.built);
    free(job.rc);
    r->provenance.timeline = "lib/timeline";
    return rc;
}

/* ---- the run ---------------------------------------------------------------- */

int sl_run_new(sl_corpus *c, const sl_run_options *options, sl_run **out) {
    if (!c || !out) return SL_EUSAGE;
    *out = NULL;
    sl_run_options opt = {0};
    if (options) opt = *options;
    if (opt.threads < 1) opt.threads = 1;
    sl_run *r = calloc(1, sizeof *r);
    if (!r) return SL_ENOMEM;
    sl_arena_init(&r->arena);
    r->corpus = c;
    r->html_stories = opt.html_stories;
    r->progress = opt.progress;
    r->progress_user = opt.progress_user;
    r->n = sl_corpus_size(c);
    r->art = calloc(r->n ? r->n : 1, sizeof *r->art);
    int rc = r->art ? 0 : SL_ENOMEM;
    double t = now_seconds(), cpu = cpu_seconds();
    cluster_state cs = {0};
    if (!rc) rc = stage_clean(r, &opt);
    stage_done(r, 0, &t, &cpu);
    if (!rc) rc = stage_dedup(r, &opt);
    stage_done(r, 1, &t, &cpu);
    if (!rc) rc = stage_cluster(r, &opt, &cs);
    if (!rc) {
        size_t cap = (r->n_events > r->n_stories ? r->n_events : r->n_stories) + 1;
        r->events = sl_arena_alloc(&r->arena, cap * sizeof *r->events);
        r->stories = sl_arena_alloc(&r->arena, cap * sizeof *r->stories);
        rc = r->events && r->stories ? rp_model_index(r) : SL_ENOMEM;
    }
    if (!rc) name_from_cluster(r, &cs);
    sl_cluster_free(cs.model);
    free(cs.event_ids);
    free(cs.story_ids);
    stage_done(r, 2, &t, &cpu);
    if (!rc) rc = stage_timeline(r, &opt);
    stage_done(r, 3, &t, &cpu);
    if (rc) { sl_run_free(r); return rc; }

    sl_run_stats *s = &r->stats;
    s->articles = r->n;
    s->bytes = sl_corpus_bytes(c);
    for (size_t i = 0; i < r->n; i++)
        if (r->art[i].group != i) s->copies++;
    s->groups = r->n - s->copies;
    s->events = r->n_events;
    s->stories = r->n_stories;
    for (size_t k = 0; k < r->n_stories; k++) s->timeline_dates += r->stories[k].n_timeline;
    s->provenance[0] = r->provenance.clean;
    s->provenance[1] = r->provenance.dedup;
    s->provenance[2] = r->provenance.cluster;
    s->provenance[3] = r->provenance.timeline;
    *out = r;
    return 0;
}

void sl_run_free(sl_run *r) {
    if (!r) return;
    sl_arena_free(&r->arena);
    free(r->art);
    free(r);
}

void sl_run_get_stats(const sl_run *r, sl_run_stats *stats) { *stats = r->stats; }

size_t sl_run_article_group(const sl_run *r, size_t i) { return r->art[i].group; }
int sl_run_article_relation(const sl_run *r, size_t i) { return r->art[i].relation; }
size_t sl_run_article_event(const sl_run *r, size_t i) { return (size_t)r->art[i].event; }
size_t sl_run_article_story(const sl_run *r, size_t i) { return (size_t)r->art[i].story; }

/* mkdir -p. */
static int make_dirs(const char *dir) {
    char path[4096];
    size_t len = strlen(dir);
    if (len == 0 || len >= sizeof path) { errno = ENAMETOOLONG; return SL_EIO; }
    memcpy(path, dir, len + 1);
    for (size_t k = 1; k <= len; k++) {
        if (path[k] != '/' && path[k] != '\0') continue;
        char saved = path[k];
        path[k] = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) return SL_EIO;
        path[k] = saved;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0) return SL_EIO;
    if (!S_ISDIR(sb.st_mode)) { errno = ENOTDIR; return SL_EIO; }
    return 0;
}

int sl_run_write_report(sl_run *r, const char *dir) {
    double t = now_seconds(), cpu = cpu_seconds();
    if (make_dirs(dir)) return SL_EIO;
    static const char *names[] = {"articles.jsonl", "stories.json", "timelines.json", "index.html"};
    int (*writers[])(const sl_run *, const char *) = {rp_write_articles_jsonl, rp_write_stories_json,
                                                       rp_write_timelines_json, rp_write_index_html};
    for (size_t k = 0; k < 4; k++) {
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[k]) >= sizeof path) {
            errno = ENAMETOOLONG;
            return SL_EIO;
        }
        if (r->progress) r->progress("report", r->n * k / 4, r->n, r->progress_user);
        if (writers[k](r, path)) return SL_EIO;
    }
    if (r->progress) r->progress("report", r->n, r->n, r->progress_user);
    stage_done(r, 4, &t, &cpu);
    return 0;
}
