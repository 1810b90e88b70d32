/*
 * run.h — the report model of `storyline run`, shared by the pipeline
 * (pipeline.c, which fills it stage by stage) and the writers (report_json.c,
 * report_html.c, which only read it).
 *
 * The model is three levels deep: stories → events → articles.  Every corpus
 * article has one rp_article record (same index as in the corpus) saying
 * which copy group, event and story it belongs to; events and stories list
 * their members.  A story also carries its timeline (dates, sentences,
 * sources) and its articles-per-day counts.
 *
 * Invariants (rp_model_check verifies them; the tests call it):
 *   - art[i].group is the corpus index of i's copy-group representative;
 *     art[g].group == g for a representative g, and art[i].relation is
 *     SL_RELATION_ORIGINAL exactly when art[i].group == i.
 *   - A copy is in its representative's event and story.
 *   - events[e].members lists the corpus indices of the articles whose
 *     art[].event == e, ordered by (date, time of day, index), undated and
 *     untimed last, so members[0] reported first; stories likewise; every
 *     article is in exactly one event and one story.
 *   - stories are ordered largest first (articles, then earliest date, then
 *     smallest first member index); events of a story are ordered by date.
 *   - Every pointer in the model lives in run->arena or the corpus.
 */
#ifndef SL_RUN_H
#define SL_RUN_H

#include "internal.h"

/* One article's place in the report; parallel to the corpus. */
typedef struct rp_article {
    sl_slice text;        /* clean body (into the corpus or the arena) */
    sl_slice title;       /* the title (the input's, or found by clean) */
    int32_t date;         /* publication day (input or clean's metadata) */
    uint32_t group;       /* corpus index of the copy group's representative */
    float similarity;     /* to the representative, 0..1 (1 for itself) */
    uint8_t relation;     /* sl_relation */
    int32_t event;        /* index into run->events */
    int32_t story;        /* index into run->stories */
} rp_article;

typedef struct rp_event {
    int32_t story;
    int32_t first_day, last_day;   /* SL_NO_DATE when no member is dated */
    uint32_t *members;             /* corpus indices, by (date, index) */
    size_t n_members;
    size_t n_copies;               /* members that are not representatives */
    uint32_t label_article;        /* article whose title names the event */
    sl_slice label;                /* its name (that title, or the cluster's) */
    sl_slice terms[6];             /* top terms (may be empty) */
    size_t n_terms;
    int32_t origin;                /* the stage's event number before ranking */
} rp_event;

/* One date of a story's timeline. */
typedef struct rp_entry {
    int32_t day;
    sl_slice *sentences;
    size_t n_sentences;
    uint32_t *sources;             /* corpus indices of the articles cited */
    size_t n_sources;
} rp_entry;

typedef struct rp_daycount {
    int32_t day;
    uint32_t count;
} rp_daycount;

typedef struct rp_story {
    uint32_t *events;              /* indices into run->events, by date */
    size_t n_events;
    uint32_t *members;             /* corpus indices, by (date, index) */
    size_t n_members;
    size_t n_copies;
    int32_t first_day, last_day;
    uint32_t label_article;        /* article whose title names the story */
    sl_slice label;                /* its name (that title, or the cluster's) */
    sl_slice terms[6];             /* top terms (may be empty) */
    size_t n_terms;
    int32_t origin;                /* the stage's story number before ranking */
    rp_entry *timeline;            /* by date */
    size_t n_timeline;
    rp_daycount *per_day;          /* articles per publication day, by day;
                                      only days with articles */
    size_t n_per_day;
    size_t n_undated;              /* members without a date */
} rp_story;

/* Which implementation filled each part of the model, for the summary. */
typedef struct rp_provenance {
    const char *clean, *dedup, *cluster, *timeline;
} rp_provenance;

struct sl_run {
    sl_corpus *corpus;             /* not owned */
    sl_arena arena;
    rp_article *art;
    size_t n;
    rp_event *events;
    size_t n_events;
    rp_story *stories;
    size_t n_stories;
    sl_run_stats stats;
    rp_provenance provenance;
    size_t html_stories;           /* from sl_run_options */
    sl_run_progress_fn progress;   /* from sl_run_options */
    void *progress_user;
};

/* The article record i of a run. */
static inline const sl_article *rp_source(const sl_run *r, size_t i) {
    return sl_corpus_article(r->corpus, i);
}

/* Longest label of a story or event, in bytes. */
#define RP_LABEL_MAX 90

/* The first line of s, trimmed, cut to at most max bytes: at a sentence end
 * when one falls late enough, else at a word boundary (then *cut = 1). */
sl_slice rp_shorten(sl_slice s, size_t max, int *cut);

/* A printable label of article i: its title, or the first line of its
 * text, shortened as rp_shorten does (cut may be NULL). */
sl_slice rp_article_label(const sl_run *r, uint32_t i, size_t max, int *cut);

/* s shortened to max bytes with "…" appended when cut (the copy lives in
 * the run's arena). */
sl_slice rp_label(sl_run *r, sl_slice s, size_t max);

/* A headline-like label from text (see label.c): a title (has_title) is
 * only detokenised and shortened; an article text gives its first real
 * sentence, without page furniture or datelines, split from a lede glued
 * to it, detokenised, cut at a sentence/clause/word boundary to at most max
 * bytes plus "…" when cut.  Lives in a; empty when there is no text. */
sl_slice rp_headline(sl_arena *a, sl_slice text, int has_title, size_t max);

/* rp_headline of article i (its title, else its cleaned text). */
sl_slice rp_article_headline(sl_run *r, uint32_t i, size_t max);

/* Builds events[].members / stories[] from art[].event and art[].story,
 * orders stories largest first and renumbers art[].story accordingly, and
 * computes spans, copy counts and per-day counts.  Timelines are kept.
 * 0 or SL_ENOMEM. */
int rp_model_index(sl_run *r);

/* Checks the invariants above; returns NULL or a description of the first
 * violation (for tests). */
const char *rp_model_check(const sl_run *r);

/* Writers (report_json.c, report_html.c): each writes one file into dir.
 * 0 or SL_EIO (errno set). */
int rp_write_articles_jsonl(const sl_run *r, const char *path);
int rp_write_stories_json(const sl_run *r, const char *path);
int rp_write_timelines_json(const sl_run *r, const char *path);
int rp_write_index_html(const sl_run *r, const char *path);

/* Runs fn(k, ctx) for every k in 0..n-1 on up to `threads` threads (the
 * caller's included), items taken in order from a shared counter.  fn must
 * only write what item k owns. */
void rp_parallel_for(size_t n, int threads, void (*fn)(size_t k, void *ctx), void *ctx);

/* Name of a relation for JSON and HTML. */
const char *rp_relation_name(int relation);

#endif /* SL_RUN_H */
