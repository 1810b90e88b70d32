/*
 * label.c — headline-like labels for stories, events and articles.
 *
 * A label is what a reader sees first, so it must read like a headline.  An
 * article's title is used when it has one.  Otherwise the label is derived
 * from its cleaned text:
 *   1. leading page furniture that cleaning leaves is skipped: "Last updated
 *      at 15:44 GMT", "Help", a byline up to " | " followed by a time or
 *      date ("Robert Peston | 15:39 UK time , Tuesday , 1 June 2010"), a
 *      wire dateline ending in "-" ("MEXICO CITY (Reuters) -"), stray marks
 *      (": ", "\* ") and a leading parenthetical;
 *   2. the first sentence is taken (sl_split_sentences, first line only);
 *   3. a headline glued to the lede without punctuation ("Haiti devastated
 *      by massive quake Thousands of people are feared dead") is split at
 *      the first lower-case (not function) word followed by a capitalised
 *      word that is normally lower case — a closed-class sentence opener
 *      (The, It, ...) or a word the article itself writes in lower case —
 *      or that restates a name already in the headline; a bullet ("\*")
 *      ends it too, and a bracket the sentence split left open is dropped;
 *   4. tokenised text is detokenised (tl_display_text, words joined);
 *   5. the result is cut to max bytes at a sentence end, else a clause
 *      boundary (, ; : -), else a word boundary, and "…" marks a cut.
 * Deterministic and linear in the text looked at (the first line, plus one
 * scan of the article for step 3).
 */
#include "run.h"
#include "../timeline/timeline.h"

#include <ctype.h>

/* Token [p, e) of s starting at p (skipping blanks); returns 0 at the end. */
static int next_token(const char *s, size_t len, size_t *p, size_t *e) {
    size_t i = *p;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i >= len || s[i] == '\n' || s[i] == '\r') return 0;
    size_t j = i;
    while (j < len && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') j++;
    *p = i;
    *e = j;
    return 1;
}

static int token_is(const char *t, size_t n, const char *word) {
    size_t m = strlen(word);
    if (n != m) return 0;
    for (size_t k = 0; k < n; k++)
        if (tolower((unsigned char)t[k]) != word[k]) return 0;
    return 1;
}

static int token_in(const char *t, size_t n, const char *const *words) {
    for (; *words; words++)
        if (token_is(t, n, *words)) return 1;
    return 0;
}

/* A time ("15:44", "12:49"), a number, or a date/time word. */
static int is_time_token(const char *t, size_t n) {
    static const char *const words[] = {
        "am", "pm", "gmt", "bst", "utc", "et", "est", "edt", "cet", "uk", "us", "time", ",", "|",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "updated", "last", "at", "page", "published", "on", "help", NULL};
    if (token_in(t, n, words)) return 1;
    size_t digits = 0;
    for (size_t k = 0; k < n; k++)
        if (isdigit((unsigned char)t[k])) digits++;
        else if (t[k] != ':' && t[k] != '.' && t[k] != ',') return 0;
    return digits > 0;
}

/* Offset in s[0..len) (one line) past the leading page furniture. */
static size_t skip_furniture(const char *s, size_t len) {
    size_t start = 0;
    for (int round = 0; round < 4; round++) {
        size_t before = start;
        /* stray marks left by cleaning: ": A ship's wake", "\\* BP spill" */
        while (start < len && strchr(":;,|*\\-#>.", s[start]) &&
               !(start + 5 <= len && memcmp(s + start, "-LRB-", 5) == 0))
            start++;
        while (start < len && s[start] == ' ') start++;
        /* a leading parenthetical "(an error occurred ...) Text" */
        int paren = start < len && s[start] == '(';
        if (paren || (start + 5 <= len && memcmp(s + start, "-LRB-", 5) == 0)) {
            size_t lim = SL_MIN(len - start, (size_t)80);
            const char *close = paren ? memchr(s + start, ')', lim) : memmem(s + start, lim, "-RRB-", 5);
            if (close && (size_t)(close - s) + 6 < len) start = (size_t)(close - s) + (paren ? 1 : 5);
            while (start < len && s[start] == ' ') start++;
        }
        size_t p = start, e;
        /* "Last updated at ... GMT", "Help", times and dates */
        size_t k = p, n_tok = 0, last_time_end = start;
        int furniture_words = 0;
        while (next_token(s, len, &k, &e) && n_tok < 12) {
            if (!is_time_token(s + k, e - k)) break;
            if (token_in(s + k, e - k, (const char *const[]){"updated", "help", "published", NULL}) ||
                isdigit((unsigned char)s[k]))
                furniture_words = 1;
            last_time_end = e;
            k = e;
            n_tok++;
        }
        if (furniture_words && last_time_end > start) start = last_time_end;
        /* a byline "Name | time ..." within the first 60 bytes */
        const char *bar = memmem(s + start, SL_MIN(len - start, (size_t)60), " | ", 3);
        if (bar) {
            size_t q = (size_t)(bar - s) + 3, qe;
            if (next_token(s, len, &q, &qe) && is_time_token(s + q, qe - q)) start = (size_t)(bar - s) + 2;
        }
        /* a wire dateline "PLACE (Reuters) -" / "PLACE -LRB- AP -RRB- -" */
        size_t lim = SL_MIN(len, start + 80);
        for (size_t i = start; i + 2 < lim; i++) {
            if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ' && i > start &&
                (s[i - 1] == ')' || (i >= start + 5 && memcmp(s + i - 5, "-RRB-", 5) == 0))) {
                start = i + 3;
                break;
            }
        }
        while (start < len && s[start] == ' ') start++;
        if (start == before) break;
    }
    return start;
}

/* Capitalised words that open sentences but are not names. */
static const char *const sentence_openers[] = {
    "the", "a", "an", "this", "these", "those", "that", "it", "its", "he", "she", "they", "we",
    "you", "there", "his", "her", "their", "our", "in", "on", "at", "as", "after", "before", "but",
    "and", "when", "while", "if", "for", "from", "with", "by", "some", "many", "more", "most",
    "thousands", "hundreds", "dozens", "millions", "tens", "one", "two", "three", "several", "police",
    "officials", "doctors", "experts", "people", "medical", "scientists", "rescuers", NULL};

/* Words a headline does not end with (a junction after one is no junction,
 * and a cut label drops them). */
static const char *const function_words[] = {
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but",
    "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "as", "is",
    "are", "was", "were", "be", "has", "have", "had", "will", "would", "said", "says", "into", "than",
    "after", "before", "over", "about", "who", "which", NULL};

/* Does the article's text write word w in lower case somewhere? */
static int written_lower(sl_slice text, const char *w, size_t n) {
    if (n < 3) return 0;
    for (const char *p = text.ptr, *end = text.ptr + text.len; p + n <= end; p++) {
        if (*p != (char)tolower((unsigned char)w[0])) continue;
        if (p > text.ptr && isalnum((unsigned char)p[-1])) continue;
        if (memcmp(p + 1, w + 1, n - 1) != 0) continue;
        if (p + n < end && isalnum((unsigned char)p[n])) continue;
        return 1;
    }
    return 0;
}

/* Does a capitalised word of the name run starting at s[p] ("Christina
 * Aguilera") already occur in s[0..p)?  A lede restating the headline's
 * subject marks where the headline ended. */
static int names_earlier(const char *s, size_t p, size_t len) {
    for (int words = 0; words < 3 && p < len && isupper((unsigned char)s[p]); words++) {
        size_t e = p;
        while (e < len && isalpha((unsigned char)s[e])) e++;
        size_t n = e - p;
        if (n >= 3)
            for (size_t k = 0; k + n < p; k++)
                if ((k == 0 || s[k - 1] == ' ') && memcmp(s + k, s + p, n) == 0 &&
                    !isalpha((unsigned char)s[k + n]))
                    return 1;
        if (e >= len || s[e] != ' ') break;
        p = e + 1;
    }
    return 0;
}

/* Length of s[0..len) up to a headline/lede junction, or len. */
static size_t headline_end(const char *s, size_t len, sl_slice text) {
    size_t p = 0, e, n_tok = 0;
    int prev_lower = 0, prev_function = 0;
    while (next_token(s, len, &p, &e)) {
        const char *t = s + p;
        size_t n = e - p;
        /* a bullet ("\\*", "*", "|") ends the headline */
        int bullet = 1;
        for (size_t k = 0; k < n; k++)
            if (!strchr("*\\|", t[k])) bullet = 0;
        if (bullet && n_tok >= 2) {
            size_t end = p;
            while (end && s[end - 1] == ' ') end--;
            return end;
        }
        int cap = isupper((unsigned char)t[0]) != 0;
        int alpha = 1;
        for (size_t k = 0; k < n; k++)
            if (!isalpha((unsigned char)t[k])) alpha = 0;
        if (n_tok >= 3 && prev_lower && !prev_function && cap && alpha &&
            (token_in(t, n, sentence_openers) || (n > 1 && written_lower(text, t, n)) ||
             names_earlier(s, p, len))) {
            size_t end = p;
            while (end && s[end - 1] == ' ') end--;
            return end;
        }
        prev_lower = islower((unsigned char)t[0]) || isdigit((unsigned char)t[0]);
        prev_function = token_in(t, n, function_words);
        n_tok++;
        p = e;
    }
    return len;
}

/* The cut point: a clause boundary (", " "; " ": " " - ") in (max/2, max]. */
static size_t clause_cut(const char *s, size_t len, size_t max) {
    if (len <= max) return len;
    for (size_t k = max; k > max / 2; k--)
        if ((s[k - 1] == ',' || s[k - 1] == ';' || s[k - 1] == ':') && s[k] == ' ') return k - 1;
        else if (s[k - 1] == ' ' && s[k] == '-' && k + 1 < len && s[k + 1] == ' ') return k - 1;
    return 0;
}

sl_slice rp_headline(sl_arena *a, sl_slice text, int has_title, size_t max) {
    const char *s = text.ptr;
    size_t len = text.len;
    while (len && (unsigned char)s[0] <= ' ') { s++; len--; }
    const char *nl = len ? memchr(s, '\n', len) : NULL;
    if (nl) len = (size_t)(nl - s);
    int tokenised = tl_looks_tokenised(text.ptr, SL_MIN(text.len, (size_t)4096));
    if (!has_title) {
        size_t skip = skip_furniture(s, len);
        s += skip;
        len -= skip;
        sl_span sp;
        if (len && sl_split_sentences(s, len, &sp, 1) >= 1) {
            s += sp.start;
            len = sp.len;
        }
        len = headline_end(s, len, text);
    }
    /* a sentence split inside brackets ("the BP (BP.L) ...") loses them */
    size_t open = len, depth = 0;
    for (size_t k = 0; k < len; k++)
        if (s[k] == '(' || (s[k] == '-' && k + 5 <= len && memcmp(s + k, "-LRB-", 5) == 0)) {
            if (!depth++) open = k;
        } else if ((s[k] == ')' || (s[k] == '-' && k + 5 <= len && memcmp(s + k, "-RRB-", 5) == 0)) && depth) {
            depth--;
        }
    int dropped = depth && open > 0;   /* the label then says it was cut */
    if (dropped) len = open;
    while (len && (unsigned char)s[len - 1] <= ' ') len--;
    if (!len) return sl_slice_of(NULL, 0);
    sl_slice d = tl_display_text(a, s, len, tokenised, 1);
    if (!d.len) return d;
    /* a headline does not end in a full stop */
    if (!has_title && d.len > 1 && d.ptr[d.len - 1] == '.' && d.ptr[d.len - 2] != '.' &&
        !(d.len >= 3 && d.ptr[d.len - 3] == '.'))
        d.len--;
    int cut;
    size_t clause = clause_cut(d.ptr, d.len, max);
    sl_slice t = rp_shorten(d, max, &cut);
    if (cut && clause) t.len = clause;
    if (!cut && !dropped) return t;
    /* "... to wind down his…" reads better as "... to wind down…" */
    for (;;) {
        size_t w = t.len;
        while (w && t.ptr[w - 1] != ' ') w--;
        if (!w || w < max / 2 || !token_in(t.ptr + w, t.len - w, function_words)) break;
        t.len = w;
        while (t.len && (t.ptr[t.len - 1] == ' ' || t.ptr[t.len - 1] == ',')) t.len--;
    }
    char *p = sl_arena_alloc(a, t.len + 4);
    if (!p) return t;
    memcpy(p, t.ptr, t.len);
    memcpy(p + t.len, "\xE2\x80\xA6", 3);   /* … */
    return sl_slice_of(p, t.len + 3);
}

sl_slice rp_article_headline(sl_run *r, uint32_t i, size_t max) {
    const rp_article *art = &r->art[i];
    if (art->title.len) return rp_headline(&r->arena, art->title, 1, max);
    return rp_headline(&r->arena, art->text, 0, max);
}
