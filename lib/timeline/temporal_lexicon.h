/*
 * temporal_lexicon.h — the words the temporal scanner knows (private to
 * temporal.c, which includes it once).
 *
 * Invariant: `lexicon` is sorted by strcmp on `word`, and its hash index
 * temporal_lexicon_slots.h is up to date: after editing the table, run
 * `python3 scripts/gen_lexicon_slots.py`.  sl_timex_lexicon_check()
 * verifies both and the unit tests call it.  Words
 * are lower case ASCII.  A word has one class and may also carry a tense
 * hint ("last" is a keyword and a past marker).
 */
#ifndef SL_TEMPORAL_LEXICON_H
#define SL_TEMPORAL_LEXICON_H

#include <stdint.h>

/* token classes */
enum {
    C_OTHER = 0,   /* anything else */
    C_WORD,        /* a known word with only a tense hint */
    C_MONTH,       /* val 1..12 */
    C_WEEKDAY,     /* val 0 (Monday) .. 6 */
    C_NUM,         /* plain digits, val (F_RANGE: "12-14", val 12) */
    C_ORD,         /* "12th", val 12 */
    C_NUMWORD,     /* "two", val 2; "a"/"an" val 1 */
    C_ISO,         /* "2023-06-12", val = day number */
    C_SLASH,       /* "25/04/2009" resolved unambiguously, val = day number */
    C_MIDMONTH,    /* "mid-June", "end-June", val month */
    C_MIDYEAR,     /* "mid-2009", val year */
    C_KEY,         /* a keyword: see key */
    C_ABBR,        /* an abbreviation whose '.' does not end a sentence */
    C_PUNCT,       /* val = the character */
};

/* keywords */
enum {
    K_NONE = 0, K_TODAY, K_TONIGHT, K_YESTERDAY, K_TOMORROW, K_MINUTE, K_HOUR, K_DAY, K_WEEK,
    K_MONTH, K_DECADE, K_COUPLE,
    K_YEAR, K_WEEKEND, K_AGO, K_LAST, K_NEXT, K_THIS, K_EARLIER, K_LATER, K_EARLY,
    K_LATE, K_MID, K_THE, K_OF, K_ON, K_IN, K_FROM, K_NOW, K_DAYPART, K_END, K_BEGIN,
    K_BEFORE, K_AFTER, K_PAST, K_PREP, K_CONJ, K_BE, K_CLAUSE, K_SET, K_HAVE, K_EXPECT, K_A,
};

/* tense hints */
enum {
    T_NONE = 0,
    T_PAST,         /* was, were, had, took */
    T_PAST_WEAK,    /* -ed words, has, have */
    T_REPORT,       /* said, told: weak, but strong right next to the date */
    T_FUTURE,       /* will, shall, expected, scheduled */
    T_FUTURE_WEAK,  /* should, might */
    T_MODAL,        /* would, could: no tense (future in the past, conditionals) */
    T_PRESENT,      /* is, are, says: weak; no tense (the closest date) */
};

/* flags */
enum {
    F_ABBR = 1,     /* month abbreviation: needs a day or year after it */
    F_AMBIG = 2,    /* "May", "March": also a common word */
    F_CAP = 4,      /* capitalised in the text */
    F_RANGE = 8,    /* a number range "12-14" */
    F_NL = 16,      /* a line break precedes the token */
    F_POSS = 32,    /* possessive "'s" was stripped */
    F_ED = 64,      /* a lower-case word ending in -ed: maybe a past form */
    F_ANNIV = 128,  /* "anniversary", "centenary" ... (anniversary_words) */
};

/* The longest word in the table (longer words are not looked up). */
#define LEXICON_MAX_LEN 10

typedef struct lex_entry {
    const char *word;
    uint8_t cls, key, tense;
    int8_t val;
    uint8_t flags;
} lex_entry;

static const lex_entry lexicon[] = {
    {"a", C_NUMWORD, K_A, T_NONE, 1, 0},
    {"added", C_WORD, K_NONE, T_REPORT, 0, 0},
    {"after", C_KEY, K_AFTER, T_NONE, 0, 0},
    {"afternoon", C_KEY, K_DAYPART, T_NONE, 0, 0},
    {"ago", C_KEY, K_AGO, T_PAST, 0, 0},
    {"although", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"am", C_WORD, K_BE, T_PRESENT, 0, 0},
    {"an", C_NUMWORD, K_A, T_NONE, 1, 0},
    {"and", C_KEY, K_CONJ, T_NONE, 0, 0},
    {"apr", C_MONTH, K_NONE, T_NONE, 4, F_ABBR},
    {"april", C_MONTH, K_NONE, T_NONE, 4, 0},
    {"are", C_WORD, K_BE, T_PRESENT, 0, 0},
    {"arose", C_WORD, K_NONE, T_PAST, 0, 0},
    {"ate", C_WORD, K_NONE, T_PAST, 0, 0},
    {"aug", C_MONTH, K_NONE, T_NONE, 8, F_ABBR},
    {"august", C_MONTH, K_NONE, T_NONE, 8, 0},
    {"be", C_WORD, K_BE, T_NONE, 0, 0},
    {"became", C_WORD, K_NONE, T_PAST, 0, 0},
    {"because", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"been", C_WORD, K_BE, T_NONE, 0, 0},
    {"before", C_KEY, K_BEFORE, T_NONE, 0, 0},
    {"began", C_WORD, K_NONE, T_PAST, 0, 0},
    {"beginning", C_KEY, K_BEGIN, T_NONE, 0, 0},
    {"being", C_WORD, K_BE, T_NONE, 0, 0},
    {"between", C_KEY, K_PREP, T_NONE, 0, 0},
    {"blew", C_WORD, K_NONE, T_PAST, 0, 0},
    {"bought", C_WORD, K_NONE, T_PAST, 0, 0},
    {"broke", C_WORD, K_NONE, T_PAST, 0, 0},
    {"brought", C_WORD, K_NONE, T_PAST, 0, 0},
    {"built", C_WORD, K_NONE, T_PAST, 0, 0},
    {"but", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"by", C_KEY, K_PREP, T_NONE, 0, 0},
    {"came", C_WORD, K_NONE, T_PAST, 0, 0},
    {"capt", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"caught", C_WORD, K_NONE, T_PAST, 0, 0},
    {"chose", C_WORD, K_NONE, T_PAST, 0, 0},
    {"co", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"col", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"coming", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"corp", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"could", C_WORD, K_NONE, T_MODAL, 0, 0},
    {"couple", C_KEY, K_COUPLE, T_NONE, 0, 0},
    {"day", C_KEY, K_DAY, T_NONE, 0, 0},
    {"days", C_KEY, K_DAY, T_NONE, 0, 0},
    {"dealt", C_WORD, K_NONE, T_PAST, 0, 0},
    {"dec", C_MONTH, K_NONE, T_NONE, 12, F_ABBR},
    {"decade", C_KEY, K_DECADE, T_NONE, 0, 0},
    {"decades", C_KEY, K_DECADE, T_NONE, 0, 0},
    {"december", C_MONTH, K_NONE, T_NONE, 12, 0},
    {"did", C_WORD, K_NONE, T_PAST, 0, 0},
    {"died", C_WORD, K_NONE, T_PAST, 0, 0},
    {"dr", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"drank", C_WORD, K_NONE, T_PAST, 0, 0},
    {"drove", C_WORD, K_NONE, T_PAST, 0, 0},
    {"due", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"dug", C_WORD, K_NONE, T_PAST, 0, 0},
    {"during", C_KEY, K_PREP, T_NONE, 0, 0},
    {"earlier", C_KEY, K_EARLIER, T_PAST_WEAK, 0, 0},
    {"early", C_KEY, K_EARLY, T_NONE, 0, 0},
    {"eight", C_NUMWORD, K_NONE, T_NONE, 8, 0},
    {"eighteen", C_NUMWORD, K_NONE, T_NONE, 18, 0},
    {"eleven", C_NUMWORD, K_NONE, T_NONE, 11, 0},
    {"end", C_KEY, K_END, T_NONE, 0, 0},
    {"evening", C_KEY, K_DAYPART, T_NONE, 0, 0},
    {"expected", C_WORD, K_EXPECT, T_FUTURE, 0, 0},
    {"feb", C_MONTH, K_NONE, T_NONE, 2, F_ABBR},
    {"february", C_MONTH, K_NONE, T_NONE, 2, 0},
    {"fell", C_WORD, K_NONE, T_PAST, 0, 0},
    {"felt", C_WORD, K_NONE, T_PAST, 0, 0},
    {"fifteen", C_NUMWORD, K_NONE, T_NONE, 15, 0},
    {"five", C_NUMWORD, K_NONE, T_NONE, 5, 0},
    {"fled", C_WORD, K_NONE, T_PAST, 0, 0},
    {"flew", C_WORD, K_NONE, T_PAST, 0, 0},
    {"forgave", C_WORD, K_NONE, T_PAST, 0, 0},
    {"forgot", C_WORD, K_NONE, T_PAST, 0, 0},
    {"fought", C_WORD, K_NONE, T_PAST, 0, 0},
    {"found", C_WORD, K_NONE, T_PAST, 0, 0},
    {"four", C_NUMWORD, K_NONE, T_NONE, 4, 0},
    {"fourteen", C_NUMWORD, K_NONE, T_NONE, 14, 0},
    {"friday", C_WEEKDAY, K_NONE, T_NONE, 4, 0},
    {"from", C_KEY, K_FROM, T_NONE, 0, 0},
    {"gave", C_WORD, K_NONE, T_PAST, 0, 0},
    {"gen", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"going", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"got", C_WORD, K_NONE, T_PAST, 0, 0},
    {"gov", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"grew", C_WORD, K_NONE, T_PAST, 0, 0},
    {"had", C_WORD, K_NONE, T_PAST, 0, 0},
    {"has", C_WORD, K_HAVE, T_PAST_WEAK, 0, 0},
    {"have", C_WORD, K_HAVE, T_PAST_WEAK, 0, 0},
    {"heard", C_WORD, K_NONE, T_PAST, 0, 0},
    {"held", C_WORD, K_NONE, T_PAST, 0, 0},
    {"hid", C_WORD, K_NONE, T_PAST, 0, 0},
    {"hour", C_KEY, K_HOUR, T_NONE, 0, 0},
    {"hours", C_KEY, K_HOUR, T_NONE, 0, 0},
    {"hr", C_KEY, K_HOUR, T_NONE, 0, 0},
    {"hrs", C_KEY, K_HOUR, T_NONE, 0, 0},
    {"hung", C_WORD, K_NONE, T_PAST, 0, 0},
    {"in", C_KEY, K_IN, T_NONE, 0, 0},
    {"inc", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"intend", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"intends", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"is", C_WORD, K_BE, T_PRESENT, 0, 0},
    {"jan", C_MONTH, K_NONE, T_NONE, 1, F_ABBR},
    {"january", C_MONTH, K_NONE, T_NONE, 1, 0},
    {"jr", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"jul", C_MONTH, K_NONE, T_NONE, 7, F_ABBR},
    {"july", C_MONTH, K_NONE, T_NONE, 7, 0},
    {"jun", C_MONTH, K_NONE, T_NONE, 6, F_ABBR},
    {"june", C_MONTH, K_NONE, T_NONE, 6, 0},
    {"kept", C_WORD, K_NONE, T_PAST, 0, 0},
    {"knew", C_WORD, K_NONE, T_PAST, 0, 0},
    {"last", C_KEY, K_LAST, T_PAST, 0, 0},
    {"late", C_KEY, K_LATE, T_NONE, 0, 0},
    {"later", C_KEY, K_LATER, T_NONE, 0, 0},
    {"lcb", C_PUNCT, K_NONE, T_NONE, '(', 0},
    {"led", C_WORD, K_NONE, T_PAST, 0, 0},
    {"left", C_WORD, K_NONE, T_PAST, 0, 0},
    {"lent", C_WORD, K_NONE, T_PAST, 0, 0},
    {"ll", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"lost", C_WORD, K_NONE, T_PAST, 0, 0},
    {"lrb", C_PUNCT, K_NONE, T_NONE, '(', 0},
    {"lsb", C_PUNCT, K_NONE, T_NONE, '(', 0},
    {"lt", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"ltd", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"made", C_WORD, K_NONE, T_PAST, 0, 0},
    {"mar", C_MONTH, K_NONE, T_NONE, 3, F_ABBR},
    {"march", C_MONTH, K_NONE, T_NONE, 3, F_AMBIG},
    {"may", C_MONTH, K_NONE, T_NONE, 5, F_AMBIG},
    {"meant", C_WORD, K_NONE, T_PAST, 0, 0},
    {"messrs", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"met", C_WORD, K_NONE, T_PAST, 0, 0},
    {"mid", C_KEY, K_MID, T_NONE, 0, 0},
    {"middle", C_KEY, K_BEGIN, T_NONE, 0, 0},
    {"might", C_WORD, K_NONE, T_FUTURE_WEAK, 0, 0},
    {"min", C_KEY, K_MINUTE, T_NONE, 0, 0},
    {"mins", C_KEY, K_MINUTE, T_NONE, 0, 0},
    {"minute", C_KEY, K_MINUTE, T_NONE, 0, 0},
    {"minutes", C_KEY, K_MINUTE, T_NONE, 0, 0},
    {"monday", C_WEEKDAY, K_NONE, T_NONE, 0, 0},
    {"month", C_KEY, K_MONTH, T_NONE, 0, 0},
    {"months", C_KEY, K_MONTH, T_NONE, 0, 0},
    {"morning", C_KEY, K_DAYPART, T_NONE, 0, 0},
    {"mr", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"mrs", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"ms", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"next", C_KEY, K_NEXT, T_FUTURE, 0, 0},
    {"night", C_KEY, K_DAYPART, T_NONE, 0, 0},
    {"nine", C_NUMWORD, K_NONE, T_NONE, 9, 0},
    {"nineteen", C_NUMWORD, K_NONE, T_NONE, 19, 0},
    {"no", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"nov", C_MONTH, K_NONE, T_NONE, 11, F_ABBR},
    {"november", C_MONTH, K_NONE, T_NONE, 11, 0},
    {"now", C_KEY, K_NOW, T_NONE, 0, 0},
    {"oct", C_MONTH, K_NONE, T_NONE, 10, F_ABBR},
    {"october", C_MONTH, K_NONE, T_NONE, 10, 0},
    {"of", C_KEY, K_OF, T_NONE, 0, 0},
    {"on", C_KEY, K_ON, T_NONE, 0, 0},
    {"one", C_NUMWORD, K_NONE, T_NONE, 1, 0},
    {"or", C_KEY, K_CONJ, T_NONE, 0, 0},
    {"overtook", C_WORD, K_NONE, T_PAST, 0, 0},
    {"paid", C_WORD, K_NONE, T_PAST, 0, 0},
    {"past", C_KEY, K_PAST, T_NONE, 0, 0},
    {"plan", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"planning", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"plans", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"previously", C_WORD, K_NONE, T_PAST, 0, 0},
    {"prof", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"ran", C_WORD, K_NONE, T_PAST, 0, 0},
    {"rang", C_WORD, K_NONE, T_PAST, 0, 0},
    {"rcb", C_PUNCT, K_NONE, T_NONE, ')', 0},
    {"rep", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"rev", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"rose", C_WORD, K_NONE, T_PAST, 0, 0},
    {"rrb", C_PUNCT, K_NONE, T_NONE, ')', 0},
    {"rsb", C_PUNCT, K_NONE, T_NONE, ')', 0},
    {"said", C_WORD, K_NONE, T_REPORT, 0, 0},
    {"sang", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sank", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sat", C_WORD, K_NONE, T_PAST, 0, 0},
    {"saturday", C_WEEKDAY, K_NONE, T_NONE, 5, 0},
    {"saw", C_WORD, K_NONE, T_PAST, 0, 0},
    {"says", C_WORD, K_NONE, T_PRESENT, 0, 0},
    {"scheduled", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"sen", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"sent", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sep", C_MONTH, K_NONE, T_NONE, 9, F_ABBR},
    {"sept", C_MONTH, K_NONE, T_NONE, 9, F_ABBR},
    {"september", C_MONTH, K_NONE, T_NONE, 9, 0},
    {"set", C_WORD, K_SET, T_NONE, 0, 0},
    {"seven", C_NUMWORD, K_NONE, T_NONE, 7, 0},
    {"seventeen", C_NUMWORD, K_NONE, T_NONE, 17, 0},
    {"sgt", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"shall", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"shook", C_WORD, K_NONE, T_PAST, 0, 0},
    {"shot", C_WORD, K_NONE, T_PAST, 0, 0},
    {"should", C_WORD, K_NONE, T_FUTURE_WEAK, 0, 0},
    {"since", C_KEY, K_PREP, T_NONE, 0, 0},
    {"six", C_NUMWORD, K_NONE, T_NONE, 6, 0},
    {"sixteen", C_NUMWORD, K_NONE, T_NONE, 16, 0},
    {"slated", C_WORD, K_SET, T_NONE, 0, 0},
    {"slept", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sold", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sought", C_WORD, K_NONE, T_PAST, 0, 0},
    {"spent", C_WORD, K_NONE, T_PAST, 0, 0},
    {"spoke", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sprang", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sr", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"st", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"start", C_KEY, K_BEGIN, T_NONE, 0, 0},
    {"stated", C_WORD, K_NONE, T_REPORT, 0, 0},
    {"stole", C_WORD, K_NONE, T_PAST, 0, 0},
    {"stood", C_WORD, K_NONE, T_PAST, 0, 0},
    {"struck", C_WORD, K_NONE, T_PAST, 0, 0},
    {"sunday", C_WEEKDAY, K_NONE, T_NONE, 6, 0},
    {"swam", C_WORD, K_NONE, T_PAST, 0, 0},
    {"swept", C_WORD, K_NONE, T_PAST, 0, 0},
    {"swore", C_WORD, K_NONE, T_PAST, 0, 0},
    {"taught", C_WORD, K_NONE, T_PAST, 0, 0},
    {"ten", C_NUMWORD, K_NONE, T_NONE, 10, 0},
    {"that", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"the", C_KEY, K_THE, T_NONE, 0, 0},
    {"thirteen", C_NUMWORD, K_NONE, T_NONE, 13, 0},
    {"thirty", C_NUMWORD, K_NONE, T_NONE, 30, 0},
    {"this", C_KEY, K_THIS, T_NONE, 0, 0},
    {"though", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"thought", C_WORD, K_NONE, T_PAST, 0, 0},
    {"three", C_NUMWORD, K_NONE, T_NONE, 3, 0},
    {"threw", C_WORD, K_NONE, T_PAST, 0, 0},
    {"through", C_KEY, K_PREP, T_NONE, 0, 0},
    {"throughout", C_KEY, K_PREP, T_NONE, 0, 0},
    {"thursday", C_WEEKDAY, K_NONE, T_NONE, 3, 0},
    {"til", C_KEY, K_PREP, T_NONE, 0, 0},
    {"till", C_KEY, K_PREP, T_NONE, 0, 0},
    {"to", C_KEY, K_CONJ, T_NONE, 0, 0},
    {"today", C_KEY, K_TODAY, T_NONE, 0, 0},
    {"told", C_WORD, K_NONE, T_REPORT, 0, 0},
    {"tomorrow", C_KEY, K_TOMORROW, T_FUTURE, 0, 0},
    {"tonight", C_KEY, K_TONIGHT, T_NONE, 0, 0},
    {"took", C_WORD, K_NONE, T_PAST, 0, 0},
    {"tore", C_WORD, K_NONE, T_PAST, 0, 0},
    {"tuesday", C_WEEKDAY, K_NONE, T_NONE, 1, 0},
    {"twelve", C_NUMWORD, K_NONE, T_NONE, 12, 0},
    {"twenty", C_NUMWORD, K_NONE, T_NONE, 20, 0},
    {"two", C_NUMWORD, K_NONE, T_NONE, 2, 0},
    {"understood", C_WORD, K_NONE, T_PAST, 0, 0},
    {"until", C_KEY, K_PREP, T_NONE, 0, 0},
    {"upcoming", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"vs", C_ABBR, K_NONE, T_NONE, 0, 0},
    {"was", C_WORD, K_NONE, T_PAST, 0, 0},
    {"wednesday", C_WEEKDAY, K_NONE, T_NONE, 2, 0},
    {"week", C_KEY, K_WEEK, T_NONE, 0, 0},
    {"weekend", C_KEY, K_WEEKEND, T_NONE, 0, 0},
    {"weeks", C_KEY, K_WEEK, T_NONE, 0, 0},
    {"went", C_WORD, K_NONE, T_PAST, 0, 0},
    {"were", C_WORD, K_NONE, T_PAST, 0, 0},
    {"whereas", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"which", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"while", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"who", C_WORD, K_CLAUSE, T_NONE, 0, 0},
    {"will", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"withdrew", C_WORD, K_NONE, T_PAST, 0, 0},
    {"wo", C_WORD, K_NONE, T_FUTURE, 0, 0},
    {"woke", C_WORD, K_NONE, T_PAST, 0, 0},
    {"won", C_WORD, K_NONE, T_PAST, 0, 0},
    {"wore", C_WORD, K_NONE, T_PAST, 0, 0},
    {"would", C_WORD, K_NONE, T_MODAL, 0, 0},
    {"wrote", C_WORD, K_NONE, T_PAST, 0, 0},
    {"year", C_KEY, K_YEAR, T_NONE, 0, 0},
    {"years", C_KEY, K_YEAR, T_NONE, 0, 0},
    {"yesterday", C_KEY, K_YESTERDAY, T_PAST, 0, 0},
};

#endif
