/*
 * write.c — a timeline as text, JSON or HTML.
 *
 * text  For a terminal: an optional title, then per date a heading line
 *       "Tuesday 12 June 2023 (2023-06-12) · N articles" and its sentences
 *       as bullets word-wrapped to 80 columns (counted in code points),
 *       then "sources:" with the article ids.
 * json  {"timeline":[{"date":"YYYY-MM-DD","sentences":[...],
 *       "sources":[ids],"articles":N}]} on one line, then a newline.
 * html  One self-contained page (inline CSS, no scripts, no external
 *       resources); every piece of text is escaped.
 * All three are pure functions of the timeline: deterministic.
 */
#include "timeline.h"

static const char *const month_names[] = {"January", "February", "March",     "April",
                                          "May",     "June",     "July",      "August",
                                          "September", "October", "November", "December"};
static const char *const weekday_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};

/* "Tuesday 12 June 2023" */
static void long_date(int32_t day, char *buf, size_t cap) {
    int y, m, d;
    sl_civil_from_days(day, &y, &m, &d);
    snprintf(buf, cap, "%s %d %s %d", weekday_names[sl_weekday(day)], d, month_names[m - 1], y);
}

static size_t code_points(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

/* Writes s word-wrapped: the first line after `first`, the next ones after
 * `indent`, no line longer than width code points unless one word is. */
static void put_wrapped(FILE *out, const char *s, size_t len, const char *first,
                        const char *indent, size_t width) {
    fputs(first, out);
    size_t col = strlen(first), ind = strlen(indent);
    size_t i = 0;
    int line_empty = 1;
    while (i < len) {
        while (i < len && s[i] == ' ') i++;
        size_t j = i;
        while (j < len && s[j] != ' ') j++;
        if (j == i) break;
        size_t w = code_points(s + i, j - i);
        if (!line_empty && col + 1 + w > width) {
            fputc('\n', out);
            fputs(indent, out);
            col = ind;
            line_empty = 1;
        }
        if (!line_empty) { fputc(' ', out); col++; }
        fwrite(s + i, 1, j - i, out);
        col += w;
        line_empty = 0;
        i = j;
    }
    fputc('\n', out);
}

static void write_text(FILE *out, const sl_timeline *t, const char *title) {
    if (title && *title) {
        fprintf(out, "%s\n", title);
        size_t n = code_points(title, strlen(title));
        for (size_t i = 0; i < n && i < 80; i++) fputc('=', out);
        fputs("\n\n", out);
    }
    if (sl_timeline_size(t) == 0) fputs("(no dated events found)\n", out);
    for (size_t i = 0; i < sl_timeline_size(t); i++) {
        char iso[11], human[64];
        int32_t day = sl_timeline_date(t, i);
        sl_format_date(day, iso);
        long_date(day, human, sizeof human);
        size_t support = sl_timeline_date_support(t, i);
        fprintf(out, "%s (%s) \xC2\xB7 %zu article%s\n", human, iso, support, support == 1 ? "" : "s");
        for (size_t j = 0; j < sl_timeline_sentence_count(t, i); j++) {
            sl_slice s = sl_timeline_sentence(t, i, j);
            put_wrapped(out, s.ptr, s.len, "  \xE2\x80\xA2 ", "    ", 80);
        }
        size_t ns = sl_timeline_source_count(t, i);
        if (ns) {
            fputs("    sources:", out);
            for (size_t k = 0; k < ns; k++) {
                sl_slice id = sl_timeline_source_id(t, i, k);
                fprintf(out, "%s %.*s", k ? "," : "", (int)id.len, id.ptr);
            }
            fputc('\n', out);
        }
        if (i + 1 < sl_timeline_size(t)) fputc('\n', out);
    }
}

static void write_json(FILE *out, const sl_timeline *t) {
    fputs("{\"timeline\":[", out);
    for (size_t i = 0; i < sl_timeline_size(t); i++) {
        char iso[11];
        sl_format_date(sl_timeline_date(t, i), iso);
        fprintf(out, "%s{\"date\":\"%s\",\"sentences\":[", i ? "," : "", iso);
        for (size_t j = 0; j < sl_timeline_sentence_count(t, i); j++) {
            sl_slice s = sl_timeline_sentence(t, i, j);
            if (j) fputc(',', out);
            sl_fput_json_string(out, s.ptr, s.len);
        }
        fputs("],\"sources\":[", out);
        for (size_t k = 0; k < sl_timeline_source_count(t, i); k++) {
            sl_slice id = sl_timeline_source_id(t, i, k);
            if (k) fputc(',', out);
            sl_fput_json_string(out, id.ptr, id.len);
        }
        fprintf(out, "],\"articles\":%zu}", sl_timeline_date_support(t, i));
    }
    fputs("]}\n", out);
}

static void put_html(FILE *out, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static const char html_style[] =
    "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:46rem;"
    "margin:2rem auto;padding:0 1rem;color:#222;background:#fff}"
    "h1{font-size:1.6rem;margin-bottom:.2rem}"
    ".meta{color:#666;font-size:.9rem;margin-bottom:2rem}"
    "ol.timeline{list-style:none;margin:0;padding:0;border-left:3px solid #c8d3e0}"
    "ol.timeline>li{position:relative;margin:0 0 1.6rem 0;padding-left:1.4rem}"
    "ol.timeline>li::before{content:'';position:absolute;left:-.55rem;top:.35rem;width:.8rem;"
    "height:.8rem;border-radius:50%;background:#3b6ea5}"
    "time{font-weight:600;color:#3b6ea5}"
    ".count{color:#888;font-size:.85rem;margin-left:.5rem}"
    "ul.sentences{margin:.3rem 0;padding-left:1.1rem}"
    ".sources{color:#888;font-size:.8rem}"
    "@media (prefers-color-scheme:dark){body{background:#161a1e;color:#ddd}"
    "ol.timeline{border-color:#3a4654}time{color:#8fb8e8}}";

static void write_html(FILE *out, const sl_timeline *t, const char *title) {
    const char *ttl = title && *title ? title : "Timeline";
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    put_html(out, ttl, strlen(ttl));
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", html_style);
    put_html(out, ttl, strlen(ttl));
    size_t n = sl_timeline_size(t);
    fprintf(out, "</h1>\n<p class=\"meta\">%zu date%s", n, n == 1 ? "" : "s");
    if (n) {
        char a[11], b[11];
        sl_format_date(sl_timeline_date(t, 0), a);
        sl_format_date(sl_timeline_date(t, n - 1), b);
        fprintf(out, ", %s to %s", a, b);
    }
    fputs(" &middot; made by storyline</p>\n<ol class=\"timeline\">\n", out);
    for (size_t i = 0; i < n; i++) {
        char iso[11], human[64];
        int32_t day = sl_timeline_date(t, i);
        sl_format_date(day, iso);
        long_date(day, human, sizeof human);
        size_t support = sl_timeline_date_support(t, i);
        fprintf(out, "<li><time datetime=\"%s\">%s</time><span class=\"count\">%zu article%s</span>\n"
                     "<ul class=\"sentences\">\n",
                iso, human, support, support == 1 ? "" : "s");
        for (size_t j = 0; j < sl_timeline_sentence_count(t, i); j++) {
            sl_slice s = sl_timeline_sentence(t, i, j);
            fputs("<li>", out);
            put_html(out, s.ptr, s.len);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
        size_t ns = sl_timeline_source_count(t, i);
        if (ns) {
            fputs("<div class=\"sources\">sources: ", out);
            for (size_t k = 0; k < ns; k++) {
                sl_slice id = sl_timeline_source_id(t, i, k);
                if (k) fputs(", ", out);
                put_html(out, id.ptr, id.len);
            }
            fputs("</div>\n", out);
        }
        fputs("</li>\n", out);
    }
    fputs("</ol>\n</body>\n</html>\n", out);
}

int sl_timeline_write(FILE *out, const sl_timeline *t, sl_timeline_format format,
                      const char *title) {
    switch (format) {
    case SL_TIMELINE_TEXT: write_text(out, t, title); break;
    case SL_TIMELINE_JSON: write_json(out, t); break;
    case SL_TIMELINE_HTML: write_html(out, t, title); break;
    default: return SL_EUSAGE;
    }
    return ferror(out) ? SL_EIO : 0;
}
