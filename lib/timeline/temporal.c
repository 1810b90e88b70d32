/*
 * temporal.c — finding temporal expressions in news text and resolving them
 * against the publication date (sl_timex_find), in the manner of
 * HeidelTime's news mode.
 *
 * Algorithm.  The text is cut into chunks of at most CHUNK_BYTES that end at
 * a line break or sentence end, so that all working memory is on the stack
 * (no allocation).  Each chunk is tokenised with sl_tokenize, then every
 * token is classified once (month, weekday, number, ordinal, keyword, tense
 * marker, ...; the words are in temporal_lexicon.h, found through a
 * generated hash index, temporal_lexicon_slots.h).  (tl_timex_scan_tokens
 * takes the text's tokens and classes from the caller instead: the
 * timeline tokenises each article once and caches word classes by folded
 * form; a chunk whose bounds cut a given token is tokenised alone.)  A left-to-right scan
 * then tries every pattern at each token that can start one and keeps the
 * longest match (ties: the first pattern tried); the scan resumes after it,
 * so results are in text order and never overlap.
 *
 * Resolution.  Expressions that name a year are absolute.  The others are
 * resolved against the publication day P:
 *   - today/tonight/this morning = P, yesterday = P-1, tomorrow = P+1;
 *   - a weekday: "last Monday" the Monday before P, "next Monday" after P;
 *     bare or "this Monday": on or after P in a future sentence (also
 *     "would"), the nearest one in a present one ("the hearing is on
 *     Monday"), else on or before P; in a list ("Tuesday and Thursday")
 *     the second follows the first;
 *   - a bare month, month+day or holiday (struct when): past tense → the
 *     latest occurrence not after P plus a slack (30 days; 90 after
 *     until/by/before: deadlines lie ahead), future tense → the first not
 *     before P - 7, no tense → the cheapest distance to P, a future one
 *     costing 3 times more for attributive dates ("the April 20
 *     explosion") and chronologies ("April 30 - ..."); "since June" is
 *     past, datelines ("HOUSTON, April 29 (Reuters)") are not after P, a
 *     date listed after another ("between July 20 and July 27") is placed
 *     near it, and "June 25 last year" names its year;
 *   - named days (holidays[]: holidays, national days, historic events),
 *     matched word by word with their common spellings; a name shared by
 *     several countries goes to the entry whose cue word (a country, its
 *     capital ...) is nearest; a one-off event ("the September 11 attacks")
 *     is a date only as the object of an anniversary;
 *   - anniversaries: "the Nth anniversary of X", "X's Nth anniversary",
 *     "the Nth X anniversary" (also centenary, bicentenary ...): X's day in
 *     X's year + N when X is a named day with a year or a date naming its
 *     year (absolute); otherwise, and without N, X's day or month placed
 *     like a month and day without a year;
 *   - last/this/next week|weekend|month|year, "N units ago", "in N units"
 *     (future sentences only: "the first time in two years" is a
 *     duration), "two days later" from the previous precise date.
 * The tense seen from an expression is that of the nearest tense marker in
 * its clause, else in its sentence (will/shall/expected/scheduled/"is to"
 * → future; was/were/had/did and irregular past forms → past; -ed words,
 * has/have before a participle, said/told and is/are count as weaker,
 * three tokens further away, except said/told right next to the date:
 * "said Tuesday"); a tie goes to the future.
 *
 * Precision guards: a bare month needs a capital and a temporal context
 * ("in June", "early June", "since June", "the June elections"; "and
 * June" only right after another expression); month abbreviations and
 * "May"/"March" need a day or year (or a capital plus context); a bare year
 * needs a preposition ("in 2022") and no count noun after it ("in 2000
 * homes"); mid-sentence "Today" (the BBC programme, USA Today) is not a
 * date; "Sunday Times", "Fox News Sunday", "on a Saturday" are not days;
 * numeric dates like 04/05/2009 are returned only when the order of day and
 * month is unambiguous; decades ("the 1990s") and times of day are ignored.
 *
 * Contract: see sl_timex_find in storyline.h.  Pure function of its input;
 * thread safe (no mutable static state).
 */
#include "../internal.h"
#include "temporal.h"
#include "temporal_lexicon.h"
#include "temporal_lexicon_slots.h"

#include <limits.h>
#include <pthread.h>

#define CHUNK_BYTES 2048
#define TENSE_WINDOW 40     /* tokens looked at on each side for tense */
#define WEAK_PENALTY 3      /* extra distance of weak tense markers */
#define ANAPHORA_WINDOW 60  /* "two days later" looks this many tokens back */

const char *const sl_timex_rule_names[SL_TR_COUNT] = {
    "iso", "slash", "month-day-year", "day-month-year", "month-day", "day-month",
    "month-year", "month", "year", "today", "yesterday", "tomorrow", "weekday", "week",
    "weekend", "rel-month", "rel-year", "ago", "in-n", "holiday", "anaphoric", "anniversary",
};

typedef tl_tinfo tinfo;

typedef struct scan {
    const char *text;       /* the chunk */
    const sl_token *tok;
    const tinfo *info;
    size_t n;
    int32_t pub;            /* publication day or SL_NO_DATE */
    int py, pm, pd, pwd;    /* its civil date and weekday (0 when unknown) */
    size_t last_end;        /* token after the previous expression; 0: none */
    int32_t last_day;       /* its day, SL_NO_DATE if none */
    uint8_t last_gran;      /* its granularity */
    uint8_t last_rule;      /* its rule */
    size_t outer_first;     /* where a modified expression starts ("the end of
                               June"), or SIZE_MAX: the expression itself */
    int hint_weekday;       /* weekday named before an explicit date, or -1 */
    bool has_anniversary;   /* the chunk has "anniversary" (or "centenary" ...) */
} scan;

typedef struct cand {
    size_t first, end;      /* token range; end == 0: no candidate */
    int32_t day;
    uint8_t gran, rel, rule;
} cand;

enum { TENSE_PAST = -1, TENSE_UNKNOWN = 0, TENSE_FUTURE = 1, TENSE_PRESENT = 2 };

/* ---- calendar helpers ------------------------------------------------------ */

static int days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

/* First day of month index mi = year * 12 + (month - 1). */
static int32_t month_index_day(int mi) {
    int y = mi >= 0 ? mi / 12 : -((-mi + 11) / 12);
    return sl_days_from_civil(y, mi - y * 12 + 1, 1);
}

static int32_t week_start(int32_t day) { return day - sl_weekday(day); }

/* ---- lexicon and token classification -------------------------------------- */

/* strcmp, inlined: most comparisons end at the first byte. */
static inline int word_cmp(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

/* The entry of the lower-case word w, or NULL: a hash probe
 * (temporal_lexicon_slots.h, generated from the table). */
static const lex_entry *lex_find(const char *w) {
    uint32_t h = 2166136261u;
    for (const char *p = w; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
    for (uint32_t i = h % LEXICON_SLOTS;; i = (i + 1) % LEXICON_SLOTS) {
        uint16_t e = lexicon_slots[i];
        if (e == 0xFFFF) return NULL;
        if (word_cmp(lexicon[e].word, w) == 0) return &lexicon[e];
    }
}

static int holidays_check(void);

int sl_timex_lexicon_check(void) {
    if (!holidays_check()) return 0;
    if (SL_ARRAY_LEN(lexicon) != LEXICON_WORDS) return 0;  /* run scripts/gen_lexicon_slots.py */
    for (size_t i = 0; i < SL_ARRAY_LEN(lexicon); i++) {
        if (i > 0 && strcmp(lexicon[i - 1].word, lexicon[i].word) >= 0) return 0;
        if (lex_find(lexicon[i].word) != &lexicon[i]) return 0;
        if (strlen(lexicon[i].word) > LEXICON_MAX_LEN) return 0;
    }
    return 1;
}

/* Words ending in -ed that are not past tense verbs (or are usually adjectives). */
static int ed_exception(const char *w) {
    static const char *const not_past[] = {
        "hundred", "indeed", "exceed", "proceed", "succeed", "speed", "breed", "greed",
        "bleed", "creed", "embed", "unprecedented", "alleged", "so-called", "armed",
        "based", "related", "limited", "concerned", "interested", "detailed", "united",
        "advanced", "supposed", "sophisticated", "experienced", "qualified", "skilled",
        "talented", "red", "need", "feed", "seed", "weed", "shed", "bed", "tired",
        "worried", "scared", "infected", "suspected", "confirmed", "affected", "expected",
        "scheduled", "planned", "coordinated", "integrated", "dedicated", "required",
        "naked", "wicked", "sacred", "beloved", "aged", "rugged", "crooked",
    };
    for (size_t i = 0; i < SL_ARRAY_LEN(not_past); i++)
        if (strcmp(w, not_past[i]) == 0) return 1;
    return 0;
}

static int all_digits(const char *s, size_t n) {
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int digits_value(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n && i < 9; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* A number token: plain, ISO date, d/m/y date, or "12-14" range. */
static void classify_number(const char *s, size_t n, tinfo *inf) {
    if (all_digits(s, n)) {
        inf->cls = n <= 9 ? C_NUM : C_OTHER;
        inf->val = digits_value(s, n);
        return;
    }
    /* split on one kind of separator into up to 3 digit groups */
    size_t start[3], glen[3], g = 0, i = 0;
    char sep = 0;
    while (i <= n && g < 3) {
        size_t j = i;
        while (j < n && s[j] >= '0' && s[j] <= '9') j++;
        if (j == i) return;
        start[g] = i;
        glen[g] = j - i;
        g++;
        if (j == n) { i = n + 1; break; }
        if (sep && s[j] != sep) return;
        sep = s[j];
        if (sep != '-' && sep != '/') return;
        i = j + 1;
    }
    if (i <= n) return; /* more than three groups */
    int v[3] = {0, 0, 0};
    for (size_t k = 0; k < g; k++) v[k] = glen[k] <= 4 ? digits_value(s + start[k], glen[k]) : -1;
    if (g == 2 && sep == '-' && glen[0] <= 2 && glen[1] <= 2 && v[0] >= 1 && v[0] <= 31 &&
        v[1] > v[0] && v[1] <= 31) {
        inf->cls = C_NUM;   /* a day range "12-14": the first day */
        inf->val = v[0];
        inf->flags |= F_RANGE;
        return;
    }
    if (g != 3) return;
    int y, m, d;
    if (glen[0] == 4 && glen[1] <= 2 && glen[2] <= 2) {
        y = v[0], m = v[1], d = v[2];                       /* 2023-06-12, 2023/06/12 */
    } else if (sep == '/' && glen[2] == 4 && glen[0] <= 2 && glen[1] <= 2) {
        y = v[2];
        if (v[0] > 12 && v[1] <= 12) d = v[0], m = v[1];    /* 25/04/2009 */
        else if (v[1] > 12 && v[0] <= 12) m = v[0], d = v[1]; /* 04/25/2009 */
        else if (v[0] == v[1]) m = d = v[0];
        else return;                                         /* 04/05/2009: ambiguous */
    } else {
        return;
    }
    if (y < 1000 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return;
    inf->cls = glen[0] == 4 ? C_ISO : C_SLASH;
    inf->val = sl_days_from_civil(y, m, d);
}

/* Words for an anniversary, with the years of a round one. */
static const struct { const char *word; int years; } anniversary_words[] = {
    {"anniversary", 0}, {"centenary", 100}, {"centennial", 100}, {"sesquicentennial", 150},
    {"bicentenary", 200}, {"bicentennial", 200}, {"tercentenary", 300},
    {"tricentennial", 300}, {"quincentenary", 500},
};

static void classify(const char *text, const sl_token *t, tinfo *inf) {
    memset(inf, 0, sizeof *inf);
    if (t->capitalised) inf->flags |= F_CAP;
    const char *s = text + t->start;
    size_t n = t->len;
    if (t->kind == SL_TOK_PUNCT) {
        inf->cls = C_PUNCT;
        inf->val = (unsigned char)s[0];
        return;
    }
    if (t->kind == SL_TOK_NUMBER) {
        classify_number(s, n, inf);
        return;
    }
    if (n > 24) return;
    char w[32];
    size_t m = 0;
    char *dash = NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '-' && !dash) dash = w + m;
        if (c >= 0x80) {
            /* only a final curly possessive "’s" is understood */
            if (n - i == 4 && memcmp(s + i, "\xE2\x80\x99", 3) == 0 && (s[i + 3] | 32) == 's') {
                w[m++] = '\'';
                w[m++] = 's';
                break;
            }
            return;
        }
        w[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[m] = '\0';
    if (m == n && n >= 9 && n <= 16 && t->kind == SL_TOK_WORD)
        for (size_t i = 0; i < SL_ARRAY_LEN(anniversary_words); i++)
            if (strcmp(w, anniversary_words[i].word) == 0) inf->flags |= F_ANNIV;
    if (m > 2 && w[m - 2] == '\'' && w[m - 1] == 's') {
        m -= 2;
        w[m] = '\0';
        inf->flags |= F_POSS;
    }
    if (w[0] >= '0' && w[0] <= '9') {   /* ordinal "12th" */
        size_t k = 0;
        while (k < m && w[k] >= '0' && w[k] <= '9') k++;
        const char *suf = w + k;
        if (k <= 2 && (strcmp(suf, "st") == 0 || strcmp(suf, "nd") == 0 ||
                       strcmp(suf, "rd") == 0 || strcmp(suf, "th") == 0)) {
            inf->cls = C_ORD;
            inf->val = digits_value(w, k);
        }
        return;
    }
    if (dash) {
        /* mid-June, end-June, early-2009, mid-2009 */
        *dash = '\0';
        const char *rest = dash + 1;
        if (strcmp(w, "mid") == 0 || strcmp(w, "end") == 0 || strcmp(w, "early") == 0 ||
            strcmp(w, "late") == 0) {
            const lex_entry *e = lex_find(rest);
            if (e && e->cls == C_MONTH && !(e->flags & F_ABBR)) {
                inf->cls = C_MIDMONTH;
                inf->val = e->val;
            } else if (strlen(rest) == 4 && all_digits(rest, 4)) {
                int y = digits_value(rest, 4);
                if (y >= 1000 && y <= 2199) {
                    inf->cls = C_MIDYEAR;
                    inf->val = y;
                }
            }
        }
        return;
    }
    const lex_entry *e = m <= LEXICON_MAX_LEN ? lex_find(w) : NULL;
    if (e) {
        inf->cls = e->cls;
        inf->key = e->key;
        inf->tense = e->tense;
        inf->val = e->val;
        inf->flags |= e->flags;
        return;
    }
    /* a possible past form; checked against the exceptions only when a
     * tense is needed (token_tense) */
    if (m >= 5 && w[m - 2] == 'e' && w[m - 1] == 'd' && !(inf->flags & F_CAP)) inf->flags |= F_ED;
}

/* ---- token predicates ------------------------------------------------------- */

static inline bool is_key(const scan *s, size_t k, int key) {
    return k < s->n && s->info[k].key == key && s->info[k].cls != C_PUNCT;
}
static inline bool is_cls(const scan *s, size_t k, int cls) {
    return k < s->n && s->info[k].cls == cls;
}
static inline bool is_punct(const scan *s, size_t k, int ch) {
    return k < s->n && s->info[k].cls == C_PUNCT && s->info[k].val == ch;
}
static inline bool is_cap(const scan *s, size_t k) {
    return k < s->n && (s->info[k].flags & F_CAP);
}

/* Case-insensitive: token k is the ASCII word w. */
static bool tok_is(const scan *s, size_t k, const char *w) {
    if (k >= s->n) return false;
    size_t n = s->tok[k].len, i = 0;
    const char *p = s->text + s->tok[k].start;
    for (; w[i]; i++) {     /* no strlen: most words differ at once */
        if (i == n) return false;
        char c = p[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[i]) return false;
    }
    return i == n;
}

static bool tok_in(const scan *s, size_t k, const char *const *words, size_t nwords) {
    for (size_t i = 0; i < nwords; i++)
        if (tok_is(s, k, words[i])) return true;
    return false;
}

/* A day of the month 1..31: "12", "12th", "12-14". */
static int day_at(const scan *s, size_t k) {
    if (k >= s->n) return 0;
    const tinfo *t = &s->info[k];
    if ((t->cls == C_NUM && (s->tok[k].len <= 2 || (t->flags & F_RANGE))) || t->cls == C_ORD)
        return t->val >= 1 && t->val <= 31 ? t->val : 0;
    return 0;
}

/* A four-digit year 1000..2199. */
static int year_at(const scan *s, size_t k) {
    if (k >= s->n || s->info[k].cls != C_NUM || s->tok[k].len != 4) return 0;
    int y = s->info[k].val;
    return y >= 1000 && y <= 2199 ? y : 0;
}

/* A count for "N days ago": a plain number or a number word. */
static int count_at(const scan *s, size_t k) {
    if (k >= s->n) return 0;
    const tinfo *t = &s->info[k];
    if (t->cls == C_NUMWORD) return t->val;
    if (t->cls == C_NUM && !(t->flags & F_RANGE) && s->tok[k].len <= 4) return t->val;
    return 0;
}

/* A sentence boundary lies between tokens k-1 and k. */
static bool boundary_before(const scan *s, size_t k) {
    if (k == 0 || k >= s->n) return true;
    if (s->info[k].flags & F_NL) return true;
    const tinfo *p = &s->info[k - 1];
    if (p->cls != C_PUNCT) return false;
    if (p->val == '!' || p->val == '?' || p->val == ';') return true;
    if (p->val == '.') {
        if (k >= 2) {
            const tinfo *w = &s->info[k - 2];
            if (w->cls == C_ABBR || (w->cls == C_MONTH && (w->flags & F_ABBR))) return false;
        }
        return true;
    }
    return false;
}

/* Token k starts a sentence (possibly after an opening quote or bracket). */
static bool sentence_initial(const scan *s, size_t k) {
    while (k > 0 && !boundary_before(s, k) && s->info[k - 1].cls == C_PUNCT) {
        int c = s->info[k - 1].val;
        if (c == '"' || c == '`' || c == '\'' || c == '(' || c == '-' || c == ':' ||
            c == 0xE2 /* curly quotes, dashes */)
            k--;
        else
            break;
    }
    return boundary_before(s, k);
}

/* A detached possessive "'s" starts at token k ("Tuesday 's quake"). */
static bool detached_s(const scan *s, size_t k) {
    return is_punct(s, k, '\'') && k + 1 < s->n && s->tok[k + 1].len == 1 &&
           (s->text[s->tok[k + 1].start] | 32) == 's';
}

/* Skips a detached possessive ("Year 's", "Veterans '") after token k. */
static size_t skip_possessive(const scan *s, size_t k) {
    if (is_punct(s, k, '\'')) {
        k++;
        if (k < s->n && s->tok[k].len == 1 && (s->text[s->tok[k].start] | 32) == 's') k++;
    }
    return k;
}

/* ---- tense ------------------------------------------------------------------- */

static int token_tense(const scan *s, size_t k) {
    const tinfo *t = &s->info[k];
    int te = t->tense;
    if (t->flags & F_ED) {
        char w[32];
        size_t n = SL_MIN(s->tok[k].len, sizeof w - 1);
        for (size_t i = 0; i < n; i++) {
            char c = s->text[s->tok[k].start + i];
            w[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        w[n] = '\0';
        if (!ed_exception(w)) te = T_PAST_WEAK;
    }
    if (t->key == K_SET)                        /* "set for June 5", "slated to" */
        return tok_is(s, k + 1, "for") || tok_is(s, k + 1, "to") ? T_FUTURE : T_NONE;
    if (te == T_PRESENT && t->key == K_BE && tok_is(s, k + 1, "to"))
        return T_FUTURE;                        /* "Obama is to tour the Gulf" */
    if (t->key == K_EXPECT)                     /* "is expected", "expected to"; not
                                                   "said it expected the purchase" */
        return tok_is(s, k + 1, "to") || (k > 0 && is_key(s, k - 1, K_BE)) ? T_FUTURE : T_PAST_WEAK;
    if (te == T_NONE) return T_NONE;
    static const char *const determiners[] = {
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
        "those", "new", "such", "any", "no",
    };
    if ((te == T_FUTURE || te == T_FUTURE_WEAK) && k > 0 &&
        tok_in(s, k - 1, determiners, SL_ARRAY_LEN(determiners)))
        return T_NONE;                          /* "the will of", "his plans" */
    if (te == T_PAST_WEAK && k > 0 &&
        (s->info[k - 1].tense == T_FUTURE || s->info[k - 1].tense == T_FUTURE_WEAK ||
         s->info[k - 1].tense == T_MODAL))
        return T_NONE;                          /* "should have", "will have" */
    if (k > 0 && (te == T_PAST || te == T_PAST_WEAK || te == T_REPORT) && t->key == K_NONE) {
        size_t b = k - 1;                       /* "is based", "will be held", "is not stopped",
                                                   "be permanently sealed" */
        if (b > 0 && (tok_is(s, b, "not") || tok_is(s, b, "n't") || tok_is(s, b, "never") ||
                      tok_is(s, b, "also") || tok_is(s, b, "already") || tok_is(s, b, "still") ||
                      (s->tok[b].kind == SL_TOK_WORD && s->tok[b].len > 4 &&
                       memcmp(s->text + s->tok[b].start + s->tok[b].len - 2, "ly", 2) == 0)))
            b--;
        if (is_key(s, b, K_BE)) return T_NONE;
    }
    if (t->key == K_HAVE) {                     /* "has left", "has been": past; "has until": not */
        size_t n = k + 1;
        if (tok_is(s, n, "not") || tok_is(s, n, "never") || tok_is(s, n, "already") ||
            tok_is(s, n, "also") || tok_is(s, n, "n't"))
            n++;
        if (n >= s->n || s->tok[n].kind != SL_TOK_WORD) return T_NONE;
        const sl_token *nt = &s->tok[n];
        const char *w = s->text + nt->start;
        bool participle = s->info[n].tense == T_PAST || s->info[n].tense == T_PAST_WEAK ||
                          s->info[n].tense == T_REPORT || is_key(s, n, K_BE) ||
                          (nt->len > 3 && memcmp(w + nt->len - 2, "en", 2) == 0);
        if (!participle) return T_NONE;
    }
    return te;
}

/* A clause boundary lies between tokens k-1 and k: a sentence boundary, a
 * comma, colon, bracket, dash, or before and/but/that/which/while ... */
static bool clause_boundary_before(const scan *s, size_t k) {
    if (boundary_before(s, k)) return true;
    const tinfo *p = &s->info[k - 1];
    if (p->cls == C_PUNCT)
        return p->val == ',' || p->val == ':' || p->val == '(' || p->val == ')' || p->val == '-';
    const tinfo *t = &s->info[k];
    return t->cls != C_PUNCT &&
           (t->key == K_CLAUSE || (t->key == K_CONJ && !tok_is(s, k, "to")));
}

/* The nearest tense marker around [first, end), looking at most
 * TENSE_WINDOW tokens each way and stopping at a sentence boundary, or at
 * a clause boundary when `clause`.  Weak markers count WEAK_PENALTY tokens
 * further away unless they are next to the expression ("said Tuesday",
 * "said on Tuesday" — reporting verbs only).  A tie goes to the future. */
static int nearest_tense(const scan *s, size_t first, size_t end, bool clause) {
    int best = T_NONE, bestd = INT_MAX;
    /* a fronted date ("On Tuesday, the WHO will meet") belongs to the clause
     * after its comma */
    bool fronted = clause && is_punct(s, end, ',') &&
                   (clause_boundary_before(s, first) ||
                    (first >= 1 && s->info[first - 1].cls == C_KEY && clause_boundary_before(s, first - 1)));
    for (int dir = 0; dir < 2; dir++) {
        for (size_t step = 1; step <= TENSE_WINDOW; step++) {
            size_t k;
            if (dir == 0) {
                if (first < step) break;
                k = first - step;
                size_t after = k + 1;   /* boundary between k and k+1 */
                if (clause ? clause_boundary_before(s, after) : boundary_before(s, after)) break;
            } else {
                k = end + step - 1;
                if (k >= s->n) break;
                if (!(fronted && k == end + 1) &&
                    (clause ? clause_boundary_before(s, k) : boundary_before(s, k)))
                    break;
            }
            int te = token_tense(s, k);
            if (te == T_NONE) continue;
            bool weak = te == T_PAST_WEAK || te == T_FUTURE_WEAK || te == T_REPORT || te == T_PRESENT;
            bool adjacent = te == T_REPORT && step <= 2;    /* "said Tuesday" */
            int d = (int)step + (weak && !adjacent ? WEAK_PENALTY : 0);
            bool fut = te == T_FUTURE || te == T_FUTURE_WEAK;
            if (d < bestd || (d == bestd && fut)) best = te, bestd = d;
        }
    }
    return best;
}

/* The tense that governs tokens [first, end): the nearest marker in their
 * clause, else in their sentence. */
static int sentence_marker(const scan *s, size_t first, size_t end) {
    int best = nearest_tense(s, first, end, true);
    if (best == T_NONE) best = nearest_tense(s, first, end, false);
    return best;
}

static int sentence_tense(const scan *s, size_t first, size_t end) {
    int best = sentence_marker(s, first, end);
    if (best == T_PAST || best == T_PAST_WEAK || best == T_REPORT) return TENSE_PAST;
    if (best == T_FUTURE || best == T_FUTURE_WEAK) return TENSE_FUTURE;
    return TENSE_UNKNOWN;
}

/* For a weekday, "would" looks ahead too: "Allen said BP would test the
 * well on Tuesday" is the coming Tuesday. */
static int weekday_tense(const scan *s, size_t first, size_t end) {
    int marker = sentence_marker(s, first, end);
    if (marker == T_MODAL) return TENSE_FUTURE;
    if (marker == T_PRESENT) return TENSE_PRESENT;
    return sentence_tense(s, first, end);
}

/* "ahead of" shortly before token first in its clause ("ahead of Senate
 * hearings Tuesday", "ahead of the November elections"). */
static bool ahead_of_before(const scan *s, size_t first) {
    for (size_t k = first; k >= 2 && first - k < 6 && !clause_boundary_before(s, k); k--)
        if (tok_is(s, k - 1, "of") && tok_is(s, k - 2, "ahead")) return true;
    return false;
}

/* ---- resolution ----------------------------------------------------------------- */

/* How to place a date without a year: the tense (TENSE_*); the day it
 * should be near (the publication day, or the previous date of a list or
 * range: "between July 20 and July 27"); how far after the publication a
 * past-tense date may still fall (tense is often that of a neighbouring
 * verb: "a court set July 8 for arguments", "cancelled until 22 May"); and,
 * with no tense, how much more a day in the future costs than one in the
 * past (news mostly reports what happened). */
typedef struct when {
    int tense;
    int32_t anchor;
    int slack_days, slack_months;
    int future_cost, past_cost;
} when;

static when when_default(const scan *s) {
    when w = {TENSE_UNKNOWN, s->pub, 30, 1, 1, 1};
    return w;
}

/* The context of a date without a year on tokens [first, end) (first
 * includes modifiers: "by the end of August"). */
static when date_context(const scan *s, size_t first, size_t end, bool day_level) {
    when w = when_default(s);
    bool initial = first == 0 || boundary_before(s, first);
    size_t p = first - 1;
    if (!initial) {
        /* a list or range continues the previous date */
        if ((is_punct(s, p, ',') || is_key(s, p, K_CONJ) || is_punct(s, p, '-')) &&
            s->last_end == p && s->last_day != SL_NO_DATE) {
            w.anchor = s->last_day;
            return w;
        }
    }
    /* "since June", "since the April 20 explosion", "since the explosion
     * aboard the rig on 20 April", "in the aftermath of its April 20
     * blowout", "in the wake of": the date is past */
    for (size_t k = first; k > 0 && first - k < 10 && !clause_boundary_before(s, k); k--) {
        if (tok_is(s, k - 1, "since") ||
            (tok_is(s, k - 1, "of") && k >= 2 && (tok_is(s, k - 2, "aftermath") || tok_is(s, k - 2, "wake")))) {
            w.tense = TENSE_PAST;
            w.slack_days = 1, w.slack_months = 0;
            return w;
        }
    }
    if (is_punct(s, end, '(') || (is_punct(s, end, '-') && is_punct(s, end + 1, '('))) {
        w.tense = TENSE_PAST;               /* a dateline: "HOUSTON, April 29 (Reuters)" */
        w.slack_days = 1, w.slack_months = 0;
        return w;
    }
    /* announced as ahead: "ahead of (the) November elections", "the
     * upcoming June 5 vote", "ahead of the current November 30 deadline" */
    size_t q = first;
    bool upcoming = false;
    while (q > 0 && q + 4 > first && !boundary_before(s, q) &&
           (is_key(s, q - 1, K_THE) || tok_is(s, q - 1, "current") || tok_is(s, q - 1, "upcoming") ||
            tok_is(s, q - 1, "coming") || is_key(s, q - 1, K_NEXT))) {
        if (!is_key(s, q - 1, K_THE) && !tok_is(s, q - 1, "current")) upcoming = true;
        q--;
    }
    if (upcoming || ahead_of_before(s, q)) {
        w.tense = TENSE_FUTURE;
        return w;
    }
    /* a date used as a modifier names an event the story already knows:
     * "the April 20 explosion", "April's disaster", "from April 20 drilling-rig
     * explosion", and a chronology "April 30 - ..." */
    const sl_token *nt = end < s->n ? &s->tok[end] : NULL;
    bool noun_after = day_level && nt && nt->kind == SL_TOK_WORD && !nt->stop && !is_cap(s, end) &&
                      s->info[end].cls == C_OTHER && s->info[end].tense == T_NONE &&
                      !(s->info[end].flags & F_ED) &&
                      !(nt->len > 3 && memcmp(s->text + nt->start + nt->len - 2, "ly", 2) == 0);
    if ((!initial && is_key(s, p, K_THE)) || (s->info[end - 1].flags & F_POSS) ||
        detached_s(s, end) || noun_after ||
        ((initial || s->info[p].cls == C_PUNCT) && (is_punct(s, end, '-') || is_punct(s, end, ':')))) {
        w.future_cost = 3;
        return w;
    }
    /* the tense of the date's own clause; a future found only in another
     * clause of the sentence is not trusted ("Congress will pass a law that
     * addresses the explosion on 20 April") */
    int marker = nearest_tense(s, first, end, true);
    if (marker == T_NONE) {
        marker = nearest_tense(s, first, end, false);
        if (marker == T_FUTURE || marker == T_FUTURE_WEAK) marker = T_NONE;
    }
    w.tense = marker == T_PAST || marker == T_PAST_WEAK || marker == T_REPORT ? TENSE_PAST
            : marker == T_FUTURE || marker == T_FUTURE_WEAK ? TENSE_FUTURE : TENSE_UNKNOWN;
    if (!initial && (tok_is(s, p, "until") || tok_is(s, p, "till") || tok_is(s, p, "by") ||
                     tok_is(s, p, "through") || tok_is(s, p, "before"))) {
        /* a deadline may lie ahead, and without a tense it probably does
         * ("may not be capped until Christmas") */
        if (w.tense == TENSE_PAST) w.slack_days = 90, w.slack_months = 3;
        if (w.tense == TENSE_UNKNOWN) w.past_cost = 3;
    }
    return w;
}

/* Year of a bare month m.  mode -1: strictly before the publication month
 * ("last June"), +1: strictly after ("next June"), 0: by the context. */
static int32_t resolve_month(const scan *s, int m, int mode, when w) {
    int pmi = s->py * 12 + s->pm - 1;
    int ay, am, ad;
    sl_civil_from_days(w.anchor, &ay, &am, &ad);
    int ami = ay * 12 + am - 1;
    int best = INT_MIN;
    long best_cost = LONG_MAX;
    for (int y = ay - 1; y <= ay + 1; y++) {
        int mi = y * 12 + m - 1;
        long cost;
        if (mode < 0) cost = mi < pmi ? pmi - mi : LONG_MAX;
        else if (mode > 0) cost = mi > pmi ? mi - pmi : LONG_MAX;
        else if (w.tense == TENSE_PAST) cost = mi <= pmi + w.slack_months ? pmi + w.slack_months - mi : LONG_MAX;
        else if (w.tense == TENSE_FUTURE) cost = mi >= pmi ? mi - pmi : LONG_MAX;
        else cost = mi <= ami ? (long)(ami - mi) * w.past_cost : (long)(mi - ami) * w.future_cost;
        if (cost < best_cost) best_cost = cost, best = mi;
    }
    if (best == INT_MIN) best = pmi; /* cannot happen: some year always fits */
    return month_index_day(best);
}

/* A day that comes back every year: a month and day, or a holiday. */
typedef struct yearly {
    int month, day;         /* when holiday < 0 */
    int holiday;            /* index into holidays[], or -1 */
} yearly;

static int32_t holiday_in(int h, int year);

/* The day of e in a year, SL_NO_DATE if it has none (February 30). */
static int32_t yearly_in(const yearly *e, int y) {
    if (e->holiday >= 0) return holiday_in(e->holiday, y);
    if (e->day > days_in_month(y, e->month)) return SL_NO_DATE;
    return sl_days_from_civil(y, e->month, e->day);
}

/* Year of a month and day (or holiday) without a year: by the weekday named
 * with it if any, else by the context (past: latest not after P + slack,
 * future: first not before P, unknown: cheapest distance to the anchor).
 * SL_NO_DATE if the day does not exist. */
static int32_t resolve_yearly(const scan *s, const yearly *e, when w) {
    int ay, am, ad;
    sl_civil_from_days(w.anchor, &ay, &am, &ad);
    int32_t best = SL_NO_DATE;
    long best_cost = LONG_MAX;
    for (int y = ay - 1; y <= ay + 1; y++) {
        int32_t c = yearly_in(e, y);
        if (c == SL_NO_DATE) continue;
        long cost;
        if (s->hint_weekday >= 0 && sl_weekday(c) == s->hint_weekday) cost = -1000000 + labs((long)c - w.anchor);
        else if (w.tense == TENSE_PAST) cost = c <= s->pub + w.slack_days ? (long)s->pub + w.slack_days - c : LONG_MAX;
        else if (w.tense == TENSE_FUTURE) cost = c >= s->pub - 7 ? (long)c - s->pub + 7 : LONG_MAX;
        else cost = c <= w.anchor ? ((long)w.anchor - c) * w.past_cost : ((long)c - w.anchor) * w.future_cost;
        if (cost < best_cost) best_cost = cost, best = c;
    }
    return best;
}

/* A weekday w: mode -1 "last" (before P), +1 "next" (after P), 0 by tense. */
static int32_t resolve_weekday(const scan *s, int w, int mode, int tense) {
    int back = (s->pwd - w + 7) % 7, fwd = (w - s->pwd + 7) % 7;
    if (mode < 0) return s->pub - (back ? back : 7);
    if (mode > 0) return s->pub + (fwd ? fwd : 7);
    if (tense == TENSE_FUTURE) return s->pub + fwd;     /* news says "Wednesday" for today too */
    if (tense == TENSE_PRESENT && fwd < back) return s->pub + fwd;  /* "the hearing is on Tuesday" */
    return s->pub - back;
}

/* ---- candidates -------------------------------------------------------------- */

static void offer(cand *best, size_t first, size_t end, int32_t day, int gran, int rel, int rule) {
    if (day == SL_NO_DATE && !rel) return;
    if (best->end != 0 && end <= best->end) return;
    best->first = first;
    best->end = end;
    best->day = day;
    best->gran = (uint8_t)gran;
    best->rel = (uint8_t)rel;
    best->rule = (uint8_t)rule;
}

static bool known_pub(const scan *s) { return s->pub != SL_NO_DATE; }

/* A month (e.day == 0) or a yearly day without a year on tokens [i, end):
 * offer it resolved by its context, or with the year that "last year",
 * "this year", "next year" after it names ("in September last year"). */
static void offer_yearly(const scan *s, size_t i, size_t end, yearly e, int rule, cand *best) {
    bool month_only = e.holiday < 0 && e.day == 0;
    int gran = month_only ? SL_GRAN_MONTH : SL_GRAN_DAY;
    size_t k = end;
    if (is_key(s, k, K_OF)) k++;
    int off = is_key(s, k, K_LAST) ? -1 : is_key(s, k, K_THIS) ? 0 : is_key(s, k, K_NEXT) ? 1 : 99;
    bool suffix = off != 99 && is_key(s, k + 1, K_YEAR) && s->tok[k + 1].len == 4;
    if (!known_pub(s)) {
        offer(best, i, suffix ? k + 2 : end, SL_NO_DATE, gran, 1, rule);
        return;
    }
    if (suffix) {
        int y = s->py + off;
        int32_t day = month_only ? sl_days_from_civil(y, e.month, 1) : yearly_in(&e, y);
        if (day != SL_NO_DATE) offer(best, i, k + 2, day, gran, 1, rule);
        return;
    }
    size_t first = s->outer_first != SIZE_MAX ? s->outer_first : i;
    when w = date_context(s, first, end, !month_only);
    int32_t day = month_only ? resolve_month(s, e.month, 0, w) : resolve_yearly(s, &e, w);
    if (day != SL_NO_DATE) offer(best, i, end, day, gran, 1, rule);
}

static void offer_partial(const scan *s, size_t i, size_t end, int m, int d, int rule, cand *best) {
    yearly e = {m, d, -1};
    offer_yearly(s, i, end, e, rule, best);
}

/* "June 12", "June 12, 2023", "Jun. 12", "September 2023", "June of 2023". */
static void match_month_first(const scan *s, size_t i, cand *best) {
    const tinfo *mt = &s->info[i];
    if (mt->cls != C_MONTH) return;
    if ((mt->flags & F_AMBIG) && !(mt->flags & F_CAP)) return;  /* "may", "march" */
    int m = mt->val;
    size_t k = i + 1;
    if ((mt->flags & F_ABBR) && is_punct(s, k, '.')) k++;
    int d = day_at(s, k);
    if (d && !is_punct(s, k + 1, '%')) {
        size_t yk = k + 1;
        if (is_punct(s, yk, ',')) yk++;
        int y = year_at(s, yk);
        if (y && d <= days_in_month(y, m)) {
            offer(best, i, yk + 1, sl_days_from_civil(y, m, d), SL_GRAN_DAY, 0, SL_TR_MONTH_DAY_YEAR);
        } else if (d <= days_in_month(2000, m)) {
            offer_partial(s, i, k + 1, m, d, SL_TR_MONTH_DAY, best);
        }
    }
    size_t yk = k;
    if (is_key(s, yk, K_OF) || is_punct(s, yk, ',')) yk++;
    int y = year_at(s, yk);
    if (y)
        offer(best, i, yk + 1, sl_days_from_civil(y, m, 1), SL_GRAN_MONTH, 0, SL_TR_MONTH_YEAR);
}

/* The context that makes a capitalised month name a date on its own. */
static bool bare_month_context(const scan *s, size_t i) {
    if (i == 0 || boundary_before(s, i)) return false;
    size_t p = i - 1;
    const tinfo *pt = &s->info[p];
    if (pt->cls == C_PUNCT) return pt->val == ',' && s->last_end == p;   /* "in June, July" */
    switch (pt->key) {
    case K_IN: case K_PREP: case K_FROM: case K_OF: case K_EARLY: case K_LATE:
    case K_MID: case K_BEFORE: case K_AFTER:
        break;
    case K_THE: {
        /* "the April explosion", "the June elections"; not "the May
         * government", "the March on Washington" */
        if (pt->cls == C_PUNCT || (s->info[i].flags & F_AMBIG) || i + 1 >= s->n) return false;
        const sl_token *nt = &s->tok[i + 1];
        return nt->kind == SL_TOK_WORD && !is_cap(s, i + 1) && s->info[i + 1].cls == C_OTHER &&
               !nt->stop;
    }
    case K_CONJ:
        if (s->last_end == 0 || p > s->last_end + 1) return false;
        break;
    default:
        return false;
    }
    /* "in June Carter's ...": a capitalised word after a month is a name */
    if (!(s->info[i].flags & F_POSS) && i + 1 < s->n && s->info[i + 1].cls == C_OTHER && is_cap(s, i + 1) &&
        s->tok[i + 1].len > 1 && s->info[i + 1].key == K_NONE)
        return false;
    return true;
}

/* "in June", "since March", "early September" (prefix handled by the caller). */
static void match_bare_month(const scan *s, size_t i, cand *best) {
    const tinfo *mt = &s->info[i];
    if (mt->cls == C_MIDMONTH) {
        int y = year_at(s, i + 1);
        if (y) {
            offer(best, i, i + 2, sl_days_from_civil(y, mt->val, 1), SL_GRAN_MONTH, 0, SL_TR_MONTH_YEAR);
            return;
        }
        offer_partial(s, i, i + 1, mt->val, 0, SL_TR_MONTH, best);
        return;
    }
    if (mt->cls != C_MONTH || (mt->flags & F_ABBR) || !(mt->flags & F_CAP)) return;
    if (!bare_month_context(s, i)) return;
    offer_partial(s, i, i + 1, mt->val, 0, SL_TR_MONTH, best);
}

/* "12 June 2023", "12th June", "the 12th of June, 2023", "5 Jan. 2009". */
static void match_day_first(const scan *s, size_t i, cand *best) {
    size_t k = i;
    bool the = is_key(s, k, K_THE);
    if (the) k++;
    int d = day_at(s, k);
    if (!d) return;
    bool ordinal = s->info[k].cls == C_ORD;
    if (the && !ordinal) return;
    k++;
    bool of = is_key(s, k, K_OF);
    if (of) {
        if (!ordinal) return;
        k++;
    }
    if (!is_cls(s, k, C_MONTH)) return;
    const tinfo *mt = &s->info[k];
    if ((mt->flags & F_AMBIG) && !(mt->flags & F_CAP)) return;
    int m = mt->val;
    size_t mend = k + 1;
    size_t yk = mend;
    if ((mt->flags & F_ABBR) && is_punct(s, yk, '.')) yk++;
    if (is_punct(s, yk, ',')) yk++;
    int y = year_at(s, yk);
    if (y && d <= days_in_month(y, m)) {
        offer(best, i, yk + 1, sl_days_from_civil(y, m, d), SL_GRAN_DAY, 0, SL_TR_DAY_MONTH_YEAR);
        return;
    }
    if (d > days_in_month(2000, m)) return;
    if ((mt->flags & F_ABBR) && is_punct(s, mend, '.') && !boundary_before(s, mend + 1)) mend++;
    offer_partial(s, i, mend, m, d, SL_TR_DAY_MONTH, best);
}

/* "2023-06-12", "25/04/2009". */
static void match_numeric(const scan *s, size_t i, cand *best) {
    const tinfo *t = &s->info[i];
    if (t->cls == C_ISO) offer(best, i, i + 1, t->val, SL_GRAN_DAY, 0, SL_TR_ISO);
    else if (t->cls == C_SLASH) offer(best, i, i + 1, t->val, SL_GRAN_DAY, 0, SL_TR_SLASH);
}

/* "in 2022", "since 2009", "the 2009 election", "(2009)", "mid-2009". */
static void match_year(const scan *s, size_t i, cand *best) {
    if (s->info[i].cls == C_MIDYEAR) {
        offer(best, i, i + 1, sl_days_from_civil(s->info[i].val, 1, 1), SL_GRAN_YEAR, 0, SL_TR_YEAR);
        return;
    }
    int y = year_at(s, i);
    if (y < 1500 || i == 0 || boundary_before(s, i)) return;   /* "after 1100 GMT" */
    size_t p = i - 1;
    bool ok = false;
    switch (s->info[p].key) {
    case K_IN: case K_PREP: case K_FROM: case K_OF: case K_EARLY: case K_LATE: case K_MID:
    case K_BEFORE: case K_AFTER: case K_YEAR:
        ok = s->info[p].cls != C_PUNCT;
        break;
    case K_CONJ:
        ok = s->info[p].cls != C_PUNCT && s->last_end != 0 && p <= s->last_end + 1;
        break;
    case K_THE:
        /* "the 2009 pandemic" but not "the 2000 troops" */
        ok = i + 1 < s->n && s->tok[i + 1].kind == SL_TOK_WORD && !is_cap(s, i + 1) &&
             s->text[s->tok[i + 1].start + s->tok[i + 1].len - 1] != 's';
        break;
    default:
        break;
    }
    if (!ok && is_punct(s, p, '(') && is_punct(s, i + 1, ')')) ok = true;
    if (!ok && is_punct(s, p, ',') && s->last_end == p) ok = true;   /* "in 2001, 2002" */
    if (!ok) return;
    /* not a count: "in 2000 homes", "by 2000 percent", "in 1500 to 2000" */
    if (i + 1 < s->n) {
        const sl_token *nt = &s->tok[i + 1];
        static const char *const not_after_year[] = {
            "percent", "per", "gmt", "bst", "utc", "edt", "est", "cet", "hours", "hrs", "local",
        };
        if (is_punct(s, i + 1, '%') || s->info[i + 1].cls == C_NUM ||
            tok_in(s, i + 1, not_after_year, SL_ARRAY_LEN(not_after_year)))
            return;
        if (nt->kind == SL_TOK_WORD && !is_cap(s, i + 1) && nt->len > 3 && !s->tok[i + 1].stop &&
            s->text[nt->start + nt->len - 1] == 's' && s->info[i + 1].cls == C_OTHER &&
            s->info[i + 1].tense == T_NONE)
            return;
    }
    offer(best, i, i + 1, sl_days_from_civil(y, 1, 1), SL_GRAN_YEAR, 0, SL_TR_YEAR);
}

/* today, tonight, this morning, yesterday, tomorrow, last night, earlier today,
 * the day before yesterday, the day after tomorrow. */
static void match_deictic(const scan *s, size_t i, cand *best) {
    if (!known_pub(s)) return;
    size_t k = i;
    int rule = -1, offset = 0;
    bool earlier = is_key(s, k, K_EARLIER) || is_key(s, k, K_LATER);
    if (earlier) k++;
    if (is_key(s, k, K_TODAY) || is_key(s, k, K_TONIGHT)) {
        rule = SL_TR_TODAY;
    } else if (is_key(s, k, K_YESTERDAY)) {
        rule = SL_TR_YESTERDAY, offset = -1;
    } else if (is_key(s, k, K_TOMORROW)) {
        rule = SL_TR_TOMORROW, offset = 1;
    } else if (!earlier && is_key(s, k, K_THIS) && is_key(s, k + 1, K_DAYPART)) {
        offer(best, i, k + 2, s->pub, SL_GRAN_DAY, 1, SL_TR_TODAY);
        return;
    } else if (!earlier && is_key(s, k, K_LAST) && is_key(s, k + 1, K_DAYPART)) {
        offer(best, i, k + 2, s->pub - 1, SL_GRAN_DAY, 1, SL_TR_YESTERDAY);
        return;
    } else if (!earlier && is_key(s, k, K_THE) && is_key(s, k + 1, K_DAY) &&
               tok_is(s, k + 1, "day")) {
        if (is_key(s, k + 2, K_BEFORE) && is_key(s, k + 3, K_YESTERDAY))
            offer(best, i, k + 4, s->pub - 2, SL_GRAN_DAY, 1, SL_TR_YESTERDAY);
        else if (is_key(s, k + 2, K_AFTER) && is_key(s, k + 3, K_TOMORROW))
            offer(best, i, k + 4, s->pub + 2, SL_GRAN_DAY, 1, SL_TR_TOMORROW);
        return;
    } else {
        return;
    }
    /* "Today" mid-sentence is a title (BBC's Today programme, USA Today) */
    if (is_cap(s, k) && !earlier && !sentence_initial(s, k)) return;
    if (earlier && rule != SL_TR_TODAY) return;
    size_t end = k + 1;
    if (rule != SL_TR_TODAY && is_key(s, end, K_DAYPART)) end++;
    offer(best, i, end, s->pub + offset, SL_GRAN_DAY, 1, rule);
}

/* The weekday's neighbours that make it a name: Good Friday, Sunday Times. */
static bool weekday_is_name(const scan *s, size_t i) {
    static const char *const before[] = {
        "good", "black", "bloody", "super", "cyber", "ash", "palm", "easter", "holy",
        "maundy", "shrove", "fat", "giving", "manic", "blue", "news",
    };
    static const char *const after[] = {
        "times", "telegraph", "mirror", "express", "post", "herald", "mail", "independent",
        "sport", "star", "night", "football", "club", "review", "magazine", "edition",
        "people", "tribune", "service", "school", "league", "sun", "programme", "program",
        "show", "roast", "supplement",
    };
    if (i > 0 && is_cap(s, i - 1) && tok_in(s, i - 1, before, SL_ARRAY_LEN(before))) return true;
    if (is_cap(s, i + 1) && tok_in(s, i + 1, after, SL_ARRAY_LEN(after))) return true;
    return false;
}

static void match_explicit(scan *s, size_t i, cand *best);

/* on Monday, last Monday, next Friday, this Tuesday, Monday morning,
 * Saturday, 25 April 2009 (a weekday before an explicit date). */
static void match_weekday(scan *s, size_t i, cand *best) {
    size_t k = i;
    int mode = 0;
    if (is_key(s, k, K_LAST)) mode = -1, k++;
    else if (is_key(s, k, K_NEXT)) mode = 1, k++;
    else if (is_key(s, k, K_THIS)) k++;
    if (!is_cls(s, k, C_WEEKDAY)) return;
    if (k == i && weekday_is_name(s, k)) return;
    /* "on a Saturday morning", "every Monday": not a particular day */
    if (k == i && i > 0 && (is_key(s, i - 1, K_A) || tok_is(s, i - 1, "every") || tok_is(s, i - 1, "each")))
        return;
    int w = s->info[k].val;
    /* a weekday followed by an explicit date */
    if (k == i) {
        size_t j = k + 1;
        if (is_punct(s, j, ',')) j++;
        cand c = {0, 0, 0, 0, 0, 0};
        int saved = s->hint_weekday;
        s->hint_weekday = w;
        match_explicit(s, j, &c);
        s->hint_weekday = saved;
        if (c.end != 0 && c.first == j)
            offer(best, i, c.end, c.day, c.gran, c.rel, c.rule);
        /* "Friday 26", "Monday 13 to Friday 17 June": the day of the month
         * that falls on that weekday nearest to the publication (within
         * about two months) */
        int d = day_at(s, j);
        bool comma = j > k + 1;                 /* "On Monday, 12 were killed": a count */
        if (comma && !(is_punct(s, j + 1, ',') || is_punct(s, j + 1, '.'))) d = 0;
        if (c.end == 0 && d && known_pub(s) && !(s->info[j].flags & F_RANGE) &&
            !(j + 1 < s->n && s->tok[j + 1].kind == SL_TOK_WORD && !s->tok[j + 1].stop &&
              s->info[j + 1].key != K_CONJ)) {
            int32_t found = SL_NO_DATE;
            for (int mi = s->py * 12 + s->pm - 3; mi <= s->py * 12 + s->pm + 1; mi++) {
                int32_t first = month_index_day(mi);
                int y, m, dd;
                sl_civil_from_days(first, &y, &m, &dd);
                if (d > days_in_month(y, m)) continue;
                int32_t c2 = first + d - 1;
                if (sl_weekday(c2) == w && labs((long)c2 - s->pub) <= 70 &&
                    (found == SL_NO_DATE || labs((long)c2 - s->pub) < labs((long)found - s->pub)))
                    found = c2;
            }
            if (found != SL_NO_DATE) offer(best, i, j + 1, found, SL_GRAN_DAY, 1, SL_TR_WEEKDAY);
        }
    }
    size_t end = k + 1;
    if (is_key(s, end, K_DAYPART)) end++;
    /* "ahead of X on Tuesday": the event is near, on either side of P */
    int tense = mode ? 0 : ahead_of_before(s, i) ? TENSE_PRESENT : weekday_tense(s, i, end);
    if (tense == TENSE_PRESENT && ((s->info[k].flags & F_POSS) || detached_s(s, k + 1)))
        tense = TENSE_UNKNOWN;                  /* "after Tuesday's quake": the last one */
    int32_t day = known_pub(s) ? resolve_weekday(s, w, mode, tense) : SL_NO_DATE;
    /* "on Tuesday and Thursday", "late Tuesday or early Wednesday": the
     * second follows the first */
    size_t c = i > 0 && (is_key(s, i - 1, K_EARLY) || is_key(s, i - 1, K_LATE)) ? i - 1 : i;
    if (known_pub(s) && mode == 0 && k == i && c > 0 && s->last_end == c - 1 &&
        s->last_day != SL_NO_DATE && s->last_gran == SL_GRAN_DAY &&
        (is_key(s, c - 1, K_CONJ) || is_punct(s, c - 1, ',')))
        day = s->last_day + (w - sl_weekday(s->last_day) + 7) % 7;
    offer(best, i, end, day, SL_GRAN_DAY, 1, SL_TR_WEEKDAY);
}

/* The calendar unit of a keyword: K_DAY, K_WEEK, K_MONTH, K_YEAR or 0. */
static int unit_at(const scan *s, size_t k) {
    if (k >= s->n || s->info[k].cls != C_KEY) return 0;
    int key = s->info[k].key;
    return key == K_DAY || key == K_WEEK || key == K_MONTH || key == K_YEAR ? key : 0;
}

/* The unit of a span "N units ago": also minutes, hours and decades. */
static int span_unit_at(const scan *s, size_t k) {
    if (k >= s->n || s->info[k].cls != C_KEY) return 0;
    int key = s->info[k].key;
    return key == K_MINUTE || key == K_HOUR || key == K_DECADE ? key : unit_at(s, k);
}

/* pub moved by n units, with the unit's granularity (minutes and hours
 * give days, decades years). */
static void shift_units(const scan *s, int unit, int n, int32_t *day, int *gran) {
    *gran = unit == K_WEEK ? SL_GRAN_WEEK : unit == K_MONTH ? SL_GRAN_MONTH
          : unit == K_YEAR || unit == K_DECADE ? SL_GRAN_YEAR : SL_GRAN_DAY;
    if (s->pub == SL_NO_DATE) { *day = SL_NO_DATE; return; }
    switch (unit) {
    case K_MINUTE: *day = s->pub + n / 1440; break;
    case K_HOUR: *day = s->pub + n / 24; break;
    case K_DECADE: *day = sl_days_from_civil(s->py + 10 * n, 1, 1); break;
    case K_DAY: *day = s->pub + n; break;
    case K_WEEK: *day = week_start(s->pub) + 7 * n; *gran = SL_GRAN_WEEK; break;
    case K_MONTH: *day = month_index_day(s->py * 12 + s->pm - 1 + n); *gran = SL_GRAN_MONTH; break;
    default: *day = sl_days_from_civil(s->py + n, 1, 1); *gran = SL_GRAN_YEAR; break;
    }
}

static int unit_rule(int unit) {
    return unit == K_WEEK ? SL_TR_WEEK : unit == K_MONTH ? SL_TR_REL_MONTH : SL_TR_REL_YEAR;
}

/* An expression relative to the previous date of the text ("two days
 * later"): offered only when that date is within ANAPHORA_WINDOW tokens and
 * at least as precise as the unit (days need a day, months a month ...). */
static void offer_anaphoric(const scan *s, size_t i, size_t end, int unit, int n, cand *best) {
    if (s->last_end == 0 || s->last_day == SL_NO_DATE || i - s->last_end > ANAPHORA_WINDOW) return;
    int need = unit == K_DAY || unit == K_WEEK ? SL_GRAN_DAY : unit == K_MONTH ? SL_GRAN_MONTH
             : SL_GRAN_YEAR;
    int have = s->last_gran == SL_GRAN_WEEK ? SL_GRAN_MONTH : s->last_gran; /* a week is coarser than a day */
    if (s->last_gran == SL_GRAN_WEEK && need == SL_GRAN_DAY) return;
    if (have > need) return;
    int y, m, d;
    sl_civil_from_days(s->last_day, &y, &m, &d);
    switch (unit) {
    case K_DAY: offer(best, i, end, s->last_day + n, SL_GRAN_DAY, 1, SL_TR_ANAPHORIC); break;
    case K_WEEK: offer(best, i, end, s->last_day + 7 * n, SL_GRAN_DAY, 1, SL_TR_ANAPHORIC); break;
    case K_MONTH:
        offer(best, i, end, month_index_day(y * 12 + m - 1 + n), SL_GRAN_MONTH, 1, SL_TR_ANAPHORIC);
        break;
    case K_DECADE: n *= 10; /* fall through */
    default: offer(best, i, end, sl_days_from_civil(y + n, 1, 1), SL_GRAN_YEAR, 1, SL_TR_ANAPHORIC); break;
    }
}

/* The Saturday of the weekend meant by last (-1) / this (0) / next (+1):
 * "this weekend" is the current one on a weekend, else the coming one,
 * or the one just past in a past-tense sentence early in the week. */
static int32_t resolve_weekend(const scan *s, int mode, int tense) {
    int32_t sat_before = s->pub - (s->pwd - 5 + 7) % 7;   /* Saturday on or before P */
    bool in_weekend = s->pwd >= 5;
    if (mode < 0) return in_weekend ? sat_before - 7 : sat_before;
    if (mode > 0) return sat_before + 7;
    if (in_weekend) return sat_before;
    return tense == TENSE_PAST && s->pwd <= 2 ? sat_before : sat_before + 7;
}

/* A lower-case word ending in -est ("lowest", "highest", "biggest"). */
static bool superlative(const scan *s, size_t k) {
    const sl_token *t = &s->tok[k];
    if (t->kind != SL_TOK_WORD || t->len < 5 || is_cap(s, k)) return false;
    return memcmp(s->text + t->start + t->len - 3, "est", 3) == 0;
}

/* last/this/next week|month|year|weekend, earlier this year, N days ago,
 * in two weeks, three days from now. */
static void match_relative(const scan *s, size_t i, cand *best) {
    size_t k = i;
    if (is_key(s, k, K_EARLIER) || is_key(s, k, K_LATER)) {
        if (!is_key(s, k + 1, K_THIS)) return;
        k++;
    }
    if (is_key(s, k, K_LAST) || is_key(s, k, K_NEXT) || is_key(s, k, K_THIS)) {
        int n = is_key(s, k, K_LAST) ? -1 : is_key(s, k, K_NEXT) ? 1 : 0;
        if (k != i && n != 0) return;
        if (n == 0 && k == i && (is_key(s, k + 1, K_PAST) || is_key(s, k + 1, K_LAST)) &&
            (is_key(s, k + 2, K_WEEKEND) || unit_at(s, k + 2) == K_WEEK)) {
            k++;                                /* "this past weekend", "this last week" */
            n = -1;
        }
        /* "over the last year" is a duration */
        if (k == i && i > 0 && is_key(s, i - 1, K_THE)) return;
        size_t u = k + 1;
        if (k == i && is_cls(s, u, C_MONTH) && is_cap(s, u) && !(s->info[u].flags & F_ABBR)) {
            /* last June, next March, this September */
            int32_t day = SL_NO_DATE;
            if (known_pub(s)) {
                when w = n == 0 ? date_context(s, i, u + 1, false) : when_default(s);
                day = resolve_month(s, s->info[u].val, n, w);
            }
            offer(best, i, u + 1, day, SL_GRAN_MONTH, 1, SL_TR_MONTH);
            return;
        }
        if (is_key(s, u, K_WEEKEND)) {
            int tense = n == 0 ? sentence_tense(s, i, u + 1) : 0;
            int32_t sat = known_pub(s) ? week_start(resolve_weekend(s, n, tense)) : SL_NO_DATE;
            offer(best, i, u + 1, sat, SL_GRAN_WEEK, 1, SL_TR_WEEKEND);
            return;
        }
        int unit = unit_at(s, u);
        if (!unit || unit == K_DAY || s->tok[u].len > (unit == K_MONTH ? 5u : 4u)) return;
        int32_t day;
        int gran;
        shift_units(s, unit, n, &day, &gran);
        offer(best, i, u + 1, day, gran, 1, unit_rule(unit));
        return;
    }
    /* N units ago, a couple of days ago */
    int count = count_at(s, i);
    size_t u = i + 1;
    if (is_key(s, i, K_A) && is_key(s, i + 1, K_COUPLE) && is_key(s, i + 2, K_OF)) count = 2, u = i + 3;
    else if (is_key(s, i, K_COUPLE) && is_key(s, i + 1, K_OF)) count = 2, u = i + 2;
    int unit = span_unit_at(s, u);
    int limit = unit == K_MINUTE ? 1440 : unit == K_HOUR ? 240 : unit == K_DAY ? 3660
              : unit == K_WEEK ? 520 : unit == K_MONTH ? 240 : unit == K_DECADE ? 20 : 200;
    if (count > limit) return;                  /* "2009 years": not a span */
    if (count > 0 && unit && is_key(s, u + 1, K_AGO)) {
        int32_t day;
        int gran;
        shift_units(s, unit, -count, &day, &gran);
        offer(best, i, u + 2, day, gran, 1, SL_TR_AGO);
        return;
    }
    /* "two days later", "a year earlier": from the previous date, when it
     * is near and precise enough */
    if (count > 0 && unit && unit != K_MINUTE && unit != K_HOUR &&
        (is_key(s, u + 1, K_LATER) || is_key(s, u + 1, K_EARLIER)) && !tok_is(s, u + 2, "than")) {
        int sign = is_key(s, u + 1, K_LATER) ? 1 : -1;
        offer_anaphoric(s, i, u + 2, unit, sign * count, best);
        return;
    }
    /* "over the weekend", "at the weekend": by tense, like "this weekend" */
    if (is_key(s, i, K_THE) && is_key(s, i + 1, K_WEEKEND) && i > 0 &&
        (tok_is(s, i - 1, "over") || tok_is(s, i - 1, "at") || tok_is(s, i - 1, "during") ||
         is_key(s, i - 1, K_ON))) {
        /* news reports what happened "over the weekend": past unless said otherwise */
        int tense = sentence_tense(s, i, i + 2);
        int32_t sat = SL_NO_DATE;
        if (known_pub(s)) {
            sat = resolve_weekend(s, 0, tense == TENSE_FUTURE ? TENSE_FUTURE : TENSE_PAST);
            if (tense != TENSE_FUTURE && s->pwd < 5) sat = s->pub - (s->pwd - 5 + 7) % 7;
        }
        sat = sat == SL_NO_DATE ? sat : week_start(sat);
        offer(best, i, i + 2, sat, SL_GRAN_WEEK, 1, SL_TR_WEEKEND);
        return;
    }
    /* "the next day", "the following day", "the previous day" */
    if (is_key(s, i, K_THE) && (is_key(s, i + 1, K_NEXT) || tok_is(s, i + 1, "following") ||
                                tok_is(s, i + 1, "previous")) &&
        is_key(s, i + 2, K_DAY) && tok_is(s, i + 2, "day")) {
        offer_anaphoric(s, i, i + 3, K_DAY, tok_is(s, i + 1, "previous") ? -1 : 1, best);
        return;
    }
    unit = unit_at(s, i + 1);
    /* N units from now */
    if (count > 0 && unit && is_key(s, i + 2, K_FROM) && is_key(s, i + 3, K_NOW) && count <= 200) {
        int32_t day;
        int gran;
        shift_units(s, unit, count, &day, &gran);
        offer(best, i, i + 4, day, gran, 1, SL_TR_IN_N);
        return;
    }
    /* in N units, future sentences only; not "the first time in three
     * months", "the lowest in two years" */
    if (is_key(s, i, K_IN) && !(i > 0 && (tok_is(s, i - 1, "time") || superlative(s, i - 1)))) {
        count = count_at(s, i + 1);
        unit = unit_at(s, i + 2);
        if (count > 0 && count <= 200 && unit && !is_key(s, i + 3, K_OF) &&
            sentence_tense(s, i, i + 3) == TENSE_FUTURE) {
            int32_t day;
            int gran;
            shift_units(s, unit, count, &day, &gran);
            offer(best, i, i + 3, day, gran, 1, SL_TR_IN_N);
        }
    }
}

/* ---- named days: holidays, national days, historic events --------------------- */

enum { H_FIXED, H_EASTER, H_NTH };

/* flags of a named day */
enum {
    N_ALONE = 1,    /* a one-word name that is a date only after a preposition
                       ("at Christmas", not "Christmas shopping") */
    N_EVENT = 2,    /* a one-off historic event ("the September 11 attacks",
                       "Korea's liberation from Japan"): a date only as the
                       object of an anniversary, never by itself */
};

/* A named day.  Its name is a sequence of up to 8 word slots matched
 * case-insensitively against whole tokens, a possessive "'s" dropped
 * ("Korea’s" is "korea"); a slot lists alternatives separated by '|' and is
 * optional when it starts with '?'; the first slot is never optional and
 * its alternatives share their first letter (a fast filter).
 * When it falls: H_FIXED month a, day b; H_EASTER b days after Easter
 * Sunday; H_NTH the c-th (c < 0: last) weekday b (0 = Monday) of month a,
 * plus d days.  `year`: the year of the event it commemorates, from which
 * anniversaries count ("the 78th anniversary of Korea's liberation" is
 * 1945 + 78); 0 when there is none (Christmas).  `cues`: NULL, or
 * space-separated words one of which must occur within CUE_WINDOW tokens
 * for the name to mean this day ("Liberation Day" is 15 August near
 * "Korea", 25 April near "Italy"); among the entries that match the same
 * words, the one with the nearest cue wins, an entry without cues being
 * the default.  The table is data: extend it, do not special-case code. */
typedef struct holiday {
    const char *words[8];
    uint8_t flags, kind;
    int8_t a, b, c, d;
    int16_t year;
    const char *cues;
} holiday;

#define CUE_WINDOW 100
#define ON(m, dd) H_FIXED, (m), (dd), 0, 0
#define EASTER(off) H_EASTER, 0, (off), 0, 0
#define NTH(m, wd, n, plus) H_NTH, (m), (wd), (n), (plus)

#define CUES_KOREA "korea korean koreans pyongyang seoul dprk gwangbokjeol"
#define CUES_RUSSIA "russia russian russians moscow kremlin putin soviet"
#define CUES_CHINA "china chinese beijing prc"
#define CUES_INDIA "india indian indians delhi"
#define CUES_PAKISTAN "pakistan pakistani islamabad"
#define CUES_UKRAINE "ukraine ukrainian ukrainians kyiv kiev zelensky zelenskyy"
#define CUES_ITALY "italy italian italians rome"
#define CUES_DUTCH "netherlands dutch amsterdam"

static const holiday holidays[] = {
    /* holidays without a founding year */
    {{"christmas", "day"}, 0, ON(12, 25), 0, NULL},
    {{"christmas", "eve"}, 0, ON(12, 24), 0, NULL},
    {{"christmas"}, N_ALONE, ON(12, 25), 0, NULL},
    {{"boxing", "day"}, 0, ON(12, 26), 0, NULL},
    {{"new", "year", "day"}, 0, ON(1, 1), 0, NULL},
    {{"new", "year", "eve"}, 0, ON(12, 31), 0, NULL},
    {{"valentine", "day"}, 0, ON(2, 14), 0, NULL},
    {{"halloween"}, N_ALONE, ON(10, 31), 0, NULL},
    {{"st", "patrick", "day"}, 0, ON(3, 17), 0, NULL},
    {{"saint", "patrick", "day"}, 0, ON(3, 17), 0, NULL},
    {{"guy", "fawkes", "night"}, 0, ON(11, 5), 1605, NULL},
    {{"bonfire", "night"}, 0, ON(11, 5), 1605, NULL},
    {{"may", "day"}, 0, ON(5, 1), 0, NULL},
    {{"international", "workers", "day"}, 0, ON(5, 1), 0, NULL},
    {{"easter", "sunday"}, 0, EASTER(0), 0, NULL},
    {{"easter", "day"}, 0, EASTER(0), 0, NULL},
    {{"easter", "monday"}, 0, EASTER(1), 0, NULL},
    {{"easter"}, N_ALONE, EASTER(0), 0, NULL},
    {{"good", "friday"}, 0, EASTER(-2), 0, NULL},
    {{"maundy", "thursday"}, 0, EASTER(-3), 0, NULL},
    {{"palm", "sunday"}, 0, EASTER(-7), 0, NULL},
    {{"ash", "wednesday"}, 0, EASTER(-46), 0, NULL},
    {{"thanksgiving", "day"}, 0, NTH(11, 3, 4, 0), 0, NULL},
    {{"thanksgiving"}, N_ALONE, NTH(11, 3, 4, 0), 0, NULL},
    {{"black", "friday"}, 0, NTH(11, 3, 4, 1), 0, NULL},
    {{"memorial", "day"}, 0, NTH(5, 0, -1, 0), 0, NULL},
    {{"labor", "day"}, 0, NTH(9, 0, 1, 0), 0, NULL},
    {{"martin", "luther", "king", "day"}, 0, NTH(1, 0, 3, 0), 0, NULL},
    /* national days, with the year of what they commemorate */
    {{"bastille", "day"}, 0, ON(7, 14), 1789, NULL},
    {{"remembrance", "day"}, 0, ON(11, 11), 1918, NULL},
    {{"armistice", "day"}, 0, ON(11, 11), 1918, NULL},
    {{"veterans", "day"}, 0, ON(11, 11), 1918, NULL},
    {{"fourth", "of", "july"}, 0, ON(7, 4), 1776, NULL},
    {{"independence", "day"}, 0, ON(7, 4), 1776, NULL},
    {{"independence", "day"}, 0, ON(6, 12), 1990, CUES_RUSSIA},
    {{"independence", "day"}, 0, ON(8, 15), 1947, CUES_INDIA},
    {{"independence", "day"}, 0, ON(8, 14), 1947, CUES_PAKISTAN},
    {{"independence", "day"}, 0, ON(8, 24), 1991, CUES_UKRAINE},
    {{"juneteenth"}, N_ALONE, ON(6, 19), 1865, NULL},
    {{"russia", "day"}, 0, ON(6, 12), 1990, NULL},
    {{"russia", "national", "day"}, 0, ON(6, 12), 1990, NULL},
    {{"national", "day"}, 0, ON(6, 12), 1990, CUES_RUSSIA},
    {{"china", "national", "day"}, 0, ON(10, 1), 1949, NULL},
    {{"national", "day"}, 0, ON(10, 1), 1949, CUES_CHINA},
    {{"victory", "day"}, 0, ON(5, 9), 1945, NULL},
    {{"victory", "day"}, 0, ON(5, 9), 1945, CUES_RUSSIA},
    {{"victory", "day"}, 0, ON(7, 27), 1953, CUES_KOREA},
    {{"ve", "day"}, 0, ON(5, 8), 1945, NULL},
    {{"v-e", "day"}, 0, ON(5, 8), 1945, NULL},
    {{"victory", "in", "europe", "day"}, 0, ON(5, 8), 1945, NULL},
    {{"vj", "day"}, 0, ON(8, 15), 1945, NULL},
    {{"v-j", "day"}, 0, ON(8, 15), 1945, NULL},
    {{"victory", "over", "japan", "day"}, 0, ON(8, 15), 1945, NULL},
    {{"liberation", "day"}, 0, ON(8, 15), 1945, CUES_KOREA},
    {{"liberation", "day"}, 0, ON(4, 25), 1945, CUES_ITALY},
    {{"liberation", "day"}, 0, ON(5, 5), 1945, CUES_DUTCH},
    {{"korea|korean", "?national", "liberation", "day"}, 0, ON(8, 15), 1945, NULL},
    {{"gwangbokjeol"}, 0, ON(8, 15), 1945, NULL},
    {{"day", "of", "the", "sun"}, 0, ON(4, 15), 1912, CUES_KOREA},
    /* historic events: dates only as the object of an anniversary */
    {{"korea|korean", "liberation", "?from", "?japan|japanese", "?colonial", "?rule"}, N_EVENT, ON(8, 15), 1945, NULL},
    {{"liberation", "of", "korea"}, N_EVENT, ON(8, 15), 1945, NULL},
    {{"d-day"}, N_EVENT, ON(6, 6), 1944, NULL},
    {{"d-day", "landings"}, N_EVENT, ON(6, 6), 1944, NULL},
    {{"normandy", "landings|landing"}, N_EVENT, ON(6, 6), 1944, NULL},
    {{"september|sept", "11", "?attacks|attack"}, N_EVENT, ON(9, 11), 2001, NULL},
    {{"9/11", "?attacks|attack"}, N_EVENT, ON(9, 11), 2001, NULL},
    {{"hiroshima", "?atomic|atom|nuclear", "bombing"}, N_EVENT, ON(8, 6), 1945, NULL},
    {{"atomic|atom", "bombing", "of", "hiroshima"}, N_EVENT, ON(8, 6), 1945, NULL},
    {{"nuclear", "bombing", "of", "hiroshima"}, N_EVENT, ON(8, 6), 1945, NULL},
    {{"bombing", "of", "hiroshima"}, N_EVENT, ON(8, 6), 1945, NULL},
    {{"nagasaki", "?atomic|atom|nuclear", "bombing"}, N_EVENT, ON(8, 9), 1945, NULL},
    {{"atomic|atom", "bombing", "of", "nagasaki"}, N_EVENT, ON(8, 9), 1945, NULL},
    {{"nuclear", "bombing", "of", "nagasaki"}, N_EVENT, ON(8, 9), 1945, NULL},
    {{"bombing", "of", "nagasaki"}, N_EVENT, ON(8, 9), 1945, NULL},
    {{"korean", "war", "armistice|ceasefire|truce"}, N_EVENT, ON(7, 27), 1953, NULL},
    {{"armistice", "?that", "of|ended", "the", "korean", "war"}, N_EVENT, ON(7, 27), 1953, NULL},
    {{"ceasefire", "?that", "of|ended", "the", "korean", "war"}, N_EVENT, ON(7, 27), 1953, NULL},
    {{"truce", "?that", "of|ended", "the", "korean", "war"}, N_EVENT, ON(7, 27), 1953, NULL},
    {{"outbreak", "of", "the", "korean", "war"}, N_EVENT, ON(6, 25), 1950, NULL},
    {{"start", "of", "the", "korean", "war"}, N_EVENT, ON(6, 25), 1950, NULL},
    {{"victory", "in", "the", "great", "patriotic", "war"}, N_EVENT, ON(5, 9), 1945, NULL},
    {{"founding|foundation", "of", "the", "dprk"}, N_EVENT, ON(9, 9), 1948, NULL},
    {{"founding|foundation", "of", "the", "workers", "party", "of", "korea"}, N_EVENT, ON(10, 10), 1945, NULL},
    {{"founding|foundation", "of", "the", "people", "republic", "of", "china"}, N_EVENT, ON(10, 1), 1949, NULL},
    {{"fall", "of", "the", "berlin", "wall"}, N_EVENT, ON(11, 9), 1989, NULL},
    {{"german", "reunification"}, N_EVENT, ON(10, 3), 1990, NULL},
    {{"reunification", "of", "germany"}, N_EVENT, ON(10, 3), 1990, NULL},
    {{"apollo", "?11", "moon", "landing"}, N_EVENT, ON(7, 20), 1969, NULL},
    {{"moon", "landing"}, N_EVENT, ON(7, 20), 1969, NULL},
    {{"chernobyl", "disaster|accident"}, N_EVENT, ON(4, 26), 1986, NULL},
    {{"russia|russian", "?full-scale", "invasion", "of", "ukraine"}, N_EVENT, ON(2, 24), 2022, NULL},
    {{"october", "7", "attacks|attack"}, N_EVENT, ON(10, 7), 2023, NULL},
    {{"hurricane", "katrina"}, N_EVENT, ON(8, 29), 2005, NULL},
    {{"haiti|haitian", "independence"}, N_EVENT, ON(1, 1), 1804, NULL},
    {{"universal", "declaration", "of", "human", "rights"}, N_EVENT, ON(12, 10), 1948, NULL},
    {{"launch", "of", "sputnik"}, N_EVENT, ON(10, 4), 1957, NULL},
};

#undef ON
#undef EASTER
#undef NTH

/* The first letters of the names that are dates by themselves (a fast
 * filter for capitalised words; checked by sl_timex_lexicon_check). */
#define LETTER(c) (1u << ((c) - 'a'))
#define HOLIDAY_INITIALS                                                              \
    (LETTER('a') | LETTER('b') | LETTER('c') | LETTER('d') | LETTER('e') | LETTER('f') | \
     LETTER('g') | LETTER('h') | LETTER('i') | LETTER('j') | LETTER('k') | LETTER('l') | \
     LETTER('m') | LETTER('n') | LETTER('p') | LETTER('r') | LETTER('s') | LETTER('t') | \
     LETTER('v'))

/* Easter Sunday of a Gregorian year (the anonymous computus). */
static int32_t easter_sunday(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return sl_days_from_civil(y, month, day);
}

static int32_t holiday_in(int h, int y) {
    const holiday *d = &holidays[h];
    switch (d->kind) {
    case H_FIXED:
        return sl_days_from_civil(y, d->a, SL_MIN(d->b, days_in_month(y, d->a)));
    case H_EASTER:
        return easter_sunday(y) + d->b;
    default: {
        int32_t first = sl_days_from_civil(y, d->a, 1), day;
        if (d->c > 0) {
            day = first + (d->b - sl_weekday(first) + 7) % 7 + 7 * (d->c - 1);
        } else {
            int32_t last = first + days_in_month(y, d->a) - 1;
            day = last - (sl_weekday(last) - d->b + 7) % 7;
        }
        return day + d->d;
    }
    }
}

/* Every slot well formed (lower case, no empty alternative, the first not
 * optional and its alternatives of one initial), dates that exist, and the initials of the names that are dates
 * by themselves in HOLIDAY_INITIALS. */
static int holidays_check(void) {
    for (size_t h = 0; h < SL_ARRAY_LEN(holidays); h++) {
        const holiday *d = &holidays[h];
        if (!d->words[0] || d->words[0][0] == '?') return 0;
        if (d->kind == H_FIXED && (d->a < 1 || d->a > 12 || d->b < 1 || d->b > days_in_month(2000, d->a)))
            return 0;
        for (size_t w = 0; w < SL_ARRAY_LEN(d->words) && d->words[w]; w++) {
            const char *p = d->words[w] + (d->words[w][0] == '?');
            bool start = true;
            for (; *p; p++) {
                if (*p == '|') {
                    if (start || (w == 0 && p[1] != d->words[0][0])) return 0;   /* one initial */
                    start = true;
                    continue;
                }
                if (*p >= 'A' && *p <= 'Z') return 0;
                if (w == 0 && start && !(d->flags & N_EVENT) &&
                    (*p < 'a' || *p > 'z' || !(HOLIDAY_INITIALS & LETTER(*p))))
                    return 0;
                start = false;
            }
            if (start) return 0;
        }
    }
    return 1;
}

/* The lower-case text of word or number token k without a possessive
 * ("Korea’s", "Veterans'" → "korea", "veterans"); "" for others. */
static size_t plain_word(const scan *s, size_t k, char *w, size_t cap) {
    w[0] = '\0';
    if (k >= s->n || s->tok[k].kind == SL_TOK_PUNCT) return 0;
    size_t n = s->tok[k].len, m = 0;
    const char *p = s->text + s->tok[k].start;
    for (size_t i = 0; i < n && m + 1 < cap; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x80) break;
        w[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[m] = '\0';
    if (m > 2 && w[m - 2] == '\'' && w[m - 1] == 's') w[m -= 2] = '\0';
    else if (m > 1 && w[m - 1] == '\'') w[--m] = '\0';
    else if (n >= 4 && m + 4 == n && memcmp(p + m, "\xE2\x80\x99s", 3) == 0) w[m] = '\0';
    else if (m < n) return 0;   /* other non-ASCII words match no name */
    return m;
}

/* Word w is one of the '|'-separated alternatives of slot (its '?' skipped). */
static bool slot_has(const char *slot, const char *w) {
    if (*slot == '?') slot++;
    size_t n = strlen(w);
    while (*slot) {
        const char *bar = strchr(slot, '|');
        size_t len = bar ? (size_t)(bar - slot) : strlen(slot);
        if (len == n && memcmp(slot, w, n) == 0) return true;
        if (!bar) break;
        slot = bar + 1;
    }
    return false;
}

/* The token after the name of d when it starts at token k, or 0. */
static size_t name_end(const scan *s, size_t k, const holiday *d) {
    size_t j = k, end = k;
    for (size_t w = 0; w < SL_ARRAY_LEN(d->words) && d->words[w]; w++) {
        char word[24];
        plain_word(s, j, word, sizeof word);
        if (word[0] && slot_has(d->words[w], word)) {
            end = j + 1;                        /* not a detached "'s" after it */
            j = skip_possessive(s, j + 1);
        } else if (d->words[w][0] != '?') {
            return 0;
        }
    }
    return end;
}

/* How near (in tokens) to [k, end) one of the cue words occurs, or -1. */
static long cue_distance(const scan *s, size_t k, size_t end, const char *cues) {
    size_t lo = k > CUE_WINDOW ? k - CUE_WINDOW : 0, hi = SL_MIN(s->n, end + CUE_WINDOW);
    long best = -1;
    for (size_t t = lo; t < hi; t++) {
        if (t >= k && t < end) continue;
        char word[24];
        size_t n = plain_word(s, t, word, sizeof word);
        if (n < 2) continue;
        for (const char *p = cues; *p;) {
            const char *sp = strchr(p, ' ');
            size_t len = sp ? (size_t)(sp - p) : strlen(p);
            if (len == n && memcmp(p, word, n) == 0) {
                long dist = t < k ? (long)(k - t) : (long)(t - end + 1);
                if (best < 0 || dist < best) best = dist;
                break;
            }
            if (!sp) break;
            p = sp + 1;
        }
    }
    return best;
}

/* The holidays by the first word of their names: every alternative of a
 * first slot maps to the holidays (in table order) whose name can start
 * with it, so a word that starts no name is rejected with one hash probe.
 * Built once (pthread_once); read only afterwards. */
enum { FIRST_SLOTS = 256, FIRST_MAX_HOLIDAYS = 16 };
typedef struct first_word {
    char word[24];              /* "" = empty slot */
    uint8_t n;
    uint8_t holiday[FIRST_MAX_HOLIDAYS];
} first_word;
static first_word first_words[FIRST_SLOTS];
static uint32_t first_len_mask[256];    /* by first byte: bit L set when a first word of length L starts with it */
static bool first_words_ok;     /* false: the index did not fit, scan the table */
static pthread_once_t first_words_once = PTHREAD_ONCE_INIT;

static uint32_t first_hash(const char *w) {
    uint32_t h = 2166136261u;
    for (const char *p = w; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
    return h;
}

static void index_first_words(void) {
    size_t used = 0;
    for (size_t h = 0; h < SL_ARRAY_LEN(holidays); h++) {
        for (const char *p = holidays[h].words[0]; *p;) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            if (len >= sizeof first_words[0].word || h > UINT8_MAX) return;
            char w[24];
            memcpy(w, p, len);
            w[len] = '\0';
            uint32_t i = first_hash(w) % FIRST_SLOTS;
            while (first_words[i].word[0] && strcmp(first_words[i].word, w) != 0) i = (i + 1) % FIRST_SLOTS;
            first_word *f = &first_words[i];
            if (!f->word[0]) {
                if (++used > FIRST_SLOTS / 2) return;
                memcpy(f->word, w, len + 1);
                first_len_mask[(unsigned char)w[0]] |= 1u << len;
            }
            if (f->n == FIRST_MAX_HOLIDAYS) return;
            if (f->n == 0 || f->holiday[f->n - 1] != h) f->holiday[f->n++] = (uint8_t)h;
            if (!bar) break;
            p = bar + 1;
        }
    }
    first_words_ok = true;
}

/* The named day whose name starts at token k (the longest; among equally
 * long ones the nearest cue, then the default without cues), or -1; *end
 * gets the token after it.  events: historic events too.  bare: the name
 * has no "last"/"next"/"this" before it (one-word N_ALONE names then need a
 * preposition). */
static int match_name(const scan *s, size_t k, bool events, bool bare, size_t *end) {
    int best = -1;
    size_t best_end = 0;
    long best_dist = LONG_MAX;
    char first[24];
    pthread_once(&first_words_once, index_first_words);
    if (first_words_ok && k < s->n && s->tok[k].kind != SL_TOK_PUNCT && s->tok[k].len <= 23) {
        /* a quick reject by first byte and length: of an ASCII token of at
         * most 23 bytes plain_word gives the whole, or it less a final ' or 's */
        size_t n = s->tok[k].len;
        const unsigned char *p = (const unsigned char *)s->text + s->tok[k].start;
        unsigned char high = 0;
        for (size_t i = 0; i < n; i++) high |= p[i];
        if (!(high & 0x80)) {
            unsigned char c = p[0] >= 'A' && p[0] <= 'Z' ? (unsigned char)(p[0] + 32) : p[0];
            uint32_t lens = 1u << n | 1u << (n - 1) | (n >= 2 ? 1u << (n - 2) : 0);
            if (!(first_len_mask[c] & lens)) return -1;
        }
    }
    if (!plain_word(s, k, first, sizeof first)) return -1;
    const first_word *f = NULL;
    if (first_words_ok) {
        uint32_t i = first_hash(first) % FIRST_SLOTS;
        while (first_words[i].word[0] && strcmp(first_words[i].word, first) != 0) i = (i + 1) % FIRST_SLOTS;
        if (!first_words[i].word[0]) return -1;    /* no name starts with this word */
        f = &first_words[i];
    }
    size_t n_try = f ? f->n : SL_ARRAY_LEN(holidays);
    for (size_t t = 0; t < n_try; t++) {
        size_t h = f ? f->holiday[t] : t;
        const holiday *d = &holidays[h];
        if ((d->flags & N_EVENT) && !events) continue;
        if (!f) {
            if (d->words[0][0] != first[0]) continue;   /* fast reject (one initial per first slot) */
            if (!slot_has(d->words[0], first)) continue;
        }
        size_t j = name_end(s, k, d);
        if (j == 0 || j < best_end) continue;
        if ((d->flags & N_ALONE) && bare) {
            if (k == 0 || boundary_before(s, k)) continue;
            size_t p = k - 1;
            if (!(is_key(s, p, K_IN) || is_key(s, p, K_ON) || is_key(s, p, K_PREP) ||
                  is_key(s, p, K_BEFORE) || is_key(s, p, K_AFTER) || tok_is(s, p, "at") ||
                  tok_is(s, p, "over") || tok_is(s, p, "for")))
                continue;
        }
        long dist = CUE_WINDOW + 1;     /* the default: behind any cued entry */
        if (d->cues) {
            dist = cue_distance(s, k, j, d->cues);
            if (dist < 0) continue;
        }
        if (j > best_end || dist < best_dist) best = (int)h, best_end = j, best_dist = dist;
    }
    *end = best_end;
    return best;
}

/* Christmas Day, Good Friday, Thanksgiving 2009, last Easter, Russia's
 * National Day, Liberation Day (near "Korea"). */
static void match_holiday(const scan *s, size_t i, cand *best) {
    size_t k = i;
    int mode = 0;
    if (is_key(s, k, K_LAST)) mode = -1, k++;
    else if (is_key(s, k, K_NEXT)) mode = 1, k++;
    else if (is_key(s, k, K_THIS)) k++;
    if (!is_cap(s, k) || s->tok[k].kind != SL_TOK_WORD) return;
    unsigned char c0 = (unsigned char)(s->text[s->tok[k].start] | 32);
    if (c0 < 'a' || c0 > 'z' || !(HOLIDAY_INITIALS & LETTER(c0))) return;
    size_t end;
    int h = match_name(s, k, false, k == i, &end);
    if (h < 0) return;
    size_t yk = end + (is_key(s, end, K_IN) || is_key(s, end, K_OF) || is_punct(s, end, ','));
    int y = year_at(s, yk);
    if (y) {     /* "Easter 2009", "Thanksgiving in 2011" */
        offer(best, i, yk + 1, holiday_in(h, y), SL_GRAN_DAY, 0, SL_TR_HOLIDAY);
    } else if (mode != 0) {
        int32_t day = SL_NO_DATE;
        if (known_pub(s)) {
            for (int yy = s->py - 1; yy <= s->py + 1; yy++) {
                int32_t c = holiday_in(h, yy);
                if (mode < 0 ? c < s->pub && (day == SL_NO_DATE || c > day)
                             : c > s->pub && (day == SL_NO_DATE || c < day))
                    day = c;
            }
        }
        offer(best, i, end, day, SL_GRAN_DAY, 1, SL_TR_HOLIDAY);
    } else {
        yearly e = {0, 0, h};
        offer_yearly(s, i, end, e, SL_TR_HOLIDAY, best);
    }
}

/* ---- anniversaries ------------------------------------------------------------- */

/* The number of an ordinal at token k ("78th", "first", "seventy-eighth"),
 * or 0. */
static int ordinal_at(const scan *s, size_t k) {
    char w[32];
    size_t n = plain_word(s, k, w, sizeof w);
    if (n < 3) return 0;
    size_t d = 0;
    while (d < n && w[d] >= '0' && w[d] <= '9') d++;
    if (d > 0) {
        const char *suf = w + d;
        if (d > 4 || !(strcmp(suf, "st") == 0 || strcmp(suf, "nd") == 0 || strcmp(suf, "rd") == 0 ||
                       strcmp(suf, "th") == 0))
            return 0;
        return digits_value(w, d);
    }
    static const char *const units[] = {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth",
    };
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    static const char *const tenths[] = {
        "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
    };
    for (size_t u = 0; u < SL_ARRAY_LEN(units); u++)
        if (strcmp(w, units[u]) == 0) return (int)u + 1;
    for (size_t t = 0; t < SL_ARRAY_LEN(tens); t++) {
        if (strcmp(w, tenths[t]) == 0) return 20 + 10 * (int)t;
        size_t tl = strlen(tens[t]);
        if (n > tl + 1 && memcmp(w, tens[t], tl) == 0 && w[tl] == '-')
            for (size_t u = 0; u < 9; u++)
                if (strcmp(w + tl + 1, units[u]) == 0) return 20 + 10 * (int)t + (int)u + 1;
    }
    if (strcmp(w, "hundredth") == 0) return 100;
    return 0;
}

/* At token k: "anniversary" → 0, a word for a round one ("centenary") →
 * its number of years, else -1. */
static int anniversary_word(const scan *s, size_t k) {
    if (k >= s->n || !(s->info[k].flags & F_ANNIV)) return -1;    /* classify marks them */
    for (size_t i = 0; i < SL_ARRAY_LEN(anniversary_words); i++)
        if (tok_is(s, k, anniversary_words[i].word)) return anniversary_words[i].years;
    return -1;
}

static int year_of(int32_t day) {
    int y, m, d;
    sl_civil_from_days(day, &y, &m, &d);
    return y;
}

/* The anniversary on tokens [first, end) of named day h: its n-th
 * (n > 0, the day's year known) falls in year + n; otherwise the
 * occurrence the context points to (the latest in a past sentence, the
 * next in a future one), after the year of the event. */
static void offer_named_anniversary(const scan *s, size_t first, size_t end, int h, int n, cand *best) {
    const holiday *d = &holidays[h];
    if (n > 0 && d->year > 0) {
        int y = d->year + n;
        if (y <= 2199) offer(best, first, end, holiday_in(h, y), SL_GRAN_DAY, 0, SL_TR_ANNIVERSARY);
        return;
    }
    if (!known_pub(s)) {
        offer(best, first, end, SL_NO_DATE, SL_GRAN_DAY, 1, SL_TR_ANNIVERSARY);
        return;
    }
    yearly e = {0, 0, h};
    int32_t day = resolve_yearly(s, &e, date_context(s, first, end, true));
    if (day != SL_NO_DATE && d->year > 0 && year_of(day) <= d->year) day = holiday_in(h, d->year + 1);
    offer(best, first, end, day, SL_GRAN_DAY, 1, SL_TR_ANNIVERSARY);
}

/* The anniversary on tokens [first, end) of the date c: the n-th of a
 * date that names its year is that many years later (at the date's
 * granularity); without n, or when the date names no year ("the first
 * anniversary of the April 20 explosion"), the occurrence of its day or
 * month that the context points to. */
static void offer_date_anniversary(const scan *s, size_t first, size_t end, const cand *c, int n,
                                   cand *best) {
    switch (c->rule) {
    case SL_TR_ISO: case SL_TR_SLASH: case SL_TR_MONTH_DAY_YEAR: case SL_TR_DAY_MONTH_YEAR:
    case SL_TR_MONTH_DAY: case SL_TR_DAY_MONTH: case SL_TR_MONTH_YEAR: case SL_TR_MONTH:
    case SL_TR_YEAR:
        break;
    default:
        return;
    }
    if (c->day == SL_NO_DATE && !c->rel) return;
    int y0 = 0, m = 1, d = 1;
    if (c->day != SL_NO_DATE) sl_civil_from_days(c->day, &y0, &m, &d);
    if (!c->rel && n > 0) {
        int y = y0 + n;
        if (y > 2199) return;
        int32_t day = c->gran == SL_GRAN_DAY ? sl_days_from_civil(y, m, SL_MIN(d, days_in_month(y, m)))
                    : c->gran == SL_GRAN_MONTH ? sl_days_from_civil(y, m, 1) : sl_days_from_civil(y, 1, 1);
        offer(best, first, end, day, c->gran, 0, SL_TR_ANNIVERSARY);
        return;
    }
    if (c->gran == SL_GRAN_YEAR) return;    /* "the anniversary of the 2009 election": no day */
    if (!known_pub(s) || c->day == SL_NO_DATE) {
        offer(best, first, end, SL_NO_DATE, c->gran, 1, SL_TR_ANNIVERSARY);
        return;
    }
    when w = date_context(s, first, end, c->gran == SL_GRAN_DAY);
    int32_t day;
    if (c->gran == SL_GRAN_DAY) {
        yearly e = {m, d, -1};
        day = resolve_yearly(s, &e, w);
        if (!c->rel && day != SL_NO_DATE && year_of(day) <= y0)
            day = sl_days_from_civil(y0 + 1, m, SL_MIN(d, days_in_month(y0 + 1, m)));
    } else {
        day = resolve_month(s, m, 0, w);
        if (!c->rel && year_of(day) <= y0) day = sl_days_from_civil(y0 + 1, m, 1);
    }
    if (day != SL_NO_DATE) offer(best, first, end, day, c->gran, 1, SL_TR_ANNIVERSARY);
}

/* Anniversaries (HeidelTime's holiday/event resources, with the year
 * counted): "the 78th anniversary of Korea's liberation from Japan",
 * "the 10th anniversary of the April 20, 2010 explosion", "the centenary
 * of the Armistice Day", "D-Day's 80th anniversary", "the 80th D-Day
 * anniversary", "the anniversary of the September 11 attacks".  The object
 * must be a named day or event (holidays[]) or an explicit date; "the
 * anniversary of the party's founding" is no date. */
static void match_core(scan *s, size_t i, cand *best);

static void match_anniversary(scan *s, size_t i, cand *best) {
    if (!s->has_anniversary) return;
    size_t k = i;
    if (is_key(s, k, K_THE)) k++;
    int n = ordinal_at(s, k);
    if (n) k++;
    int round = anniversary_word(s, k);
    if (round >= 0) {
        /* [the] [Nth] anniversary of [the] X */
        if (round > 0) {
            if (n) return;
            n = round;
        }
        if (!is_key(s, k + 1, K_OF)) return;
        k += 2;
        if (is_key(s, k, K_THE)) k++;
        size_t end;
        int h = match_name(s, k, true, false, &end);
        if (h >= 0) {
            offer_named_anniversary(s, i, end, h, n, best);
            return;
        }
        cand c = {0, 0, 0, 0, 0, 0};
        match_core(s, k, &c);
        if (c.end != 0 && c.first == k) offer_date_anniversary(s, i, c.end, &c, n, best);
        return;
    }
    /* [the] [Nth] X['s] [Nth] anniversary */
    size_t end;
    int h = match_name(s, k, true, false, &end);
    if (h < 0) return;
    size_t j = end;
    if (detached_s(s, j)) j += 2;
    if (!n && (n = ordinal_at(s, j)) != 0) j++;
    round = anniversary_word(s, j);
    if (round < 0) return;
    if (round > 0) {
        if (n) return;
        n = round;
    }
    offer_named_anniversary(s, i, j + 1, h, n, best);
}

/* "June 12 and 13", "March 3, 4 and 5": a bare day right after a day of a
 * list takes the month and year of the one before. */
static void match_day_continuation(const scan *s, size_t i, cand *best) {
    if (i == 0 || s->last_end != i - 1 || s->last_day == SL_NO_DATE || s->last_gran != SL_GRAN_DAY)
        return;
    switch (s->last_rule) {     /* after a date that names its month */
    case SL_TR_MONTH_DAY: case SL_TR_DAY_MONTH: case SL_TR_MONTH_DAY_YEAR: case SL_TR_DAY_MONTH_YEAR:
        break;
    default:
        return;
    }
    if (!(is_key(s, i - 1, K_CONJ) || is_punct(s, i - 1, ','))) return;
    int d = day_at(s, i);
    if (!d || (s->info[i].flags & F_RANGE)) return;
    /* followed by the end of the phrase, not by a noun ("12 and 13 people") */
    if (i + 1 < s->n && s->tok[i + 1].kind == SL_TOK_WORD && !s->tok[i + 1].stop &&
        s->info[i + 1].key != K_CONJ)
        return;
    if (is_cls(s, i + 1, C_MONTH)) return;
    int y, m, dd;
    sl_civil_from_days(s->last_day, &y, &m, &dd);
    if (d <= dd || d > days_in_month(y, m)) return;  /* lists go forward */
    offer(best, i, i + 1, sl_days_from_civil(y, m, d), SL_GRAN_DAY, 1, SL_TR_MONTH_DAY);
}

/* Explicit dates only: used after a weekday. */
static void match_explicit(scan *s, size_t i, cand *best) {
    if (i >= s->n) return;
    match_numeric(s, i, best);
    match_month_first(s, i, best);
    match_day_first(s, i, best);
}

/* Every pattern at token i; best gets the longest. */
static void match_core(scan *s, size_t i, cand *best) {
    match_explicit(s, i, best);
    match_day_continuation(s, i, best);
    match_holiday(s, i, best);
    match_bare_month(s, i, best);
    match_year(s, i, best);
    match_weekday(s, i, best);
    match_deictic(s, i, best);
    match_relative(s, i, best);
}

/* early/late/mid X, the end/beginning/start/middle of X, where X is a month,
 * a year or last/this/next month|year|week. */
static void match_modified(scan *s, size_t i, cand *best) {
    size_t k = i;
    if (is_key(s, k, K_EARLY) || is_key(s, k, K_LATE) || is_key(s, k, K_MID)) {
        k++;
    } else {
        if (is_key(s, k, K_THE)) k++;
        if (!(is_key(s, k, K_END) || is_key(s, k, K_BEGIN)) || !is_key(s, k + 1, K_OF)) return;
        k += 2;
    }
    if (k >= s->n) return;
    /* "the end of the year", "the start of the month": the current one */
    if (k > i + 1 && is_key(s, k, K_THE) && !is_key(s, k + 2, K_OF)) {
        int unit = unit_at(s, k + 1);
        if (unit && unit != K_DAY && s->tok[k + 1].len == (unit == K_MONTH ? 5u : 4u)) {
            int32_t day;
            int gran;
            shift_units(s, unit, 0, &day, &gran);
            offer(best, i, k + 2, day, gran, 1, unit_rule(unit));
            return;
        }
    }
    cand c = {0, 0, 0, 0, 0, 0};
    size_t saved = s->outer_first;
    s->outer_first = i;
    match_core(s, k, &c);
    s->outer_first = saved;
    if (c.end == 0 || c.first != k) return;
    switch (c.rule) {
    case SL_TR_MONTH: case SL_TR_MONTH_YEAR: case SL_TR_YEAR: case SL_TR_REL_MONTH:
    case SL_TR_REL_YEAR: case SL_TR_WEEK:
        offer(best, i, c.end, c.day, c.gran, c.rel, c.rule);
        break;
    default:
        break;
    }
}

/* Whether any pattern can start at a token of this class (a fast filter:
 * most tokens are ordinary words). */
static bool can_start(const tinfo *t) {
    switch (t->cls) {
    case C_MONTH: case C_WEEKDAY: case C_NUM: case C_ORD: case C_NUMWORD: case C_ISO:
    case C_SLASH: case C_MIDMONTH: case C_MIDYEAR:
        return true;
    case C_KEY:
        switch (t->key) {
        case K_THE: case K_LAST: case K_NEXT: case K_THIS: case K_EARLIER: case K_LATER:
        case K_EARLY: case K_LATE: case K_MID: case K_END: case K_BEGIN: case K_IN:
        case K_TODAY: case K_TONIGHT: case K_YESTERDAY: case K_TOMORROW: case K_COUPLE:
            return true;
        default:
            return false;
        }
    default:
        return false;
    }
}

/* Where to end a chunk of at most CHUNK_BYTES: after a line break or a
 * sentence end if possible, else at a space, else at a character boundary. */
static size_t chunk_length(const char *s, size_t len) {
    if (len <= CHUNK_BYTES) return len;
    size_t lo = CHUNK_BYTES / 2;
    for (size_t i = CHUNK_BYTES; i > lo; i--)
        if (s[i - 1] == '\n') return i;
    for (size_t i = CHUNK_BYTES; i > lo; i--)
        if (s[i - 1] == ' ' && i >= 2 && (s[i - 2] == '.' || s[i - 2] == '!' || s[i - 2] == '?'))
            return i;
    for (size_t i = CHUNK_BYTES; i > lo; i--)
        if (s[i - 1] == ' ') return i;
    size_t i = CHUNK_BYTES;
    while (i > 1 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    return i;
}

/* Is text[start..start+n) (within text[0..len)) all ASCII? */
static inline bool ascii_token(const char *text, size_t len, size_t start, size_t n) {
    const unsigned char *p = (const unsigned char *)text + start;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n <= 16 && start + 16 <= len) {
        uint64_t a, b;
        memcpy(&a, p, 8);
        memcpy(&b, p + 8, 8);
        /* bytes past the token masked off (little-endian: byte i in bits 8i) */
        uint64_t ma = n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
        uint64_t mb = n >= 16 ? ~0ull : n <= 8 ? 0 : (1ull << (8 * (n - 8))) - 1;
        return !(((a & ma) | (b & mb)) & 0x8080808080808080ull);
    }
#else
    (void)len;
#endif
    unsigned char high = 0;
    for (size_t i = 0; i < n; i++) high |= p[i];
    return !(high & 0x80);
}

void tl_timex_classify_tokens(const char *text, size_t len, const sl_token *tok, size_t nt,
                              tl_word_entry *const *ent, tl_tinfo *info) {
    for (size_t k = 0; k < nt; k++) {
        const sl_token *t = &tok[k];
        tl_word_entry *e = ent ? ent[k] : NULL;
        if (e && t->kind != SL_TOK_PUNCT && (t->pad == TL_TOKEN_ASCII || ascii_token(text, len, t->start, t->len))) {
            /* the class of the lower-case form, then the capital
             * (classify: F_CAP, and F_ED only without it) */
            tinfo *c = &e->tinfo;
            if (c->cls == TL_TINFO_UNKNOWN) {
                sl_token lower = *t;
                lower.capitalised = 0;
                classify(text, &lower, c);
            }
            info[k] = *c;
            if (t->capitalised) info[k].flags = (uint8_t)((info[k].flags & ~F_ED) | F_CAP);
            continue;
        }
        classify(text, t, &info[k]);
    }
}

/* The scan proper.  atok/ainfo (may be NULL): the text's tokens and classes
 * from the caller; a chunk whose bounds cut one of them is tokenised alone. */
static size_t scan_text(const char *text, size_t len, int32_t pub, const sl_token *atok,
                        tinfo *ainfo, size_t ant, sl_timex *out, uint8_t *rules, size_t cap) {
    sl_token tok[CHUNK_BYTES];
    tinfo info[CHUNK_BYTES];
    scan s;
    memset(&s, 0, sizeof s);
    s.tok = tok;
    s.info = info;
    s.pub = pub;
    s.hint_weekday = -1;
    s.outer_first = SIZE_MAX;
    if (pub != SL_NO_DATE) {
        sl_civil_from_days(pub, &s.py, &s.pm, &s.pd);
        s.pwd = sl_weekday(pub);
    }
    size_t count = 0, pos = 0, cursor = 0;
    while (pos < len) {
        size_t clen = chunk_length(text + pos, len - pos);
        const char *chunk = text + pos;
        size_t n = 0, base = pos;       /* base: where token offsets count from */
        bool given = false;
        const sl_token *ctok = tok;     /* the chunk's tokens and classes */
        tinfo *cinfo = info;
        const char *ctext = chunk;
        if (atok) {
            /* the caller's tokens of [pos, pos + clen), when none crosses
             * its bounds (then tokenising the chunk alone gives the same:
             * the tokeniser starts afresh after white space and looks past
             * a token only to extend it) */
            size_t end = pos + clen, i = cursor;
            while (i < ant && atok[i].start < pos) i++;
            cursor = i;
            given = !(i > 0 && atok[i - 1].start + atok[i - 1].len > pos) &&
                    !(end < len && ((unsigned char)text[end] & 0xC0) == 0x80);
            /* the first token at or after end (tokens are sorted and do not
             * overlap: only the one before it can cross end) */
            size_t hi = ant;
            while (i < hi) {
                size_t mid = i + (hi - i) / 2;
                if (atok[mid].start < end) i = mid + 1;
                else hi = mid;
            }
            if (i > cursor && atok[i - 1].start + atok[i - 1].len > end) given = false;
            if (given) {        /* scanned where they are, offsets from the text's start */
                n = i - cursor;
                ctok = atok + cursor;
                cinfo = ainfo + cursor;
                ctext = text;
                base = 0;
                cursor = i;     /* the next chunk starts after these */
            }
        }
        if (!given) {
            n = sl_tokenize(chunk, clen, tok, CHUNK_BYTES);
            if (n > CHUNK_BYTES) n = CHUNK_BYTES; /* cannot happen: a token has at least a byte */
            for (size_t k = 0; k < n; k++) classify(chunk, &tok[k], &info[k]);
        }
        /* F_NL: a line break between a token and the one before it (line
         * breaks are white space, never inside a token): per break, the
         * first token after it */
        for (const char *p = chunk, *e = chunk + clen; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) {
            uint32_t b = (uint32_t)(p - ctext);
            size_t lo = 0, hi = n;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (ctok[mid].start <= b) lo = mid + 1;
                else hi = mid;
            }
            if (lo >= 1 && lo < n) cinfo[lo].flags |= F_NL;
        }
        s.text = ctext;
        s.tok = ctok;
        s.info = cinfo;
        s.n = n;
        s.last_end = 0;
        s.last_day = SL_NO_DATE;
        uint8_t any_flags = 0;
        for (size_t k = 0; k < n; k++) any_flags |= cinfo[k].flags;
        s.has_anniversary = (any_flags & F_ANNIV) != 0;
        for (size_t i = 0; i < n;) {
            cand c = {0, 0, 0, 0, 0, 0};
            if (can_start(&cinfo[i])) {
                match_core(&s, i, &c);
                match_modified(&s, i, &c);
            } else if (cinfo[i].flags & F_CAP) {
                match_holiday(&s, i, &c);   /* "Christmas", "Good Friday" */
            }
            match_anniversary(&s, i, &c);   /* "the 78th anniversary of ..." */
            if (c.end == 0) { i++; continue; }
            if (!(c.rel && pub == SL_NO_DATE) && c.day != SL_NO_DATE) {
                if (count < cap) {
                    sl_timex *t = &out[count];
                    uint32_t a = ctok[c.first].start, b = ctok[c.end - 1].start + ctok[c.end - 1].len;
                    t->start = (uint32_t)(base + a);
                    t->len = b - a;
                    t->day = c.day;
                    t->granularity = c.gran;
                    t->relative = c.rel;
                    t->pad[0] = t->pad[1] = 0;
                    if (rules) rules[count] = c.rule;
                }
                count++;
            }
            s.last_end = c.end;
            s.last_day = c.rel && pub == SL_NO_DATE ? SL_NO_DATE : c.day;
            s.last_gran = c.gran;
            s.last_rule = c.rule;
            i = c.end;
        }
        pos += clen;
    }
    return count;
}

size_t sl_timex_scan(const char *text, size_t len, int32_t pub, sl_timex *out, uint8_t *rules,
                     size_t cap) {
    return scan_text(text, len, pub, NULL, NULL, 0, out, rules, cap);
}

size_t tl_timex_scan_tokens(const char *text, size_t len, int32_t pub_day, const sl_token *tok,
                            tl_tinfo *info, size_t nt, sl_timex *out, size_t cap) {
    return scan_text(text, len, pub_day, tok, info, nt, out, NULL, cap);
}

size_t sl_timex_find(const char *text, size_t len, int32_t pub_day, sl_timex *out, size_t cap) {
    return sl_timex_scan(text, len, pub_day, out, NULL, cap);
}
