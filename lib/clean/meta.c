/*
 * meta.c — an article's metadata read from its own text: byline lines,
 * date stamps, and the lead of the first paragraph (byline, dateline
 * location, news agency, date stamp) that wire copy glues to the first
 * sentence:
 *
 *   "By Maggie Fox , Health and Science Editor WASHINGTON | Mon Mar 2 , 2009
 *    4:23 pm EST WASHINGTON -LRB- Reuters -RRB- - Virtually all cases ..."
 *   "LONDON (AP) — Britain's Conservative Party ..."
 *   "DUBAI, United Arab Emirates — Dubai's flagship carrier ..."
 *
 * The text is cut into blank-separated tokens; each token is looked at
 * without its surrounding punctuation ("DUBAI," → DUBAI).  The lead is a
 * small state machine over tokens: byline ("By" + capitalised names and
 * connectors), date stamp (weekday? month day , year time am/pm zone),
 * location (a run of upper-case words, optionally ", Country" or ", April
 * 27"), agency ("(AP)", "-LRB- Reuters -RRB-"), separators (| - -- — –).  A
 * lead is accepted only when it ends in a recognised dateline or date stamp
 * and real text follows: a first sentence is never eaten by a guess.
 */
#include "clean_internal.h"

#include <ctype.h>
#include <utf8proc.h>

#define MAX_TOKENS 64

typedef struct tok {
    uint32_t start, len;        /* whole token */
    uint32_t cstart, clen;      /* core: without leading/trailing punctuation */
} tok;

static int is_edge_punct(unsigned char c) {
    return c == ',' || c == '.' || c == ':' || c == ';' || c == '(' || c == ')' || c == '"' ||
           c == '\'' || c == '[' || c == ']' || c == '`' || c == '!' || c == '?';
}

static size_t tokenize(const char *s, size_t len, tok *out, size_t cap) {
    size_t n = 0, i = 0;
    while (i < len && n < cap) {
        while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
        if (i >= len) break;
        size_t st = i;
        while (i < len && s[i] != ' ' && s[i] != '\t') i++;
        tok t = {(uint32_t)st, (uint32_t)(i - st), (uint32_t)st, (uint32_t)(i - st)};
        while (t.clen && is_edge_punct((unsigned char)s[t.cstart])) { t.cstart++; t.clen--; }
        while (t.clen && is_edge_punct((unsigned char)s[t.cstart + t.clen - 1])) t.clen--;
        out[n++] = t;
    }
    return n;
}

static int tok_is(const char *s, const tok *t, const char *w) {
    size_t n = strlen(w);
    return t->len == n && strncmp(s + t->start, w, n) == 0;
}

static int tok_core_ieq(const char *s, const tok *t, const char *w) {
    size_t n = strlen(w);
    return t->clen == n && strncasecmp(s + t->cstart, w, n) == 0;
}

static const lx_word *tok_word(const char *s, const tok *t) {
    if (!t->clen) return NULL;
    return lx_lookup(lx_hash(s + t->cstart, t->clen));
}

static int tok_number(const char *s, const tok *t, int *value) {
    if (!t->clen || t->clen > 4) return 0;
    int v = 0;
    size_t digits = 0;
    for (size_t i = 0; i < t->clen; i++) {
        unsigned char c = (unsigned char)s[t->cstart + i];
        if (isdigit(c)) { v = v * 10 + (c - '0'); digits++; }
        else if (digits && (c == 's' || c == 't' || c == 'n' || c == 'r' || c == 'd' || c == 'h') &&
                 i + 2 >= t->clen) break;   /* 1st 2nd 3rd 4th */
        else return 0;
    }
    if (!digits) return 0;
    *value = v;
    return 1;
}

/* A dash or bar token: - -- — – | */
static int is_dash(const char *s, const tok *t) {
    if (tok_is(s, t, "-") || tok_is(s, t, "--") || tok_is(s, t, "|") || tok_is(s, t, ":")) return 1;
    if (t->len == 3 && (unsigned char)s[t->start] == 0xE2 && (unsigned char)s[t->start + 1] == 0x80 &&
        ((unsigned char)s[t->start + 2] == 0x94 || (unsigned char)s[t->start + 2] == 0x93))
        return 1;
    return 0;
}

/* An upper-case word of a location: letters (ASCII or not) all upper case,
 * with . - / ' inside; at least two letters. */
static int is_caps_word(const char *s, const tok *t) {
    size_t letters = 0;
    if (t->len == 5 && s[t->start] == '-' && s[t->start + 4] == '-') return 0;   /* -LRB- */
    if (s[t->start] == '(') return 0;   /* "(AP)" is an agency, not a place */
    for (size_t i = 0; i < t->clen; i++) {
        unsigned char c = (unsigned char)s[t->cstart + i];
        if (c >= 'A' && c <= 'Z') letters++;
        else if (c >= 0x80) letters++;    /* accented capitals: trust the context */
        else if (c == '.' || c == '-' || c == '/' || c == '\'' || c == '&') continue;
        else return 0;
    }
    return letters >= 2 || (letters == 1 && t->clen >= 2);
}

static int is_capitalised(const char *s, const tok *t) {
    if (!t->clen) return 0;
    unsigned char c = (unsigned char)s[t->cstart];
    if (c >= 'A' && c <= 'Z') return 1;
    if (c >= 0x80) {
        size_t i = t->cstart;
        int32_t cp = sl_utf8_next(s, t->cstart + t->clen, &i);
        return utf8proc_isupper(cp);
    }
    return 0;
}

/* Date stamp starting at token i: [weekday[,]] month day[,] [,] year
 * [time] [am|pm] [zone] or day month year.  Returns tokens consumed. */
static size_t date_stamp(const char *s, const tok *t, size_t n, size_t i, int32_t *day) {
    size_t j = i;
    const lx_word *w = j < n ? tok_word(s, &t[j]) : NULL;
    if (w && (w->flags & LX_WEEKDAY)) {
        j++;
        if (j < n && tok_is(s, &t[j], ",")) j++;
    }
    int month = 0, d = 0, year = 0;
    w = j < n ? tok_word(s, &t[j]) : NULL;
    if (w && (w->flags & LX_MONTH) && j + 1 < n && tok_number(s, &t[j + 1], &d) && d >= 1 && d <= 31) {
        month = w->value;
        j += 2;
        if (j < n && tok_is(s, &t[j], ",")) j++;
        if (j < n && tok_number(s, &t[j], &year) && year >= 1900 && year <= 2100) j++;
        else return 0;
    } else if (j + 2 < n && tok_number(s, &t[j], &d) && d >= 1 && d <= 31) {
        /* day [de|of] month [de] year: "19 November 2019", "22 de outubro de 2010" */
        size_t k = j + 1;
        if (k < n && (tok_core_ieq(s, &t[k], "de") || tok_core_ieq(s, &t[k], "of"))) k++;
        w = k < n ? tok_word(s, &t[k]) : NULL;
        if (!w || !(w->flags & LX_MONTH)) return 0;
        month = w->value;
        k++;
        if (k < n && tok_core_ieq(s, &t[k], "de")) k++;
        if (k >= n || !tok_number(s, &t[k], &year) || year < 1900 || year > 2100) return 0;
        j = k + 1;
    } else {
        return 0;
    }
    /* time of day and zone */
    if (j < n && tok_is(s, &t[j], ",")) j++;
    if (j < n && (tok_core_ieq(s, &t[j], "at") || tok_core_ieq(s, &t[j], "\xC3\xA0s") || tok_core_ieq(s, &t[j], "um") || tok_core_ieq(s, &t[j], "alle"))) j++;
    if (j < n && t[j].clen >= 3 && t[j].clen <= 5 && memchr(s + t[j].cstart, ':', t[j].clen) &&
        isdigit((unsigned char)s[t[j].cstart])) {
        j++;
        while (j < n) {
            const lx_word *z = tok_word(s, &t[j]);
            if (z && (z->flags & LX_DATEWORD) && t[j].clen <= 4 && !tok_core_ieq(s, &t[j], "on") &&
                !tok_core_ieq(s, &t[j], "last") && !tok_core_ieq(s, &t[j], "first"))
                j++;
            else break;
        }
    }
    *day = sl_days_from_civil(year, month, d);
    int y2, m2, d2;
    sl_civil_from_days(*day, &y2, &m2, &d2);
    if (m2 != month || d2 != d) return 0;     /* 31 February */
    return j - i;
}

/* "(AP)", "(Reuters)", "-LRB- Reuters -RRB-", "(CNN)": tokens consumed. */
static size_t agency(const char *s, const tok *t, size_t n, size_t i, sl_slice *out) {
    if (i >= n) return 0;
    if (tok_is(s, &t[i], "-LRB-")) {
        size_t j = i + 1;
        while (j < n && j < i + 5 && !tok_is(s, &t[j], "-RRB-")) j++;
        if (j >= n || j == i + 1 || !tok_is(s, &t[j], "-RRB-")) return 0;
        const lx_word *w = tok_word(s, &t[i + 1]);
        if (!(w && (w->flags & LX_AGENCY)) && !is_caps_word(s, &t[i + 1])) return 0;
        *out = sl_slice_of(s + t[i + 1].start, t[j - 1].start + t[j - 1].len - t[i + 1].start);
        return j - i + 1;
    }
    if (s[t[i].start] == '(') {
        size_t j = i;
        while (j < n && j < i + 4 && s[t[j].start + t[j].len - 1] != ')') j++;
        if (j >= n || s[t[j].start + t[j].len - 1] != ')') return 0;
        const lx_word *w = tok_word(s, &t[i]);
        if (!(w && (w->flags & LX_AGENCY)) && !(is_caps_word(s, &t[i]) && t[i].clen <= 6)) return 0;
        *out = sl_slice_of(s + t[i].cstart, t[j].cstart + t[j].clen - t[i].cstart);
        return j - i + 1;
    }
    return 0;
}

/* Can a lead start with this token?  The first step of cl_parse_lead must
 * make progress at token 0, and only a byline ("By"), a date stamp (a
 * weekday, a month or a number), a numeric stamp (a number) or a location
 * (an upper-case word) can: an agency or a dash needs something before it.
 * Most first lines fail this test, and are then spared the tokenizing. */
static int may_open_lead(const char *s, const tok *t) {
    if (tok_is(s, t, "By") || tok_is(s, t, "by")) return 1;
    if (t->clen && isdigit((unsigned char)s[t->cstart])) return 1;
    const lx_word *w = tok_word(s, t);
    if (w && (w->flags & (LX_WEEKDAY | LX_MONTH))) return 1;
    return is_caps_word(s, t);
}

int cl_parse_lead(const char *s, size_t len, cl_lead *lead) {
    lx_init();
    memset(lead, 0, sizeof *lead);
    lead->date = SL_NO_DATE;
    tok t[MAX_TOKENS];
    if (!tokenize(s, len, t, 1) || !may_open_lead(s, &t[0])) return 0;
    size_t n = tokenize(s, len, t, MAX_TOKENS);
    size_t i = 0, accepted = 0;     /* tokens of the lead accepted so far */
    int progress = 1;
    while (progress && i < n) {
        progress = 0;
        /* byline: By Name Name , Role Words  (stops at an upper-case dateline) */
        if (!lead->byline.len && (tok_is(s, &t[i], "By") || tok_is(s, &t[i], "by")) && i + 1 < n &&
            is_capitalised(s, &t[i + 1]) && !is_caps_word(s, &t[i + 1])) {
            size_t j = i + 1, names = 0;
            while (j < n && j < i + 16) {
                const lx_word *w = tok_word(s, &t[j]);
                if (tok_is(s, &t[j], ",") || (w && (w->flags & LX_CONNECT) && !is_capitalised(s, &t[j]))) { j++; continue; }
                if (is_caps_word(s, &t[j]) && t[j].clen > 2 && names) break;
                if (w && (w->flags & (LX_WEEKDAY | LX_MONTH)) && names) break;
                if (!is_capitalised(s, &t[j])) break;
                names++;
                j++;
            }
            while (j > i + 1 && (tok_is(s, &t[j - 1], ",") || tok_is(s, &t[j - 1], "and"))) j--;
            /* a byline lead must be followed by a dateline or date stamp */
            int32_t d;
            sl_slice ag;
            size_t k = j;
            while (k < n && is_caps_word(s, &t[k])) k++;
            int ok = names >= 1 && j < n &&
                     ((k > j && k < n && (is_dash(s, &t[k]) || agency(s, t, n, k, &ag) || s[t[k - 1].start + t[k - 1].len - 1] == ',')) ||
                      date_stamp(s, t, n, j, &d));
            if (ok) {
                lead->byline = sl_slice_of(s + t[i].start, t[j - 1].start + t[j - 1].len - t[i].start);
                while (lead->byline.len && (lead->byline.ptr[lead->byline.len - 1] == ',' ||
                                            lead->byline.ptr[lead->byline.len - 1] == ' '))
                    lead->byline.len--;
                i = j;
                progress = 1;
                continue;
            }
        }
        /* date stamp */
        int32_t d;
        size_t k = date_stamp(s, t, n, i, &d);
        if (k) {
            if (lead->date == SL_NO_DATE) lead->date = d;
            i += k;
            accepted = i;
            progress = 1;
            continue;
        }
        /* numeric stamp "2009 04 25 08:50 JST" */
        int y, m, dd;
        if (i + 3 < n && tok_number(s, &t[i], &y) && y >= 1900 && y <= 2100 && t[i].clen == 4 &&
            tok_number(s, &t[i + 1], &m) && m >= 1 && m <= 12 && tok_number(s, &t[i + 2], &dd) &&
            dd >= 1 && dd <= 31 && memchr(s + t[i + 3].start, ':', t[i + 3].len)) {
            if (lead->date == SL_NO_DATE) lead->date = sl_days_from_civil(y, m, dd);
            i += 4;
            const lx_word *z = i < n ? tok_word(s, &t[i]) : NULL;
            if (z && (z->flags & LX_DATEWORD) && t[i].clen <= 4) i++;
            accepted = i;
            progress = 1;
            continue;
        }
        /* location: upper-case words [, Capitalised words | , Month Day] then | dash or agency */
        if (is_caps_word(s, &t[i]) && !(tok_word(s, &t[i]) && (tok_word(s, &t[i])->flags & LX_AGENCY) && t[i].clen <= 3)) {
            size_t j = i;
            while (j < n && j < i + 6 && is_caps_word(s, &t[j])) j++;
            size_t loc_end = j;
            /* ", United Arab Emirates" or " , April 27" */
            int comma = s[t[j - 1].start + t[j - 1].len - 1] == ',' || (j < n && tok_is(s, &t[j], ","));
            if (comma) {
                size_t q = j < n && tok_is(s, &t[j], ",") ? j + 1 : j;
                size_t r = q;
                const lx_word *w = r < n ? tok_word(s, &t[r]) : NULL;
                int dnum;
                if (w && (w->flags & LX_MONTH) && r + 1 < n && tok_number(s, &t[r + 1], &dnum)) r += 2;
                else
                    while (r < n && r < q + 4 && is_capitalised(s, &t[r]) && !is_dash(s, &t[r])) r++;
                if (r > q) { j = r; loc_end = r; }
            }
            sl_slice ag = {0};
            size_t a = agency(s, t, n, j, &ag);
            if (a || (j < n && is_dash(s, &t[j]))) {
                lead->location = sl_slice_of(s + t[i].start, t[loc_end - 1].start + t[loc_end - 1].len - t[i].start);
                while (lead->location.len && (lead->location.ptr[lead->location.len - 1] == ',' ||
                                              lead->location.ptr[lead->location.len - 1] == ' '))
                    lead->location.len--;
                j += a;
                if (a) lead->agency = ag;
                if (j < n && is_dash(s, &t[j])) j++;
                i = j;
                accepted = i;
                progress = 1;
                continue;
            }
        }
        /* agency alone after a date stamp: "-LRB- Reuters -RRB- -" */
        sl_slice ag = {0};
        size_t a = agency(s, t, n, i, &ag);
        if (a && (accepted || lead->byline.len)) {
            lead->agency = ag;
            i += a;
            if (i < n && is_dash(s, &t[i])) i++;
            accepted = i;
            progress = 1;
            continue;
        }
        if (accepted && is_dash(s, &t[i])) { i++; accepted = i; progress = 1; continue; }
    }
    if (!accepted || accepted >= n) {
        memset(lead, 0, sizeof *lead);
        lead->date = SL_NO_DATE;
        return 0;
    }
    lead->consumed = t[accepted].start;
    return 1;
}

/* Is t[i] one of the words that may precede "By" in a byline line? */
static int byline_prefix(const char *s, const tok *t) {
    return tok_core_ieq(s, t, "written") || tok_core_ieq(s, t, "reporting") || tok_core_ieq(s, t, "words") ||
           tok_core_ieq(s, t, "story") || tok_core_ieq(s, t, "posted") || tok_core_ieq(s, t, "published") ||
           tok_core_ieq(s, t, "report") || tok_core_ieq(s, t, "photos");
}

static int is_by(const char *s, const tok *t) {
    return tok_is(s, t, "By") || tok_is(s, t, "by") || tok_is(s, t, "BY") || tok_is(s, t, "By:") || tok_is(s, t, "by:");
}

int cl_parse_byline(const char *s, size_t len, sl_slice *name) {
    lx_init();
    tok t[MAX_TOKENS];
    /* first the two tokens that decide most lines: "By ..." or "Written by ..." */
    size_t n2 = tokenize(s, len, t, 2);
    size_t i0 = n2 && byline_prefix(s, &t[0]) ? 1 : 0;
    if (i0 >= n2 || !is_by(s, &t[i0])) return 0;
    size_t n = tokenize(s, len, t, MAX_TOKENS);
    if (n < 2 || n > 14) return 0;
    size_t i = byline_prefix(s, &t[0]) ? 1 : 0;
    if (i >= n || !is_by(s, &t[i])) return 0;
    i++;
    size_t names = 0, other = 0;
    for (size_t j = i; j < n; j++) {
        if (is_dash(s, &t[j]) || tok_is(s, &t[j], ",")) continue;
        const lx_word *w = tok_word(s, &t[j]);
        if (is_capitalised(s, &t[j]) || s[t[j].start] == '@') names++;
        else if (w && (w->flags & (LX_CONNECT | LX_DATEWORD | LX_MONTH))) continue;
        else if (t[j].clen && isdigit((unsigned char)s[t[j].cstart])) continue;
        else other++;
    }
    if (names == 0 || other > 1 || other * 3 > names) return 0;
    /* a sentence that starts with "By" ends with a period and has verbs;
     * a byline is short */
    if (names > 10) return 0;
    *name = sl_slice_of(s + t[i].start, t[n - 1].start + t[n - 1].len - t[i].start);
    return 1;
}

int32_t cl_find_date(const char *s, size_t len, int *only_date) {
    lx_init();
    *only_date = 0;
    /* every date form below holds an ASCII digit */
    size_t digit = 0;
    while (digit < len && !isdigit((unsigned char)s[digit])) digit++;
    if (digit == len) return SL_NO_DATE;
    tok t[MAX_TOKENS];
    size_t n = tokenize(s, len, t, MAX_TOKENS);
    if (n == 0 || n > 24) return SL_NO_DATE;
    int32_t found = SL_NO_DATE;
    size_t covered = 0;
    for (size_t i = 0; i < n;) {
        int32_t d;
        size_t k = date_stamp(s, t, n, i, &d);
        if (k) {
            if (found == SL_NO_DATE) found = d;
            covered += k;
            i += k;
            continue;
        }
        /* ISO date inside a token */
        if (t[i].clen >= 10) {
            int32_t tod;
            for (size_t off = 0; off + 10 <= t[i].clen; off++) {
                const char *p = s + t[i].cstart + off;
                if (isdigit((unsigned char)p[0]) && p[4] == '-' && p[7] == '-' &&
                    sl_parse_date(p, 10, &d, &tod) == 0) {
                    if (found == SL_NO_DATE) found = d;
                    covered++;
                    break;
                }
            }
        }
        i++;
    }
    if (found == SL_NO_DATE) return found;
    /* the rest of the line: date-stamp words, separators, a short label */
    size_t other = 0;
    for (size_t i = 0; i < n; i++) {
        if (!t[i].clen || is_dash(s, &t[i])) continue;
        const lx_word *w = tok_word(s, &t[i]);
        if (w && (w->flags & (LX_DATEWORD | LX_MONTH | LX_WEEKDAY))) continue;
        if (isdigit((unsigned char)s[t[i].cstart])) continue;
        if (tok_core_ieq(s, &t[i], "de") || tok_core_ieq(s, &t[i], "um") || tok_core_ieq(s, &t[i], "le")) continue;
        other++;
    }
    *only_date = other <= 2 && covered > 0;
    return found;
}
