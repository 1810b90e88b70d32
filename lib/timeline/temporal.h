/*
 * temporal.h — internals of the temporal expression scanner shared with its
 * tests and dev tools (not public API).
 *
 * sl_timex_scan is sl_timex_find plus, per result, the rule that produced it
 * (for per-rule counts when measuring precision on real data).
 */
#ifndef SL_TEMPORAL_H
#define SL_TEMPORAL_H

#include "storyline.h"

/* The rules, in the order of sl_timex_rule_names. */
typedef enum sl_timex_rule {
    SL_TR_ISO = 0,          /* 2023-06-12 */
    SL_TR_SLASH,            /* 25/04/2009 (unambiguous only) */
    SL_TR_MONTH_DAY_YEAR,   /* June 12, 2023 */
    SL_TR_DAY_MONTH_YEAR,   /* 12 June 2023, the 12th of June 2023 */
    SL_TR_MONTH_DAY,        /* June 12, Jun. 12 (year from tense) */
    SL_TR_DAY_MONTH,        /* 12 June, the 12th of June */
    SL_TR_MONTH_YEAR,       /* September 2023, mid-June 2009 */
    SL_TR_MONTH,            /* in June, early September, last June */
    SL_TR_YEAR,             /* in 2022, mid-2009, the end of 2009 */
    SL_TR_TODAY,            /* today, tonight, this morning */
    SL_TR_YESTERDAY,        /* yesterday, last night, the day before yesterday */
    SL_TR_TOMORROW,         /* tomorrow, the day after tomorrow */
    SL_TR_WEEKDAY,          /* on Monday, last Monday, next Friday */
    SL_TR_WEEK,             /* last week, this week, earlier this week */
    SL_TR_WEEKEND,          /* last weekend, this weekend */
    SL_TR_REL_MONTH,        /* last month, earlier this month */
    SL_TR_REL_YEAR,         /* last year, earlier this year */
    SL_TR_AGO,              /* three days ago, a week ago */
    SL_TR_IN_N,             /* in two weeks (future), three days from now */
    SL_TR_HOLIDAY,          /* Christmas Day, Good Friday, Thanksgiving 2009 */
    SL_TR_ANAPHORIC,        /* two days later, the next day (after a dated one) */
    SL_TR_ANNIVERSARY,      /* the 78th anniversary of Korea's liberation, D-Day's 80th anniversary */
    SL_TR_COUNT
} sl_timex_rule;

extern const char *const sl_timex_rule_names[SL_TR_COUNT];

/* sl_timex_find, also storing each result's rule in rules[] (if not NULL;
 * same capacity as out). */
size_t sl_timex_scan(const char *text, size_t len, int32_t pub_day, sl_timex *out,
                     uint8_t *rules, size_t cap);

/* ---- scanning tokens the caller has already cut ---------------------------
 * The timeline tokenises each article once for its own needs; these let the
 * scanner use those tokens, and a cache of word classes by word id, instead
 * of tokenising and classifying again.  Results are those of sl_timex_scan. */

/* What the scanner knows of a token (its class in the lexicon, value,
 * flags; see temporal_lexicon.h). */
typedef struct tl_tinfo {
    uint8_t cls, key, tense, flags;
    int32_t val;
} tl_tinfo;

/* An entry of a cache by folded word form: the class the scanner found
 * (cls TL_TINFO_UNKNOWN: not yet) and a field for the caller (the timeline
 * keeps the word's term there: one cache line per word for both). */
typedef struct tl_word_entry {
    tl_tinfo tinfo;
    int32_t user;
} tl_word_entry;

#define TL_TINFO_UNKNOWN 0xFF

/* Classifies tok[0..nt) (sl_tokenize of text[0..len)) into info[0..nt).
 * ent (may be NULL): per token, the cache entry of its folded form, or
 * NULL; entry->tinfo then remembers the class of ASCII tokens of that folded
 * form (ASCII tokens of one folded form differ only by their capital, which
 * is applied per token).  Entries start with tinfo.cls TL_TINFO_UNKNOWN.
 * A token whose pad is TL_TOKEN_ASCII is taken as ASCII without a look. */
#define TL_TOKEN_ASCII 1     /* in sl_token.pad: the caller knows the token is ASCII */
void tl_timex_classify_tokens(const char *text, size_t len, const sl_token *tok, size_t nt,
                              tl_word_entry *const *ent, tl_tinfo *info);

/* sl_timex_find(text, len, pub_day, out, cap) given tok[0..nt) =
 * sl_tokenize(text, len) and their classes (tl_timex_classify_tokens).
 * The tokens are scanned where they are: info gets line-break flags (the
 * same on every call). */
size_t tl_timex_scan_tokens(const char *text, size_t len, int32_t pub_day, const sl_token *tok,
                            tl_tinfo *info, size_t nt, sl_timex *out, size_t cap);

/* 1 if the lexicon table is sorted and well formed (for the unit tests). */
int sl_timex_lexicon_check(void);

#endif
