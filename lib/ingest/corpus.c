/*
 * corpus.c — the article store: records, diagnostics and JSON output.
 *
 * Articles are allocated in the corpus arena (record and strings together),
 * so adding one costs a few bump allocations and the corpus frees them all at
 * once.  `articles` holds stable pointers: appending never moves a record.
 * Invariant: every stored text is valid UTF-8 without NUL bytes, and
 * articles[i]->index == i.
 */
#include "../internal.h"

#include <stdarg.h>

sl_corpus *sl_corpus_new(void) {
    sl_corpus *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    sl_arena_init(&c->arena);
    return c;
}

void sl_corpus_free(sl_corpus *c) {
    if (!c) return;
    sl_arena_free(&c->arena);
    free(c->articles);
    sl_vocab_free(c->vocab);
    free(c);
}

size_t sl_corpus_size(const sl_corpus *c) { return c->n_articles; }
const sl_article *sl_corpus_article(const sl_corpus *c, size_t i) {
    return i < c->n_articles ? c->articles[i] : NULL;
}
size_t sl_corpus_rejected(const sl_corpus *c) { return c->rejected; }
size_t sl_corpus_warnings(const sl_corpus *c) { return c->warnings; }
uint64_t sl_corpus_bytes(const sl_corpus *c) { return c->bytes; }

sl_vocab *sl_corpus_vocab(sl_corpus *c) {
    if (!c->vocab) c->vocab = sl_vocab_new();
    return c->vocab;
}

void sl_report(sl_corpus *c, const sl_read_options *opt, const char *file, long line,
               int is_warning, const char *fmt, ...) {
    if (is_warning) c->warnings++;
    else c->rejected++;
    if (!opt || !opt->on_diag) return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sl_diag d = {file, line, msg, is_warning};
    opt->on_diag(&d, opt->diag_user);
}

static sl_slice copy_slice(sl_arena *a, sl_slice s, int *oom) {
    if (!s.ptr || s.len == 0) return sl_slice_of(NULL, 0);
    char *p = sl_arena_strndup(a, s.ptr, s.len);
    if (!p) { *oom = 1; return sl_slice_of(NULL, 0); }
    return sl_slice_of(p, s.len);
}

/* Interns file names so each article can point at one shared copy. */
static const char *intern_file(sl_corpus *c, const char *file) {
    if (!file) return "-";
    if (c->n_articles && strcmp(c->articles[c->n_articles - 1]->file, file) == 0)
        return c->articles[c->n_articles - 1]->file;
    return sl_arena_strndup(&c->arena, file, strlen(file));
}

long sl_corpus_add(sl_corpus *c, const sl_article *a) {
    const sl_slice *fields[] = {&a->id, &a->title, &a->source, &a->url, &a->text};
    for (size_t i = 0; i < SL_ARRAY_LEN(fields); i++)
        if (fields[i]->len && !sl_utf8_valid(fields[i]->ptr, fields[i]->len, NULL))
            return SL_EINPUT;
    return sl_corpus_add_valid(c, a);
}

long sl_corpus_add_valid(sl_corpus *c, const sl_article *a) {
    if (sl_grow(&c->articles, &c->cap_articles, c->n_articles + 1, sizeof *c->articles))
        return SL_ENOMEM;
    sl_article *r = sl_arena_alloc(&c->arena, sizeof *r);
    if (!r) return SL_ENOMEM;
    int oom = 0;
    r->id = copy_slice(&c->arena, a->id, &oom);
    r->title = copy_slice(&c->arena, a->title, &oom);
    r->source = copy_slice(&c->arena, a->source, &oom);
    r->url = copy_slice(&c->arena, a->url, &oom);
    r->text = copy_slice(&c->arena, a->text, &oom);
    if (!r->text.ptr) r->text = sl_slice_of("", 0);
    r->date = a->date;
    r->time = a->time;
    r->file = intern_file(c, a->file);
    r->line = a->line;
    if (oom || !r->file) return SL_ENOMEM;
    r->index = (uint32_t)c->n_articles;
    c->articles[c->n_articles++] = r;
    return (long)r->index;
}

static void put_field(FILE *out, const char *name, sl_slice s, int first) {
    fprintf(out, first ? "\"%s\":" : ",\"%s\":", name);
    if (s.ptr && s.len) sl_fput_json_string(out, s.ptr, s.len);
    else fputs("null", out);
}

int sl_article_write_json(FILE *out, const sl_article *a) {
    fputc('{', out);
    put_field(out, "id", a->id, 1);
    fputs(",\"date\":", out);
    if (a->date == SL_NO_DATE) fputs("null", out);
    else {
        char d[11];
        sl_format_date(a->date, d);
        if (a->time == SL_NO_TIME) fprintf(out, "\"%s\"", d);
        else fprintf(out, "\"%sT%02d:%02d:%02dZ\"", d, a->time / 3600, a->time / 60 % 60, a->time % 60);
    }
    put_field(out, "title", a->title, 0);
    put_field(out, "source", a->source, 0);
    put_field(out, "url", a->url, 0);
    put_field(out, "text", a->text, 0);
    fputs("}\n", out);
    return ferror(out) ? SL_EIO : 0;
}

int sl_corpus_update(sl_corpus *c, size_t i, const sl_slice *text, const sl_slice *title,
                     int32_t date) {
    if (!c || i >= c->n_articles) return SL_EUSAGE;
    sl_article *a = c->articles[i];
    int oom = 0;
    if (text) {
        sl_slice t = copy_slice(&c->arena, *text, &oom);
        a->text = t.ptr ? t : sl_slice_of("", 0);
    }
    if (title) a->title = copy_slice(&c->arena, *title, &oom);
    if (date != SL_NO_DATE) a->date = date;
    return oom ? SL_ENOMEM : 0;
}
