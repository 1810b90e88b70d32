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
 * A stage that this library version does not contain is replaced by a
 * stand-in named in stats.provenance: clean keeps the text as read, dedup
 * groups exact copies (same text after case and white-space folding),
 * cluster makes one story with one event per publication day, timeline
 * picks the busiest publication days and their lead sentences.
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

static void progress(const sl_run_options *opt, const char *stage, size_t done, size_t total) {
    if (opt->progress) opt->progress(stage, done, total, opt->progress_user);
}

/* ---- clean ---------------------------------------------------------------- */

static int stage_clean(sl_run *r, const sl_run_options *opt) {
    for (size_t i = 0; i < r->n; i++) {
        const sl_article *a = rp_source(r, i);
        r->art[i].text = a->text;
        r->art[i].title = a->title;
        r->art[i].date = a->date;
    }
    progress(opt, "clean", r->n, r->n);
    r->provenance.clean = "none (text as read)";
    return 0;
}

/* ---- dedup stand-in: exact copies --------------------------------------- */

/* Hash of title and text with ASCII case folded and white-space runs
 * collapsed; *folded_len gets the folded length (a cheap collision check). */
static uint64_t folded_hash(sl_slice title, sl_slice text, size_t *folded_len, sl_buf *scratch) {
    scratch->len = 0;
    if (sl_buf_reserve(scratch, title.len + text.len + 2)) return 0;
    char *out = scratch->data;
    size_t o = 0;
    sl_slice parts[2] = {title, text};
    for (int p = 0; p < 2; p++) {
        int space = 1;
        for (size_t k = 0; k < parts[p].len; k++) {
            unsigned char c = (unsigned char)parts[p].ptr[k];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                if (!space) out[o++] = ' ';
                space = 1;
                continue;
            }
            space = 0;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        out[o++] = '\n';
    }
    *folded_len = o;
    return sl_hash64(out, o, 0x5eed);
}

/* Is article a a better representative than b: earlier, then longer. */
static int better_rep(const sl_run *r, uint32_t a, uint32_t b) {
    int32_t da = r->art[a].date, db = r->art[b].date;
    int64_t ka = da == SL_NO_DATE ? INT64_MAX : da, kb = db == SL_NO_DATE ? INT64_MAX : db;
    if (ka != kb) return ka < kb;
    if (r->art[a].text.len != r->art[b].text.len) return r->art[a].text.len > r->art[b].text.len;
    return a < b;
}

static int stage_dedup(sl_run *r, const sl_run_options *opt) {
    size_t cap = 16;
    while (cap < r->n * 2) cap <<= 1;
    typedef struct slot { uint64_t hash; size_t len; uint32_t rep; uint32_t used; } slot;
    slot *table = calloc(cap, sizeof *table);
    uint32_t *slot_of = malloc((r->n ? r->n : 1) * sizeof *slot_of);
    sl_buf scratch = {0};
    if (!table || !slot_of) { free(table); free(slot_of); return SL_ENOMEM; }
    for (size_t i = 0; i < r->n; i++) {
        rp_article *a = &r->art[i];
        a->group = (uint32_t)i;
        a->relation = SL_RUN_ORIGINAL;
        a->similarity = 1.0f;
        slot_of[i] = UINT32_MAX;
        if (a->text.len == 0 && a->title.len == 0) continue;
        size_t len = 0;
        uint64_t h = folded_hash(a->title, a->text, &len, &scratch);
        if (!scratch.data) { free(table); free(slot_of); return SL_ENOMEM; }
        size_t k = (size_t)h & (cap - 1);
        while (table[k].used && !(table[k].hash == h && table[k].len == len)) k = (k + 1) & (cap - 1);
        if (!table[k].used) table[k] = (slot){h, len, (uint32_t)i, 1};
        else if (better_rep(r, (uint32_t)i, table[k].rep)) table[k].rep = (uint32_t)i;
        slot_of[i] = (uint32_t)k;
        if ((i & 4095) == 0) progress(opt, "dedup", i, r->n);
    }
    for (size_t i = 0; i < r->n; i++) {
        if (slot_of[i] == UINT32_MAX) continue;
        uint32_t rep = table[slot_of[i]].rep;
        r->art[i].group = rep;
        r->art[i].relation = rep == i ? SL_RUN_ORIGINAL : SL_RUN_EXACT;
    }
    progress(opt, "dedup", r->n, r->n);
    free(table);
    free(slot_of);
    sl_buf_free(&scratch);
    r->provenance.dedup = "exact copies only";
    return 0;
}

/* ---- cluster stand-in: one story, one event per publication day ------------ */

static int cmp_i32(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

static int stage_cluster(sl_run *r, const sl_run_options *opt) {
    int32_t *days = malloc((r->n ? r->n : 1) * sizeof *days);
    if (!days) return SL_ENOMEM;
    size_t nd = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->art[i].date != SL_NO_DATE) days[nd++] = r->art[i].date;
    qsort(days, nd, sizeof *days, cmp_i32);
    size_t distinct = 0;
    for (size_t k = 0; k < nd; k++)
        if (k == 0 || days[k] != days[k - 1]) days[distinct++] = days[k];
    for (size_t i = 0; i < r->n; i++) {
        int32_t d = r->art[i].date;
        if (d == SL_NO_DATE) { r->art[i].event = (int32_t)distinct; continue; }
        int32_t *hit = bsearch(&d, days, distinct, sizeof *days, cmp_i32);
        r->art[i].event = (int32_t)(hit - days);
        r->art[i].story = 0;
    }
    for (size_t i = 0; i < r->n; i++) r->art[i].story = 0;
    free(days);
    r->n_events = distinct + 1;
    r->n_stories = 1;
    progress(opt, "cluster", r->n, r->n);
    r->provenance.cluster = "one story, an event per day";
    return 0;
}

/* ---- timeline stand-in: busiest publication days, lead sentences ----------- */

/* The first sentence of a text that reads like a sentence (30..400 bytes). */
static sl_slice lead_sentence(sl_slice text) {
    sl_span spans[8];
    size_t n = sl_split_sentences(text.ptr, text.len, spans, 8);
    if (n > 8) n = 8;
    for (size_t k = 0; k < n; k++)
        if (spans[k].len >= 30 && spans[k].len <= 400)
            return sl_slice_of(text.ptr + spans[k].start, spans[k].len);
    return sl_slice_of(NULL, 0);
}

static int cmp_daycount_desc(const void *a, const void *b) {
    const rp_daycount *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->day < y->day ? -1 : x->day > y->day;
}
static int cmp_day(const void *a, const void *b) {
    const rp_daycount *x = a, *y = b;
    return x->day < y->day ? -1 : x->day > y->day;
}

static int stage_timeline(sl_run *r, const sl_run_options *opt) {
    size_t want_sentences = opt->timeline_sentences > 0 ? (size_t)opt->timeline_sentences : 2;
    size_t done = 0;   /* articles of the stories done, for progress */
    for (size_t s = 0; s < r->n_stories; s++) {
        rp_story *st = &r->stories[s];
        if (!st->n_per_day) continue;
        size_t want_dates = opt->timeline_dates > 0 ? (size_t)opt->timeline_dates : 0;
        if (!want_dates) {
            /* Longer stories get longer timelines, growing with the square
             * root of their days: 1 day → 1, 16 → 8, 100+ → 20. */
            size_t d = st->n_per_day;
            want_dates = 1;
            while (want_dates < 20 && want_dates * want_dates < 4 * d) want_dates++;
            if (want_dates > d) want_dates = d;
        }
        if (want_dates > st->n_per_day) want_dates = st->n_per_day;
        rp_daycount *days = malloc(st->n_per_day * sizeof *days);
        if (!days) return SL_ENOMEM;
        memcpy(days, st->per_day, st->n_per_day * sizeof *days);
        qsort(days, st->n_per_day, sizeof *days, cmp_daycount_desc);
        qsort(days, want_dates, sizeof *days, cmp_day);
        st->timeline = sl_arena_alloc(&r->arena, want_dates * sizeof *st->timeline);
        if (!st->timeline) { free(days); return SL_ENOMEM; }
        st->n_timeline = 0;
        /* Members are sorted by date: walk them once alongside the days. */
        size_t m = 0;
        for (size_t k = 0; k < want_dates; k++) {
            rp_entry *en = &st->timeline[st->n_timeline];
            memset(en, 0, sizeof *en);
            en->day = days[k].day;
            en->sentences = sl_arena_alloc(&r->arena, want_sentences * sizeof *en->sentences);
            en->sources = sl_arena_alloc(&r->arena, want_sentences * sizeof *en->sources);
            if (!en->sentences || !en->sources) { free(days); return SL_ENOMEM; }
            while (m < st->n_members && r->art[st->members[m]].date < en->day) m++;
            for (; m < st->n_members && r->art[st->members[m]].date == en->day; m++) {
                uint32_t i = st->members[m];
                if (r->art[i].group != i || en->n_sentences == want_sentences) continue;
                sl_slice lead = lead_sentence(r->art[i].text);
                if (!lead.len) continue;
                en->sentences[en->n_sentences++] = lead;
                en->sources[en->n_sources++] = i;
            }
            if (en->n_sentences) st->n_timeline++;
        }
        free(days);
        done += st->n_members;
        if ((s & 255) == 0) progress(opt, "timeline", done, r->n);
    }
    progress(opt, "timeline", r->n, r->n);
    r->provenance.timeline = "busiest publication days";
    return 0;
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
    double t = now_seconds();
    if (!rc) rc = stage_clean(r, &opt);
    r->stats.seconds[0] = now_seconds() - t, t = now_seconds();
    if (!rc) rc = stage_dedup(r, &opt);
    r->stats.seconds[1] = now_seconds() - t, t = now_seconds();
    if (!rc) rc = stage_cluster(r, &opt);
    if (!rc) {
        size_t cap = (r->n_events > r->n_stories ? r->n_events : r->n_stories) + 1;
        r->events = sl_arena_alloc(&r->arena, cap * sizeof *r->events);
        r->stories = sl_arena_alloc(&r->arena, cap * sizeof *r->stories);
        rc = r->events && r->stories ? rp_model_index(r) : SL_ENOMEM;
    }
    r->stats.seconds[2] = now_seconds() - t, t = now_seconds();
    if (!rc) rc = stage_timeline(r, &opt);
    r->stats.seconds[3] = now_seconds() - t;
    if (rc) { sl_run_free(r); return rc; }

    sl_run_stats *s = &r->stats;
    s->articles = r->n;
    for (size_t i = 0; i < r->n; i++) {
        s->bytes += rp_source(r, i)->text.len;
        if (r->art[i].group != i) s->copies++;
    }
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
    double t = now_seconds();
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
    r->stats.seconds[4] = now_seconds() - t;
    return 0;
}
