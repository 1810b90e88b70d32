/*
 * storyline.h — the public API of libstoryline.
 *
 * storyline turns a pile of raw news articles into knowledge: it reads them
 * (ingest), strips web-extraction leftovers (clean), groups copies (dedup),
 * clusters articles into events and stories (cluster) and writes a dated,
 * deduplicated timeline of each story (timeline).  This header is the whole
 * contract between the library and its users; everything under lib/ that is
 * not declared here is private and may change.
 *
 * Conventions (they hold for every function below unless it says otherwise):
 *
 *   - Names start with `sl_`; types end in no suffix; constants are SL_*.
 *   - Handles (sl_corpus, sl_vocab, ...) are opaque, created by *_new or
 *     *_open and released by the matching *_free, which accepts NULL.
 *   - Text is UTF-8.  An sl_slice is a (pointer, length) view, not
 *     NUL-terminated, that lives as long as the object it came from.
 *   - Dates are whole days since 1970-01-01 (proleptic Gregorian, UTC) held in
 *     an int32_t; SL_NO_DATE means "unknown".  Times of day are seconds since
 *     midnight, SL_NO_TIME when unknown.
 *   - Functions that can fail return an int: 0 on success, a negative
 *     SL_E* code otherwise.  Problems with *input data* (one bad line among
 *     many) are not failures: they are reported as diagnostics and the rest is
 *     processed.
 *   - No function keeps a pointer to caller memory unless it says so.
 *   - Thread safety: distinct handles may be used from distinct threads at
 *     once; one handle must not be used from two threads at once unless its
 *     section says it may.
 */
#ifndef STORYLINE_H
#define STORYLINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SL_VERSION_MAJOR 0
#define SL_VERSION_MINOR 1
#define SL_VERSION_PATCH 0
#define SL_VERSION_STRING "0.1.0"

/** The library's version as "MAJOR.MINOR.PATCH". */
const char *sl_version(void);

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

enum {
    SL_OK = 0,
    SL_ENOMEM = -1,   /* out of memory */
    SL_EIO = -2,      /* a file could not be opened, read or written */
    SL_EINPUT = -3,   /* input data is malformed (see the diagnostics) */
    SL_EUSAGE = -4,   /* the caller passed an invalid argument */
};

/** A short English text for an SL_E* code. */
const char *sl_strerror(int code);

/* ------------------------------------------------------------------------ */
/* Basic values                                                             */
/* ------------------------------------------------------------------------ */

/** A view of UTF-8 bytes; not NUL-terminated. */
typedef struct sl_slice {
    const char *ptr;
    size_t len;
} sl_slice;

#define SL_NO_DATE INT32_MIN
#define SL_NO_TIME (-1)

/** Days since 1970-01-01 of a civil date; month 1..12, day 1..31. */
int32_t sl_days_from_civil(int year, int month, int day);
/** The civil date of a day number. */
void sl_civil_from_days(int32_t days, int *year, int *month, int *day);
/** Day of week of a day number: 0 = Monday .. 6 = Sunday. */
int sl_weekday(int32_t days);
/**
 * Parse a date: "YYYY-MM-DD", RFC 3339 ("YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)"),
 * or "YYYY-MM-DD HH:MM:SS".  Leading and trailing blanks are allowed.  On
 * success stores the day (and the time of day, or SL_NO_TIME) and returns 0;
 * returns SL_EINPUT if the text is not such a date.  An RFC 3339 offset is
 * applied, so the stored day and time are UTC.
 */
int sl_parse_date(const char *s, size_t len, int32_t *day, int32_t *time_of_day);
/** Writes "YYYY-MM-DD" and a NUL into buf (at least 11 bytes). */
void sl_format_date(int32_t day, char buf[11]);

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                              */
/* ------------------------------------------------------------------------ */

/**
 * A problem with the input: where it is and what it is.  `line` is 1-based,
 * 0 when the problem concerns a whole file.  The strings are valid during the
 * callback only.
 */
typedef struct sl_diag {
    const char *file;
    long line;
    const char *message;
    int is_warning;     /* 1: the article was still used; 0: it was rejected */
} sl_diag;

/** Called for every diagnostic; `user` is passed through. */
typedef void (*sl_diag_fn)(const sl_diag *diag, void *user);

/* ------------------------------------------------------------------------ */
/* Text layer (lib/text)                                                    */
/* ------------------------------------------------------------------------ */

/**
 * Checks that s[0..len) is valid UTF-8 without NUL bytes.  Returns 1 if it
 * is; otherwise 0, and stores in *bad_offset (if not NULL) the byte offset
 * of the first offending byte.
 */
int sl_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/**
 * Normalises text for matching: NFKC, case folding, curly quotes to straight
 * ones, dashes to '-', every run of Unicode white space to one ' '.
 * Returns a malloc'd NUL-terminated string (free with free()) and its length
 * in *out_len, or NULL when out of memory.  Input must be valid UTF-8.
 */
char *sl_normalize(const char *s, size_t len, size_t *out_len);

/**
 * The vocabulary interns token strings to dense integer ids 0, 1, 2, ... so
 * that later stages compare integers, not strings.  Not thread safe.
 */
typedef struct sl_vocab sl_vocab;

sl_vocab *sl_vocab_new(void);
void sl_vocab_free(sl_vocab *v);
/** The id of s[0..len), interned if new; -1 when out of memory. */
int32_t sl_vocab_intern(sl_vocab *v, const char *s, size_t len);
/** The id of s[0..len) or -1 if it was never interned. */
int32_t sl_vocab_find(const sl_vocab *v, const char *s, size_t len);
/** The string of an id (valid as long as the vocabulary). */
sl_slice sl_vocab_string(const sl_vocab *v, int32_t id);
/** How many ids exist. */
int32_t sl_vocab_size(const sl_vocab *v);

/** Token kinds. */
enum {
    SL_TOK_WORD = 1,    /* letters, possibly with inner hyphens or apostrophes */
    SL_TOK_NUMBER = 2,  /* digits, possibly with inner , . : / */
    SL_TOK_PUNCT = 3,   /* a single punctuation or symbol character */
};

/** A token: a slice of the text it was cut from, its kind and flags. */
typedef struct sl_token {
    uint32_t start;     /* byte offset in the tokenised text */
    uint32_t len;       /* byte length */
    uint8_t kind;       /* SL_TOK_* */
    uint8_t capitalised;/* first letter upper case in the original text */
    uint8_t stop;       /* an English stop word */
    uint8_t pad;
} sl_token;

/**
 * Cuts text into tokens (words, numbers, single punctuation marks); white
 * space separates and is dropped.  Words keep inner hyphens ("well-known")
 * and apostrophes ("don't", "Kim's" → "kim's"); numbers keep inner
 * separators ("3.5", "1,000", "12:30").  Curly quotes and apostrophes count
 * as their ASCII forms.  Writes at most `cap` tokens to out and returns the
 * total number of tokens (which may exceed cap: call again with more room).
 */
size_t sl_tokenize(const char *text, size_t len, sl_token *out, size_t cap);

/**
 * Lower-case, NFKC-folded form of a token as a NUL-terminated string in buf
 * (cap bytes); returns its length (truncated to cap-1).
 */
size_t sl_token_fold(const char *text, const sl_token *tok, char *buf, size_t cap);

/**
 * Interns the folded form of a token (what sl_token_fold gives, but never
 * truncated) and returns its id, or -1 when out of memory.  One pass for
 * ASCII tokens: the fast way to turn a text into token ids.
 */
int32_t sl_vocab_intern_token(sl_vocab *v, const char *text, const sl_token *tok);

/**
 * Interns the folded forms of n tokens of text, storing their ids in
 * ids[0..n), as n calls of sl_vocab_intern_token would, but faster on a large
 * vocabulary (the table lookups are prefetched in batches).  Returns 0, or
 * SL_ENOMEM (ids then partly filled).
 */
int sl_vocab_intern_tokens(sl_vocab *v, const char *text, const sl_token *tok, size_t n,
                           int32_t *ids);

/** 1 if the lower-case word w[0..len) is an English stop word. */
int sl_is_stopword(const char *w, size_t len);

/**
 * An English Snowball (Porter2) stemmer.  One stemmer per thread: a stemmer
 * is not thread safe, but distinct stemmers are independent.
 */
typedef struct sl_stemmer sl_stemmer;
sl_stemmer *sl_stemmer_new(void);
void sl_stemmer_free(sl_stemmer *st);
/** Stem of the lower-case word w[0..len); valid until the next call. */
sl_slice sl_stem(sl_stemmer *st, const char *w, size_t len);

/** A sentence: a byte range of the text it was cut from. */
typedef struct sl_span {
    uint32_t start;
    uint32_t len;
} sl_span;

/**
 * Splits text into sentences.  A sentence ends at . ! ? (or …) followed by
 * white space and a capital, digit, quote or end of text, and at every line
 * break "\n"; it does not end after title abbreviations (Rep., Dr., Gen.,
 * No.), single-letter initials ("John F. Kennedy") or decimal numbers; after
 * initialisms and abbreviations that may end a sentence (U.S., p.m., Inc.,
 * Jr., Jan.) it ends only when a capitalised function word follows ("...
 * in the U.S. The talks" splits, "the U.S. Army" does not).  A closing
 * quote or bracket after the mark stays with its sentence.  Leading
 * and trailing white space is excluded from each span; empty sentences are
 * skipped.  Writes at most cap spans and returns the total count.
 */
size_t sl_split_sentences(const char *text, size_t len, sl_span *out, size_t cap);

/* ------------------------------------------------------------------------ */
/* Articles and corpora (lib/ingest)                                        */
/* ------------------------------------------------------------------------ */

/**
 * An article.  The record is owned by its corpus and read-only for users;
 * every slice points into the corpus' memory and lives as long as it.
 * Absent fields are empty slices (ptr may be NULL, len 0).
 */
typedef struct sl_article {
    sl_slice id;        /* from the input; for text files: the path */
    sl_slice title;
    sl_slice source;    /* publisher or site */
    sl_slice url;
    sl_slice text;      /* the body, validated UTF-8, no NUL bytes */
    int32_t date;       /* publication day or SL_NO_DATE */
    int32_t time;       /* publication time of day or SL_NO_TIME */
    const char *file;   /* where it came from ("-" for stdin) */
    long line;          /* 1-based line in that file (1 for text files) */
    uint32_t index;     /* position in the corpus, 0-based */
} sl_article;

/** A corpus: articles in reading order, plus the memory they live in. */
typedef struct sl_corpus sl_corpus;

/** Input formats. */
typedef enum sl_format {
    SL_FORMAT_AUTO = 0, /* by name (.jsonl .ndjson .json → JSONL) then content */
    SL_FORMAT_JSONL,    /* one JSON object per line */
    SL_FORMAT_TEXT,     /* one article per file, seeds conventions */
} sl_format;

/** Options for reading; zero-initialise, then set what you need. */
typedef struct sl_read_options {
    sl_format format;
    sl_diag_fn on_diag; /* NULL: diagnostics are only counted */
    void *diag_user;
    size_t max_line;    /* longest accepted JSONL line; 0 = 64 MiB */
} sl_read_options;

sl_corpus *sl_corpus_new(void);
void sl_corpus_free(sl_corpus *c);

/**
 * Reads articles from a path into the corpus: a file, a directory (walked
 * recursively in sorted order; hidden entries skipped) or "-" for standard
 * input.  Bad records are reported through the diagnostics callback and
 * skipped; every valid article is added.  Returns 0 if every record was
 * valid, SL_EINPUT if some were rejected, SL_EIO if the path could not be
 * read at all (also reported as a diagnostic), SL_ENOMEM.
 */
int sl_corpus_read_path(sl_corpus *c, const char *path, const sl_read_options *opt);

/**
 * Reads articles from a memory buffer as if it were a file named `name`.
 * The bytes are copied.  Same return values as sl_corpus_read_path.
 */
int sl_corpus_read_buffer(sl_corpus *c, const char *name, const char *data,
                          size_t len, const sl_read_options *opt);

/**
 * Adds one article built by the caller; the strings are copied and the text
 * is validated.  Returns its index or a negative SL_E* code.
 */
long sl_corpus_add(sl_corpus *c, const sl_article *a);

/** Number of articles. */
size_t sl_corpus_size(const sl_corpus *c);
/** Article i (0 <= i < size); the pointer is stable while the corpus lives. */
const sl_article *sl_corpus_article(const sl_corpus *c, size_t i);
/** Counts of diagnostics so far: rejected records and warnings. */
size_t sl_corpus_rejected(const sl_corpus *c);
size_t sl_corpus_warnings(const sl_corpus *c);
/** Total bytes of input read so far. */
uint64_t sl_corpus_bytes(const sl_corpus *c);
/** The corpus' shared vocabulary (created on first use). */
sl_vocab *sl_corpus_vocab(sl_corpus *c);

/**
 * Writes an article as one JSON line {"id","date","title","source","url",
 * "text"} (absent fields as null, dates as YYYY-MM-DD or the RFC 3339
 * timestamp when a time is known).  Returns 0 or SL_EIO.
 */
int sl_article_write_json(FILE *out, const sl_article *a);

/* ======================================================================== */
/* Later stages declare their API below, each in its own section:           */
/*   clean (lib/clean) · dedup (lib/dedup) · cluster (lib/cluster) ·        */
/*   timeline (lib/timeline) · run (the whole pipeline)                     */
/* ======================================================================== */

/* ---- clean -------------------------------------------------------------- */

/*
 * Cleaning strips what web extraction leaves around an article (menus,
 * share buttons, "Follow us on", photo credits, cookie notices, copyright
 * lines, lists of unrelated headlines, ads inside the body) and reads the
 * article's metadata from its text: title, byline, dateline (location and
 * news agency) and publication date.
 *
 * Each line is scored from what it looks like (length, terminal
 * punctuation, share of function words, boilerplate phrases, separators,
 * title case, numbers, duplicates inside the article) and, when a corpus is
 * cleaned, from how many unrelated articles carry the same normalised line
 * (site templates); scores are smoothed over neighbouring lines and the
 * article's main span is kept.  Lines of the body are never rewritten, only
 * kept or dropped — except a dateline lead glued to the first sentence
 * ("WASHINGTON (AP) — The Senate ..."), which moves to the dateline field
 * while the sentence stays.
 */

/** Options for cleaning; initialise with sl_clean_options_init. */
typedef struct sl_clean_options {
    int use_corpus;     /* 1 (default): lines repeated across unrelated articles
                           count as site furniture; 0: each article alone */
    int threads;        /* sl_clean_corpus worker threads; 0/1: the calling thread.
                           The result does not depend on it. */
    double threshold;   /* line score needed to keep a line (default 0; higher
                           keeps less) */
    int keep_dateline;  /* 1: leave a dateline lead in the body text */
    sl_diag_fn on_diag; /* warnings (an article that was only boilerplate);
                           file and line are the article's; NULL: none */
    void *diag_user;
} sl_clean_options;

/** Sets the defaults. */
void sl_clean_options_init(sl_clean_options *opt);

/** A dropped line and why: the rule or the score that dropped it. */
typedef struct sl_clean_drop {
    sl_slice line;      /* the line as it was (a copy: the text itself may
                           have been cleaned in place); for a template glued
                           to the end of a line, that tail */
    const char *reason; /* a rule: "title", "byline", "date", "caption",
                           "comments", "headline-list", "call-to-action" ...;
                           or the evidence that weighed most: "template",
                           "legal", "advertising", "navigation",
                           "related-links", "copyright", "links", "teaser",
                           "title-case", "numbers", "duplicate", "short",
                           "few-function-words"; or the context: "context"
                           (its neighbours pulled it down), "outside-body"
                           (outside the article's main span) */
    double score;       /* the line's final score (negative: boilerplate-like) */
    uint32_t spread;    /* unrelated articles carrying the line (1: only this) */
    uint32_t line_no;   /* 1-based line in the original text */
} sl_clean_drop;

/** What cleaning found in one article. */
typedef struct sl_clean_info {
    sl_slice text;      /* the cleaned body, paragraphs separated by "\n" */
    sl_slice title;     /* given or found title (may be empty) */
    int32_t date;       /* given or found publication day, or SL_NO_DATE */
    sl_slice byline;    /* "Maggie Fox, Health and Science Editor" (no "By") */
    sl_slice dateline;  /* "HONG KONG (Reuters)" */
    sl_slice location;  /* "HONG KONG" */
    sl_slice agency;    /* "Reuters" */
    size_t lines_kept;
    size_t lines_dropped;
    int emptied;        /* 1: the article held only boilerplate; text is empty */
} sl_clean_info;

/** Per-article results of a cleaning run. */
typedef struct sl_clean_report sl_clean_report;

/**
 * Cleans every article of the corpus in place, in two passes: the first
 * counts every normalised line across the corpus (when opt->use_corpus), the
 * second cleans each article.  Each article's text is replaced by its
 * cleaned body, written over the old text (cleaning only removes bytes, so
 * the body fits; no second copy of the corpus text is made): slices into the
 * old text see the cleaned bytes afterwards.  Its title is set when it had
 * none and one was found, its date set when it had none and the text gave
 * one.  If `report` is not NULL, *report receives the
 * per-article results (free with sl_clean_report_free; its slices live as
 * long as both the report and the corpus).  opt may be NULL (defaults).  Returns 0 or SL_ENOMEM
 * (then the corpus may be partly cleaned).  Memory beyond the texts is
 * linear in the number of distinct lines.
 */
int sl_clean_corpus(sl_corpus *c, const sl_clean_options *opt, sl_clean_report **report);

/**
 * Cleans one article alone (no corpus signal); the article is not changed.
 * *report receives one entry whose slices live as long as the report.
 * Returns 0, SL_EUSAGE (NULL argument) or SL_ENOMEM.
 */
int sl_clean_article(const sl_article *a, const sl_clean_options *opt, sl_clean_report **report);

/** Number of articles in a report (the corpus size, or 1). */
size_t sl_clean_report_size(const sl_clean_report *r);
/** Results for article i, or NULL when out of range. */
const sl_clean_info *sl_clean_report_info(const sl_clean_report *r, size_t i);
/** Number of lines dropped from article i. */
size_t sl_clean_report_drops(const sl_clean_report *r, size_t i);
/** The k-th dropped line of article i (in text order), or NULL. */
const sl_clean_drop *sl_clean_report_drop(const sl_clean_report *r, size_t i, size_t k);
/** Totals: lines seen, lines dropped, articles emptied. */
void sl_clean_report_totals(const sl_clean_report *r, uint64_t *lines, uint64_t *dropped,
                            uint64_t *emptied);
void sl_clean_report_free(sl_clean_report *r);

/* ---- dedup -------------------------------------------------------------- */

/*
 * Duplicate detection (lib/dedup): groups exact copies, near copies (wire
 * copy under other site furniture, light edits, typos), excerpts and
 * machine-spun copies (synonym substitution), each group represented by its
 * earliest article (then the most complete text, then the first read).
 *
 * Method: every article becomes a stream of WordNet synonym classes (a
 * spinner's synonym stays in the class of the word it replaced; common
 * polysemous words are dropped, names and numbers kept), shingled; a
 * hash-sampled subset of the shingles (consistent across articles, so
 * excerpts keep theirs) forms an inverted index whose shared entries give
 * candidate pairs in sub-quadratic time; each candidate is verified on all
 * shingles — containment of the smaller article in the larger (character
 * grams for typo-ridden copies) and agreement of the figures quoted in the
 * same words (templated reports that differ only in figures stay apart);
 * accepted pairs are joined by union-find.  Exact copies are found first
 * by a hash of the normalised token sequence.
 *
 * Texts are compared as they are in the corpus: clean them first with
 * sl_clean_corpus (the `storyline dedup` command does, unless --no-clean),
 * so that site furniture neither hides copies nor makes the most complete
 * text look longer than it is.
 */

/** How an article relates to its group's representative. */
typedef enum sl_dup_relation {
    SL_DUP_NONE = 0,    /* the article is a representative (or alone) */
    SL_DUP_EXACT,       /* the same text up to case, spacing, punctuation */
    SL_DUP_NEAR,        /* a near copy: furniture, edits, typos */
    SL_DUP_EXCERPT,     /* a part of the representative's text */
    SL_DUP_SPUN,        /* a copy whose words were swapped for synonyms */
} sl_dup_relation;

/** "exact", "near", "excerpt", "spun"; NULL for SL_DUP_NONE. */
const char *sl_dup_relation_name(sl_dup_relation r);

/** Options of a dedup run; initialise with sl_dedup_options_init. */
typedef struct sl_dedup_options {
    int threads;            /* worker threads (≥ 1); the result does not
                               depend on it */
    int synonyms;           /* 1: WordNet synonym classes (default) */
    const char *wordnet_dir;/* NULL: $SL_WORDNET_DIR or /usr/share/wordnet */
    double min_containment; /* share of the smaller article's shingles
                               found in the larger one (0.4; more is
                               needed for very short texts) */
    unsigned fingerprints;  /* index entries per article of ordinary length
                               (12); more: better recall on short excerpts,
                               more memory */
    size_t watch_a, watch_b;/* a pair of articles whose candidate search
                               the run records for sl_dedup_explain (was it
                               among the pairs the bounded search compared?);
                               SIZE_MAX (default): none */
} sl_dedup_options;

void sl_dedup_options_init(sl_dedup_options *opt);

/** The result of a run: one entry per corpus article (same indices). */
typedef struct sl_dedup sl_dedup;

/**
 * Groups the articles of corpus c.  The corpus is only read and must outlive
 * nothing: the result keeps no pointer into it.  Stores a new result in
 * *out.  Returns 0, SL_ENOMEM or SL_EUSAGE (bad options).  When WordNet
 * cannot be read the run still succeeds without synonym classes (see
 * sl_dedup_synonyms_used).
 */
int sl_dedup_run(const sl_corpus *c, const sl_dedup_options *opt, sl_dedup **out);

void sl_dedup_free(sl_dedup *d);

/** Number of articles (= corpus size at the run). */
size_t sl_dedup_size(const sl_dedup *d);
/** Number of groups, singletons included. */
size_t sl_dedup_groups(const sl_dedup *d);
/** Index of the representative of article i's group (i itself if it is one). */
size_t sl_dedup_group(const sl_dedup *d, size_t i);
/** 1 if article i represents its group (singletons do). */
int sl_dedup_is_representative(const sl_dedup *d, size_t i);
/** How article i relates to its representative. */
sl_dup_relation sl_dedup_relation(const sl_dedup *d, size_t i);
/** Similarity of article i to its representative in [0, 1]: the estimated
 * share of the smaller text's (synonym-class) shingles found in the larger,
 * the weakest link when the two were joined through other copies; 1 for
 * representatives. */
double sl_dedup_similarity(const sl_dedup *d, size_t i);
/** 1 if WordNet synonym classes were used. */
int sl_dedup_synonyms_used(const sl_dedup *d);

/** Figures of a run (for benchmarks and --stats). */
typedef struct sl_dedup_stats {
    size_t articles, exact_copies, candidates, accepted, groups;
    size_t index_bytes;     /* peak memory of features, index and pairs */
    size_t working_bytes;   /* verification sets kept from the features
                               pass to verification (freed after it) */
    double seconds_features, seconds_index, seconds_verify, seconds_total;
    double seconds_wordnet; /* one-off WordNet load (0 when cached) */
    double cpu_features, cpu_index, cpu_verify; /* process CPU seconds */
} sl_dedup_stats;

void sl_dedup_get_stats(const sl_dedup *d, sl_dedup_stats *st);

/**
 * Explains why articles i and j of corpus c (the corpus d was computed
 * from) are or are not in one group: their sizes, exact hashes, shared
 * synonym-class shingles (with examples in the words of article i), the
 * sampled index figures and each verification test with its outcome, and
 * the group each ended in.  Human-readable text to out.  Returns 0,
 * SL_EUSAGE (bad index) or SL_ENOMEM.
 */
int sl_dedup_explain(const sl_dedup *d, const sl_corpus *c, size_t i, size_t j, FILE *out);

/* ---- cluster ------------------------------------------------------------ */

/*
 * Online event clustering and story threading (lib/cluster).
 *
 * A model (sl_cluster) reads articles in time order.  Each article becomes a
 * TF-IDF vector (document frequencies maintained incrementally; title and
 * lead weighted up; stems, capitalised phrases, numbers and word pairs as
 * features) and goes to the most similar open *event* — found through an
 * inverted index over event centroids, the similarity damped by the time gap
 * — or starts a new one.  Events that converge are merged.  Each new event
 * joins the most similar *story* (a long-running thread, compared over
 * months) or starts one.  The model can be saved and loaded, so a later run
 * assigns new articles to the same events and stories without recomputing
 * the past.  Events idle longer than `close_days` are closed: their centroid
 * is compacted and they leave the index, so memory stays bounded on an
 * endless stream.
 *
 * Ids are positive integers, dense and in creation order; when two events
 * (or stories) merge, the id of the larger survives (the older on a tie) and
 * sl_cluster_event_id / sl_cluster_story_of map the other one to it.  Results are deterministic: same model, same input, same
 * output, whatever the thread count.
 */

/** Tuning; sl_cluster_options_init sets the defaults documented here. */
typedef struct sl_cluster_options {
    double event_threshold; /* min. similarity to join an event (0.08) */
    double merge_threshold; /* min. centroid similarity to merge events (0.15) */
    double story_threshold; /* min. similarity to join a story (0.07) */
    double story_merge_threshold; /* min. centroid similarity to merge stories (0.15) */
    double event_decay_days;/* time-decay scale of events (3 days) */
    double story_decay_days;/* time-decay scale of stories (120 days) */
    int32_t close_days;     /* events idle this long are closed (14) */
    int32_t story_close_days;/* stories idle this long are closed (365) */
    int threads;            /* reserved: the model runs on the calling thread;
                               results never depend on it */
} sl_cluster_options;

/** Fills o with the defaults. */
void sl_cluster_options_init(sl_cluster_options *o);

/** The clustering model: vocabulary statistics, events, stories. */
typedef struct sl_cluster sl_cluster;

/** A new empty model; opt NULL means the defaults.  NULL when out of memory. */
sl_cluster *sl_cluster_new(const sl_cluster_options *opt);
void sl_cluster_free(sl_cluster *m);

/**
 * Saves the whole model to path (a versioned binary file, written to a
 * temporary name and renamed).  0, SL_EIO or SL_ENOMEM.
 */
int sl_cluster_save(const sl_cluster *m, const char *path);

/**
 * Loads a model saved by sl_cluster_save.  If opt is not NULL its threads
 * value is used (the thresholds are the saved ones: a model keeps its
 * tuning).  Returns the model, or NULL with *err set to SL_EIO (unreadable),
 * SL_EINPUT (not a model file or a different version) or SL_ENOMEM.
 */
sl_cluster *sl_cluster_load(const char *path, const sl_cluster_options *opt, int *err);

/**
 * Adds every article of corpus c to the model, in time order (date, time of
 * day, then corpus order; an undated article takes the date of the article
 * before it in the corpus).  copy_of is optional (NULL: none): copy_of[i]
 * is the corpus index of the article i is a copy of (its dedup original), or
 * i itself / UINT32_MAX when it is an original; a copy published within
 * close_days of its original joins the original's event without weighing on
 * the statistics (a later one is clustered as an original).  For each article i, event_ids[i]
 * and story_ids[i] (either may be NULL) receive its event and story ids,
 * final for this call (merges made during it are applied).  The corpus is
 * not kept.  0 or SL_ENOMEM.
 */
int sl_cluster_add(sl_cluster *m, const sl_corpus *c, const uint32_t *copy_of,
                   int64_t *event_ids, int64_t *story_ids);

/** The surviving id of an event id (after merges); 0 if unknown. */
int64_t sl_cluster_event_id(const sl_cluster *m, int64_t event_id);
/** The current story id of an event id; 0 if unknown. */
int64_t sl_cluster_story_of(const sl_cluster *m, int64_t event_id);

/** Articles seen so far (copies included). */
uint64_t sl_cluster_articles(const sl_cluster *m);

/** A story or an event, as described by sl_cluster_story / sl_cluster_event. */
typedef struct sl_cluster_info {
    int64_t id;
    int64_t story;          /* the story of an event; the id itself for a story */
    int32_t first_day;      /* date span of its articles (SL_NO_DATE if none) */
    int32_t last_day;
    uint64_t articles;      /* articles, copies included */
    uint32_t events;        /* for a story: its events; for an event: 1 */
    int open;               /* still accepting articles (not closed) */
    sl_slice label;         /* title of its most central article (a story:
                               its largest event's); valid until the model
                               changes */
} sl_cluster_info;

/**
 * Stories, largest first (articles, then id): sl_cluster_story_count gives
 * how many there are, sl_cluster_story(m, k, &info) fills the k-th
 * (0-based) and returns 0, or SL_EUSAGE when k is out of range.  The order
 * is recomputed after every sl_cluster_add.
 */
size_t sl_cluster_story_count(const sl_cluster *m);
int sl_cluster_story(const sl_cluster *m, size_t k, sl_cluster_info *info);

/**
 * The events of a story in date order (first day, then id): writes at most
 * cap surviving event ids to out and returns the total count.
 */
size_t sl_cluster_story_events(const sl_cluster *m, int64_t story_id, int64_t *out, size_t cap);

/** Describes an event; 0, or SL_EUSAGE for an unknown id. */
int sl_cluster_event(const sl_cluster *m, int64_t event_id, sl_cluster_info *info);

/**
 * The top terms (highest centroid weight) of an event (kind 0) or a story
 * (kind 1), in readable form (a stem shown as its first seen word, a word
 * pair as "w1 w2", a capitalised phrase as written, lower case).  Writes at
 * most cap slices (valid until the model changes) and returns how many.
 */
size_t sl_cluster_top_terms(const sl_cluster *m, int kind, int64_t id, sl_slice *out, size_t cap);

/* ---- timeline: temporal expressions (lib/timeline/temporal.c) ----------- */

/** How precise a resolved date is. */
typedef enum sl_granularity {
    SL_GRAN_DAY = 0,    /* "June 12, 2023", "yesterday", "on Monday" */
    SL_GRAN_MONTH = 1,  /* "September 2023", "last month", "in June" */
    SL_GRAN_YEAR = 2,   /* "in 2022", "last year" */
    SL_GRAN_WEEK = 3,   /* "last week", "two weeks ago", "this weekend":
                           day is the Monday of that (ISO) week */
} sl_granularity;

/** A temporal expression found in a text and resolved to a day. */
typedef struct sl_timex {
    uint32_t start;     /* byte offset of the expression in the text */
    uint32_t len;       /* its byte length */
    int32_t day;        /* the day; for WEEK/MONTH/YEAR the first day of it */
    uint8_t granularity;/* sl_granularity */
    uint8_t relative;   /* 1: resolved against the publication date
                           ("yesterday", "on Monday", bare "June 12") or
                           an earlier date ("two days later"); 0: the
                           expression names its year */
    uint8_t pad[2];
} sl_timex;

/**
 * Finds the temporal expressions in text[0..len) and resolves each against
 * pub_day (the publication date), the way HeidelTime's news mode does.
 * Writes at most cap results in text order and returns the total count
 * (call again with more room if it exceeds cap).  Results never overlap;
 * where patterns compete the longest expression wins ("Saturday, 25 April
 * 2009" is one expression).  Thread safe; its working memory is a fixed
 * stack buffer (about 40 KiB): it allocates nothing itself.
 *
 * Recognised (English news, also in space-tokenised text "May 12 , 2009"):
 *   - explicit dates: "June 12, 2023", "12 June 2023", "the 12th of June",
 *     "Jun. 12", "Sept. 5", "2023-06-12", "25/04/2009" (only when the order
 *     of day and month is unambiguous), "September 2023", "mid-June",
 *     "early September", "the end of June" (month granularity), "in 2022",
 *     "mid-2009" (year granularity);
 *   - relative: today, tonight, this morning, yesterday, last night, the
 *     day before yesterday, tomorrow; weekdays ("on Monday" → the Monday on
 *     or before publication, or on or after it in a future-tense sentence;
 *     "last Monday" before, "next Monday" after); last/this/next week|
 *     weekend|month|year, "earlier this year", "N days/weeks/months/years
 *     ago" (also hours, decades), "in N days" (future-tense sentences
 *     only), "N days from now";
 *   - anaphoric: "two days later", "a year earlier", "the next day", from
 *     the previous date of the text when it is near and precise enough;
 *   - holidays and national days: Christmas Day, New Year's Eve, Good
 *     Friday, Easter Monday, Thanksgiving, Memorial Day, Russia Day,
 *     Bastille Day, VE Day, Gwangbokjeol, ...; a name several countries use
 *     ("Liberation Day", "Independence Day", "Victory Day", "National Day")
 *     is read by the country named nearest to it (Korea: 15 August, Italy:
 *     25 April; no country: the common default, or no date);
 *   - anniversaries: "the 78th anniversary of Korea's liberation from
 *     Japan" (a known event, 15 August 1945, plus 78 years: 2023-08-15,
 *     absolute), "the 10th anniversary of the April 20, 2010 explosion",
 *     "D-Day's 80th anniversary", "the centenary of Armistice Day"; without
 *     a number ("the anniversary of the 9/11 attacks") the occurrence the
 *     tense points to; an unknown object ("of its founding") is no date;
 *   - a month or month+day without a year takes its year from the tense of
 *     the sentence: past → the latest occurrence not after publication
 *     (with a month's slack: past-tense reports often name near future
 *     dates), future → the first not before it, no tense → the closest one
 *     (a past one for "the April 20 explosion"); "since June" is past,
 *     "until 22 May" may lie ahead, "June 25 last year" names its year, and
 *     the second date of "between July 20 and July 27" follows the first.
 * Not dates: "May" and "March" as words, "the 1990s", counts ("2,000
 * people", "in 2000 homes"), "Sunday Times", "Fox News Sunday",
 * generic "on a Saturday", durations ("the first time in two years"),
 * times of day, ambiguous numeric dates.
 *
 * When pub_day is SL_NO_DATE only absolute expressions (those that name
 * their year, relative == 0) are returned.
 */
size_t sl_timex_find(const char *text, size_t len, int32_t pub_day, sl_timex *out, size_t cap);

/* ---- timeline ----------------------------------------------------------- */

/*
 * A timeline summarises a story: the days on which something important
 * happened, and for each day the few sentences that say what happened, with
 * the articles they come from.  Each sentence is dated to the event it
 * reports (its own day-precise temporal expression, resolved against the
 * article's publication day; else that day).  Days are ranked by how much
 * the story refers to them (distinct articles naming the day, retrospective
 * mentions, publication bursts); sentences by centrality among the day's
 * sentences with the story's topic (or the query) as a prior, never two
 * near-duplicates, never fragments or boilerplate.  The result is
 * deterministic: the same input and options give the same timeline.
 */

/** Options for sl_timeline_build; start from sl_timeline_options_init. */
typedef struct sl_timeline_options {
    size_t dates;       /* how many dates; 0: chosen from the data */
    size_t sentences;   /* sentences per date; 0: 2 */
    int32_t from, to;   /* only events in [from, to]; SL_NO_DATE: open */
    const char *query;  /* focus words (NUL-terminated) or NULL: only
                           sentences with one of them, ranked by them;
                           NULL: the story's own keywords */
    int clean;          /* 1 (default): clean each article alone first
                           (sl_clean_article); 0: use the texts as they are —
                           set 0 when the corpus went through
                           sl_clean_corpus already (better: it sees site
                           templates across articles) */
} sl_timeline_options;

/** Fills o with the defaults (every date chosen from the data). */
void sl_timeline_options_init(sl_timeline_options *o);

/** A built timeline; self-contained (it copies every string it keeps). */
typedef struct sl_timeline sl_timeline;

/**
 * Builds the timeline of the articles of c listed in subset[0..n_subset)
 * (corpus indices; subset NULL means every article).  Articles without a
 * publication date only contribute the dates they name in full.  Stores the
 * timeline in *out (possibly with no dates) and returns 0, or returns
 * SL_ENOMEM or SL_EUSAGE (bad options or index) with *out NULL.
 */
int sl_timeline_build(const sl_corpus *c, const uint32_t *subset, size_t n_subset,
                      const sl_timeline_options *opt, sl_timeline **out);
void sl_timeline_free(sl_timeline *t);

/** Number of dates, in chronological order 0..n-1. */
size_t sl_timeline_size(const sl_timeline *t);
/** The day of date i. */
int32_t sl_timeline_date(const sl_timeline *t, size_t i);
/** The importance score of date i (higher is more referred to). */
double sl_timeline_date_score(const sl_timeline *t, size_t i);
/** Number of distinct articles that report or name date i. */
size_t sl_timeline_date_support(const sl_timeline *t, size_t i);
/** Number of sentences of date i, and sentence j of it (best first). */
size_t sl_timeline_sentence_count(const sl_timeline *t, size_t i);
sl_slice sl_timeline_sentence(const sl_timeline *t, size_t i, size_t j);
/** The corpus index of the article sentence j of date i comes from. */
uint32_t sl_timeline_sentence_article(const sl_timeline *t, size_t i, size_t j);
/** The distinct source articles of date i's sentences, in sentence order:
 * their count, and the id of source k. */
size_t sl_timeline_source_count(const sl_timeline *t, size_t i);
sl_slice sl_timeline_source_id(const sl_timeline *t, size_t i, size_t k);

/** Output formats of sl_timeline_write. */
typedef enum sl_timeline_format {
    SL_TIMELINE_TEXT = 0,   /* readable in a terminal, wrapped at 80 columns */
    SL_TIMELINE_JSON = 1,   /* {"timeline":[{"date","sentences","sources"}]} + "\n" */
    SL_TIMELINE_HTML = 2,   /* one self-contained HTML page */
} sl_timeline_format;

/**
 * Writes the timeline to out in the given format; title (may be NULL) heads
 * the text and HTML forms.  Returns 0, or SL_EIO when writing failed.
 */
int sl_timeline_write(FILE *out, const sl_timeline *t, sl_timeline_format format,
                      const char *title);

/* ---- run ---------------------------------------------------------------- */

/*
 * The whole pipeline in one pass: clean → dedup → cluster → timeline over a
 * corpus already read, each stage reusing the previous stage's in-memory
 * results (the corpus is cleaned in place, dedup's groups feed clustering,
 * each story's originals feed its timeline), and the report (index.html,
 * articles.jsonl, stories.json, timelines.json) written from them.
 */

/** How a copy relates to its group's representative. */
typedef enum sl_run_relation {
    SL_RUN_ORIGINAL = 0,  /* the representative itself */
    SL_RUN_EXACT = 1,     /* same normalised text */
    SL_RUN_NEAR = 2,      /* edited or re-run under other furniture */
    SL_RUN_EXCERPT = 3,   /* a part of the original */
    SL_RUN_SPUN = 4,      /* words replaced by synonyms (machine spinning) */
} sl_run_relation;

/**
 * Called as the pipeline advances: `stage` is "clean", "dedup", "cluster",
 * "timeline" or "report"; done/total count the articles that stage has
 * handled (total is the corpus size).  Called from the thread that called
 * sl_run_new or sl_run_write_report.
 */
typedef void (*sl_run_progress_fn)(const char *stage, size_t done, size_t total, void *user);

/** Options for sl_run_new; zero-initialise, then set what you need. */
typedef struct sl_run_options {
    int threads;            /* worker threads for stages that use them; 0 = 1 */
    int timeline_dates;     /* dates per story timeline; 0 = chosen from the data */
    int timeline_sentences; /* sentences per date; 0 = 2 */
    size_t html_stories;    /* stories shown in full in index.html; 0 = 100
                               (all stories are in the JSON files) */
    sl_run_progress_fn progress;
    void *progress_user;
} sl_run_options;

/** Figures of a finished run. */
typedef struct sl_run_stats {
    size_t articles;        /* articles in the corpus */
    uint64_t bytes;         /* input bytes read (sl_corpus_bytes) */
    size_t copies;          /* articles that are copies of another */
    size_t groups;          /* copy groups (= originals) */
    size_t events, stories;
    size_t timeline_dates;  /* dates over all story timelines */
    uint64_t lines_dropped; /* boilerplate lines removed by clean */
    size_t emptied;         /* articles that were only boilerplate */
    double seconds[5];      /* wall time of clean, dedup, cluster, timeline,
                               report (report: set by sl_run_write_report) */
    double cpu_seconds[5];  /* the same stages' CPU time, all threads summed:
                               bytes / cpu_seconds is throughput per core */
    const char *provenance[4]; /* per stage (clean, dedup, cluster,
                               timeline): the library that ran it */
} sl_run_stats;

/** The results of a run: groups, events, stories, timelines. */
typedef struct sl_run sl_run;

/**
 * Runs the pipeline over every article of c and stores the results in
 * *out.  Cleaning replaces each article's text by its clean body (and sets
 * a title or date it found), in place: c is changed.  The corpus must
 * outlive the run and must not change afterwards while the run lives.
 * Returns 0, SL_ENOMEM or SL_EUSAGE (NULL arguments).
 */
int sl_run_new(sl_corpus *c, const sl_run_options *opt, sl_run **out);
void sl_run_free(sl_run *r);

/** The run's figures. */
void sl_run_get_stats(const sl_run *r, sl_run_stats *stats);

/**
 * Per article i of the corpus: the corpus index of its copy group's
 * representative, its relation to it (sl_run_relation), and the 0-based
 * ranks of its event and story (stories are numbered largest first, events
 * by story then date) — the numbers the report files use, minus one.
 */
size_t sl_run_article_group(const sl_run *r, size_t i);
int sl_run_article_relation(const sl_run *r, size_t i);
size_t sl_run_article_event(const sl_run *r, size_t i);
size_t sl_run_article_story(const sl_run *r, size_t i);

/**
 * Writes the report into the directory dir (created if missing, with its
 * parents; existing report files are replaced):
 *   index.html      one self-contained page (no network): the stories largest
 *                   first, each with its timeline, events, a chart of
 *                   articles per day and the copies folded under originals;
 *   articles.jsonl  every article: id, date, title, source, url, clean text,
 *                   group, relation, similarity, event, story;
 *   stories.json    stories with their events and per-day counts;
 *   timelines.json  every story's timeline: dates, sentences, sources.
 * Returns 0 or SL_EIO (errno tells why).
 */
int sl_run_write_report(sl_run *r, const char *dir);

#ifdef __cplusplus
}
#endif
#endif /* STORYLINE_H */
