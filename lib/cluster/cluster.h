/*
 * cluster.h — the insides of the clustering model (lib/cluster), shared by
 * features.c (article → sparse TF-IDF vector), model.c (events, stories,
 * candidate index, merges, compaction) and state.c (save/load).
 *
 * Invariants:
 *   - A sparse vector (cl_tw array) is sorted by term id, ids unique.
 *   - Events and stories live in arrays indexed from 0; the public id is
 *     index + 1.  `parent` forms a union-find forest: a merged event points
 *     (eventually) at the older event that absorbed it; roots have
 *     parent == self.  Only open roots are ever candidates.
 *   - Postings (term → event or story indices) may hold stale entries (closed
 *     or merged) and older duplicates of an entry; readers skip them.  An
 *     event lookup does not count them against its visit limit, so purging
 *     event postings — in bulk or on the way, as event lookups do with the
 *     entries they walk — never changes results.  A story lookup counts
 *     every entry it reads, so story purges run only at points fixed by the
 *     stream (maybe_purge, on saved counters): a batch and its time-ordered
 *     halves still agree.
 *   - An event is pending from its start until the next settling (the
 *     latest day advancing, or the end of sl_cluster_add), so never between
 *     calls: the flag is not saved.
 *   - A closed event or story keeps only CL_CLOSED_TERMS centroid terms (for
 *     display) and no label vector.  Whether an event is eligible for an
 *     article depends only on its dates, never on when compaction ran.
 */
#ifndef SL_CLUSTER_INTERNAL_H
#define SL_CLUSTER_INTERNAL_H

#include "../internal.h"

enum {
    CL_MAX_DOC_TERMS = 40,    /* terms kept per article vector (events) */
    CL_STORY_DOC_TERMS = 96,  /* terms kept per article story vector: a story
                                 is recognised by its common words too */
    CL_QUERY_TERMS = 12,      /* top centroid terms an event is indexed under */
    CL_STORY_INDEX_TERMS = 48,/* top centroid terms a story is indexed under */
    CL_SEARCH_TERMS = 24,     /* top vector terms used to look up stories */
    CL_EVENT_SEARCH_TERMS = 24, /* top vector terms used to look up events */
    CL_POST_WINDOW = 16,      /* newest eligible postings read per term */
    CL_POST_VISITS = 64,     /* postings visited per term at most: bounds a
                                 lookup.  Events: live entries only (events
                                 met in an earlier list included, stale
                                 entries and older duplicates in the list
                                 not); stories: every entry */
    CL_MAX_CANDIDATES = 64,  /* candidates scored per lookup */
    CL_EVENT_TERMS = 64,      /* centroid terms kept per open event */
    CL_STORY_TERMS = 192,     /* centroid terms kept per open story */
    CL_CLOSED_TERMS = 8,      /* centroid terms kept after closing */
    CL_EVENT_SPAN_DAYS = 7,   /* an event longer than this is damped */
    CL_LABEL_MAX = 160,       /* bytes of a label taken from body text */
    CL_TITLE_TOKENS = 64,     /* tokens read from a title */
    CL_LEAD_TOKENS = 60,      /* body tokens weighted as the lead */
    CL_BODY_TOKENS = 150,     /* body tokens read in all */
};

/* Term kinds (kept per term id). */
enum { CL_KIND_WORD = 0, CL_KIND_ENTITY = 1, CL_KIND_NUMBER = 2, CL_KIND_PAIR = 3 };
/* Flag or'ed into a word term's kind once the word has been seen capitalised
 * inside a sentence (not at its start, not in a title-case title): a name
 * ("Calvera", "Google").  Entities (capitalised phrases) are names too. */
enum { CL_KIND_MASK = 3, CL_NAME_FLAG = 4 };
/* Flags or'ed into a term's kind while its event (story) postings may be
 * non-empty: set when an entry is added, cleared when a purge empties the
 * list.  A lookup skips the lists of terms without it unread (the kind
 * byte is in cache from weighting the article; the list header is not).
 * Not part of the saved state: loading sets them from the postings. */
enum { CL_EV_POSTED = 8, CL_ST_POSTED = 16 };
static inline int cl_is_name(const uint8_t kind) {
    return (kind & CL_NAME_FLAG) || (kind & CL_KIND_MASK) == CL_KIND_ENTITY;
}

typedef struct cl_tw {
    uint32_t term;
    float w;
} cl_tw;

/* A slot of the pair cache: the pair (a, b) of stem terms is term `id`;
 * id -1: an empty slot. */
typedef struct cl_pair_slot {
    uint32_t a, b;
    int32_t id;
} cl_pair_slot;

typedef struct cl_postings {
    uint32_t *ids;
    uint32_t len, cap;
} cl_postings;

typedef struct cl_event {
    uint32_t parent;
    uint32_t story;         /* a story index; resolve with cl_story_root */
    int32_t first_day, last_day;
    uint64_t size;          /* articles, copies included */
    uint32_t originals;     /* articles whose vectors were added */
    uint32_t stamp;         /* candidate de-duplication */
    uint8_t open;
    uint8_t pending;        /* started since the last day change, not yet
                               settled (see model.c); always 0 between
                               calls to sl_cluster_add */
    cl_tw *cent;            /* centroid: sum of member vectors, truncated */
    uint32_t ncent;
    float norm;
    char *label;            /* NUL-terminated, malloc'd */
    cl_tw *label_vec;       /* vector of the label's article (open events) */
    uint32_t nlabel;
    uint32_t nposted;       /* terms it is posted under now (its top terms) */
    uint32_t posted[CL_QUERY_TERMS];
} cl_event;

typedef struct cl_story {
    uint32_t parent;
    int32_t first_day, last_day;
    uint64_t size;
    uint32_t events;        /* surviving events in it */
    uint32_t best_event;    /* its largest event (resolve with cl_event_root) */
    uint32_t stamp;
    uint8_t open;
    cl_tw *cent;
    uint32_t ncent;
    float norm;
    float activity;         /* articles, exponentially decayed to activity_day */
    int32_t activity_day;
    uint32_t nposted;
    uint32_t posted[CL_STORY_INDEX_TERMS];
} cl_story;

/* One article in feature form, before and after weighting. */
typedef struct cl_doc {
    cl_tw *raw;             /* (term, weighted count) occurrences */
    size_t nraw, capraw;
    cl_tw vec[CL_MAX_DOC_TERMS];    /* event vector: full idf */
    uint32_t nvec;
    cl_tw svec[CL_STORY_DOC_TERMS]; /* story vector: damped idf, more terms */
    uint32_t nsvec;
    cl_tw *w2;                      /* scratch */
    size_t capw2;
    sl_token *tok;
    size_t captok;
    int32_t *wid;                   /* by token: word id, -1 none */
    int32_t *bids;                  /* scratch for batched interning */
    uint32_t *bidx;
    sl_token *btok;
    size_t capwid;
} cl_doc;

struct sl_cluster {
    sl_cluster_options opt;
    sl_vocab *terms;        /* feature keys: stems, phrases, numbers, pairs */
    uint32_t *df;           /* by term: documents containing it */
    uint8_t *kind;          /* by term: CL_KIND_* */
    int32_t *display;       /* by term: word id of its first surface form */
    size_t term_cap;
    sl_vocab *words;        /* folded surface words */
    int32_t *word_term;     /* by word: term id of its stem, -1 unknown */
    size_t word_cap;
    uint64_t docs;          /* documents counted in df */
    uint64_t articles;      /* all articles added, copies included */
    int32_t cur_day;        /* latest day seen, SL_NO_DATE if none */
    int32_t compact_day;    /* cur_day at the last compaction */

    cl_event *ev;
    size_t nev, capev;
    cl_story *st;
    size_t nst, capst;
    cl_postings *ev_post, *st_post; /* by term */
    size_t post_cap;
    uint32_t *open_ev;      /* indices of open events, unordered */
    size_t nopen_ev, capopen_ev;
    uint32_t *open_st;
    size_t nopen_st, capopen_st;
    size_t closed_since_purge;
    size_t posted_since_purge; /* posting entries appended since the last purge */
    uint32_t stamp;
    uint32_t last_scored;   /* candidates scored by the last lookup */
    uint64_t *ev_dead;      /* bit e: event e was found closed or merged
                               away by a lookup — for good, as an event never
                               reopens; a clear bit means "look at it" */
    size_t ev_dead_cap;     /* bits */
    int last_weak;          /* the last lookup's best match is a weak link */

    int index_dirty;        /* order and story_ev need rebuilding */
    uint32_t *order;        /* root stories, largest first */
    size_t norder;
    uint32_t *story_ev_start; /* by story: offset of its events in story_ev */
    uint32_t *story_ev;     /* root events grouped by story, date order */

    cl_tw *tmp;             /* scratch for centroid merges */
    size_t captmp;
    uint64_t *rank_keys;    /* scratch for selecting the heaviest terms */
    size_t caprank_keys;
    float *acc;             /* by term: weighted count in the current article */
    size_t capacc;
    cl_pair_slot *pair_slots; /* cache (stem term, stem term) -> pair term id */
    size_t pair_mask, pair_n;

    sl_stemmer *stemmer;
    cl_doc doc;
    sl_buf disp;            /* scratch for display strings */
};

/* features.c */
int cl_doc_features(sl_cluster *m, const sl_article *a, cl_doc *d);
int cl_doc_vector(sl_cluster *m, cl_doc *d, int count_df);
int cl_term_intern(sl_cluster *m, const char *key, size_t len, int kind, int32_t display_word);
/* The readable form of a term, into m->disp; returns its offset there. */
size_t cl_term_display(sl_cluster *m, uint32_t term);

/* model.c */
uint32_t cl_event_root(const sl_cluster *m, uint32_t e);
uint32_t cl_story_root(const sl_cluster *m, uint32_t s);
int cl_rebuild_index(sl_cluster *m);
int cl_post_add(cl_postings *p, uint32_t id);
/* For tests: candidates scored when looking up vec on `day`; the decay. */
uint32_t cl_debug_candidates(sl_cluster *m, const cl_tw *vec, uint32_t n, int32_t day);
double cl_debug_event_decay(const sl_cluster *m, int32_t gap);
/* For tests: indices of the q heaviest terms of vec (sorted by term),
 * heaviest first, ties to the lower term; returns min(n, q). */
uint32_t cl_debug_top_terms(sl_cluster *m, const cl_tw *vec, uint32_t n, uint32_t *out, uint32_t q);
int cl_reserve_terms(sl_cluster *m, size_t need);

/* sparse vectors */
/* Keeps, in place and in term order, the `keep` heaviest of v[0..n) (ties:
 * lower term ids); returns the new count.  v must be sorted by term. */
uint32_t cl_keep_heaviest(sl_cluster *m, cl_tw *v, uint32_t n, uint32_t keep);
/* Same for v in any order; the result is sorted by term. */
uint32_t cl_keep_heaviest_any(sl_cluster *m, cl_tw *v, uint32_t n, uint32_t keep);
float cl_dot(const cl_tw *a, uint32_t na, const cl_tw *b, uint32_t nb);
float cl_norm(const cl_tw *a, uint32_t n);

#endif
