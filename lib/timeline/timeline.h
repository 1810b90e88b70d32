/*
 * timeline.h — internals of the timeline stage (lib/timeline), shared by
 * its files and by the unit tests; not part of the public API.
 *
 * The pipeline (sl_timeline_build):
 *   1. sentences.c  cut every article of the story into sentences, give each
 *                   the day of the event it reports (its first day-precise
 *                   temporal expression, else the publication day), turn it
 *                   into a sparse TF-IDF vector of stemmed content words and
 *                   flag the ones unfit for a summary (fragments, dangling
 *                   pronouns, boilerplate, too short or too long);
 *   2. dates.c      score every day by how much the story refers to it and
 *                   pick the timeline's dates;
 *   3. summarize.c  per chosen day, rank the sentences dated to it by
 *                   centrality (centroid of the day's sentences plus the
 *                   story's topic centroid as a prior) and pick the best
 *                   ones greedily, never two near-duplicates;
 *   4. write.c      text, JSON and HTML writers.
 *
 * Invariants: tl_sent.terms are sorted by term id, unique, and their weights
 * form a unit vector (or n_terms == 0); every day index used by dates.c is
 * an offset from tl_story.day0 within [0, n_days).
 */
#ifndef SL_TIMELINE_INTERNAL_H
#define SL_TIMELINE_INTERNAL_H

#include "../internal.h"

/* A (term, weight) pair of a sparse sentence vector. */
typedef struct tl_term {
    int32_t id;
    float w;
} tl_term;

enum {
    TL_MENTION = 1,     /* the sentence names its day itself */
    TL_USABLE = 2,      /* fit for a summary (passed every filter) */
    TL_OTHER_TIME = 4,  /* names a coarser time other than its publication's */
    TL_ABSOLUTE = 8,    /* with TL_MENTION: the expression names its year
                           ("June 12, 2023", "the 78th anniversary of ...") */
    TL_LATE_REPORT = 16,/* a candidate although published after the reporting
                           window: the only report of its day (timeline.c) */
};

/* A day named precisely by an article (any of its sentences). */
typedef struct tl_mention {
    uint32_t article;
    int32_t day;
} tl_mention;

/* One sentence of the story. */
typedef struct tl_sent {
    uint32_t article;   /* index in the story's article list */
    uint32_t start;     /* byte range in the article's text */
    uint32_t len;
    int32_t pub;        /* publication day (SL_NO_DATE when unknown) */
    int32_t day;        /* the event's day (SL_NO_DATE when unknown) */
    uint32_t terms;     /* offset in tl_story.terms */
    uint32_t n_terms;
    uint16_t position;  /* 0-based sentence index in its article */
    uint16_t n_words;   /* word and number tokens */
    uint8_t flags;      /* TL_* */
    uint8_t pad[3];
} tl_sent;

/* A story prepared for summarising. */
typedef struct tl_story {
    size_t n_articles;
    const char **text;          /* per article: its (cleaned) text */
    size_t *text_len;
    int32_t *pub;               /* per article: publication day */
    sl_slice *ids;              /* per article: its id */
    tl_sent *sents;
    size_t n_sents, cap_sents;
    tl_term *terms;
    size_t n_terms, cap_terms;
    int32_t n_vocab;            /* term ids are < n_vocab */
    float *idf;                 /* per term id */
    tl_mention *mentions;       /* every day-precise mention in [lo, hi], in
                                   article order */
    size_t n_mentions, cap_mentions;
    float *topic;               /* dense, per term id: the topic (query or
                                   collection) centroid, unit norm */
} tl_story;

/* ---- sentences.c ----------------------------------------------------------- */

/* Fills story->sents and their vectors from the articles already set in
 * story (text, text_len, pub).  query (may be NULL or empty) becomes the
 * topic vector; otherwise the topic is the centroid of all sentences.
 * [lo, hi] bounds the days a temporal expression may resolve to.
 * Returns 0 or SL_ENOMEM. */
int tl_story_analyse(tl_story *story, const char *query, int32_t lo, int32_t hi);
void tl_story_free(tl_story *story);

/* Is the sentence s[0..len) fit for a summary?  Checks length in words
 * (n_words), fragments (lower-case or punctuation start, no final mark,
 * unbalanced quotes), dangling openings ("He said", "But", "It"),
 * questions and web boilerplate (URLs, "click here", copyright). */
int tl_sentence_usable(const char *s, size_t len, size_t n_words);

/* Cosine of two unit sparse vectors sorted by id. */
double tl_cosine(const tl_term *a, size_t na, const tl_term *b, size_t nb);
/* Jaccard overlap of the term-id sets of two sparse vectors. */
double tl_jaccard(const tl_term *a, size_t na, const tl_term *b, size_t nb);

/* ---- dates.c ---------------------------------------------------------------- */

/* What the story says about one day. */
typedef struct tl_day_stats {
    uint32_t published;     /* articles published that day */
    uint32_t mentioned;     /* distinct articles with a sentence naming it */
    uint32_t later;         /* of those, published after it (looking back) */
    uint32_t sentences;     /* sentences dated to it */
    uint32_t usable;        /* of those, candidates for a summary */
    uint32_t late_reports;  /* of those, TL_LATE_REPORT ones */
} tl_day_stats;

/* Importance of each day from its stats: distinct-article mentions, with
 * retrospective mentions counting extra, plus publication volume and its
 * burst over the surrounding week.  Writes n scores into score. */
void tl_score_days(const tl_day_stats *st, size_t n, double *score);

/* Picks up to `want` days with usable sentences greedily: the best
 * remaining score (ties: the earlier day), then the days around it are
 * damped.  Writes the day indices to out (n slots), best first, and returns
 * how many were written.  want == 0 chooses the length from the data
 * (tl_default_length). */
size_t tl_pick_days(const tl_day_stats *st, const double *score, size_t n, size_t want,
                    size_t n_articles, uint32_t *out);

/* The number of dates for a story without --dates. */
size_t tl_default_length(const tl_day_stats *st, const double *score, size_t n,
                         size_t n_articles);

/* ---- summarize.c -------------------------------------------------------------- */

/* Picks up to k sentences for one day from members[0..n) (indices of the
 * sentences dated to it): ranks the usable ones published within the
 * reporting window by centrality and takes them greedily, skipping any
 * near-duplicate of a sentence in taken[0..n_taken) or of one already
 * picked.  dense is scratch of story->n_vocab floats, all zero (left zero).
 * Writes the picks, best first, to out and returns how many. */
size_t tl_summarize_day(const tl_story *story, int32_t day, const uint32_t *members, size_t n,
                        size_t k, const uint32_t *taken, size_t n_taken, float *dense,
                        uint32_t *out);

/* Sentences are news of a day when published from the day before it (time
 * zones, announcements) to TL_REPORT_WINDOW days after it; later ones are
 * background.  A candidate for day d is a usable sentence in that window. */
#define TL_REPORT_WINDOW 30
static inline int tl_is_candidate(const tl_sent *s, int32_t d) {
    if (!(s->flags & TL_USABLE)) return 0;
    if (s->flags & TL_LATE_REPORT) return 1;
    return s->pub == SL_NO_DATE || (s->pub >= d - 1 && s->pub <= d + TL_REPORT_WINDOW);
}

/* Does s look space-tokenised (Penn Treebank style: " , ", ``, -LRB-, a
 * final " .")? */
int tl_looks_tokenised(const char *s, size_t len);

/* s[0..len) copied into a for display: white space collapsed and, when
 * tokenised, detokenised (see timeline.c); join_words also joins clitics
 * ("do n't" -> "don't") and single quotes.  Empty slice when out of memory. */
sl_slice tl_display_text(sl_arena *a, const char *s, size_t len, int tokenised, int join_words);

/* Near-duplicate threshold: token-set Jaccard at or above it. */
#define TL_DUPLICATE_JACCARD 0.5

#endif
