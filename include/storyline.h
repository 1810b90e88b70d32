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

/* ---- dedup -------------------------------------------------------------- */

/* ---- cluster ------------------------------------------------------------ */

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
                           ("yesterday", "on Monday", bare "June 12") */
    uint8_t pad[2];
} sl_timex;

/**
 * Finds the temporal expressions in text[0..len) and resolves each against
 * pub_day (the publication date), the way HeidelTime's news mode does.
 * Writes at most cap results in text order and returns the total count
 * (call again with more room if it exceeds cap).  Results never overlap;
 * where patterns compete the longest expression wins ("Saturday, 25 April
 * 2009" is one expression).  Thread safe; no allocation.
 *
 * Recognised (English news, also in space-tokenised text "May 12 , 2009"):
 *   - explicit dates: "June 12, 2023", "12 June 2023", "the 12th of June",
 *     "Jun. 12", "Sept. 5", "2023-06-12", "25/04/2009" (only when the order
 *     of day and month is unambiguous), "September 2023", "mid-June",
 *     "early September", "the end of June" (month granularity), "in 2022",
 *     "mid-2009" (year granularity);
 *   - relative: today, tonight, this morning, yesterday, last night, the
 *     day before yesterday, tomorrow; weekdays ("on Monday" → the Monday on
 *     or before publication, or after it in a future-tense sentence; "last
 *     Monday" before, "next Monday" after); last/this/next week|weekend|
 *     month|year, "earlier this year", "N days/weeks/months/years ago",
 *     "in N days" (future-tense sentences only), "N days from now".
 *   - a month or month+day without a year takes its year from the tense of
 *     the sentence: past → the latest occurrence not after publication,
 *     future → the first not before it, no tense → the closest one.
 * Not dates: "May" and "March" as words, "the 1990s", counts ("2,000
 * people", "in 2000 homes"), "Good Friday", "Sunday Times", times of day,
 * ambiguous numeric dates.
 *
 * When pub_day is SL_NO_DATE only absolute expressions (those that name
 * their year, relative == 0) are returned.
 */
size_t sl_timex_find(const char *text, size_t len, int32_t pub_day, sl_timex *out, size_t cap);

/* ---- timeline ----------------------------------------------------------- */

/* ---- run ---------------------------------------------------------------- */

/*
 * The whole pipeline in one pass: clean → dedup → cluster → timeline over a
 * corpus already read, each stage reusing the previous stage's in-memory
 * results, and the report (index.html, articles.jsonl, stories.json,
 * timelines.json) written from them.  Stages that are not built into this
 * library version are replaced by simple stand-ins (see sl_run_stats'
 * `provenance`), so the report is always complete.
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
 * "timeline" or "report"; done/total count that stage's units of work
 * (total 0 when unknown).  Called from the thread that called sl_run_new.
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
    uint64_t bytes;         /* their text bytes */
    size_t copies;          /* articles that are copies of another */
    size_t groups;          /* copy groups (= originals) */
    size_t events, stories;
    size_t timeline_dates;  /* dates over all story timelines */
    uint64_t lines_dropped; /* boilerplate lines removed by clean */
    size_t emptied;         /* articles that were only boilerplate */
    double seconds[5];      /* clean, dedup, cluster, timeline, report */
    const char *provenance[4]; /* per stage (clean, dedup, cluster,
                               timeline): "lib/<stage>" or the stand-in's name */
} sl_run_stats;

/** The results of a run: groups, events, stories, timelines. */
typedef struct sl_run sl_run;

/**
 * Runs the pipeline over every article of c and stores the results in
 * *out.  The corpus must outlive the run and must not change meanwhile.
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
