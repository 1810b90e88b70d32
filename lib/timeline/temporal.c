/*
 * temporal.c — finding temporal expressions in news text and resolving them
 * against the publication date (sl_timex_find), in the manner of
 * HeidelTime's news mode.
 *
 * Algorithm.  The text is cut into chunks of at most CHUNK_BYTES that end at
 * a line break or sentence end, so that all working memory is on the stack
 * (no allocation).  Each chunk is tokenised with sl_tokenize, then every
 * token is classified once (month, weekday, number, ordinal, keyword, tense
 * marker, ...; the words are in temporal_lexicon.h, binary searched).  A
 * left-to-right scan then tries every pattern at each token and keeps the
 * longest match (ties: the first pattern tried); the scan resumes after it,
 * so results are in text order and never overlap.
 *
 * Resolution.  Expressions that name a year are absolute.  The others are
 * resolved against the publication day P:
 *   - today/tonight/this morning = P, yesterday = P-1, tomorrow = P+1;
 *   - a weekday: "last Monday" the Monday before P, "next Monday" after P,
 *     bare or "this Monday": after P when the sentence is in the future
 *     tense, else the Monday on or before P;
 *   - a bare month or month+day: past tense → the latest occurrence not
 *     after P (a day's slack for time zones), future tense → the first not
 *     before P, no tense → the occurrence closest to P;
 *   - last/this/next week|month|year, "N units ago", "in N units" (future
 *     sentences only: "the first time in two years" is a duration).
 * The tense of a sentence, as seen from an expression, is the tense marker
 * nearest to it within its sentence (will/shall/'ll/expected/scheduled →
 * future; was/were/had/did, irregular past forms → past; -ed words and
 * has/have count as weaker past, three tokens further away); a tie goes
 * to the future.
 *
 * Precision guards: a bare month needs a capital and a temporal context
 * ("in June", "early June", "since June"; "and June" only right after another
 * expression); month abbreviations and "May"/"March" need a day or year
 * (or a capital plus context); a bare year needs a preposition ("in 2022")
 * and no count noun after it ("in 2000 homes"); mid-sentence "Today" (the
 * BBC programme, USA Today) is not a date; "Good Friday", "Sunday Times"
 * are not weekdays; numeric dates like 04/05/2009 are returned only when the
 * order of day and month is unambiguous; decades ("the 1990s") and times of
 * day are ignored.
 *
 * Contract: see sl_timex_find in storyline.h.  Pure function of its input;
 * thread safe (no mutable static state).
 */
#include "../internal.h"
#include "temporal.h"
#include "temporal_lexicon.h"

#include <limits.h>

#define CHUNK_BYTES 2048
#define TENSE_WINDOW 40     /* tokens looked at on each side for tense */
#define WEAK_PENALTY 3      /* extra distance of weak tense markers */

const char *const sl_timex_rule_names[SL_TR_COUNT] = {
    "iso", "slash", "month-day-year", "day-month-year", "month-day", "day-month",
    "month-year", "month", "year", "today", "yesterday", "tomorrow", "weekday", "week",
    "weekend", "rel-month", "rel-year", "ago", "in-n",
};

typedef struct tinfo {
    uint8_t cls, key, tense, flags;
    int32_t val;
} tinfo;

typedef struct scan {
    const char *text;       /* the chunk */
    const sl_token *tok;
    const tinfo *info;
    size_t n;
    int32_t pub;            /* publication day or SL_NO_DATE */
    int py, pm, pd, pwd;    /* its civil date and weekday (0 when unknown) */
    size_t last_end;        /* token after the previous expression; 0: none */
    int hint_weekday;       /* weekday named before an explicit date, or -1 */
} scan;

typedef struct cand {
    size_t first, end;      /* token range; end == 0: no candidate */
    int32_t day;
    uint8_t gran, rel, rule;
} cand;

enum { TENSE_PAST = -1, TENSE_UNKNOWN = 0, TENSE_FUTURE = 1 };

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

static const lex_entry *lex_find(const char *w) {
    size_t lo = 0, hi = SL_ARRAY_LEN(lexicon);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(lexicon[mid].word, w);
        if (c == 0) return &lexicon[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

int sl_timex_lexicon_check(void) {
    for (size_t i = 0; i < SL_ARRAY_LEN(lexicon); i++) {
        if (i > 0 && strcmp(lexicon[i - 1].word, lexicon[i].word) >= 0) return 0;
        if (lex_find(lexicon[i].word) != &lexicon[i]) return 0;
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
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
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
    if (strcmp(w, "lrb") == 0 || strcmp(w, "lsb") == 0) { inf->cls = C_PUNCT; inf->val = '('; return; }
    if (strcmp(w, "rrb") == 0 || strcmp(w, "rsb") == 0) { inf->cls = C_PUNCT; inf->val = ')'; return; }
    char *dash = strchr(w, '-');
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
    const lex_entry *e = lex_find(w);
    if (e) {
        inf->cls = e->cls;
        inf->key = e->key;
        inf->tense = e->tense;
        inf->val = e->val;
        inf->flags |= e->flags;
        return;
    }
    if (m >= 5 && w[m - 2] == 'e' && w[m - 1] == 'd' && !(inf->flags & F_CAP) && !ed_exception(w))
        inf->tense = T_PAST_WEAK;
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
    size_t n = strlen(w);
    if (s->tok[k].len != n) return false;
    const char *p = s->text + s->tok[k].start;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != w[i]) return false;
    }
    return true;
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

/* ---- tense ------------------------------------------------------------------- */

static int token_tense(const scan *s, size_t k) {
    const tinfo *t = &s->info[k];
    int te = t->tense;
    if (te == T_NONE) return T_NONE;
    if ((te == T_FUTURE || te == T_FUTURE_WEAK) && k > 0 &&
        (is_key(s, k - 1, K_THE) || is_key(s, k - 1, K_A)))
        return T_NONE;                          /* "the will of", "a plan" */
    if ((te == T_PAST || te == T_PAST_WEAK) && t->key == K_NONE && k > 0 && is_key(s, k - 1, K_BE))
        return T_NONE;                          /* "is based", "will be held" */
    return te;
}

/* The tense of the sentence around tokens [first, end), by the nearest marker. */
static int sentence_tense(const scan *s, size_t first, size_t end) {
    int best = T_NONE, bestd = INT_MAX;
    for (size_t k = first; k > 0 && first - k < TENSE_WINDOW;) {
        if (boundary_before(s, k)) break;
        k--;
        int te = token_tense(s, k);
        if (te == T_NONE) continue;
        int d = (int)(first - k) + (te == T_PAST_WEAK || te == T_FUTURE_WEAK ? WEAK_PENALTY : 0);
        bool fut = te == T_FUTURE || te == T_FUTURE_WEAK;
        if (d < bestd || (d == bestd && fut)) best = te, bestd = d;
    }
    for (size_t k = end; k < s->n && k - end < TENSE_WINDOW; k++) {
        if (boundary_before(s, k)) break;
        int te = token_tense(s, k);
        if (te == T_NONE) continue;
        int d = (int)(k - end + 1) + (te == T_PAST_WEAK || te == T_FUTURE_WEAK ? WEAK_PENALTY : 0);
        bool fut = te == T_FUTURE || te == T_FUTURE_WEAK;
        if (d < bestd || (d == bestd && fut)) best = te, bestd = d;
    }
    if (best == T_PAST || best == T_PAST_WEAK) return TENSE_PAST;
    if (best == T_FUTURE || best == T_FUTURE_WEAK) return TENSE_FUTURE;
    return TENSE_UNKNOWN;
}

/* ---- resolution ----------------------------------------------------------------- */

/* Year of a bare month m.  mode -1: strictly before the publication month
 * ("last June"), +1: strictly after ("next June"), 0: by tense. */
static int32_t resolve_month(const scan *s, int m, int mode, int tense) {
    int pmi = s->py * 12 + s->pm - 1;
    int best = INT_MIN;
    for (int y = s->py - 1; y <= s->py + 1; y++) {
        int mi = y * 12 + m - 1;
        bool ok;
        if (mode < 0) ok = mi < pmi;
        else if (mode > 0) ok = mi > pmi;
        else if (tense == TENSE_PAST) ok = mi <= pmi;
        else if (tense == TENSE_FUTURE) ok = mi >= pmi;
        else ok = true;
        if (!ok) continue;
        if (best == INT_MIN) { best = mi; continue; }
        if (mode < 0 || tense == TENSE_PAST) { if (mi > best) best = mi; }
        else if (mode > 0 || tense == TENSE_FUTURE) { if (mi < best) best = mi; }
        else if (abs(mi - pmi) < abs(best - pmi)) best = mi;
    }
    return month_index_day(best);
}

/* Year of a month and day without a year: by the weekday named with it if
 * any, else by tense (past: latest not after P+1, future: first not before P,
 * unknown: closest).  SL_NO_DATE if the day does not exist. */
static int32_t resolve_month_day(const scan *s, int m, int d, int tense) {
    int32_t c[3];
    int nc = 0;
    for (int y = s->py - 1; y <= s->py + 1; y++)
        if (d <= days_in_month(y, m)) c[nc++] = sl_days_from_civil(y, m, d);
    if (nc == 0) return SL_NO_DATE;
    int32_t best = SL_NO_DATE;
    if (s->hint_weekday >= 0) {
        for (int i = 0; i < nc; i++)
            if (sl_weekday(c[i]) == s->hint_weekday &&
                (best == SL_NO_DATE || abs(c[i] - s->pub) < abs(best - s->pub)))
                best = c[i];
        if (best != SL_NO_DATE) return best;
    }
    for (int i = 0; i < nc; i++) {
        if (tense == TENSE_PAST) {
            if (c[i] <= s->pub + 1 && (best == SL_NO_DATE || c[i] > best)) best = c[i];
        } else if (tense == TENSE_FUTURE) {
            if (c[i] >= s->pub && (best == SL_NO_DATE || c[i] < best)) best = c[i];
        } else if (best == SL_NO_DATE || abs(c[i] - s->pub) < abs(best - s->pub)) {
            best = c[i];
        }
    }
    return best;
}

/* A weekday w: mode -1 "last" (before P), +1 "next" (after P), 0 by tense. */
static int32_t resolve_weekday(const scan *s, int w, int mode, int tense) {
    int back = (s->pwd - w + 7) % 7, fwd = (w - s->pwd + 7) % 7;
    if (mode < 0) return s->pub - (back ? back : 7);
    if (mode > 0 || tense == TENSE_FUTURE) return s->pub + (fwd ? fwd : 7);
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

/* "June 12", "June 12, 2023", "Jun. 12", "September 2023", "June of 2023". */
static void match_month_first(const scan *s, size_t i, cand *best) {
    const tinfo *mt = &s->info[i];
    if (mt->cls != C_MONTH) return;
    if ((mt->flags & F_AMBIG) && !(mt->flags & F_CAP)) return;  /* "may", "march" */
    int m = mt->val;
    size_t k = i + 1;
    if ((mt->flags & F_ABBR) && is_punct(s, k, '.')) k++;
    int d = day_at(s, k);
    if (d && !is_punct(s, k + 1, '%') && !is_punct(s, k + 1, ':')) {
        size_t yk = k + 1;
        if (is_punct(s, yk, ',')) yk++;
        int y = year_at(s, yk);
        if (y && d <= days_in_month(y, m)) {
            offer(best, i, yk + 1, sl_days_from_civil(y, m, d), SL_GRAN_DAY, 0, SL_TR_MONTH_DAY_YEAR);
        } else if (d <= days_in_month(2000, m)) {
            int32_t day = known_pub(s) ? resolve_month_day(s, m, d, sentence_tense(s, i, k + 1))
                                       : SL_NO_DATE;
            if (day != SL_NO_DATE || !known_pub(s))
                offer(best, i, k + 1, day, SL_GRAN_DAY, 1, SL_TR_MONTH_DAY);
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
    case K_CONJ:
        if (s->last_end == 0 || p > s->last_end + 1) return false;
        break;
    default:
        return false;
    }
    /* "in June Carter's ...": a capitalised word after a month is a name */
    if (i + 1 < s->n && s->info[i + 1].cls == C_OTHER && is_cap(s, i + 1) &&
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
        int32_t day = known_pub(s) ? resolve_month(s, mt->val, 0, sentence_tense(s, i, i + 1)) : SL_NO_DATE;
        offer(best, i, i + 1, day, SL_GRAN_MONTH, 1, SL_TR_MONTH);
        return;
    }
    if (mt->cls != C_MONTH || (mt->flags & F_ABBR) || !(mt->flags & F_CAP)) return;
    if (!bare_month_context(s, i)) return;
    int32_t day = known_pub(s) ? resolve_month(s, mt->val, 0, sentence_tense(s, i, i + 1)) : SL_NO_DATE;
    offer(best, i, i + 1, day, SL_GRAN_MONTH, 1, SL_TR_MONTH);
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
    int32_t day = known_pub(s) ? resolve_month_day(s, m, d, sentence_tense(s, i, mend)) : SL_NO_DATE;
    if (day != SL_NO_DATE || !known_pub(s)) offer(best, i, mend, day, SL_GRAN_DAY, 1, SL_TR_DAY_MONTH);
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
    if (!y || i == 0 || boundary_before(s, i)) return;
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
        if (is_punct(s, i + 1, '%') || tok_is(s, i + 1, "percent") || tok_is(s, i + 1, "per") ||
            s->info[i + 1].cls == C_NUM)
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
        "maundy", "shrove", "fat", "giving", "manic", "blue",
    };
    static const char *const after[] = {
        "times", "telegraph", "mirror", "express", "post", "herald", "mail", "independent",
        "sport", "star", "night", "football", "club", "review", "magazine", "edition",
        "people", "tribune", "service", "school", "league", "sun",
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
    }
    size_t end = k + 1;
    if (is_key(s, end, K_DAYPART)) end++;
    int32_t day = known_pub(s) ? resolve_weekday(s, w, mode, mode ? 0 : sentence_tense(s, i, end))
                               : SL_NO_DATE;
    offer(best, i, end, day, SL_GRAN_DAY, 1, SL_TR_WEEKDAY);
}

/* The calendar unit of a keyword: K_DAY, K_WEEK, K_MONTH, K_YEAR or 0. */
static int unit_at(const scan *s, size_t k) {
    if (k >= s->n || s->info[k].cls != C_KEY) return 0;
    int key = s->info[k].key;
    return key == K_DAY || key == K_WEEK || key == K_MONTH || key == K_YEAR ? key : 0;
}

/* pub moved by n units, with the unit's granularity. */
static void shift_units(const scan *s, int unit, int n, int32_t *day, int *gran) {
    *gran = unit == K_DAY ? SL_GRAN_DAY : unit == K_WEEK ? SL_GRAN_WEEK
          : unit == K_MONTH ? SL_GRAN_MONTH : SL_GRAN_YEAR;
    if (s->pub == SL_NO_DATE) { *day = SL_NO_DATE; return; }
    switch (unit) {
    case K_DAY: *day = s->pub + n; *gran = SL_GRAN_DAY; break;
    case K_WEEK: *day = week_start(s->pub) + 7 * n; *gran = SL_GRAN_WEEK; break;
    case K_MONTH: *day = month_index_day(s->py * 12 + s->pm - 1 + n); *gran = SL_GRAN_MONTH; break;
    default: *day = sl_days_from_civil(s->py + n, 1, 1); *gran = SL_GRAN_YEAR; break;
    }
}

static int unit_rule(int unit) {
    return unit == K_WEEK ? SL_TR_WEEK : unit == K_MONTH ? SL_TR_REL_MONTH : SL_TR_REL_YEAR;
}

/* The Saturday of the weekend meant by last (-1) / this (0) / next (+1). */
static int32_t resolve_weekend(const scan *s, int mode, int tense) {
    int32_t sat_before = s->pub - (s->pwd - 5 + 7) % 7;   /* Saturday on or before P */
    bool in_weekend = s->pwd >= 5;
    if (mode < 0) return in_weekend ? sat_before - 7 : sat_before;
    if (mode > 0) return in_weekend ? sat_before + 7 : sat_before + 7;
    if (in_weekend) return sat_before;
    return tense == TENSE_PAST ? sat_before : sat_before + 7;
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
        /* "over the last year" is a duration */
        if (k == i && i > 0 && is_key(s, i - 1, K_THE)) return;
        size_t u = k + 1;
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
    /* N units ago */
    int count = count_at(s, i);
    int unit = unit_at(s, i + 1);
    if (count > 0 && unit && is_key(s, i + 2, K_AGO)) {
        int limit = unit == K_DAY ? 3660 : unit == K_WEEK ? 520 : unit == K_MONTH ? 240 : 200;
        if (count > limit) return;
        int32_t day;
        int gran;
        shift_units(s, unit, -count, &day, &gran);
        offer(best, i, i + 3, day, gran, 1, SL_TR_AGO);
        return;
    }
    /* N units from now */
    if (count > 0 && unit && is_key(s, i + 2, K_FROM) && is_key(s, i + 3, K_NOW) && count <= 200) {
        int32_t day;
        int gran;
        shift_units(s, unit, count, &day, &gran);
        offer(best, i, i + 4, day, gran, 1, SL_TR_IN_N);
        return;
    }
    /* in N units, future sentences only */
    if (is_key(s, i, K_IN)) {
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
    cand c = {0, 0, 0, 0, 0, 0};
    match_core(s, k, &c);
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

size_t sl_timex_scan(const char *text, size_t len, int32_t pub, sl_timex *out, uint8_t *rules,
                     size_t cap) {
    sl_token tok[CHUNK_BYTES];
    tinfo info[CHUNK_BYTES];
    scan s;
    memset(&s, 0, sizeof s);
    s.tok = tok;
    s.info = info;
    s.pub = pub;
    s.hint_weekday = -1;
    if (pub != SL_NO_DATE) {
        sl_civil_from_days(pub, &s.py, &s.pm, &s.pd);
        s.pwd = sl_weekday(pub);
    }
    size_t count = 0, pos = 0;
    while (pos < len) {
        size_t clen = chunk_length(text + pos, len - pos);
        const char *chunk = text + pos;
        size_t n = sl_tokenize(chunk, clen, tok, CHUNK_BYTES);
        if (n > CHUNK_BYTES) n = CHUNK_BYTES; /* cannot happen: a token has at least a byte */
        for (size_t k = 0; k < n; k++) {
            classify(chunk, &tok[k], &info[k]);
            size_t from = k ? tok[k - 1].start + tok[k - 1].len : 0;
            if (k && memchr(chunk + from, '\n', tok[k].start - from)) info[k].flags |= F_NL;
        }
        s.text = chunk;
        s.n = n;
        s.last_end = 0;
        for (size_t i = 0; i < n;) {
            cand c = {0, 0, 0, 0, 0, 0};
            match_core(&s, i, &c);
            match_modified(&s, i, &c);
            if (c.end == 0) { i++; continue; }
            if (!(c.rel && pub == SL_NO_DATE) && c.day != SL_NO_DATE) {
                if (count < cap) {
                    sl_timex *t = &out[count];
                    uint32_t a = tok[c.first].start, b = tok[c.end - 1].start + tok[c.end - 1].len;
                    t->start = (uint32_t)(pos + a);
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
            i = c.end;
        }
        pos += clen;
    }
    return count;
}

size_t sl_timex_find(const char *text, size_t len, int32_t pub_day, sl_timex *out, size_t cap) {
    return sl_timex_scan(text, len, pub_day, out, NULL, cap);
}
