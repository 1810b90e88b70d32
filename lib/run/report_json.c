/*
 * report_json.c — the report's files for programs: articles.jsonl,
 * stories.json and timelines.json, written from the report model (run.h).
 *
 * Numbers: stories and events are numbered from 1 in report order (stories
 * largest first, events by story then date); articles are named by their
 * input id; a copy group by its representative's id.  Dates are YYYY-MM-DD
 * or null.  Every string goes through the JSON string writer, which escapes
 * quotes, backslashes and control characters and repairs invalid UTF-8, so
 * each file is valid JSON whatever the input held.
 *
 * Output is assembled in an sl_buf flushed to the file every 1 MiB, so
 * writing costs one pass over the model and no allocation per string.
 */
#include "run.h"

#include <errno.h>
#include <stdio.h>

typedef struct jw {
    FILE *f;
    sl_buf b;
    int failed;
} jw;

static void jw_flush(jw *w) {
    if (w->b.len && fwrite(w->b.data, 1, w->b.len, w->f) != w->b.len) w->failed = 1;
    w->b.len = 0;
}
static void jw_check(jw *w) {
    if (w->b.len >= (1u << 20)) jw_flush(w);
}
static void jw_raw(jw *w, const char *s) {
    if (sl_buf_append(&w->b, s, strlen(s))) w->failed = 1;
}
static void jw_str(jw *w, sl_slice s) {
    if (!s.ptr || !s.len) {
        if (sl_buf_append(&w->b, "\"\"", 2)) w->failed = 1;
        return;
    }
    if (sl_buf_json_string(&w->b, s.ptr, s.len)) w->failed = 1;
    jw_check(w);
}
/* A string, or null when empty. */
static void jw_str_or_null(jw *w, sl_slice s) {
    if (!s.len) jw_raw(w, "null");
    else jw_str(w, s);
}
static void jw_date(jw *w, int32_t day) {
    if (day == SL_NO_DATE) { jw_raw(w, "null"); return; }
    char d[11];
    sl_format_date(day, d);
    if (sl_buf_printf(&w->b, "\"%s\"", d)) w->failed = 1;
}
static void jw_num(jw *w, size_t v) {
    if (sl_buf_printf(&w->b, "%zu", v)) w->failed = 1;
}

static int jw_open(jw *w, const char *path) {
    memset(w, 0, sizeof *w);
    w->f = fopen(path, "wb");
    return w->f ? 0 : SL_EIO;
}
static int jw_close(jw *w) {
    jw_flush(w);
    int saved = errno;
    if (fclose(w->f) != 0) w->failed = 1;
    sl_buf_free(&w->b);
    if (w->failed && !errno) errno = saved ? saved : EIO;
    return w->failed ? SL_EIO : 0;
}

static sl_slice id_of(const sl_run *r, uint32_t i) { return rp_source(r, i)->id; }

/* A JSON array of strings: [s0,s1,...]. */
static void jw_str_array(jw *w, const sl_slice *v, size_t n) {
    jw_raw(w, "[");
    for (size_t i = 0; i < n; i++) {
        if (i) jw_raw(w, ",");
        jw_str(w, v[i]);
    }
    jw_raw(w, "]");
}

/* A JSON array of the ids of corpus articles idx[0..n). */
static void jw_id_array(jw *w, const sl_run *r, const uint32_t *idx, size_t n) {
    jw_raw(w, "[");
    for (size_t i = 0; i < n; i++) {
        if (i) jw_raw(w, ",");
        jw_str(w, id_of(r, idx[i]));
    }
    jw_raw(w, "]");
}

int rp_write_articles_jsonl(const sl_run *r, const char *path) {
    jw w;
    if (jw_open(&w, path)) return SL_EIO;
    /* In report order: story, event, date. */
    for (size_t e = 0; e < r->n_events; e++) {
        const rp_event *ev = &r->events[e];
        for (size_t k = 0; k < ev->n_members; k++) {
            uint32_t i = ev->members[k];
            const sl_article *src = rp_source(r, i);
            const rp_article *a = &r->art[i];
            jw_raw(&w, "{\"id\":");
            jw_str(&w, src->id);
            jw_raw(&w, ",\"date\":");
            jw_date(&w, a->date);
            jw_raw(&w, ",\"title\":");
            jw_str_or_null(&w, a->title);
            jw_raw(&w, ",\"source\":");
            jw_str_or_null(&w, src->source);
            jw_raw(&w, ",\"url\":");
            jw_str_or_null(&w, src->url);
            jw_raw(&w, ",\"group\":");
            jw_str(&w, id_of(r, a->group));
            jw_raw(&w, a->group == i ? ",\"representative\":true" : ",\"representative\":false");
            if (sl_buf_printf(&w.b, ",\"relation\":\"%s\",\"similarity\":%.3f,\"event\":%d,\"story\":%d,\"text\":",
                              rp_relation_name(a->relation), (double)a->similarity, a->event + 1,
                              a->story + 1))
                w.failed = 1;
            jw_str(&w, a->text);
            jw_raw(&w, "}\n");
            jw_check(&w);
        }
    }
    return jw_close(&w);
}

static void write_summary(jw *w, const sl_run *r) {
    const sl_run_stats *s = &r->stats;
    jw_raw(w, "\"generator\":\"storyline " SL_VERSION_STRING "\",\"articles\":");
    jw_num(w, s->articles);
    jw_raw(w, ",\"copies\":");
    jw_num(w, s->copies);
    jw_raw(w, ",\"events\":");
    jw_num(w, r->n_events);
    jw_raw(w, ",\"stories\":");
    jw_num(w, r->n_stories);
    jw_raw(w, ",\"stages\":{");
    static const char *names[] = {"clean", "dedup", "cluster", "timeline"};
    for (int k = 0; k < 4; k++) {
        if (sl_buf_printf(&w->b, "%s\"%s\":", k ? "," : "", names[k])) w->failed = 1;
        const char *p = s->provenance[k] ? s->provenance[k] : "";
        jw_str(w, sl_slice_of(p, strlen(p)));
    }
    jw_raw(w, "}");
}

int rp_write_stories_json(const sl_run *r, const char *path) {
    jw w;
    if (jw_open(&w, path)) return SL_EIO;
    jw_raw(&w, "{\"summary\":{");
    write_summary(&w, r);
    jw_raw(&w, "},\n\"stories\":[");
    for (size_t s = 0; s < r->n_stories; s++) {
        const rp_story *st = &r->stories[s];
        jw_raw(&w, s ? ",\n{\"story\":" : "\n{\"story\":");
        jw_num(&w, s + 1);
        jw_raw(&w, ",\"label\":");
        jw_str(&w, st->label);
        jw_raw(&w, ",\"articles\":");
        jw_num(&w, st->n_members);
        jw_raw(&w, ",\"originals\":");
        jw_num(&w, st->n_members - st->n_copies);
        jw_raw(&w, ",\"copies\":");
        jw_num(&w, st->n_copies);
        jw_raw(&w, ",\"first\":");
        jw_date(&w, st->first_day);
        jw_raw(&w, ",\"last\":");
        jw_date(&w, st->last_day);
        jw_raw(&w, ",\"undated\":");
        jw_num(&w, st->n_undated);
        jw_raw(&w, ",\"first_report\":");
        jw_str(&w, id_of(r, st->members[0]));
        jw_raw(&w, ",\"terms\":");
        jw_str_array(&w, st->terms, st->n_terms);
        jw_raw(&w, ",\"per_day\":[");
        for (size_t k = 0; k < st->n_per_day; k++) {
            jw_raw(&w, k ? ",[" : "[");
            jw_date(&w, st->per_day[k].day);
            jw_raw(&w, ",");
            jw_num(&w, st->per_day[k].count);
            jw_raw(&w, "]");
        }
        jw_raw(&w, "],\"events\":[");
        for (size_t k = 0; k < st->n_events; k++) {
            uint32_t e = st->events[k];
            const rp_event *ev = &r->events[e];
            jw_raw(&w, k ? ",\n {\"event\":" : "\n {\"event\":");
            jw_num(&w, e + 1);
            jw_raw(&w, ",\"label\":");
            jw_str(&w, ev->label);
            jw_raw(&w, ",\"first\":");
            jw_date(&w, ev->first_day);
            jw_raw(&w, ",\"last\":");
            jw_date(&w, ev->last_day);
            jw_raw(&w, ",\"articles\":");
            jw_num(&w, ev->n_members);
            jw_raw(&w, ",\"copies\":");
            jw_num(&w, ev->n_copies);
            jw_raw(&w, ",\"first_report\":");
            jw_str(&w, id_of(r, ev->members[0]));
            jw_raw(&w, ",\"terms\":");
            jw_str_array(&w, ev->terms, ev->n_terms);
            jw_raw(&w, ",\"members\":");
            jw_id_array(&w, r, ev->members, ev->n_members);
            jw_raw(&w, "}");
        }
        jw_raw(&w, "]}");
        jw_check(&w);
    }
    jw_raw(&w, "\n]}\n");
    return jw_close(&w);
}

int rp_write_timelines_json(const sl_run *r, const char *path) {
    jw w;
    if (jw_open(&w, path)) return SL_EIO;
    jw_raw(&w, "{\"timelines\":[");
    for (size_t s = 0; s < r->n_stories; s++) {
        const rp_story *st = &r->stories[s];
        jw_raw(&w, s ? ",\n{\"story\":" : "\n{\"story\":");
        jw_num(&w, s + 1);
        jw_raw(&w, ",\"label\":");
        jw_str(&w, st->label);
        jw_raw(&w, ",\"timeline\":[");
        for (size_t k = 0; k < st->n_timeline; k++) {
            const rp_entry *en = &st->timeline[k];
            jw_raw(&w, k ? ",\n {\"date\":" : "\n {\"date\":");
            jw_date(&w, en->day);
            jw_raw(&w, ",\"sentences\":");
            jw_str_array(&w, en->sentences, en->n_sentences);
            jw_raw(&w, ",\"sources\":");
            jw_id_array(&w, r, en->sources, en->n_sources);
            jw_raw(&w, "}");
        }
        jw_raw(&w, "]}");
        jw_check(&w);
    }
    jw_raw(&w, "\n]}\n");
    return jw_close(&w);
}
