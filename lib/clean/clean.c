/*
 * clean.c — the clean stage: which lines of an article are its body.
 *
 * Model.  Every non-blank line gets a score, a hand-set log-odds that the
 * line belongs to the article body, summed from evidence (features.c):
 *
 *   + length (log of the word count; chars for scripts without spaces)
 *   + sentence form (terminal punctuation), share of function words
 *   - boilerplate phrases, weighted by strength and by how much of the line
 *     they cover ("Subscribe" alone: very negative; a long paragraph that
 *     mentions a newsletter: a little)
 *   - title case without a full stop (headline lists), separators | » •,
 *     URLs and handles, copyright marks, numbers-only lines, lines repeated
 *     inside the article
 *   - the corpus signal: log2 of the number of unrelated articles carrying
 *     the same normalised line (linestats.c; 0 when cleaning one article)
 *
 * Some lines are settled by rules before scoring: the title (and its
 * repeats), bylines, date stamps, captions that open with a media credit,
 * lines that open with a strong call to action ("More from X:", "Read
 * more").  Then, as in the boilerplate-detection literature (jusText's
 * context-sensitive pass, body-text extraction's densest span):
 *
 *   1. context: each score is moved toward the weighted mean of its
 *      neighbours' (three lines each side, halving with distance), so a
 *      short quote between paragraphs stays and a short line inside a menu
 *      goes;
 *   2. span: the maximum-sum run of lines (Kadane over length-weighted
 *      scores) is the article's main body; other runs are kept only when
 *      they weigh at least a third of it (a body split by an ad block).
 *      Positive lines outside the kept runs — teasers of other stories,
 *      comment threads — are dropped as "outside-body".
 *
 * The first kept line's lead (byline, dateline, date stamp: meta.c) moves
 * to the metadata.  The weights were set by hand and then adjusted on the
 * cleaning dev set (../shared/data/cleaning); nothing is keyed to a site.
 *
 * Corpus mode runs two passes over the same split of the articles among
 * worker threads.  Pass 1 measures every line once (features.c: the
 * features do not depend on the corpus) and keeps the records; the line
 * hashes and skeletons then go into the statistics table, counted in
 * article order.  Pass 2 decides each article from its records and the
 * statistics, and writes the body over the article's own text (cleaning
 * only removes bytes: no second copy of the corpus); titles, metadata and
 * copies of the dropped lines go to an arena per worker, which the corpus
 * adopts.  Results are applied in article order, so the output does not
 * depend on the thread count.
 *
 * Speed (the generated corpus, one core): pass 1 is most of the time, one
 * scan of each line's bytes; the rest is a few passes over per-line
 * records.  Nothing is allocated per article or per line (worker scratch
 * is reused).
 */
#include "clean_internal.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>

/* ---- weights (log-odds units) ----------------------------------------------- */

static const struct {
    double len_slope, len_bias, len_cap;
    double terminal, colon, quote_start;
    double stop_slope, stop_center, stop_min, stop_max;
    double titlecase, caps;
    double phrase_base, phrase_cover;
    double sep, sep_cap, url, handle, copyright;
    double numbers_only, numbers_heavy;
    double spread, spread_cap;
    double dup;
    double context_alpha;
    double good;                /* raw score of a confident content line */
    double island_ratio;        /* secondary run kept when weighing this much of the main one */
    double comments_after;      /* share of content weight before a comment header can open the comments */
    double span_power;          /* superlinear weight of long lines in the span */
    double span_negative;       /* weight of a dropped line in the span */
    double ruled_context;       /* score a rule-dropped line lends its neighbours (negated) */
    size_t gap_lines;           /* the body does not cross this many negative lines in a row */
    size_t headline_run;        /* this many headline-like lines in a row are a link list */
    double credit;              /* a line carrying a photo credit is a caption */
    double soft_barrier;        /* span value of a navigation line */
    double island_before;       /* the same for runs before the main one */
    double sandwich_min;        /* a sentence between two kept lines stays above this score */
    double embedded_spread;     /* share of the template evidence left to an embedded sentence */
    double sentence_spread;     /* share of the template evidence left to a full sentence */
    uint32_t glued_spread;      /* a line end carried by this many unrelated articles is a glued template */
    double barrier;             /* span value of a strong end-of-article line (legal, comments, navigation) */
} W = {
    .len_slope = 1.2, .len_bias = 4.3, .len_cap = 6.5,
    .terminal = 1.0, .colon = 0.4, .quote_start = 0.0,
    .stop_slope = 11.0, .stop_center = 0.22, .stop_min = -2.5, .stop_max = 1.8,
    .titlecase = 3.2, .caps = 1.0,
    .phrase_base = 0.7, .phrase_cover = 2.3,
    .sep = 1.3, .sep_cap = 5.0, .url = 1.5, .handle = 0.8, .copyright = 4.0,
    .numbers_only = 3.0, .numbers_heavy = 1.5,
    .spread = 1.6, .spread_cap = 12.0,
    .dup = 0.5,
    .context_alpha = 0.75,
    .good = 1.0,
    .island_ratio = 0.25,
    .barrier = 40.0,
    .glued_spread = 8,
    .sentence_spread = 0.5,
    .embedded_spread = 0.4,
    .sandwich_min = -4.0,
    .island_before = 0.13,
    .soft_barrier = 15.0,
    .credit = 15.0,
    .headline_run = 4,
    .gap_lines = 2,
    .ruled_context = 4.0,
    .span_negative = 4.0,
    .span_power = 1.0,
    .comments_after = 0.5,
};

/* ---- per-line state ------------------------------------------------------------- */

typedef struct cl_line {
    uint32_t start, len;    /* trimmed line, offsets in the article text */
    uint32_t line_no;       /* 1-based */
    cl_features f;
    uint32_t spread;
    double score;           /* raw */
    double final;           /* after context */
    const char *reason;     /* set: dropped (by a rule or the model) */
    const char *weak;       /* the largest negative evidence, for --explain */
    uint8_t ruled;          /* settled by a rule */
    uint8_t keep;
    uint8_t listed;         /* an item of a list introduced by a line ending in ':' */
    uint8_t embedded;       /* a sentence between two lines unique to this article */
    uint32_t cut_start, cut_len;    /* a template cut off the end of the line (cut_len 0: none) */
    uint32_t cut_spread;
} cl_line;

typedef struct cl_drop_rec {
    uint32_t start, len;    /* the line's bytes: offsets in the article's output (cl_result.base) */
    uint32_t line_no, spread;
    double score;
    const char *reason;
} cl_drop_rec;

/* An article's results: offsets into the worker's output bytes `base`
 * (title, location, agency, dateline, byline, then the body; the title and
 * the body are followed by a NUL). */
typedef struct cl_result {
    const char *base;
    size_t text_off, text_len;
    size_t title_off, title_len;
    size_t byline_off, byline_len;
    size_t dateline_off, dateline_len;
    size_t location_off, location_len;
    size_t agency_off, agency_len;
    int32_t date;
    size_t first_drop, n_drops;
    size_t kept;
    uint8_t title_found, emptied;
    uint8_t in_place;       /* the body was written over the text (text_off unused) */
} cl_result;

/* A line as measured before any decision: where it is, what it looks like,
 * and the keys of the suffixes that might be a glued template. */
typedef struct cl_measured {
    uint32_t start, len;    /* trimmed line, offsets in the article text */
    uint32_t line_no;       /* 1-based */
    uint32_t first_key;     /* suffix keys: keys[first_key .. first_key + n_keys) */
    uint32_t n_keys;
    cl_features f;
} cl_measured;

/* Measured lines of a run of articles.  Corpus mode measures each line once,
 * in pass 1, and pass 2 decides from these records: the features do not
 * depend on the corpus.  The glued-template test of pass 2 does (through
 * the filter of wide lines, built after pass 1), so pass 1 keeps, for each
 * line it could apply to, the top 32 bits of its candidate suffix hashes:
 * the filter reads the top CL_FILTER_LOG2 bits, and only a line with a
 * candidate in the filter is measured again, with its suffixes. */
typedef struct cl_measure {
    cl_measured *lines;
    size_t n, cap;
    uint32_t *keys;
    size_t n_keys, cap_keys;
} cl_measure;

typedef struct cl_worker {
    const sl_clean_options *opt;
    const cl_linestats *stats;
    cl_line *lines;
    size_t cap_lines;
    cl_measure measure;     /* scratch: the lines of one article, when not measured in pass 1 */
    sl_buf out;             /* scratch: one article's texts and metadata strings */
    sl_arena keep;          /* the out bytes of every article done, until applied */
    double *val;            /* scratch: span values of one article's lines */
    uint8_t *flags;         /* scratch: per-line flags (duplicates, comment furniture) */
    size_t cap_val, cap_flags;
    uint64_t *dup_tab;      /* scratch: hash table of mark_duplicates */
    uint32_t *dup_first;
    size_t cap_dup;
    cl_drop_rec *drops;
    size_t n_drops, cap_drops;
    int failed;
} cl_worker;

static void worker_free(cl_worker *w) {
    free(w->lines);
    free(w->measure.lines);
    free(w->measure.keys);
    sl_buf_free(&w->out);
    sl_arena_free(&w->keep);
    free(w->val);
    free(w->flags);
    free(w->dup_tab);
    free(w->dup_first);
    free(w->drops);
}

void sl_clean_options_init(sl_clean_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->use_corpus = 1;
    opt->threads = 1;
}

/* ---- splitting ---------------------------------------------------------------------- */

static inline int is_blank_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Trims ASCII blanks and U+00A0 from both ends of s[*a, *b). */
static void trim_range(const char *s, size_t *a, size_t *b) {
    for (;;) {
        if (*a < *b && is_blank_byte((unsigned char)s[*a])) { (*a)++; continue; }
        if (*a + 1 < *b && (unsigned char)s[*a] == 0xC2 && (unsigned char)s[*a + 1] == 0xA0) { *a += 2; continue; }
        break;
    }
    for (;;) {
        if (*b > *a && is_blank_byte((unsigned char)s[*b - 1])) { (*b)--; continue; }
        if (*b >= *a + 2 && (unsigned char)s[*b - 2] == 0xC2 && (unsigned char)s[*b - 1] == 0xA0) { *b -= 2; continue; }
        break;
    }
}

/* Appends the non-blank lines of text[0..len) to m, trimmed and measured.
 * With suffix_keys, a line long enough for a glued template (8 words or
 * more) also gets the keys of its candidate suffixes: those that start
 * after the line's start and leave 40 bytes or more (cut_glued_template
 * looks at no other). */
static int measure_text(cl_measure *m, const char *text, size_t len, int suffix_keys) {
    size_t i = 0;
    uint32_t line_no = 0;
    cl_suffixes sx;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        line_no++;
        size_t a = i, b = e;
        trim_range(text, &a, &b);
        if (b > a) {
            if (sl_grow(&m->lines, &m->cap, m->n + 1, sizeof *m->lines)) return SL_ENOMEM;
            cl_measured *l = &m->lines[m->n++];
            l->start = (uint32_t)a;
            l->len = (uint32_t)(b - a);
            l->line_no = line_no;
            l->first_key = (uint32_t)m->n_keys;
            l->n_keys = 0;
            if (!suffix_keys) {
                cl_line_features(text + a, b - a, &l->f);
            } else {
                cl_line_features_suffixes(text + a, b - a, &l->f, &sx);
                if (l->f.words >= 8) {
                    if (sl_grow(&m->keys, &m->cap_keys, m->n_keys + sx.n, sizeof *m->keys)) return SL_ENOMEM;
                    for (size_t k = 0; k < sx.n; k++)
                        if (sx.offset[k] != 0 && l->len - sx.offset[k] >= 40)
                            m->keys[m->n_keys++] = (uint32_t)(sx.hash[k] >> 32);
                    l->n_keys = (uint32_t)(m->n_keys - l->first_key);
                }
            }
        }
        i = e + 1;
    }
    return 0;
}

/* Might a suffix key be a wide line?  (cl_linestats_maybe_wide on the key's bits.) */
static int any_maybe_wide(const cl_linestats *st, const uint32_t *keys, size_t n) {
    for (size_t k = 0; k < n; k++)
        if (cl_linestats_maybe_wide(st, (uint64_t)keys[k] << 32)) return 1;
    return 0;
}

/* ---- scoring --------------------------------------------------------------------------- */

static void score_line(cl_line *l, int use_stops, int embedded) {
    const cl_features *f = &l->f;
    double s = 0, worst = 0;
    const char *weak = "short";
#define NEG(v, why) do { double v_ = (v); s -= v_; if (v_ > worst) { worst = v_; weak = (why); } } while (0)
    double words = f->words;
    if (f->flags & CLF_NONLATIN) words = SL_MAX(words, f->chars / 3.0);
    double len_term = W.len_slope * log2(1.0 + words) - W.len_bias;
    if (len_term > W.len_cap) len_term = W.len_cap;
    if (len_term < 0) NEG(-len_term, "short");
    else s += len_term;
    if (f->flags & CLF_TERMINAL) s += W.terminal;
    else if (f->flags & CLF_COLON) s += W.colon;
    if (f->flags & CLF_QUOTE) s += W.quote_start;
    if (use_stops && f->words >= 3 && !(f->flags & CLF_NONLATIN)) {
        double sr = (double)f->stops / f->words;
        double v = W.stop_slope * (sr - W.stop_center);
        if (v < W.stop_min) v = W.stop_min;
        if (v > W.stop_max) v = W.stop_max;
        if (v < 0) NEG(-v, "few-function-words");
        else s += v;
    }
    if (f->words >= 3 && !(f->flags & CLF_TERMINAL)) {
        double cr = (double)f->caps / f->words;
        if (cr > 0.5) NEG(W.titlecase * (cr - 0.5) * 2.0, "title-case");
    }
    if ((f->flags & CLF_CAPS) && !(f->flags & CLF_NONLATIN)) NEG(W.caps, "upper-case");
    if (f->phrase_strength) {
        double cover = f->words ? (double)f->phrase_words / f->words : 1.0;
        if (cover > 1) cover = 1;
        NEG(f->phrase_strength * (W.phrase_base + W.phrase_cover * cover), lx_category_name(f->phrase_cat));
    }
    if (f->seps) NEG(SL_MIN(W.sep * f->seps, W.sep_cap), "links");
    if (f->flags & CLF_URL) NEG(W.url, "links");
    if (f->flags & CLF_HANDLE) NEG(W.handle, "links");
    if (f->flags & CLF_COPYRIGHT) NEG(W.copyright, "copyright");
    if (f->words == 0 && f->numbers) NEG(W.numbers_only, "numbers");
    else if (f->numbers > f->words && !(f->flags & CLF_TERMINAL)) NEG(W.numbers_heavy, "numbers");
    if (f->flags & CLF_COUNT) NEG(2.0, "links");
    if (f->flags & CLF_TRUNCATED) NEG(2.5, "teaser");
    /* a credit inside a long paragraph is a caption glued to the text */
    if (f->flags & CLF_CREDIT) NEG(W.credit * SL_MIN(1.0, 25.0 / SL_MAX(f->words, 1)), "caption");
    if (f->flags & CLF_DOUBLED) NEG(3.0, "links");
    if (l->spread >= 2) {
        /* long sentences repeated across stories are often reused wire
         * paragraphs, not furniture: the evidence weakens with length */
        double g = f->words <= 15 ? 1.0 : SL_MAX(0.4, 1.0 - (f->words - 15) / 50.0);
        /* a sentence between two lines of this article alone is a reused
         * paragraph (wire background), not a template around the story */
        if (embedded) g *= W.embedded_spread;
        /* a full sentence (function words, final stop, no boilerplate
         * phrase) repeated across stories is more often reused wire copy */
        else if ((f->flags & CLF_TERMINAL) && f->words >= 10 && !f->phrase_strength && f->stops * 4 >= f->words)
            g *= W.sentence_spread;
        NEG(g * SL_MIN(W.spread * log2((double)l->spread), W.spread_cap), "template");
    }
#undef NEG
    l->score = s;
    l->weak = weak;
}

/* ---- rules ---------------------------------------------------------------------------- */

/* Title without a trailing " - Site Name" / " | Site": the length to keep. */
static size_t title_core_len(const char *t, size_t n) {
    for (size_t i = n; i >= 3; i--) {
        size_t k = i - 1;
        int sep = (t[k] == '|' || t[k] == '-') && k > 0 && t[k - 1] == ' ' && k + 1 < n && t[k + 1] == ' ';
        if (!sep && k >= 2 && (unsigned char)t[k - 2] == 0xE2 && (unsigned char)t[k - 1] == 0x80 &&
            ((unsigned char)t[k] == 0x94 || (unsigned char)t[k] == 0x93) && k + 1 < n && t[k + 1] == ' ') {
            sep = 1;
            k -= 2;
        }
        if (!sep) continue;
        /* the part after the separator must be short (a site name) */
        size_t words = 0;
        for (size_t j = i; j < n; j++) words += t[j] == ' ' && j + 1 < n && t[j + 1] != ' ';
        if (words <= 5 && k >= 8) {
            size_t e = k;
            while (e > 0 && t[e - 1] == ' ') e--;
            return e;
        }
        break;
    }
    return n;
}

/* A first line that reads as a headline: 2..30 words, no full stop, no
 * boilerplate phrase, not a date stamp. */
static int looks_like_title(const cl_line *l) {
    const cl_features *f = &l->f;
    if (f->words < 2 || f->words > 30) return 0;
    if ((f->flags & (CLF_TERMINAL | CLF_COPYRIGHT | CLF_URL)) || f->phrase_strength >= 2) return 0;
    if (f->date_words * 2 >= f->words) return 0;
    return 1;
}

static int append_out(cl_worker *w, const char *p, size_t n, size_t *off) {
    *off = w->out.len;
    return sl_buf_append(&w->out, p, n);
}

/* Records a dropped line (or the dropped tail of one): its bytes are copied
 * to the output, since the text itself may be overwritten by the body. */
static int add_drop(cl_worker *w, const char *text, uint32_t start, uint32_t len, uint32_t line_no,
                    uint32_t spread, double score, const char *reason) {
    if (sl_grow(&w->drops, &w->cap_drops, w->n_drops + 1, sizeof *w->drops)) return SL_ENOMEM;
    cl_drop_rec *d = &w->drops[w->n_drops++];
    d->start = (uint32_t)w->out.len;
    d->len = len;
    d->line_no = line_no;
    d->spread = spread;
    d->score = score;
    d->reason = reason;
    return sl_buf_append(&w->out, text + start, len);
}

static int is_headline_like(const cl_line *l, const char *text) {
    const cl_features *f = &l->f;
    /* the features first: most lines fail there, without reading the text */
    if (!(f->words >= 4 && f->words <= 25 && (f->flags & CLF_STARTS_UPPER) &&
          !(f->flags & (CLF_TERMINAL | CLF_COLON | CLF_BULLET))))
        return 0;
    if (text[l->start] == '(' || text[l->start] == '[') return 0;
    return !l->ruled || !strcmp(l->reason, "title") || !strcmp(l->reason, "headline-list");
}

/* A site template glued to the end of a line ("-LRB- Reporting by X -RRB-
 * An ultra-low latency infrastructure for ..."): the longest suffix that
 * starts at a capitalised word and that the corpus knows as a template is
 * cut off.  Returns 1 when it cut. */
static int cut_glued_template(const cl_linestats *st, const char *text, cl_line *l, const cl_suffixes *sx) {
    const char *s = text + l->start;
    for (size_t k = 0; k < sx->n; k++) {
        size_t p = sx->offset[k];
        if (p == 0 || l->len - p < 40 || !cl_linestats_maybe_wide(st, sx->hash[k])) continue;
        uint32_t spread = cl_linestats_spread(st, sx->hash[k]);
        if (spread < W.glued_spread) continue;
        /* a template worth cutting is a phrase, not a name: eight words or more */
        size_t spaces = 0;
        for (size_t q = p; q < l->len; q++) spaces += s[q] == ' ';
        if (spaces < 7) continue;
        /* a full sentence without boilerplate words may be reused wire copy:
         * it needs much wider spread to count as furniture */
        cl_features sf;
        cl_line_features(s + p, l->len - p, &sf);
        int sentence = (sf.flags & CLF_TERMINAL) && !sf.phrase_strength && sf.stops * 4 >= sf.words;
        if (sentence && spread < 4 * W.glued_spread) continue;
        l->cut_start = (uint32_t)(l->start + p);
        l->cut_len = (uint32_t)(l->len - p);
        l->cut_spread = spread;
        size_t keep = p;
        while (keep > 0 && s[keep - 1] == ' ') keep--;
        l->len = (uint32_t)keep;
        return 1;
    }
    return 0;
}

/* Marks the maximum-sum run of val[from..to) when it weighs at least
 * min_sum, then looks for more such runs on both sides of it. */
/* The maximum-sum run of val[from..to) that does not cross a gap of
 * W.gap_lines consecutive negative lines; its sum, bounds in *a, *e. */
static double best_run(const double *val, size_t from, size_t to, size_t *a, size_t *e) {
    double cur = 0, best = 0;
    size_t ca = from, neg = 0;
    *a = *e = from;
    for (size_t j = from; j < to; j++) {
        neg = val[j] < 0 ? neg + 1 : 0;
        if (neg >= W.gap_lines) { cur = 0; ca = j + 1; continue; }
        if (cur <= 0) { cur = 0; ca = j; }
        cur += val[j];
        if (cur > best) { best = cur; *a = ca; *e = j + 1; }
    }
    return best;
}

/* Runs before the main body (a lede cut off by a photo or a share bar)
 * need less weight than runs after it (teasers, sidebars). */
static void keep_runs(cl_line *L, const double *val, size_t from, size_t to, double best_sum,
                      size_t main_start) {
    while (from < to) {
        size_t a, e;
        double best = best_run(val, from, to, &a, &e);
        double min_sum = best_sum * (e <= main_start ? W.island_before : W.island_ratio);
        if (best <= 0 || e <= a || best < min_sum) return;
        for (size_t j = a; j < e; j++) L[j].keep = 1;
        keep_runs(L, val, from, a, best_sum, main_start);
        from = e;
    }
}

/* Is there another line with the same hash in the article?  An
 * open-addressing table of the line hashes (the worker's scratch). */
static int mark_duplicates(cl_worker *w, cl_line *L, size_t n, uint8_t *dup) {
    memset(dup, 0, n);
    if (n < 2) return 0;
    size_t cap = 64;
    while (cap < n * 2) cap <<= 1;
    if (cap > w->cap_dup) {
        free(w->dup_tab);
        free(w->dup_first);
        w->dup_tab = malloc(cap * sizeof *w->dup_tab);
        w->dup_first = malloc(cap * sizeof *w->dup_first);
        w->cap_dup = w->dup_tab && w->dup_first ? cap : 0;
        if (!w->cap_dup) return SL_ENOMEM;
    }
    uint64_t *tab = w->dup_tab;
    uint32_t *first = w->dup_first;
    memset(tab, 0, cap * sizeof *tab);
    for (size_t i = 0; i < n; i++) {
        uint64_t h = L[i].f.hash;
        if (!h) continue;
        size_t k = (size_t)(h ^ (h >> 29)) & (cap - 1);
        while (tab[k] && tab[k] != h) k = (k + 1) & (cap - 1);
        if (!tab[k]) { tab[k] = h; first[k] = (uint32_t)i; }
        else { dup[i] = 1; dup[first[k]] = 1; }
    }
    return 0;
}

/* Cleans one article, text[0..len), whose lines were measured (M[0..n),
 * suffix keys in `keys` when w->stats is set).  The results go to w->out
 * from offset 0 and to w->drops; the body too, unless in_place is the text
 * itself (writable), which it then overwrites. */
static int clean_one(cl_worker *w, const char *text, size_t len, char *in_place, sl_slice given_title,
                     int32_t given_date, const cl_measured *M, size_t n, const uint32_t *keys, cl_result *r) {
    memset(r, 0, sizeof *r);
    r->date = SL_NO_DATE;
    r->first_drop = w->n_drops;
    w->out.len = 0;
    if (sl_grow(&w->lines, &w->cap_lines, n + 1, sizeof *w->lines) ||
        sl_grow(&w->val, &w->cap_val, n + 1, sizeof *w->val) ||
        sl_grow(&w->flags, &w->cap_flags, n + 1, 1))
        return SL_ENOMEM;
    cl_line *L = w->lines;
    const int use_stats = w->stats != NULL;

    /* measures, corpus spread, glued templates, language check */
    uint64_t long_words = 0, long_stops = 0;
    if (use_stats)
        for (size_t i = 0; i < n; i++) cl_linestats_prefetch(w->stats, M[i].f.hash);
    for (size_t i = 0; i < n; i++) {
        memset(&L[i], 0, sizeof L[i]);
        L[i].start = M[i].start;
        L[i].len = M[i].len;
        L[i].line_no = M[i].line_no;
        L[i].f = M[i].f;
        L[i].spread = use_stats ? cl_linestats_spread(w->stats, L[i].f.hash) : 1;
        if (use_stats && L[i].f.words >= 8 && L[i].spread < W.glued_spread &&
            any_maybe_wide(w->stats, keys + M[i].first_key, M[i].n_keys)) {
            /* rare: a suffix may be a template; measure again with the suffixes */
            cl_features f;
            cl_suffixes suffixes;
            cl_line_features_suffixes(text + L[i].start, L[i].len, &f, &suffixes);
            if (cut_glued_template(w->stats, text, &L[i], &suffixes))
                cl_line_features(text + L[i].start, L[i].len, &L[i].f);
        }
        if (L[i].f.words >= 8) { long_words += L[i].f.words; long_stops += L[i].f.stops; }
    }
    int use_stops = long_words == 0 || long_stops * 100 >= long_words * 8;

    uint8_t *dup = w->flags;
    if (mark_duplicates(w, L, n, dup)) return SL_ENOMEM;

    /* title: given, or a headline-like first line */
    uint64_t title_h = 0, core_h = 0;
    sl_slice title = given_title;
    if (!title.len && n > 0 && looks_like_title(&L[0]) && (n == 1 || L[0].f.words <= 30)) {
        /* only when more text follows: a lone line is a body */
        if (n > 1) {
            title = sl_slice_of(text + L[0].start, L[0].len);
            r->title_found = 1;
        }
    }
    if (title.len) {
        size_t core = title_core_len(title.ptr, title.len);
        if (r->title_found) title.len = core;
        title_h = cl_line_hash(title.ptr, title.len);
        core_h = cl_line_hash(title.ptr, core);
        if (r->title_found && (append_out(w, title.ptr, title.len, &r->title_off) || sl_buf_putc(&w->out, 0)))
            goto oom;
        r->title_len = r->title_found ? title.len : 0;
    }

    int32_t date = given_date;
    sl_slice byline = {0};
    for (size_t i = 0; i < n; i++) {
        cl_line *l = &L[i];
        const char *s = text + l->start;
        int embedded = i > 0 && i + 1 < n && L[i - 1].spread <= 1 && L[i + 1].spread <= 1 &&
                       (l->f.flags & CLF_TERMINAL) && l->f.words >= 8 && !l->f.phrase_strength;
        l->embedded = (uint8_t)embedded;
        score_line(l, use_stops, embedded);
        if (dup[i] && l->f.words < 12 && !(l->f.flags & CLF_TERMINAL)) {
            l->score -= W.dup;
            if (W.dup > 0 && l->score < 0 && !strcmp(l->weak, "short")) l->weak = "duplicate";
        }
        if (title_h && (l->f.hash == title_h || l->f.hash == core_h)) {
            l->ruled = 1; l->reason = "title"; continue;
        }
        if (l->f.words <= 16) {
            sl_slice name;
            if (cl_parse_byline(s, l->len, &name)) {
                if (!byline.len) byline = name;
                l->ruled = 1; l->reason = "byline"; continue;
            }
        }
        if (l->f.words <= 20 && !(l->f.flags & CLF_TERMINAL && l->f.words > 10)) {
            int only = 0;
            int32_t d = cl_find_date(s, l->len, &only);
            if (d != SL_NO_DATE && only) {
                if (date == SL_NO_DATE) date = d;
                l->ruled = 1; l->reason = "date"; continue;
            }
        }
        if (l->f.phrase_start && l->f.phrase_strength >= 3) {
            l->ruled = 1;
            l->reason = l->f.phrase_cat == LX_CAT_MEDIA ? "caption" : lx_category_name(l->f.phrase_cat);
            continue;
        }
    }

    /* comments: everything from a comment-section header on, when the header
     * comes after real content and is followed by comment furniture
     * ("joe says:", "2 days ago", "Reply", date stamps) at least three
     * times, or comes after half of the article's content weight */
    {
        double total = 0, seen = 0;
        int strong = 0;
        uint8_t *is_meta = dup;     /* reuse: dup is no longer needed */
        for (size_t i = 0; i < n; i++) {
            const cl_features *f = &L[i].f;
            is_meta[i] = (f->flags & CLF_SAYS) && f->words <= 14;
            if (!is_meta[i] && f->words <= 8 && !(f->flags & CLF_TERMINAL) &&
                (f->date_words * 2 >= f->words || (L[i].reason && !strcmp(L[i].reason, "date"))))
                is_meta[i] = 1;
            if (f->words == 1 && f->phrase_cat == LX_CAT_COMMENTS) is_meta[i] = 1;   /* "Reply" */
            if (!L[i].ruled && L[i].score > 0) total += L[i].score * f->words;
        }
        for (size_t i = 0; i < n; i++) {
            const cl_features *f = &L[i].f;
            int header = f->phrase_cat == LX_CAT_COMMENTS && f->phrase_strength >= 3 && f->words <= 12;
            int says = (f->flags & CLF_SAYS) && f->words <= 14;
            size_t meta_near = 0;
            if ((header || says) && strong)
                for (size_t j = i + 1; j < n && j <= i + 25; j++) meta_near += is_meta[j];
            if ((header || says) && strong &&
                (meta_near >= 2 || (header && seen >= W.comments_after * total))) {
                for (size_t j = i; j < n; j++) { L[j].ruled = 1; L[j].reason = "comments"; }
                break;
            }
            if (!L[i].ruled && L[i].score > 0) seen += L[i].score * f->words;
            if (!L[i].ruled && L[i].score >= 3 && f->words >= 15 && (f->flags & CLF_TERMINAL)) strong = 1;
        }
    }

    /* headline lists: four or more lines in a row that read like headlines
     * (no sentence punctuation, 4..25 words, no list marker) are links to
     * other stories, wherever they stand */
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && is_headline_like(&L[e], text)) e++;
        /* not when the run is most of the article (a calendar, a table) */
        size_t run_words = 0, other_words = 0;
        if (e - i >= W.headline_run) {
            for (size_t j = 0; j < n; j++) {
                if (j >= i && j < e) run_words += L[j].f.words;
                else if (!L[j].ruled && L[j].score > 0 && (L[j].f.flags & CLF_TERMINAL)) other_words += L[j].f.words;
            }
        }
        /* nor a list inside the story, introduced by a line ending in ':' */
        int inside = i > 0 && (L[i - 1].f.flags & CLF_COLON) && !L[i - 1].ruled;
        if (e - i >= W.headline_run && other_words >= run_words && !inside) {
            for (size_t j = i; j < e; j++)
                if (!L[j].ruled) { L[j].ruled = 1; L[j].reason = "headline-list"; }
            i = e;
        } else i = e > i ? e : i + 1;
    }

    /* context: move each model score toward its neighbours' */
    for (size_t i = 0; i < n; i++) {
        if (L[i].ruled) { L[i].final = L[i].score; continue; }
        double acc = 0, wsum = 0;
        size_t lo = i >= 3 ? i - 3 : 0, hi = SL_MIN(n - 1, i + 3);
        for (size_t j = lo; j <= hi; j++) {
            if (j == i) continue;
            size_t d = j > i ? j - i : i - j;
            double k = d == 1 ? 1.0 : d == 2 ? 0.5 : 0.25;
            /* a line dropped by a rule is boilerplate evidence for its neighbours */
            double v = L[j].ruled ? -W.ruled_context : L[j].score;
            if (v > 4) v = 4;
            if (v < -4) v = -4;
            acc += k * v;
            wsum += k;
        }
        double ctx = wsum > 0 ? W.context_alpha * acc / wsum : 0;
        /* corpus evidence is about the line itself: neighbours cannot rescue a template */
        if (L[i].spread >= 3 && !L[i].embedded && ctx > 0) ctx = 0;
        L[i].final = L[i].score + ctx;
    }

    /* lists the story introduces ("The plan includes:" then "- ..." lines)
     * count as body in the span, however short their items */
    for (size_t i = 1; i < n; i++) {
        if (!(L[i].f.flags & CLF_BULLET) || !(L[i - 1].f.flags & CLF_COLON) || L[i - 1].ruled) continue;
        size_t e = i;
        while (e < n && (L[e].f.flags & CLF_BULLET) && !L[e].ruled) e++;
        for (size_t j = i - 1; j < e; j++) {
            L[j].listed = 1;
            if (L[j].final <= w->opt->threshold) L[j].final = w->opt->threshold + 0.1;
        }
        i = e;
    }

    /* span: maximum-sum runs of length-weighted final scores */
    double thr = w->opt->threshold;
    double *val = w->val;
    for (size_t i = 0; i < n; i++) {
        double v;
        const cl_features *f = &L[i].f;
        int barrier = f->phrase_cat != LX_CAT_MEDIA &&   /* "Image copyright Reuters" is a credit */
                      (f->words <= 12 || f->phrase_words * 2 >= f->words) &&
                      ((f->flags & CLF_COPYRIGHT) || f->phrase_strength >= 3) &&
                      ((f->flags & CLF_COPYRIGHT) || (f->phrase_cat == LX_CAT_LEGAL || f->phrase_cat == LX_CAT_COMMENTS ||
                                                   f->phrase_cat == LX_CAT_NAV || f->phrase_cat == LX_CAT_RELATED));
        /* the headline repeated inside the page opens the article: what
         * comes before it is navigation unless it weighs on its own */
        if (i > 0 && L[i].reason && !strcmp(L[i].reason, "title")) barrier = 1;
        if (barrier) {
            /* navigation and link-list headers also sit inside articles
             * ("More:", "Related"): a softer wall than legal lines */
            int soft = (f->phrase_cat == LX_CAT_NAV || f->phrase_cat == LX_CAT_RELATED) && !(f->flags & CLF_COPYRIGHT) &&
                       !(L[i].reason && !strcmp(L[i].reason, "title"));
            v = soft ? -W.soft_barrier : -W.barrier;
        }
        else if (L[i].ruled) v = 0;
        else if (L[i].final > thr)
            v = SL_MIN(L[i].final, (f->flags & CLF_TERMINAL) ? 6.0 : 2.0) * pow(SL_MIN(f->words, 100) / 15.0 + 0.2, W.span_power);
        else v = SL_MAX(L[i].final - thr, -8.0) * W.span_negative;
        val[i] = v;
    }
    /* keep flags: the best run, plus runs weighing a share of it */
    for (size_t i = 0; i < n; i++) L[i].keep = 0;
    size_t main_a, main_e;
    double best = best_run(val, 0, n, &main_a, &main_e);
    if (best > 0) keep_runs(L, val, 0, n, best, main_a);

    /* decisions and reasons */
    for (size_t i = 0; i < n; i++) {
        cl_line *l = &L[i];
        if (l->ruled) continue;
        if (!l->keep) {
            l->reason = l->final > thr ? "outside-body" : l->score > thr ? "context" : l->weak;
            continue;
        }
        if (l->final <= thr) l->reason = l->score > thr ? "context" : l->weak;
    }
    /* short lines inside the story (a one-line paragraph, a quote, a
     * question) between two kept lines stay, as in jusText's context pass */
    for (size_t i = 1; i + 1 < n; i++) {
        cl_line *l = &L[i];
        if (!l->reason || l->ruled || l->score < W.sandwich_min) continue;
        if (!(l->f.flags & (CLF_TERMINAL | CLF_QUOTE | CLF_COLON))) continue;
        if (!L[i - 1].reason && !L[i + 1].reason) l->reason = NULL;
    }

    /* lists inside the story: a run of list items introduced by a kept line
     * ending in ':' or enclosed by kept lines stays whole */
    for (size_t i = 0; i < n;) {
        if (!(L[i].f.flags & CLF_BULLET)) { i++; continue; }
        size_t e = i;
        while (e < n && (L[e].f.flags & CLF_BULLET)) e++;
        int before = i > 0 && !L[i - 1].reason;
        int after = e < n && !L[e].reason;
        if (before && ((L[i - 1].f.flags & CLF_COLON) || after))
            for (size_t j = i; j < e; j++)
                if (!L[j].ruled) L[j].reason = NULL;
        i = e;
    }

    /* the lead of the first kept line: byline, dateline, date stamp */
    sl_clean_options defaults;
    const sl_clean_options *opt = w->opt;
    if (!opt) { sl_clean_options_init(&defaults); opt = &defaults; }
    size_t first_kept = n;
    for (size_t i = 0; i < n; i++)
        if (!L[i].reason) { first_kept = i; break; }
    size_t lead_skip = 0;
    if (first_kept < n) {
        cl_lead lead;
        const char *s = text + L[first_kept].start;
        if (cl_parse_lead(s, L[first_kept].len, &lead)) {
            if (lead.byline.len && !byline.len) byline = lead.byline;
            if (lead.date != SL_NO_DATE && date == SL_NO_DATE) date = lead.date;
            if (lead.location.len || lead.agency.len) {
                if (lead.location.len && append_out(w, lead.location.ptr, lead.location.len, &r->location_off)) goto oom;
                r->location_len = lead.location.len;
                if (lead.agency.len && append_out(w, lead.agency.ptr, lead.agency.len, &r->agency_off)) goto oom;
                r->agency_len = lead.agency.len;
                r->dateline_off = w->out.len;
                if (lead.location.len && sl_buf_append(&w->out, lead.location.ptr, lead.location.len)) goto oom;
                if (lead.agency.len) {
                    if (lead.location.len && sl_buf_append(&w->out, " (", 2)) goto oom;
                    if (!lead.location.len && sl_buf_append(&w->out, "(", 1)) goto oom;
                    if (sl_buf_append(&w->out, lead.agency.ptr, lead.agency.len) || sl_buf_putc(&w->out, ')')) goto oom;
                }
                r->dateline_len = w->out.len - r->dateline_off;
            }
            if (!opt->keep_dateline) lead_skip = lead.consumed;
        }
    }
    if (byline.len) {
        /* "By Maggie Fox , Health and Science Editor" → "Maggie Fox, Health and Science Editor" */
        const char *b = byline.ptr;
        size_t bl = byline.len;
        if (bl > 3 && (b[0] == 'B' || b[0] == 'b') && (b[1] == 'y' || b[1] == 'Y') && (b[2] == ' ' || b[2] == ':')) {
            b += 3; bl -= 3;
            while (bl && (*b == ' ' || *b == ':')) { b++; bl--; }
        }
        r->byline_off = w->out.len;
        for (size_t k = 0; k < bl; k++) {
            if (b[k] == ' ' && k + 1 < bl && b[k + 1] == ',') continue;   /* tokenised " ," */
            if (sl_buf_putc(&w->out, b[k])) goto oom;
        }
        r->byline_len = w->out.len - r->byline_off;
    }
    r->date = date;

    /* the dropped lines (and tails), copied out first: the body may be
     * written over the text */
    for (size_t i = 0; i < n; i++) {
        cl_line *l = &L[i];
        if (l->cut_len &&
            add_drop(w, text, l->cut_start, l->cut_len, l->line_no, l->cut_spread,
                     -SL_MIN(W.spread * log2((double)l->cut_spread), W.spread_cap), "template"))
            goto oom;       /* the template cut off this line's end */
        if (l->reason && l->len &&
            add_drop(w, text, l->start, l->len, l->line_no, l->spread, l->ruled ? l->score : l->final, l->reason))
            goto oom;
    }

    /* the body: the kept lines joined by "\n", into w->out, or over the text
     * itself (in_place).  Written in place, line k lands at or before where
     * it stood (every line was followed by at least one "\n" and only
     * blanks and dropped lines are squeezed out), so a forward memmove never
     * overwrites a byte still to be read. */
    char *dst = in_place;
    size_t o = 0;
    if (!dst) r->text_off = w->out.len;
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        cl_line *l = &L[i];
        if (l->reason) continue;
        const char *s = text + l->start;
        size_t ln = l->len;
        if (i == first_kept && lead_skip) { s += lead_skip; ln -= lead_skip; }
        if (dst) {
            if (!first) dst[o++] = '\n';
            memmove(dst + o, s, ln);
            o += ln;
        } else {
            if (!first && sl_buf_putc(&w->out, '\n')) goto oom;
            if (sl_buf_append(&w->out, s, ln)) goto oom;
        }
        first = 0;
        r->kept++;
    }
    if (dst) {
        r->text_len = o;
        r->in_place = 1;
        if (o < len) dst[o] = '\0';    /* else the text's own terminator is still there */
    } else {
        r->text_len = w->out.len - r->text_off;
        if (sl_buf_putc(&w->out, 0)) goto oom;
    }
    r->base = w->out.data;
    r->n_drops = w->n_drops - r->first_drop;
    r->emptied = r->kept == 0 && n > 0;
    return 0;
oom:
    return SL_ENOMEM;
}

/* ---- the report ------------------------------------------------------------------------ */

struct sl_clean_report {
    sl_arena arena;
    sl_clean_info *info;
    size_t n;
    sl_clean_drop *drops;
    size_t n_drops;
    size_t *first_drop;     /* n + 1 entries */
    uint64_t lines, dropped, emptied;
};

static sl_clean_report *report_new(size_t n, size_t n_drops) {
    sl_clean_report *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    sl_arena_init(&r->arena);
    r->n = n;
    r->info = calloc(n ? n : 1, sizeof *r->info);
    r->drops = calloc(n_drops ? n_drops : 1, sizeof *r->drops);
    r->first_drop = calloc(n + 1, sizeof *r->first_drop);
    if (!r->info || !r->drops || !r->first_drop) { sl_clean_report_free(r); return NULL; }
    return r;
}

void sl_clean_report_free(sl_clean_report *r) {
    if (!r) return;
    sl_arena_free(&r->arena);
    free(r->info);
    free(r->drops);
    free(r->first_drop);
    free(r);
}

size_t sl_clean_report_size(const sl_clean_report *r) { return r ? r->n : 0; }

const sl_clean_info *sl_clean_report_info(const sl_clean_report *r, size_t i) {
    return r && i < r->n ? &r->info[i] : NULL;
}

size_t sl_clean_report_drops(const sl_clean_report *r, size_t i) {
    return r && i < r->n ? r->first_drop[i + 1] - r->first_drop[i] : 0;
}

const sl_clean_drop *sl_clean_report_drop(const sl_clean_report *r, size_t i, size_t k) {
    if (!r || i >= r->n || k >= r->first_drop[i + 1] - r->first_drop[i]) return NULL;
    return &r->drops[r->first_drop[i] + k];
}

void sl_clean_report_totals(const sl_clean_report *r, uint64_t *lines, uint64_t *dropped,
                            uint64_t *emptied) {
    if (lines) *lines = r ? r->lines : 0;
    if (dropped) *dropped = r ? r->dropped : 0;
    if (emptied) *emptied = r ? r->emptied : 0;
}

static sl_slice report_copy(sl_clean_report *r, const char *base, size_t off, size_t len, int *oom) {
    if (!len) return sl_slice_of(NULL, 0);
    char *p = sl_arena_strndup(&r->arena, base + off, len);
    if (!p) { *oom = 1; return sl_slice_of(NULL, 0); }
    return sl_slice_of(p, len);
}

/* Fills report entry i from a worker result (its bytes at res->base must
 * live as long as the report). */
static int report_fill(sl_clean_report *rep, size_t i, const cl_drop_rec *drops, const cl_result *res,
                       size_t *next_drop) {
    int oom = 0;
    sl_clean_info *info = &rep->info[i];
    info->byline = report_copy(rep, res->base, res->byline_off, res->byline_len, &oom);
    info->dateline = report_copy(rep, res->base, res->dateline_off, res->dateline_len, &oom);
    info->location = report_copy(rep, res->base, res->location_off, res->location_len, &oom);
    info->agency = report_copy(rep, res->base, res->agency_off, res->agency_len, &oom);
    info->lines_kept = res->kept;
    info->lines_dropped = res->n_drops;
    info->emptied = res->emptied;
    rep->first_drop[i] = *next_drop;
    for (size_t k = 0; k < res->n_drops; k++) {
        const cl_drop_rec *d = &drops[res->first_drop + k];
        sl_clean_drop *o = &rep->drops[(*next_drop)++];
        o->line = sl_slice_of(res->base + d->start, d->len);
        o->reason = d->reason;
        o->score = d->score;
        o->spread = d->spread;
        o->line_no = d->line_no;
    }
    rep->first_drop[i + 1] = *next_drop;
    rep->lines += res->kept + res->n_drops;
    rep->dropped += res->n_drops;
    rep->emptied += res->emptied;
    return oom ? SL_ENOMEM : 0;
}

static void warn_emptied(const sl_clean_options *opt, const sl_article *a) {
    if (!opt || !opt->on_diag) return;
    char msg[256];
    snprintf(msg, sizeof msg, "article \"%.*s\" holds only boilerplate; its body is now empty",
             (int)SL_MIN(a->id.len, 120), a->id.ptr ? a->id.ptr : "");
    sl_diag d = {a->file ? a->file : "-", a->line, msg, 1};
    opt->on_diag(&d, opt->diag_user);
}

/* ---- one article ------------------------------------------------------------------------- */

int sl_clean_article(const sl_article *a, const sl_clean_options *opt_in, sl_clean_report **report) {
    if (!a || !report) return SL_EUSAGE;
    *report = NULL;
    sl_clean_options opt;
    if (opt_in) opt = *opt_in;
    else sl_clean_options_init(&opt);
    lx_init();
    cl_worker w = {0};
    w.opt = &opt;
    w.stats = NULL;
    cl_result res;
    int rc = SL_ENOMEM;
    sl_clean_report *rep = NULL;
    const char *text = a->text.ptr ? a->text.ptr : "";
    if (measure_text(&w.measure, text, a->text.len, 0) ||
        clean_one(&w, text, a->text.len, NULL, a->title, a->date, w.measure.lines, w.measure.n, NULL, &res))
        goto done;
    rep = report_new(1, res.n_drops);
    if (!rep) goto done;
    /* the output bytes (body, title, metadata, dropped lines) move to the report */
    res.base = sl_arena_strndup(&rep->arena, w.out.data, w.out.len);
    if (!res.base) goto done;
    size_t next = 0;
    if (report_fill(rep, 0, w.drops, &res, &next)) goto done;
    int oom = 0;
    sl_clean_info *info = &rep->info[0];
    info->text = report_copy(rep, res.base, res.text_off, res.text_len, &oom);
    if (!info->text.ptr) info->text = sl_slice_of("", 0);
    if (res.title_found) info->title = report_copy(rep, res.base, res.title_off, res.title_len, &oom);
    else if (a->title.len) {
        char *t = sl_arena_strndup(&rep->arena, a->title.ptr, a->title.len);
        if (!t) oom = 1;
        info->title = sl_slice_of(t, t ? a->title.len : 0);
    }
    info->date = res.date;
    if (oom) goto done;
    if (res.emptied) warn_emptied(&opt, a);
    *report = rep;
    rep = NULL;
    rc = 0;
done:
    sl_clean_report_free(rep);
    worker_free(&w);
    return rc;
}

/* ---- a corpus ------------------------------------------------------------------------------ */

/* One worker's share of the corpus: articles from..to, the same range in
 * both passes, so pass 2 reads the lines pass 1 measured in the same job. */
typedef struct clean_job {
    sl_corpus *c;
    size_t from, to;
    int suffix_keys;        /* pass 1 keeps suffix keys (corpus mode) */
    cl_measure m;           /* pass 1: the lines of articles from..to, in order */
    size_t *ends;           /* per article: end index into m.lines */
    cl_worker w;
    cl_result *res;
    int failed;
} clean_job;

static void *pass1_run(void *arg) {
    clean_job *j = arg;
    size_t m = j->to - j->from;
    j->ends = malloc((m ? m : 1) * sizeof *j->ends);
    if (!j->ends) { j->failed = 1; return NULL; }
    for (size_t i = j->from; i < j->to; i++) {
        const sl_article *a = j->c->articles[i];
        if (measure_text(&j->m, a->text.ptr, a->text.len, j->suffix_keys)) {
            j->failed = 1;
            return NULL;
        }
        j->ends[i - j->from] = j->m.n;
    }
    return NULL;
}

/* Pass 2: cleans articles from..to.  Their lines come from pass 1 when it
 * ran, else each article is measured here.  Each article's output bytes are
 * moved from the worker's scratch to its arena `keep`, which the corpus
 * adopts when the results are applied. */
static void *pass2_run(void *arg) {
    clean_job *j = arg;
    cl_worker *w = &j->w;
    size_t m = j->to - j->from;
    j->res = malloc((m ? m : 1) * sizeof *j->res);
    if (!j->res) { j->failed = 1; return NULL; }
    size_t prev = 0;
    for (size_t i = j->from; i < j->to; i++) {
        const sl_article *a = j->c->articles[i];
        cl_result *res = &j->res[i - j->from];
        const cl_measured *M;
        size_t n;
        const uint32_t *keys = NULL;
        if (j->ends) {
            size_t e = j->ends[i - j->from];
            M = j->m.lines + prev;
            n = e - prev;
            keys = j->m.keys;
            prev = e;
        } else {
            w->measure.n = 0;
            w->measure.n_keys = 0;
            if (measure_text(&w->measure, a->text.ptr, a->text.len, 0)) { j->failed = 1; return NULL; }
            M = w->measure.lines;
            n = w->measure.n;
        }
        /* corpus texts are the corpus' own writable copies: cleaned in place */
        char *in_place = a->text.len ? (char *)a->text.ptr : NULL;
        if (clean_one(w, a->text.ptr, a->text.len, in_place, a->title, a->date, M, n, keys, res)) {
            j->failed = 1;
            return NULL;
        }
        char *kept = sl_arena_alloc(&w->keep, w->out.len);
        if (!kept) { j->failed = 1; return NULL; }
        if (w->out.len) memcpy(kept, w->out.data, w->out.len);
        res->base = kept;
    }
    return NULL;
}

/* Runs fn over jobs[0..t) with t-1 extra threads (the caller runs the last). */
static void run_jobs(void *(*fn)(void *), void *jobs, size_t job_size, int t) {
    pthread_t *th = calloc((size_t)t, sizeof *th);
    int *started = calloc((size_t)t, sizeof *started);
    for (int k = 0; k + 1 < t; k++)
        if (th && started && pthread_create(&th[k], NULL, fn, (char *)jobs + (size_t)k * job_size) == 0)
            started[k] = 1;
    for (int k = 0; k + 1 < t; k++)
        if (!started || !started[k]) fn((char *)jobs + (size_t)k * job_size);
    fn((char *)jobs + (size_t)(t - 1) * job_size);
    for (int k = 0; k + 1 < t; k++)
        if (started && started[k]) pthread_join(th[k], NULL);
    free(th);
    free(started);
}

/* Splits n articles into t ranges of about equal bytes. */
static void split_ranges(const sl_corpus *c, int t, size_t *bounds) {
    uint64_t total = 0;
    for (size_t i = 0; i < c->n_articles; i++) total += c->articles[i]->text.len + 64;
    bounds[0] = 0;
    uint64_t acc = 0;
    size_t i = 0;
    for (int k = 1; k < t; k++) {
        uint64_t goal = total * (uint64_t)k / (uint64_t)t;
        while (i < c->n_articles && acc < goal) acc += c->articles[i++]->text.len + 64;
        bounds[k] = i;
    }
    bounds[t] = c->n_articles;
}

/* The keys of an article's lines as the statistics count them: line hashes
 * (lines without letters or digits left out), salted skeletons, lengths. */
typedef struct line_keys {
    uint64_t *hashes, *skeletons;
    uint32_t *lens;
    size_t n, cap;
} line_keys;

static int article_keys(line_keys *k, const cl_measured *M, size_t n) {
    if (n > k->cap) {
        size_t c = k->cap ? k->cap : 64;
        while (c < n) c *= 2;
        free(k->hashes);
        free(k->skeletons);
        free(k->lens);
        k->hashes = malloc(c * sizeof *k->hashes);
        k->skeletons = malloc(c * sizeof *k->skeletons);
        k->lens = malloc(c * sizeof *k->lens);
        k->cap = k->hashes && k->skeletons && k->lens ? c : 0;
        if (!k->cap) return SL_ENOMEM;
    }
    k->n = 0;
    for (size_t i = 0; i < n; i++) {
        if (!M[i].f.hash) continue;
        k->hashes[k->n] = M[i].f.hash;
        k->skeletons[k->n] = M[i].f.skeleton ? M[i].f.skeleton ^ CL_SKELETON_SALT : 0;
        k->lens[k->n++] = M[i].len;
    }
    return 0;
}

/* The corpus signal from the lines pass 1 measured: step 1 counts lines and
 * skeletons, step 2 records anchors, both in article order. */
static int count_corpus(cl_linestats *stats, const clean_job *jobs, int t) {
    line_keys lk = {0};
    int rc = 0;
    for (int step = 1; step <= 2 && !rc; step++)
        for (int k = 0; k < t && !rc; k++) {
            const clean_job *j = &jobs[k];
            size_t prev = 0;
            for (size_t i = j->from; i < j->to; i++) {
                size_t e = j->ends[i - j->from];
                if (article_keys(&lk, j->m.lines + prev, e - prev)) { rc = SL_ENOMEM; break; }
                prev = e;
                if (step == 1) {
                    uint32_t art = (uint32_t)(i + 1);
                    if (cl_linestats_count(stats, art, lk.hashes, lk.n) ||
                        cl_linestats_count(stats, art, lk.skeletons, lk.n)) { rc = SL_ENOMEM; break; }
                } else {
                    uint64_t anchor = cl_linestats_pick_anchor(stats, lk.hashes, lk.skeletons, lk.lens, lk.n);
                    cl_linestats_add_anchor(stats, lk.hashes, lk.n, anchor);
                }
            }
        }
    free(lk.hashes);
    free(lk.skeletons);
    free(lk.lens);
    return rc;
}

int sl_clean_corpus(sl_corpus *c, const sl_clean_options *opt_in, sl_clean_report **report) {
    if (!c) return SL_EUSAGE;
    if (report) *report = NULL;
    sl_clean_options opt;
    if (opt_in) opt = *opt_in;
    else sl_clean_options_init(&opt);
    lx_init();
    size_t n = c->n_articles;
    int t = opt.threads < 1 ? 1 : opt.threads;
    if ((size_t)t > n / 8 + 1) t = (int)(n / 8 + 1);   /* tiny corpora: one thread */
    if (t > 64) t = 64;
    size_t bounds[65];
    split_ranges(c, t, bounds);
    int rc = SL_ENOMEM;
    cl_linestats stats = {0};
    int have_stats = 0;
    sl_clean_report *rep = NULL;
    clean_job *jobs = calloc((size_t)t, sizeof *jobs);
    if (!jobs) return SL_ENOMEM;
    for (int k = 0; k < t; k++) {
        jobs[k].c = c;
        jobs[k].from = bounds[k];
        jobs[k].to = bounds[k + 1];
        jobs[k].w.opt = &opt;
    }

    /* pass 1: measure every line, then the corpus signal */
    if (opt.use_corpus && n > 1) {
        for (int k = 0; k < t; k++) jobs[k].suffix_keys = 1;
        run_jobs(pass1_run, jobs, sizeof *jobs, t);
        size_t total_lines = 0;
        for (int k = 0; k < t; k++) {
            if (jobs[k].failed) goto done;
            total_lines += jobs[k].m.n;
        }
        if (cl_linestats_init(&stats, total_lines + 1024)) goto done;
        have_stats = 1;
        if (count_corpus(&stats, jobs, t) || cl_linestats_build_filter(&stats, W.glued_spread)) goto done;
        for (int k = 0; k < t; k++) jobs[k].w.stats = &stats;
    }

    /* pass 2: clean */
    run_jobs(pass2_run, jobs, sizeof *jobs, t);
    size_t total_drops = 0;
    for (int k = 0; k < t; k++) {
        if (jobs[k].failed) goto done;
        total_drops += jobs[k].w.n_drops;
    }
    if (report && !(rep = report_new(n, total_drops))) goto done;

    /* apply, in article order: the cleaned texts stay where the workers
     * wrote them, in memory the corpus now owns */
    size_t next_drop = 0;
    for (int k = 0; k < t; k++) {
        clean_job *j = &jobs[k];
        sl_arena_adopt(&c->arena, &j->w.keep);
        for (size_t i = j->from; i < j->to; i++) {
            const cl_result *res = &j->res[i - j->from];
            sl_article *a = c->articles[i];
            const char *body = res->in_place ? a->text.ptr : res->base + res->text_off;
            a->text = res->text_len ? sl_slice_of(body, res->text_len) : sl_slice_of("", 0);
            if (res->title_found && a->title.len == 0)
                a->title = res->title_len ? sl_slice_of(res->base + res->title_off, res->title_len)
                                          : sl_slice_of(NULL, 0);
            if (a->date == SL_NO_DATE && res->date != SL_NO_DATE) a->date = res->date;
            if (res->emptied) warn_emptied(&opt, a);
            if (rep) {
                if (report_fill(rep, i, j->w.drops, res, &next_drop)) goto done;
                rep->info[i].text = a->text;
                rep->info[i].title = a->title;
                rep->info[i].date = a->date;
            }
        }
    }
    if (report) { *report = rep; rep = NULL; }
    rc = 0;
done:
    for (int k = 0; k < t; k++) {
        free(jobs[k].m.lines);
        free(jobs[k].m.keys);
        free(jobs[k].ends);
        free(jobs[k].res);
        worker_free(&jobs[k].w);
    }
    free(jobs);
    if (have_stats) cl_linestats_free(&stats);
    sl_clean_report_free(rep);
    return rc;
}
