/*
 * report_html.c — index.html: the report as one self-contained page.
 *
 * Everything is inline (CSS, a little JS, SVG charts): the page opens from
 * disk with no network and reads fine without JS, because folding uses the
 * native <details> element and JS only adds a filter box, "expand all" and
 * opening the folds that hold a linked article.
 *
 * Layout, per story (largest first): a kicker with its rank and date span,
 * its label, counts and top terms, who reported it first, a bar chart of
 * articles per day (per week, month or year for long stories, per hour for
 * short stories of timed articles; timeline dates marked under the bars),
 * the timeline (date, sentences, sources linking to the articles below),
 * then its events, each folded, listing its originals with their copies
 * folded under them (relation badges; spun copies stand out).  JS opens
 * every fold for "index.html#expand".
 *
 * Size is bounded whatever the corpus: the stories of more than one
 * article (all stories if there are none), at most opt.html_stories, are
 * shown in full, the next ones as one line each (all are in the JSON
 * files); per story at most MAX_EVENTS events (the largest, kept in date
 * order), per event MAX_ORIGINALS originals, per original MAX_COPIES
 * copies, each cut with an "N more" line.
 *
 * Escaping: every text from the input goes through put_text, which escapes
 * & < > " ' and replaces invalid UTF-8 and control characters, so the page
 * is well-formed whatever the articles hold.  URLs are linked only when
 * they are http(s) and are escaped the same way.
 */
#include "run.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

enum { MAX_EVENTS = 40, MAX_ORIGINALS = 15, MAX_COPIES = 10, MAX_COMPACT = 1000,
       MAX_SOURCES = 6, SNIPPET = 280 };

typedef struct hw {
    FILE *f;
    sl_buf b;
    int failed;
    const sl_run *r;
    uint32_t *first_copy, *next_copy;  /* copies of each representative, by date */
    uint8_t *shown;                    /* 1 when the article has an anchor */
} hw;

static void hw_flush(hw *w) {
    if (w->b.len && fwrite(w->b.data, 1, w->b.len, w->f) != w->b.len) w->failed = 1;
    w->b.len = 0;
}
static void put(hw *w, const char *s) {
    if (sl_buf_append(&w->b, s, strlen(s))) w->failed = 1;
    if (w->b.len >= (1u << 20)) hw_flush(w);
}
static void putf(hw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(hw *w, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) { w->failed = 1; return; }
    if ((size_t)n >= sizeof tmp) n = sizeof tmp - 1;
    if (sl_buf_append(&w->b, tmp, (size_t)n)) w->failed = 1;
}

/* Appends text escaped for HTML content and attribute values.  Line breaks
 * and tabs become spaces unless keep_lines; other control characters and
 * invalid UTF-8 become U+FFFD. */
static void put_text_n(hw *w, const char *str, size_t len, int keep_lines) {
    const unsigned char *s = (const unsigned char *)str;
    size_t run = 0, i = 0;
    while (i < len) {
        unsigned char c = s[i];
        const char *rep = NULL;
        size_t skip = 1;
        if (c >= 0x80) {
            size_t n = sl_utf8_seq_len(s, len, i);
            if (n) { i += n; continue; }
            rep = "\xEF\xBF\xBD";
        } else if (c == '&') rep = "&amp;";
        else if (c == '<') rep = "&lt;";
        else if (c == '>') rep = "&gt;";
        else if (c == '"') rep = "&quot;";
        else if (c == '\'') rep = "&#39;";
        else if (c == '\n' || c == '\t' || c == '\r') rep = keep_lines && c == '\n' ? "\n" : " ";
        else if (c < 0x20 || c == 0x7F) rep = "\xEF\xBF\xBD";
        if (!rep) { i++; continue; }
        if (sl_buf_append(&w->b, s + run, i - run) || sl_buf_append(&w->b, rep, strlen(rep)))
            w->failed = 1;
        i += skip;
        run = i;
    }
    if (sl_buf_append(&w->b, s + run, len - run)) w->failed = 1;
    if (w->b.len >= (1u << 20)) hw_flush(w);
}
static void put_text(hw *w, sl_slice s) {
    if (s.len) put_text_n(w, s.ptr, s.len, 0);
}

/* The first max bytes of s at a character (and if possible word) boundary;
 * *cut set when something was left out. */
static sl_slice head_of(sl_slice s, size_t max, int *cut) {
    *cut = 0;
    while (s.len && (unsigned char)s.ptr[0] <= ' ') { s.ptr++; s.len--; }
    if (s.len <= max) return s;
    *cut = 1;
    size_t n = max;
    while (n > 0 && ((unsigned char)s.ptr[n] & 0xC0) == 0x80) n--;
    size_t word = n;
    while (word > max * 2 / 3 && s.ptr[word] != ' ' && s.ptr[word] != '\n') word--;
    if (word > max * 2 / 3) n = word;
    s.len = n;
    while (s.len && (s.ptr[s.len - 1] == ' ' || s.ptr[s.len - 1] == ',')) s.len--;
    return s;
}

static const char *month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "25 Apr 2009" */
static void put_day(hw *w, int32_t day) {
    if (day == SL_NO_DATE) { put(w, "undated"); return; }
    int y, m, d;
    sl_civil_from_days(day, &y, &m, &d);
    putf(w, "%d&nbsp;%s&nbsp;%d", d, month_abbr[m - 1], y);
}
/* <time datetime="2009-04-25">25 Apr 2009</time> */
static void put_time(hw *w, int32_t day) {
    if (day == SL_NO_DATE) { put(w, "<span class=\"undated\">undated</span>"); return; }
    char iso[11];
    sl_format_date(day, iso);
    putf(w, "<time datetime=\"%s\">", iso);
    put_day(w, day);
    put(w, "</time>");
}
/* "25 Apr – 3 May 2009", "3 – 9 May 2009", "25 Apr 2009" */
static void put_range(hw *w, int32_t a, int32_t b) {
    if (a == SL_NO_DATE) { put(w, "undated"); return; }
    if (b == SL_NO_DATE || a == b) { put_day(w, a); return; }
    int ya, ma, da, yb, mb, db;
    sl_civil_from_days(a, &ya, &ma, &da);
    sl_civil_from_days(b, &yb, &mb, &db);
    if (ya != yb) putf(w, "%d&nbsp;%s&nbsp;%d", da, month_abbr[ma - 1], ya);
    else if (ma != mb) putf(w, "%d&nbsp;%s", da, month_abbr[ma - 1]);
    else putf(w, "%d", da);
    put(w, " – ");
    put_day(w, b);
}
/* 12345 → "12,345" */
static void put_count(hw *w, size_t v) {
    char digits[32], out[48];
    int n = snprintf(digits, sizeof digits, "%zu", v), o = 0;
    for (int k = 0; k < n; k++) {
        if (k && (n - k) % 3 == 0) out[o++] = ',';
        out[o++] = digits[k];
    }
    out[o] = '\0';
    put(w, out);
}
static void put_plural(hw *w, size_t v, const char *one, const char *many) {
    put_count(w, v);
    put(w, " ");
    put(w, v == 1 ? one : many);
}

static int is_web_url(sl_slice u) {
    return (u.len > 7 && memcmp(u.ptr, "http://", 7) == 0) ||
           (u.len > 8 && memcmp(u.ptr, "https://", 8) == 0);
}

/* ---- the chart -------------------------------------------------------------- */

typedef enum { BIN_DAY, BIN_WEEK, BIN_MONTH, BIN_YEAR, BIN_HOUR } bin_unit;

static int64_t bin_of(int32_t day, bin_unit unit) {
    int y, m, d;
    switch (unit) {
    case BIN_DAY: return day;
    /* Weeks start on Monday; day 4 (1970-01-05) was one, so Mondays are
     * 4 modulo 7 and the division is exact. */
    case BIN_WEEK: return (day - sl_weekday(day) - 4) / 7;
    case BIN_MONTH: sl_civil_from_days(day, &y, &m, &d); return (int64_t)y * 12 + (m - 1);
    default: sl_civil_from_days(day, &y, &m, &d); return y;
    }
}
static int32_t bin_start(int64_t bin, bin_unit unit) {
    switch (unit) {
    case BIN_DAY: return (int32_t)bin;
    case BIN_WEEK: return (int32_t)(bin * 7 + 4);
    case BIN_MONTH: return sl_days_from_civil((int)(bin / 12), (int)(bin % 12) + 1, 1);
    default: return sl_days_from_civil((int)bin, 1, 1);
    }
}

/* An hour key: hours since 1970-01-01 00:00 UTC. */
static int64_t hour_key(int32_t day, int32_t time) { return (int64_t)day * 24 + time / 3600; }

/* "11 Mar 2014 09:00" */
static void put_hour(hw *w, int64_t key) {
    int32_t day = (int32_t)(key >= 0 ? key / 24 : -((-key + 23) / 24));
    put_day(w, day);
    putf(w, " %02d:00", (int)(key - (int64_t)day * 24));
}

/* A bar chart of the story's articles per day; per week, month or year for
 * long stories; per hour for a story of two days at most whose articles
 * mostly carry a time of day (headline streams). */
static void put_chart(hw *w, const rp_story *st) {
    if (!st->n_per_day) return;
    int32_t span = st->last_day - st->first_day + 1;
    bin_unit unit = span <= 120 ? BIN_DAY : span <= 7 * 110 ? BIN_WEEK : span <= 31 * 150 ? BIN_MONTH : BIN_YEAR;
    static const char *unit_name[] = {"day", "week", "month", "year", "hour"};
    int64_t b0 = bin_of(st->first_day, unit), b1 = bin_of(st->last_day, unit);
    size_t timed = 0, dated = st->n_members - st->n_undated;
    int64_t h0 = INT64_MAX, h1 = INT64_MIN;
    for (size_t k = 0; span <= 2 && k < st->n_members; k++) {
        uint32_t i = st->members[k];
        int32_t t = rp_source(w->r, i)->time;
        if (w->r->art[i].date == SL_NO_DATE || t == SL_NO_TIME) continue;
        int64_t h = hour_key(w->r->art[i].date, t);
        if (h < h0) h0 = h;
        if (h > h1) h1 = h;
        timed++;
    }
    if (span <= 2 && timed >= 2 && timed * 2 >= dated) {
        unit = BIN_HOUR;
        b0 = h0;
        b1 = h1;
    }
    size_t nb = (size_t)(b1 - b0 + 1);
    /* Pad very short stories so bars do not become slabs. */
    size_t slots = nb < 14 ? 14 : nb;
    uint32_t *count = calloc(slots, sizeof *count);
    uint8_t *marked = calloc(slots, 1);
    if (!count || !marked) { free(count); free(marked); w->failed = 1; return; }
    uint32_t max = 0;
    if (unit == BIN_HOUR) {
        for (size_t k = 0; k < st->n_members; k++) {
            uint32_t i = st->members[k];
            int32_t t = rp_source(w->r, i)->time;
            if (w->r->art[i].date == SL_NO_DATE || t == SL_NO_TIME) continue;
            size_t b = (size_t)(hour_key(w->r->art[i].date, t) - b0);
            if (++count[b] > max) max = count[b];
        }
    } else {
        for (size_t k = 0; k < st->n_per_day; k++) {
            size_t b = (size_t)(bin_of(st->per_day[k].day, unit) - b0);
            count[b] += st->per_day[k].count;
            if (count[b] > max) max = count[b];
        }
        for (size_t k = 0; k < st->n_timeline; k++)
            if (st->timeline[k].day != SL_NO_DATE) {
                int64_t b = bin_of(st->timeline[k].day, unit) - b0;
                if (b >= 0 && (size_t)b < nb) marked[b] = 1;
            }
    }
    const double W = 640, H = 64, top = 14, base = top + H;
    double step = W / (double)slots, bar = step > 3 ? step * 0.78 : step;
    put(w, "<figure class=\"chart\"><svg viewBox=\"0 0 640 104\" role=\"img\" aria-label=\"articles per ");
    put(w, unit_name[unit]);
    put(w, "\" preserveAspectRatio=\"xMinYMid meet\">");
    putf(w, "<line class=\"axis\" x1=\"0\" y1=\"%.1f\" x2=\"640\" y2=\"%.1f\"/>", base + 0.5, base + 0.5);
    putf(w, "<line class=\"grid\" x1=\"0\" y1=\"%.1f\" x2=\"640\" y2=\"%.1f\"/>", top, top);
    for (size_t b = 0; b < nb; b++) {
        double x = (double)b * step + (step - bar) / 2;
        if (count[b]) {
            double h = (double)count[b] / (double)max * H;
            if (h < 1.5) h = 1.5;
            putf(w, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>", x, base - h, bar, h);
            if (unit == BIN_HOUR) {
                put_hour(w, b0 + (int64_t)b);
            } else {
                char iso[11];
                sl_format_date(bin_start(b0 + (int64_t)b, unit), iso);
                putf(w, "%s%s", unit == BIN_DAY ? "" : "from ", iso);
            }
            putf(w, ": %u article%s</title></rect>", count[b], count[b] == 1 ? "" : "s");
        }
        if (marked[b]) putf(w, "<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\"/>", x + bar / 2, base + 7);
    }
    putf(w, "<text class=\"lbl\" x=\"0\" y=\"10\">%u</text>", max);
    putf(w, "<text class=\"lbl\" x=\"0\" y=\"%.0f\">", base + 22);
    /* Both ends labelled when there is room between them, else the range. */
    int room = (double)nb * step >= 150;
    if (unit == BIN_HOUR) put_hour(w, b0);
    else if (room) put_day(w, st->first_day);
    else put_range(w, st->first_day, st->last_day);
    put(w, "</text>");
    if (room && b1 != b0) {
        putf(w, "<text class=\"lbl\" x=\"%.1f\" y=\"%.0f\" text-anchor=\"end\">", nb < slots ? (double)nb * step : W,
             base + 22);
        if (unit == BIN_HOUR) put_hour(w, b1);
        else put_day(w, st->last_day);
        put(w, "</text>");
    }
    put(w, "</svg><figcaption>Articles per ");
    put(w, unit_name[unit]);
    if (unit == BIN_HOUR) put(w, " (UTC)");
    else if (st->n_timeline) put(w, " · <span class=\"dot\"></span> timeline dates");
    put(w, "</figcaption></figure>\n");
    free(count);
    free(marked);
}

/* ---- articles ---------------------------------------------------------------- */

static void put_anchor_id(hw *w, uint32_t i) { putf(w, "a%u", i); }

/* "Reuters · 25 Apr 2009 · id" */
static void put_byline(hw *w, uint32_t i) {
    const sl_article *src = rp_source(w->r, i);
    const rp_article *a = &w->r->art[i];
    put(w, "<span class=\"by\">");
    if (src->source.len) {
        put(w, "<span class=\"pub\">");
        put_text(w, src->source);
        put(w, "</span> · ");
    }
    put_time(w, a->date);
    put(w, " · <span class=\"id\">");
    put_text(w, src->id);
    put(w, "</span></span>");
}

static void put_title_link(hw *w, uint32_t i) {
    const sl_article *src = rp_source(w->r, i);
    int cut;
    sl_slice label = rp_article_label(w->r, i, 160, &cut);
    if (is_web_url(src->url)) {
        put(w, "<a class=\"t\" rel=\"noreferrer\" href=\"");
        put_text(w, src->url);
        put(w, "\">");
    } else {
        put(w, "<span class=\"t\">");
    }
    if (label.len) put_text(w, label);
    else put(w, "(no text)");
    if (cut) put(w, "…");
    put(w, is_web_url(src->url) ? "</a>" : "</span>");
}

static void put_original(hw *w, uint32_t i) {
    const rp_article *a = &w->r->art[i];
    put(w, "<li class=\"art\" id=\"");
    put_anchor_id(w, i);
    put(w, "\">");
    put_title_link(w, i);
    put(w, " ");
    put_byline(w, i);
    /* The snippet: the text's start, or its continuation after the title. */
    int cut, label_cut = 0;
    sl_slice rest = a->text;
    if (!a->title.len) {
        /* The label is the text's start: the snippet goes on from there. */
        sl_slice label = rp_article_label(w->r, i, 160, &label_cut);
        size_t skip = label.len ? (size_t)(label.ptr + label.len - rest.ptr) : 0;
        rest = sl_slice_of(rest.ptr + skip, rest.len - skip);
    }
    sl_slice snip = head_of(rest, SNIPPET, &cut);
    if (snip.len) {
        put(w, "<p class=\"snip\">");
        if (!a->title.len && label_cut) put(w, "…");
        put_text(w, snip);
        if (cut) put(w, "…");
        put(w, "</p>");
    }
    size_t ncopies = 0;
    for (uint32_t c = w->first_copy[i]; c != UINT32_MAX; c = w->next_copy[c]) ncopies++;
    if (ncopies) {
        size_t spun = 0;
        for (uint32_t c = w->first_copy[i]; c != UINT32_MAX; c = w->next_copy[c])
            spun += w->r->art[c].relation == SL_RUN_SPUN;
        put(w, "<details class=\"copies\"><summary>");
        put_plural(w, ncopies, "copy", "copies");
        if (spun) {
            put(w, " <span class=\"rel rel-spun\">");
            put_count(w, spun);
            put(w, " spun</span>");
        }
        put(w, "</summary><ul>");
        size_t k = 0;
        for (uint32_t c = w->first_copy[i]; c != UINT32_MAX && k < MAX_COPIES; c = w->next_copy[c], k++) {
            const rp_article *ca = &w->r->art[c];
            put(w, "<li id=\"");
            put_anchor_id(w, c);
            putf(w, "\"><span class=\"rel rel-%s\" title=\"%s\">%s</span> ", rp_relation_name(ca->relation),
                 ca->relation == SL_RUN_SPUN      ? "machine-spun copy: words replaced by synonyms"
                 : ca->relation == SL_RUN_EXCERPT ? "an excerpt of the original"
                 : ca->relation == SL_RUN_EXACT   ? "the same text"
                                                  : "an edited or re-published copy",
                 rp_relation_name(ca->relation));
            put_title_link(w, c);
            put(w, " ");
            put_byline(w, c);
            if (ca->relation != SL_RUN_EXACT && ca->similarity > 0 && ca->similarity < 1)
                putf(w, " <span class=\"sim\">%.0f%% similar</span>", (double)ca->similarity * 100);
            put(w, "</li>");
        }
        if (ncopies > MAX_COPIES) {
            put(w, "<li class=\"more\">… ");
            put_plural(w, ncopies - MAX_COPIES, "more copy", "more copies");
            put(w, " in articles.jsonl</li>");
        }
        put(w, "</ul></details>");
    }
    put(w, "</li>\n");
}

/* The events of a story shown in the page: all, or the MAX_EVENTS largest
 * (kept in date order).  Writes the chosen event indices into out. */
static size_t shown_events(const sl_run *r, const rp_story *st, uint32_t *out) {
    if (st->n_events <= MAX_EVENTS) {
        memcpy(out, st->events, st->n_events * sizeof *out);
        return st->n_events;
    }
    /* The size of the MAX_EVENTS-th largest event, by counting sizes. */
    size_t maxsize = 0;
    for (size_t k = 0; k < st->n_events; k++)
        if (r->events[st->events[k]].n_members > maxsize) maxsize = r->events[st->events[k]].n_members;
    size_t *hist = calloc(maxsize + 1, sizeof *hist);
    if (!hist) return 0;
    for (size_t k = 0; k < st->n_events; k++) hist[r->events[st->events[k]].n_members]++;
    size_t threshold = maxsize, taken = 0;
    while (threshold > 0 && taken + hist[threshold] <= MAX_EVENTS) taken += hist[threshold--];
    /* Events above threshold all fit; fill with events of size threshold. */
    size_t room = MAX_EVENTS - taken, n = 0;
    for (size_t k = 0; k < st->n_events; k++) {
        size_t sz = r->events[st->events[k]].n_members;
        if (sz > threshold || (sz == threshold && room && room--)) out[n++] = st->events[k];
    }
    free(hist);
    return n;
}

static void mark_shown(hw *w, const rp_story *st, const uint32_t *events, size_t ne) {
    for (size_t k = 0; k < ne; k++) {
        const rp_event *ev = &w->r->events[events[k]];
        size_t originals = 0;
        for (size_t m = 0; m < ev->n_members; m++) {
            uint32_t i = ev->members[m];
            if (w->r->art[i].group != i || originals++ >= MAX_ORIGINALS) continue;
            w->shown[i] = 1;
            size_t c = 0;
            for (uint32_t j = w->first_copy[i]; j != UINT32_MAX && c < MAX_COPIES; j = w->next_copy[j], c++)
                w->shown[j] = 1;
        }
    }
    (void)st;
}

static void put_event(hw *w, uint32_t e) {
    const rp_event *ev = &w->r->events[e];
    put(w, "<details class=\"event\" id=\"");
    putf(w, "e%u\"><summary><span class=\"ev-date\">", e + 1);
    put_range(w, ev->first_day, ev->last_day);
    put(w, "</span><span class=\"ev-label\">");
    put_text(w, ev->label);
    put(w, "</span><span class=\"ev-n\">");
    put_count(w, ev->n_members);
    if (ev->n_copies) {
        put(w, " <span class=\"ev-c\">(");
        put_count(w, ev->n_copies);
        put(w, ev->n_copies == 1 ? " copy)" : " copies)");
        put(w, "</span>");
    }
    put(w, "</span></summary><ul class=\"arts\">\n");
    size_t originals = 0;
    for (size_t m = 0; m < ev->n_members; m++) {
        uint32_t i = ev->members[m];
        if (w->r->art[i].group != i) continue;
        if (originals++ < MAX_ORIGINALS) put_original(w, i);
    }
    if (originals > MAX_ORIGINALS) {
        put(w, "<li class=\"more\">… ");
        put_plural(w, originals - MAX_ORIGINALS, "more article", "more articles");
        put(w, " in articles.jsonl</li>");
    }
    put(w, "</ul></details>\n");
}

static void put_timeline(hw *w, const rp_story *st) {
    if (!st->n_timeline) {
        put(w, "<p class=\"empty\">No dated sentences for a timeline.</p>\n");
        return;
    }
    put(w, "<ol class=\"tl\">\n");
    for (size_t k = 0; k < st->n_timeline; k++) {
        const rp_entry *en = &st->timeline[k];
        put(w, "<li><div class=\"tl-date\">");
        put_time(w, en->day);
        put(w, "</div><div class=\"tl-body\">");
        for (size_t j = 0; j < en->n_sentences; j++) {
            put(w, "<p>");
            put_text(w, en->sentences[j]);
            put(w, "</p>");
        }
        if (en->n_sources) {
            put(w, "<p class=\"srcs\">");
            for (size_t j = 0; j < en->n_sources && j < MAX_SOURCES; j++) {
                uint32_t i = en->sources[j];
                const sl_article *src = rp_source(w->r, i);
                sl_slice name = src->source.len ? src->source : src->id;
                if (w->shown[i]) {
                    put(w, "<a href=\"#");
                    put_anchor_id(w, i);
                    put(w, "\" title=\"");
                    put_text(w, rp_article_label(w->r, i, 160, NULL));
                    put(w, "\">");
                } else {
                    put(w, "<span title=\"");
                    put_text(w, src->id);
                    put(w, "\">");
                }
                put_text(w, name);
                put(w, w->shown[i] ? "</a>" : "</span>");
            }
            if (en->n_sources > MAX_SOURCES) putf(w, "<span>+%zu</span>", en->n_sources - MAX_SOURCES);
            put(w, "</p>");
        }
        put(w, "</div></li>\n");
    }
    put(w, "</ol>\n");
}

static void put_story(hw *w, size_t s, uint32_t *event_buf) {
    const sl_run *r = w->r;
    const rp_story *st = &r->stories[s];
    size_t ne = shown_events(r, st, event_buf);
    mark_shown(w, st, event_buf, ne);
    putf(w, "<article class=\"story\" id=\"story-%zu\">\n<header class=\"story-head\"><p class=\"kicker\">Story %zu · ",
         s + 1, s + 1);
    put_range(w, st->first_day, st->last_day);
    put(w, "</p>\n<h2>");
    put_text(w, st->label);
    put(w, "</h2>\n<p class=\"facts\"><b>");
    put_count(w, st->n_members);
    put(w, "</b> ");
    put(w, st->n_members == 1 ? "article" : "articles");
    put(w, " · <b>");
    put_count(w, st->n_copies);
    put(w, "</b> ");
    put(w, st->n_copies == 1 ? "copy" : "copies");
    put(w, " · <b>");
    put_count(w, st->n_events);
    put(w, "</b> ");
    put(w, st->n_events == 1 ? "event" : "events");
    if (st->n_terms) {
        put(w, " · ");
        for (size_t k = 0; k < st->n_terms; k++) {
            put(w, "<span class=\"term\">");
            put_text(w, st->terms[k]);
            put(w, "</span>");
        }
    }
    put(w, "</p>\n");
    /* Who reported it first. */
    {
        uint32_t first = st->members[0];
        const sl_article *src = rp_source(r, first);
        put(w, "<p class=\"first\">First reported ");
        if (src->source.len) {
            put(w, "by ");
            if (w->shown[first]) {
                put(w, "<a href=\"#");
                put_anchor_id(w, first);
                put(w, "\">");
            }
            put_text(w, src->source);
            if (w->shown[first]) put(w, "</a>");
            put(w, " ");
        } else if (w->shown[first]) {
            put(w, "in <a href=\"#");
            put_anchor_id(w, first);
            put(w, "\">");
            put_text(w, src->id);
            put(w, "</a> ");
        }
        if (r->art[first].date != SL_NO_DATE) {
            put(w, "on ");
            put_time(w, r->art[first].date);
        }
        put(w, "</p>\n");
    }
    put_chart(w, st);
    put(w, "</header>\n<section class=\"timeline\"><h3>Timeline</h3>\n");
    put_timeline(w, st);
    put(w, "</section>\n<section class=\"events\"><h3>");
    if (ne < st->n_events) {
        put(w, "Events <span class=\"muted\">(the ");
        put_count(w, ne);
        put(w, " largest of ");
        put_count(w, st->n_events);
        put(w, ")</span>");
    } else {
        put(w, "Events <span class=\"muted\">(");
        put_count(w, st->n_events);
        put(w, ")</span>");
    }
    put(w, "</h3>\n");
    for (size_t k = 0; k < ne; k++) put_event(w, event_buf[k]);
    put(w, "</section>\n</article>\n");
}

/* ---- the page ---------------------------------------------------------------- */

static const char css[] =
    ":root{--ink:#1d2126;--soft:#5b636e;--faint:#8a929c;--line:#e4e1da;--paper:#fbfaf7;--card:#fff;"
    "--accent:#b4441c;--accent-soft:#f6e3d9;--bar:#3b6ea5;--serif:'Iowan Old Style','Palatino Linotype',"
    "Palatino,'Book Antiqua',Georgia,serif;--sans:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',"
    "'Helvetica Neue',Arial,sans-serif}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.55 var(--sans)}\n"
    "a{color:var(--bar);text-decoration:none}a:hover{text-decoration:underline}\n"
    ".wrap{max-width:980px;margin:0 auto;padding:0 24px}\n"
    ".top{background:#fff;border-bottom:1px solid var(--line);padding:28px 0 22px}\n"
    ".brand{margin:0;font:600 12px/1 var(--sans);letter-spacing:.14em;text-transform:uppercase;color:var(--accent)}\n"
    ".top h1{margin:.35em 0 .2em;font:600 2.1rem/1.15 var(--serif);letter-spacing:-.01em}\n"
    ".top .facts{margin:0;color:var(--soft)}\n"
    ".tools{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px;align-items:center}\n"
    ".tools input{flex:1 1 200px;max-width:360px;font:inherit;padding:7px 11px;border:1px solid var(--line);"
    "border-radius:8px;background:var(--paper)}\n"
    ".tools button{font:inherit;font-size:.85rem;padding:6px 12px;border:1px solid var(--line);border-radius:8px;"
    "background:#fff;color:var(--soft);cursor:pointer;white-space:nowrap}.tools button:hover{color:var(--ink);border-color:#cfcac0}\n"
    ".toc{margin:28px 0 8px}.toc h2{font:600 .8rem/1 var(--sans);letter-spacing:.1em;text-transform:uppercase;"
    "color:var(--faint);margin:0 0 10px}\n"
    ".toc ol{list-style:none;margin:0;padding:0;columns:2;column-gap:32px}\n"
    ".toc li{break-inside:avoid;display:flex;gap:10px;align-items:baseline;padding:3px 0;border-bottom:1px dotted var(--line)}\n"
    ".toc .rk{color:var(--faint);font-size:.8rem;min-width:1.6em;text-align:right}\n"
    ".toc a{color:var(--ink);flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}\n"
    ".toc .n{color:var(--soft);font-size:.85rem;font-variant-numeric:tabular-nums}\n"
    ".story{background:var(--card);border:1px solid var(--line);border-radius:14px;margin:26px 0;"
    "padding:26px 30px 18px;box-shadow:0 1px 2px rgba(0,0,0,.03)}\n"
    ".kicker{margin:0;color:var(--accent);font-size:.8rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase}\n"
    ".story h2{margin:.2em 0 .25em;font:600 1.6rem/1.2 var(--serif)}\n"
    ".story .facts{margin:0 0 2px;color:var(--soft);font-size:.92rem}.facts b{color:var(--ink);font-weight:600}\n"
    ".first{margin:0 0 8px;color:var(--faint);font-size:.85rem}\n"
    ".term{display:inline-block;background:var(--paper);border:1px solid var(--line);border-radius:99px;"
    "padding:0 8px;margin:0 4px 0 0;font-size:.8rem}\n"
    ".chart{margin:10px 0 4px}.chart svg{width:100%;max-width:640px;height:auto;display:block}\n"
    ".chart rect{fill:var(--bar)}.chart rect:hover{fill:var(--accent)}.chart .axis{stroke:#c9c4ba;stroke-width:1}\n"
    ".chart .grid{stroke:var(--line);stroke-dasharray:2 3}.chart .mark{fill:var(--accent)}\n"
    ".chart .lbl{font:11px var(--sans);fill:var(--faint)}\n"
    ".chart figcaption{font-size:.78rem;color:var(--faint)}\n"
    ".dot{display:inline-block;width:7px;height:7px;border-radius:50%;background:var(--accent);vertical-align:1px}\n"
    "h3{font:600 .8rem/1 var(--sans);letter-spacing:.1em;text-transform:uppercase;color:var(--faint);margin:26px 0 12px}\n"
    ".muted{text-transform:none;letter-spacing:0;font-weight:400}\n"
    ".tl{list-style:none;margin:0;padding:0;position:relative}\n"
    ".tl li{display:grid;grid-template-columns:118px 1fr;gap:18px;position:relative;padding:0 0 16px}\n"
    ".tl li::before{content:'';position:absolute;left:130px;top:.55em;width:9px;height:9px;border-radius:50%;"
    "background:var(--accent);box-shadow:0 0 0 3px var(--accent-soft)}\n"
    ".tl li::after{content:'';position:absolute;left:134px;top:1.4em;bottom:-.3em;width:1px;background:var(--line)}\n"
    ".tl li:last-child::after{display:none}\n"
    ".tl-date{text-align:right;font-weight:600;font-size:.9rem;color:var(--ink);padding-top:.1em;"
    "font-variant-numeric:tabular-nums}\n"
    ".tl-body{padding-left:22px}.tl-body p{margin:0 0 .35em;font:1.04rem/1.5 var(--serif)}\n"
    ".tl-body p.srcs{font:.78rem/1.4 var(--sans);color:var(--faint);margin-top:.2em}\n"
    ".srcs a,.srcs span{margin-right:8px}\n"
    ".event{border-top:1px solid var(--line)}.event:last-child{border-bottom:1px solid var(--line)}\n"
    ".event>summary{display:grid;grid-template-columns:150px 1fr auto;gap:14px;padding:9px 4px;cursor:pointer;"
    "list-style:none;align-items:baseline}\n"
    ".event>summary::-webkit-details-marker{display:none}\n"
    ".event>summary:hover{background:var(--paper)}\n"
    ".ev-date{color:var(--soft);font-size:.85rem;font-variant-numeric:tabular-nums}\n"
    ".ev-label{font-weight:500}.ev-label::before{content:'▸';color:var(--faint);margin-right:8px;display:inline-block;"
    "transition:transform .15s}\n"
    ".event[open] .ev-label::before{transform:rotate(90deg)}\n"
    ".ev-n{color:var(--soft);font-size:.85rem;white-space:nowrap;font-variant-numeric:tabular-nums}.ev-c{color:var(--faint)}\n"
    ".arts{list-style:none;margin:0 0 12px;padding:0 4px 0 164px}\n"
    ".art{padding:8px 0;border-top:1px dashed var(--line)}.art:first-child{border-top:0}\n"
    ".art .t{font-weight:600;color:var(--ink)}.art a.t:hover{color:var(--bar)}\n"
    ".by{display:block;color:var(--faint);font-size:.8rem}.pub{color:var(--soft)}.id{font-family:ui-monospace,"
    "SFMono-Regular,Menlo,Consolas,monospace;font-size:.75rem}\n"
    ".snip{margin:.3em 0 0;color:#3a4048;font:.95rem/1.5 var(--serif)}\n"
    ".copies{margin:.4em 0 0}.copies>summary{cursor:pointer;color:var(--soft);font-size:.82rem}\n"
    ".copies ul{list-style:none;margin:.3em 0 0;padding:0 0 0 14px;border-left:2px solid var(--line)}\n"
    ".copies li{padding:4px 0;font-size:.9rem}.copies .t{font-weight:500}.copies .by{display:inline;margin-left:6px}\n"
    ".rel{display:inline-block;font-size:.68rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase;"
    "padding:1px 6px;border-radius:4px;margin-right:4px;vertical-align:1px;background:#eceae5;color:#555}\n"
    ".rel-near{background:#e2ecf6;color:#2c5687}.rel-excerpt{background:#e3f0e3;color:#2f6a34}\n"
    ".rel-spun{background:#fbe3d6;color:#a13a10}\n"
    ".sim{color:var(--faint);font-size:.78rem}\n"
    ".more{color:var(--faint);font-size:.85rem;padding:6px 0}\n"
    ".compact{width:100%;border-collapse:collapse;font-size:.9rem}\n"
    ".compact td{padding:5px 8px;border-top:1px solid var(--line)}.compact td.n{text-align:right;color:var(--soft);"
    "white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".empty{color:var(--faint)}\n"
    "footer{color:var(--faint);font-size:.8rem;padding:20px 0 40px}\n"
    ".hidden{display:none}\n"
    "@media (max-width:720px){.wrap{padding:0 14px}.top h1{font-size:1.7rem}.toc ol{columns:1}"
    ".tl li{grid-template-columns:1fr;gap:2px;padding-left:24px}.tl-date{text-align:left}.tl-body{padding-left:0}"
    ".tl li::before{left:0;top:.45em}.tl li::after{left:4px;top:1.3em}"
    ".event>summary{grid-template-columns:1fr auto;gap:4px 10px}.ev-date{grid-column:1/3}"
    ".arts{padding-left:8px}.story{padding:18px 16px}.story h2{font-size:1.35rem}}\n"
    "@media print{.tools{display:none}.story{break-inside:avoid-page;box-shadow:none}}\n";

static const char script[] =
    "(function(){\n"
    "var tools=document.getElementById('tools');tools.hidden=false;\n"
    "var q=document.getElementById('filter'),stories=[].slice.call(document.querySelectorAll('.story'));\n"
    "q.addEventListener('input',function(){var v=q.value.toLowerCase().trim();stories.forEach(function(s){"
    "s.classList.toggle('hidden',v!==''&&s.textContent.toLowerCase().indexOf(v)<0);});});\n"
    "function all(open){document.querySelectorAll('details').forEach(function(d){d.open=open;});}\n"
    "document.getElementById('btn-expand').onclick=function(){all(true);};\n"
    "document.getElementById('btn-collapse').onclick=function(){all(false);};\n"
    "function reveal(){var id=decodeURIComponent(location.hash.slice(1));if(!id)return;"
    "if(id==='expand'){all(true);return;}"
    "var el=document.getElementById(id);if(!el)return;"
    "for(var p=el;p;p=p.parentElement){if(p.tagName==='DETAILS')p.open=true;}"
    "el.scrollIntoView();}\n"
    "window.addEventListener('hashchange',reveal);reveal();\n"
    "})();\n";

int rp_write_index_html(const sl_run *r, const char *path) {
    hw w;
    memset(&w, 0, sizeof w);
    w.r = r;
    size_t n = r->n ? r->n : 1;
    w.first_copy = malloc(n * sizeof *w.first_copy);
    w.next_copy = malloc(n * sizeof *w.next_copy);
    uint32_t *last_copy = malloc(n * sizeof *last_copy);
    w.shown = calloc(n, 1);
    size_t max_events = MAX_EVENTS;
    for (size_t s = 0; s < r->n_stories; s++)
        if (r->stories[s].n_events > max_events) max_events = r->stories[s].n_events;
    uint32_t *event_buf = malloc(max_events * sizeof *event_buf);
    w.f = fopen(path, "wb");
    if (!w.first_copy || !w.next_copy || !last_copy || !w.shown || !event_buf || !w.f) {
        int saved = errno ? errno : ENOMEM;
        if (w.f) fclose(w.f);
        free(w.first_copy), free(w.next_copy), free(last_copy), free(w.shown), free(event_buf);
        errno = saved;
        return SL_EIO;
    }
    /* Copies of each representative, in (date, index) order. */
    for (size_t i = 0; i < r->n; i++) w.first_copy[i] = w.next_copy[i] = last_copy[i] = UINT32_MAX;
    for (size_t e = 0; e < r->n_events; e++)
        for (size_t m = 0; m < r->events[e].n_members; m++) {
            uint32_t i = r->events[e].members[m], g = r->art[i].group;
            if (g == i) continue;
            if (last_copy[g] == UINT32_MAX) w.first_copy[g] = i;
            else w.next_copy[last_copy[g]] = i;
            last_copy[g] = i;
        }
    free(last_copy);

    /* Stories of several articles are shown in full (single articles are
     * listed), unless there are none. */
    size_t html_stories = r->html_stories ? r->html_stories : 100;
    size_t full = 0;
    while (full < r->n_stories && r->stories[full].n_members > 1) full++;
    if (full == 0) full = r->n_stories;
    if (full > html_stories) full = html_stories;
    int32_t first = SL_NO_DATE, last = SL_NO_DATE;
    for (size_t s = 0; s < r->n_stories; s++) {
        const rp_story *st = &r->stories[s];
        if (st->first_day != SL_NO_DATE && (first == SL_NO_DATE || st->first_day < first)) first = st->first_day;
        if (st->last_day != SL_NO_DATE && (last == SL_NO_DATE || st->last_day > last)) last = st->last_day;
    }

    put(&w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"storyline " SL_VERSION_STRING "\">\n<title>");
    put_plural(&w, r->n_stories, "story", "stories");
    put(&w, " in ");
    put_plural(&w, r->n, "article", "articles");
    put(&w, " — storyline</title>\n<style>\n");
    put(&w, css);
    put(&w, "</style>\n</head>\n<body>\n<header class=\"top\"><div class=\"wrap\">\n"
            "<p class=\"brand\">storyline report</p>\n<h1>");
    put_plural(&w, r->n_stories, "story", "stories");
    put(&w, " in ");
    put_plural(&w, r->n, "article", "articles");
    put(&w, "</h1>\n<p class=\"facts\">");
    put_plural(&w, r->stats.copies, "copy", "copies");
    put(&w, " of ");
    put_plural(&w, r->stats.groups, "original", "originals");
    put(&w, " · ");
    put_plural(&w, r->n_events, "event", "events");
    if (first != SL_NO_DATE) {
        put(&w, " · ");
        put_range(&w, first, last);
    }
    put(&w, "</p>\n<div class=\"tools\" id=\"tools\" hidden><input id=\"filter\" type=\"search\" "
            "placeholder=\"Filter stories…\" aria-label=\"Filter stories\">"
            "<button id=\"btn-expand\" type=\"button\">Expand all</button>"
            "<button id=\"btn-collapse\" type=\"button\">Collapse all</button></div>\n"
            "</div></header>\n<main class=\"wrap\">\n");

    if (r->n_stories == 0) put(&w, "<p class=\"empty\">No articles were read.</p>\n");
    if (r->n_stories > 1) {
        put(&w, "<nav class=\"toc\"><h2>Stories</h2><ol>\n");
        for (size_t s = 0; s < full; s++) {
            putf(&w, "<li><span class=\"rk\">%zu</span><a href=\"#story-%zu\">", s + 1, s + 1);
            put_text(&w, r->stories[s].label);
            put(&w, "</a><span class=\"n\">");
            put_count(&w, r->stories[s].n_members);
            put(&w, "</span></li>\n");
        }
        put(&w, "</ol></nav>\n");
    }
    for (size_t s = 0; s < full; s++) put_story(&w, s, event_buf);
    if (full < r->n_stories) {
        put(&w, "<section class=\"story\" id=\"more-stories\"><h3>");
        if (r->stories[full].n_members == 1) {
            put(&w, "Single articles <span class=\"muted\">(");
            put_count(&w, r->n_stories - full);
            put(&w, ", in no larger story)</span>");
        } else {
            put(&w, "More stories");
        }
        put(&w, "</h3>\n<table class=\"compact\">\n");
        size_t end = r->n_stories < full + MAX_COMPACT ? r->n_stories : full + MAX_COMPACT;
        for (size_t s = full; s < end; s++) {
            const rp_story *st = &r->stories[s];
            putf(&w, "<tr><td class=\"n\">%zu</td><td>", s + 1);
            put_text(&w, st->label);
            put(&w, "</td><td class=\"n\">");
            put_range(&w, st->first_day, st->last_day);
            put(&w, "</td><td class=\"n\">");
            put_plural(&w, st->n_members, "article", "articles");
            put(&w, "</td></tr>\n");
        }
        put(&w, "</table>\n");
        if (end < r->n_stories) {
            put(&w, "<p class=\"more\">… and ");
            put_plural(&w, r->n_stories - end, "more story", "more stories");
            put(&w, " in stories.json</p>\n");
        }
        put(&w, "</section>\n");
    }
    put(&w, "</main>\n<footer class=\"wrap\">Made by storyline " SL_VERSION_STRING " · stages: ");
    static const char *names[] = {"clean", "dedup", "cluster", "timeline"};
    for (int k = 0; k < 4; k++) {
        putf(&w, "%s%s ", k ? ", " : "", names[k]);
        const char *p = r->stats.provenance[k] ? r->stats.provenance[k] : "";
        put_text_n(&w, p, strlen(p), 0);
    }
    put(&w, " · the same data for programs: articles.jsonl, stories.json, timelines.json</footer>\n<script>\n");
    put(&w, script);
    put(&w, "</script>\n</body>\n</html>\n");

    hw_flush(&w);
    int failed = w.failed;
    if (fclose(w.f) != 0) failed = 1;
    sl_buf_free(&w.b);
    free(w.first_copy), free(w.next_copy), free(w.shown), free(event_buf);
    if (failed && !errno) errno = EIO;
    return failed ? SL_EIO : 0;
}
