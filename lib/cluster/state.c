/*
 * state.c — saving and loading a clustering model.
 *
 * The file is a flat binary dump in host byte order (a cache for the same
 * machine class, not an interchange format): the magic "SLCLUST" + format
 * version byte, the options, the counters, the term table (key, df, kind with its name flag,
 * display word), events, stories, both posting tables and the open lists,
 * then the magic again as an end mark.  Everything that influences later
 * assignments is saved exactly, so loading and continuing gives the same
 * ids as never having stopped.  The word → stem cache is rebuilt lazily
 * (each term's display word is re-seeded; other words are re-stemmed on
 * sight, which yields the same term ids).  Saving writes PATH.tmp and renames
 * it over PATH, so a crash never leaves a half-written model.
 */
#include "cluster.h"

#include <errno.h>
#include <stdio.h>

static const char magic[8] = {'S', 'L', 'C', 'L', 'U', 'S', 'T', '3'};

typedef struct writer {
    FILE *f;
    int err;
} writer;

static void put(writer *w, const void *p, size_t n) {
    if (!w->err && n && fwrite(p, 1, n, w->f) != n) w->err = SL_EIO;
}
static void put_u32(writer *w, uint32_t v) { put(w, &v, sizeof v); }
static void put_i32(writer *w, int32_t v) { put(w, &v, sizeof v); }
static void put_u64(writer *w, uint64_t v) { put(w, &v, sizeof v); }
static void put_f64(writer *w, double v) { put(w, &v, sizeof v); }
static void put_str(writer *w, const char *s, size_t len) {
    if (!s) { put_u32(w, UINT32_MAX); return; }
    put_u32(w, (uint32_t)len);
    put(w, s, len);
}
static void put_vec(writer *w, const cl_tw *v, uint32_t n) {
    put_u32(w, n);
    put(w, v, n * sizeof *v);
}
static void put_postings(writer *w, const cl_postings *p) {
    put_u32(w, p->len);
    put(w, p->ids, p->len * sizeof *p->ids);
}

int sl_cluster_save(const sl_cluster *m, const char *path) {
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (!tmp) return SL_ENOMEM;
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);
    writer w = {fopen(tmp, "wb"), 0};
    if (!w.f) { free(tmp); return SL_EIO; }
    put(&w, magic, sizeof magic);
    const sl_cluster_options *o = &m->opt;
    put_f64(&w, o->event_threshold);
    put_f64(&w, o->merge_threshold);
    put_f64(&w, o->story_threshold);
    put_f64(&w, o->story_merge_threshold);
    put_f64(&w, o->event_decay_days);
    put_f64(&w, o->story_decay_days);
    put_i32(&w, o->close_days);
    put_i32(&w, o->story_close_days);
    put_u64(&w, m->docs);
    put_u64(&w, m->articles);
    put_i32(&w, m->cur_day);
    put_i32(&w, m->compact_day);
    put_u64(&w, m->closed_since_purge);
    uint32_t nterms = (uint32_t)sl_vocab_size(m->terms);
    put_u32(&w, nterms);
    for (uint32_t t = 0; t < nterms; t++) {
        sl_slice k = sl_vocab_string(m->terms, (int32_t)t);
        put_str(&w, k.ptr, k.len);
        put_u32(&w, m->df[t]);
        uint8_t kind = m->kind[t] & (uint8_t)~(CL_EV_POSTED | CL_ST_POSTED);   /* not saved */
        put(&w, &kind, 1);
        if (m->display[t] >= 0) {
            sl_slice d = sl_vocab_string(m->words, m->display[t]);
            put_str(&w, d.ptr, d.len);
        } else {
            put_str(&w, NULL, 0);
        }
    }
    put_u32(&w, (uint32_t)m->nev);
    for (size_t i = 0; i < m->nev; i++) {
        const cl_event *e = &m->ev[i];
        put_u32(&w, e->parent);
        put_u32(&w, e->story);
        put_i32(&w, e->first_day);
        put_i32(&w, e->last_day);
        put_u64(&w, e->size);
        put_u32(&w, e->originals);
        put(&w, &e->open, 1);
        put_vec(&w, e->cent, e->ncent);
        put(&w, &e->norm, sizeof e->norm);
        put_str(&w, e->label, e->label ? strlen(e->label) : 0);
        put_vec(&w, e->label_vec, e->nlabel);
        put_u32(&w, e->nposted);
        put(&w, e->posted, e->nposted * sizeof *e->posted);
    }
    put_u32(&w, (uint32_t)m->nst);
    for (size_t i = 0; i < m->nst; i++) {
        const cl_story *s = &m->st[i];
        put_u32(&w, s->parent);
        put_i32(&w, s->first_day);
        put_i32(&w, s->last_day);
        put_u64(&w, s->size);
        put_u32(&w, s->events);
        put_u32(&w, s->best_event);
        put(&w, &s->open, 1);
        put_vec(&w, s->cent, s->ncent);
        put(&w, &s->norm, sizeof s->norm);
        put(&w, &s->activity, sizeof s->activity);
        put_i32(&w, s->activity_day);
        put_u32(&w, s->nposted);
        put(&w, s->posted, s->nposted * sizeof *s->posted);
    }
    for (uint32_t t = 0; t < nterms; t++) put_postings(&w, &m->ev_post[t]);
    for (uint32_t t = 0; t < nterms; t++) put_postings(&w, &m->st_post[t]);
    put_u32(&w, (uint32_t)m->nopen_ev);
    put(&w, m->open_ev, m->nopen_ev * sizeof *m->open_ev);
    put_u32(&w, (uint32_t)m->nopen_st);
    put(&w, m->open_st, m->nopen_st * sizeof *m->open_st);
    put(&w, magic, sizeof magic);
    if (fclose(w.f) != 0 && !w.err) w.err = SL_EIO;
    if (!w.err && rename(tmp, path) != 0) w.err = SL_EIO;
    if (w.err) remove(tmp);
    free(tmp);
    return w.err;
}

/* ---- loading ------------------------------------------------------------- */

typedef struct reader {
    FILE *f;
    int err;
} reader;

static void get(reader *r, void *p, size_t n) {
    if (r->err) { memset(p, 0, n); return; }
    if (n && fread(p, 1, n, r->f) != n) { r->err = SL_EINPUT; memset(p, 0, n); }
}
static uint32_t get_u32(reader *r) { uint32_t v; get(r, &v, sizeof v); return v; }
static int32_t get_i32(reader *r) { int32_t v; get(r, &v, sizeof v); return v; }
static uint64_t get_u64(reader *r) { uint64_t v; get(r, &v, sizeof v); return v; }
static double get_f64(reader *r) { double v; get(r, &v, sizeof v); return v; }

/* A string (malloc'd, NUL-terminated) or NULL for "none"; *len its length. */
static char *get_str(reader *r, uint32_t *len) {
    uint32_t n = get_u32(r);
    *len = 0;
    if (r->err || n == UINT32_MAX) return NULL;
    if (n > (1u << 24)) { r->err = SL_EINPUT; return NULL; }
    char *s = malloc((size_t)n + 1);
    if (!s) { r->err = SL_ENOMEM; return NULL; }
    get(r, s, n);
    s[n] = '\0';
    *len = n;
    return s;
}

static cl_tw *get_vec(reader *r, uint32_t *n, uint32_t max) {
    *n = get_u32(r);
    if (r->err) { *n = 0; return NULL; }
    if (*n > max) { r->err = SL_EINPUT; *n = 0; return NULL; }
    cl_tw *v = malloc((*n ? *n : 1) * sizeof *v);
    if (!v) { r->err = SL_ENOMEM; *n = 0; return NULL; }
    get(r, v, *n * sizeof *v);
    return v;
}

static void get_postings(reader *r, cl_postings *p, size_t limit) {
    uint32_t n = get_u32(r);
    if (r->err || n == 0) return;
    uint32_t *ids = malloc(n * sizeof *ids);
    if (!ids) { r->err = SL_ENOMEM; return; }
    get(r, ids, n * sizeof *ids);
    for (uint32_t i = 0; i < n && !r->err; i++)
        if (ids[i] >= limit) r->err = SL_EINPUT;
    p->ids = ids;
    p->len = p->cap = n;
}

/* 1 if the parent links (a uint32_t at parent0 + i * stride, all < n) lead
 * every item to a root (an item that is its own parent), without cycles.
 * Linear: each item is walked at most once (0 unknown, 1 on the current
 * path, 2 known to reach a root). */
static int forest_ok(const uint32_t *parent0, size_t stride, uint32_t n) {
    if (n == 0) return 1;
    uint8_t *state = calloc(n, 1);
    if (!state) return 0;
    int ok = 1;
    const char *base = (const char *)parent0;
    for (uint32_t i = 0; i < n && ok; i++) {
        uint32_t x = i;
        while (state[x] == 0) {
            state[x] = 1;
            uint32_t p = *(const uint32_t *)(base + (size_t)x * stride);
            if (p == x) break;
            x = p;
        }
        if (state[x] == 1 && *(const uint32_t *)(base + (size_t)x * stride) != x) ok = 0; /* cycle */
        /* mark the path as known */
        x = i;
        while (ok && state[x] == 1) {
            state[x] = 2;
            x = *(const uint32_t *)(base + (size_t)x * stride);
        }
    }
    free(state);
    return ok;
}

static int load_body(sl_cluster *m, reader *r) {
    char mg[8];
    get(r, mg, sizeof mg);
    if (r->err || memcmp(mg, magic, sizeof magic) != 0) return SL_EINPUT;
    sl_cluster_options *o = &m->opt;
    o->event_threshold = get_f64(r);
    o->merge_threshold = get_f64(r);
    o->story_threshold = get_f64(r);
    o->story_merge_threshold = get_f64(r);
    o->event_decay_days = get_f64(r);
    o->story_decay_days = get_f64(r);
    o->close_days = get_i32(r);
    o->story_close_days = get_i32(r);
    m->docs = get_u64(r);
    m->articles = get_u64(r);
    m->cur_day = get_i32(r);
    m->compact_day = get_i32(r);
    m->closed_since_purge = get_u64(r);
    uint32_t nterms = get_u32(r);
    if (r->err) return r->err;
    if (cl_reserve_terms(m, nterms ? nterms : 1)) return SL_ENOMEM;
    for (uint32_t t = 0; t < nterms && !r->err; t++) {
        uint32_t klen, dlen;
        char *key = get_str(r, &klen);
        uint32_t df = get_u32(r);
        uint8_t kind;
        get(r, &kind, 1);
        char *disp = get_str(r, &dlen);
        if (!r->err && !key) r->err = SL_EINPUT;
        if (!r->err) {
            int32_t id = sl_vocab_intern(m->terms, key, klen);
            if (id != (int32_t)t) r->err = id < 0 ? SL_ENOMEM : SL_EINPUT;
            m->df[t] = df;
            m->kind[t] = kind;
            m->display[t] = -1;
            if (!r->err && disp) {
                int32_t before = sl_vocab_size(m->words);
                int32_t wid = sl_vocab_intern(m->words, disp, dlen);
                if (wid < 0) r->err = SL_ENOMEM;
                else {
                    if ((size_t)wid >= m->word_cap) {
                        size_t cap = m->word_cap ? m->word_cap * 2 : 4096;
                        while (cap <= (size_t)wid) cap *= 2;
                        int32_t *wt = realloc(m->word_term, cap * sizeof *wt);
                        if (!wt) r->err = SL_ENOMEM;
                        else {
                            for (size_t i = m->word_cap; i < cap; i++) wt[i] = -1;
                            m->word_term = wt;
                            m->word_cap = cap;
                        }
                    }
                    if (!r->err) {
                        m->display[t] = wid;
                        if (wid >= before && (kind & CL_KIND_MASK) == CL_KIND_WORD) m->word_term[wid] = (int32_t)t;
                    }
                }
            }
        }
        free(key);
        free(disp);
    }
    uint32_t nev = get_u32(r);
    if (r->err) return r->err;
    if (sl_grow(&m->ev, &m->capev, nev ? nev : 1, sizeof *m->ev)) return SL_ENOMEM;
    for (uint32_t i = 0; i < nev && !r->err; i++) {
        cl_event *e = &m->ev[i];
        memset(e, 0, sizeof *e);
        m->nev = i + 1;
        e->parent = get_u32(r);
        e->story = get_u32(r);
        e->first_day = get_i32(r);
        e->last_day = get_i32(r);
        e->size = get_u64(r);
        e->originals = get_u32(r);
        get(r, &e->open, 1);
        e->cent = get_vec(r, &e->ncent, CL_EVENT_TERMS * 2);
        get(r, &e->norm, sizeof e->norm);
        uint32_t llen;
        e->label = get_str(r, &llen);
        e->label_vec = get_vec(r, &e->nlabel, CL_MAX_DOC_TERMS);
        e->nposted = get_u32(r);
        if (e->nposted > CL_QUERY_TERMS) { r->err = SL_EINPUT; e->nposted = 0; }
        get(r, e->posted, e->nposted * sizeof *e->posted);
        if (!r->err && e->parent >= nev) r->err = SL_EINPUT;
    }
    uint32_t nst = get_u32(r);
    if (r->err) return r->err;
    if (sl_grow(&m->st, &m->capst, nst ? nst : 1, sizeof *m->st)) return SL_ENOMEM;
    for (uint32_t i = 0; i < nst && !r->err; i++) {
        cl_story *s = &m->st[i];
        memset(s, 0, sizeof *s);
        m->nst = i + 1;
        s->parent = get_u32(r);
        s->first_day = get_i32(r);
        s->last_day = get_i32(r);
        s->size = get_u64(r);
        s->events = get_u32(r);
        s->best_event = get_u32(r);
        get(r, &s->open, 1);
        s->cent = get_vec(r, &s->ncent, CL_STORY_TERMS * 2);
        get(r, &s->norm, sizeof s->norm);
        get(r, &s->activity, sizeof s->activity);
        s->activity_day = get_i32(r);
        s->nposted = get_u32(r);
        if (s->nposted > CL_STORY_INDEX_TERMS) { r->err = SL_EINPUT; s->nposted = 0; }
        get(r, s->posted, s->nposted * sizeof *s->posted);
        if (!r->err && (s->parent >= nst || s->best_event >= nev)) r->err = SL_EINPUT;
    }
    for (uint32_t i = 0; i < nev && !r->err; i++)
        if (m->ev[i].story >= nst) r->err = SL_EINPUT;
    for (uint32_t t = 0; t < nterms && !r->err; t++) get_postings(r, &m->ev_post[t], nev);
    for (uint32_t t = 0; t < nterms && !r->err; t++) get_postings(r, &m->st_post[t], nst);
    for (uint32_t t = 0; t < nterms && !r->err; t++) {   /* the posted flags (cluster.h) */
        m->kind[t] &= (uint8_t)~(CL_EV_POSTED | CL_ST_POSTED);
        if (m->ev_post[t].len) m->kind[t] |= CL_EV_POSTED;
        if (m->st_post[t].len) m->kind[t] |= CL_ST_POSTED;
    }
    uint32_t n = get_u32(r);
    if (r->err) return r->err;
    if (n > nev || sl_grow(&m->open_ev, &m->capopen_ev, n ? n : 1, sizeof *m->open_ev)) return SL_EINPUT;
    get(r, m->open_ev, n * sizeof *m->open_ev);
    m->nopen_ev = n;
    n = get_u32(r);
    if (r->err) return r->err;
    if (n > nst || sl_grow(&m->open_st, &m->capopen_st, n ? n : 1, sizeof *m->open_st)) return SL_EINPUT;
    get(r, m->open_st, n * sizeof *m->open_st);
    m->nopen_st = n;
    for (size_t i = 0; i < m->nopen_ev && !r->err; i++) if (m->open_ev[i] >= nev) r->err = SL_EINPUT;
    for (size_t i = 0; i < m->nopen_st && !r->err; i++) if (m->open_st[i] >= nst) r->err = SL_EINPUT;
    get(r, mg, sizeof mg);
    if (!r->err && memcmp(mg, magic, sizeof magic) != 0) r->err = SL_EINPUT;
    /* union-find forests must be acyclic */
    if (!r->err && (!forest_ok(&m->ev[0].parent, sizeof *m->ev, nev) ||
                    !forest_ok(&m->st[0].parent, sizeof *m->st, nst)))
        r->err = SL_EINPUT;
    m->index_dirty = 1;
    return r->err;
}

sl_cluster *sl_cluster_load(const char *path, const sl_cluster_options *opt, int *err) {
    int dummy;
    if (!err) err = &dummy;
    reader r = {fopen(path, "rb"), 0};
    if (!r.f) { *err = SL_EIO; return NULL; }
    sl_cluster *m = sl_cluster_new(NULL);
    if (!m) { fclose(r.f); *err = SL_ENOMEM; return NULL; }
    int rc = load_body(m, &r);
    if (!rc && ferror(r.f)) rc = SL_EIO;
    fclose(r.f);
    if (rc) {
        sl_cluster_free(m);
        *err = rc;
        return NULL;
    }
    if (opt) m->opt.threads = opt->threads;
    *err = 0;
    return m;
}
