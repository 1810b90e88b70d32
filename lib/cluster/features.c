/*
 * features.c — an article as a sparse TF-IDF vector.
 *
 * Features, each interned to a term id in the model's vocabulary:
 *   - stems of content words (stop words and one-letter words dropped),
 *   - capitalised phrases (2..5 consecutive capitalised content words: names
 *     of people, places, organisations), not taken from title-case titles
 *     where every word is capitalised,
 *   - numbers of two characters or more ("150,000", "2014", "3.5"),
 *   - pairs of adjacent content stems in the title and the lead (stop words
 *     skipped, punctuation breaks a pair).
 * Each occurrence counts by where it is: title 3, lead (first CL_LEAD_TOKENS
 * body tokens) 2, rest of the body 1; a capitalised word inside a sentence
 * counts CAP_F (1.5) times; one standing alone (not part of a phrase) marks
 * its stem as a name (CL_NAME_FLAG, used by story linking).  Only the first CL_BODY_TOKENS body tokens are read (news
 * puts the facts first).  When the body starts with the title (RSS items) that
 * copy is skipped.
 *
 * Weighting (cl_doc_vector): w = (1 + ln tf) · idf^p · kind factor, with
 * idf = ln(1 + N/df), N and df the model's running document counts
 * *including this article* (df is updated first, so the statistics are
 * exactly those of the stream so far).  Two vectors come out: the event
 * vector (p = EVENT_IDF_POWER, the CL_MAX_DOC_TERMS heaviest terms) and the
 * story vector (p = STORY_IDF_POWER, CL_STORY_DOC_TERMS terms: a story is
 * recognised by its common words as well as its rare ones); both are
 * L2-normalised.  Damped idf (p < 1) keeps a headline's topic words from
 * being drowned by its one-off words.  Kind factors: phrases ENTITY_F,
 * numbers 0.8, pairs PAIR_F.  The tuning constants were set on the dev data
 * (../shared headlines and Timeline17) and can be overridden at compile time.
 * Contract: same model state + same article = same vectors, bit for bit.
 *
 * Speed: the body is tokenised over a prefix that nearly always holds the
 * CL_BODY_TOKENS tokens read (a longer one only when it falls short); the
 * content words of a section are interned in batches whose table slots are
 * prefetched (in text order, so word ids are as one by one); pair-cache
 * slots of the pairs whose words are known are prefetched before the pass
 * that needs them; logarithms and powers are memoised within an article.
 */
#include "cluster.h"

#include <math.h>

#ifndef ENTITY_F
#define ENTITY_F 2.0f
#endif
#ifndef PAIR_F
#define PAIR_F 0.8f
#endif
#ifndef CAP_F
#define CAP_F 1.5f
#endif
static const float kind_factor[4] = {
    [CL_KIND_WORD] = 1.0f,
    [CL_KIND_ENTITY] = ENTITY_F,
    [CL_KIND_NUMBER] = 0.8f,
    [CL_KIND_PAIR] = PAIR_F,
};

enum { W_TITLE = 3, W_LEAD = 2, W_BODY = 1 };
enum { CL_WORD_IGNORED = -2 };   /* word_term value of a news stop word */

#ifndef EVENT_IDF_POWER
#define EVENT_IDF_POWER 0.3
#endif
#ifndef STORY_IDF_POWER
#define STORY_IDF_POWER 0.5
#endif

int cl_reserve_terms(sl_cluster *m, size_t need) {
    if (need <= m->term_cap) return 0;
    size_t cap = m->term_cap ? m->term_cap : 1024;
    while (cap < need) cap *= 2;
    uint32_t *df = realloc(m->df, cap * sizeof *df);
    if (!df) return SL_ENOMEM;
    m->df = df;
    uint8_t *kind = realloc(m->kind, cap);
    if (!kind) return SL_ENOMEM;
    m->kind = kind;
    int32_t *display = realloc(m->display, cap * sizeof *display);
    if (!display) return SL_ENOMEM;
    m->display = display;
    cl_postings *ep = realloc(m->ev_post, cap * sizeof *ep);
    if (!ep) return SL_ENOMEM;
    m->ev_post = ep;
    cl_postings *sp = realloc(m->st_post, cap * sizeof *sp);
    if (!sp) return SL_ENOMEM;
    m->st_post = sp;
    for (size_t i = m->term_cap; i < cap; i++) {
        m->df[i] = 0;
        m->kind[i] = 0;
        m->display[i] = -1;
        memset(&m->ev_post[i], 0, sizeof m->ev_post[i]);
        memset(&m->st_post[i], 0, sizeof m->st_post[i]);
    }
    m->term_cap = cap;
    return 0;
}

int cl_term_intern(sl_cluster *m, const char *key, size_t len, int kind, int32_t display_word) {
    int32_t before = sl_vocab_size(m->terms);
    int32_t id = sl_vocab_intern(m->terms, key, len);
    if (id < 0) return SL_ENOMEM;
    if (id >= before) {
        if (cl_reserve_terms(m, (size_t)id + 1)) return SL_ENOMEM;
        m->kind[id] = (uint8_t)kind;
        m->display[id] = display_word;
    }
    return id;
}

static int add_raw(cl_doc *d, int32_t term, float w) {
    if (term < 0) return SL_ENOMEM;
    if (sl_grow(&d->raw, &d->capraw, d->nraw + 1, sizeof *d->raw)) return SL_ENOMEM;
    d->raw[d->nraw].term = (uint32_t)term;
    d->raw[d->nraw].w = w;
    d->nraw++;
    return 0;
}

/* Words that say when or how something was published, not what happened:
 * weekdays, months, relative days, and news-page furniture.  Time is the
 * decay's business; these would otherwise glue unrelated same-day stories. */
static const char *const news_stopwords[] = {
    "april", "article", "articles", "august", "breaking", "day", "days", "december",
    "february", "friday", "images", "january", "july", "june", "last", "latest", "march",
    "monday", "month", "months", "new", "news", "november", "october", "photo", "photos",
    "read", "report", "reports", "saturday", "september", "sunday", "thursday", "today",
    "tomorrow", "tonight", "tuesday", "update", "updated", "video", "videos", "watch",
    "wednesday", "week", "weeks", "year", "years", "yesterday",
};

static int cmp_cstr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_news_stopword(const char *w) {
    return bsearch(&w, news_stopwords, SL_ARRAY_LEN(news_stopwords), sizeof news_stopwords[0],
                   cmp_cstr) != NULL;
}

/* Makes word_term hold every word id of the vocabulary; 0 or SL_ENOMEM. */
static int reserve_words(sl_cluster *m) {
    size_t need = (size_t)sl_vocab_size(m->words);
    if (need <= m->word_cap) return 0;
    size_t cap = m->word_cap ? m->word_cap * 2 : 4096;
    while (cap < need) cap *= 2;
    int32_t *wt = realloc(m->word_term, cap * sizeof *wt);
    if (!wt) return SL_ENOMEM;
    for (size_t i = m->word_cap; i < cap; i++) wt[i] = -1;
    m->word_term = wt;
    m->word_cap = cap;
    return 0;
}

/* Term id of the stem of word wid, the folded w[0..len) (cached per surface
 * word); CL_WORD_IGNORED for a news stop word; -1 on ENOMEM. */
static int32_t word_stem_term(sl_cluster *m, int32_t wid, const char *w, size_t len) {
    if (m->word_term[wid] >= 0 || m->word_term[wid] == CL_WORD_IGNORED) return m->word_term[wid];
    /* (a new surface word from here on) */
    if (is_news_stopword(w)) return m->word_term[wid] = CL_WORD_IGNORED;
    sl_slice stem = sl_stem(m->stemmer, w, len);
    int id = cl_term_intern(m, stem.ptr, stem.len, CL_KIND_WORD, wid);
    if (id < 0) return -1;
    m->word_term[wid] = id;
    /* a stem is shown as its shortest surface form ("spill", not "spilling") */
    if (m->display[id] >= 0 && m->display[id] != wid &&
        sl_vocab_string(m->words, m->display[id]).len > len)
        m->display[id] = wid;
    return id;
}

static int is_ascii(const char *s, size_t len) {
    unsigned char high = 0;
    for (size_t i = 0; i < len; i++) high |= (unsigned char)s[i];
    return high < 0x80;
}

/* Interns the words d->btok[0..*nb) (ids to d->wid at d->bidx). */
static int flush_words(sl_cluster *m, cl_doc *d, const char *text, size_t *nb) {
    if (*nb && sl_vocab_intern_tokens(m->words, text, d->btok, *nb, d->bids)) return SL_ENOMEM;
    for (size_t k = 0; k < *nb; k++) {
        int32_t wid = d->bids[k];
        d->wid[d->bidx[k]] = wid;
        if ((size_t)wid < m->word_cap) __builtin_prefetch(&m->word_term[wid]);   /* read soon */
    }
    *nb = 0;
    return 0;
}

/* The word id of each content word of d->tok[0..n) with a folded form of
 * two bytes or more, into d->wid (-1 for the other tokens).  Words are
 * interned in text order, as one by one, but ASCII words go in batches whose
 * table slots are prefetched (the table outgrows the cache): the same key as
 * sl_token_fold's, since an ASCII word under 128 bytes is never cut. */
static int content_word_ids(sl_cluster *m, cl_doc *d, const char *text, size_t n) {
    if (n > d->capwid) {
        int32_t *wid = realloc(d->wid, n * sizeof *wid);
        if (wid) d->wid = wid;
        int32_t *bids = realloc(d->bids, n * sizeof *bids);
        if (bids) d->bids = bids;
        uint32_t *bidx = realloc(d->bidx, n * sizeof *bidx);
        if (bidx) d->bidx = bidx;
        sl_token *btok = realloc(d->btok, n * sizeof *btok);
        if (btok) d->btok = btok;
        if (!wid || !bids || !bidx || !btok) return SL_ENOMEM;
        d->capwid = n;
    }
    size_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_token *t = &d->tok[i];
        d->wid[i] = -1;
        if (t->kind != SL_TOK_WORD || t->stop) continue;
        if (t->len < 128 && is_ascii(text + t->start, t->len)) {
            if (t->len < 2) continue;
            d->btok[nb] = *t;
            d->bidx[nb++] = (uint32_t)i;
            continue;
        }
        if (flush_words(m, d, text, &nb)) return SL_ENOMEM;
        char buf[128];
        size_t fl = sl_token_fold(text, t, buf, sizeof buf);
        if (fl < 2) continue;
        if ((d->wid[i] = sl_vocab_intern(m->words, buf, fl)) < 0) return SL_ENOMEM;
    }
    if (flush_words(m, d, text, &nb)) return SL_ENOMEM;
    return reserve_words(m);
}

/* Term id of the pair "a b" (stems), through a cache keyed by the two ids
 * (interning the key string only on a miss); -1 on ENOMEM, -2 when the key
 * is too long. */
static inline size_t pair_slot(uint32_t a, uint32_t b, size_t mask) {
    uint64_t k = (uint64_t)a << 32 | b;
    return (size_t)(k * 0x9E3779B97F4A7C15ull >> 20) & mask;
}

static int32_t pair_term(sl_cluster *m, int32_t a, int32_t b, char *key, size_t cap) {
    /* one 12-byte slot per pair (one cache miss a lookup), at most 3/4 full */
    if (m->pair_n * 4 >= m->pair_mask * 3) {   /* grow (also the first time) */
        size_t size = m->pair_mask ? (m->pair_mask + 1) * 2 : 4096;
        cl_pair_slot *slots = malloc(size * sizeof *slots);
        if (!slots) return -1;
        for (size_t i = 0; i < size; i++) slots[i].id = -1;
        for (size_t i = 0; m->pair_slots && i <= m->pair_mask; i++) {
            const cl_pair_slot *o = &m->pair_slots[i];
            if (o->id < 0) continue;
            size_t j = pair_slot(o->a, o->b, size - 1);
            while (slots[j].id >= 0) j = (j + 1) & (size - 1);
            slots[j] = *o;
        }
        free(m->pair_slots);
        m->pair_slots = slots;
        m->pair_mask = size - 1;
    }
    size_t j = pair_slot((uint32_t)a, (uint32_t)b, m->pair_mask);
    cl_pair_slot *slot;
    while ((slot = &m->pair_slots[j])->id >= 0) {
        if (slot->a == (uint32_t)a && slot->b == (uint32_t)b) return slot->id;
        j = (j + 1) & m->pair_mask;
    }
    sl_slice sa = sl_vocab_string(m->terms, a);
    sl_slice sb = sl_vocab_string(m->terms, b);
    if (sa.len + sb.len + 1 >= cap) return -2;
    memcpy(key, sa.ptr, sa.len);
    key[sa.len] = ' ';
    memcpy(key + sa.len + 1, sb.ptr, sb.len);
    int id = cl_term_intern(m, key, sa.len + sb.len + 1, CL_KIND_PAIR, -1);
    if (id < 0) return -1;
    slot = &m->pair_slots[j];
    slot->a = (uint32_t)a;
    slot->b = (uint32_t)b;
    slot->id = id;
    m->pair_n++;
    return id;
}

static int is_sentence_end(const char *text, const sl_token *t) {
    if (t->kind != SL_TOK_PUNCT || t->len != 1) return 0;
    char c = text[t->start];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"';
}

/* The length of text[0..len) cut at a blank at or before `prefix` (so no
 * token is split: the tokens of the cut text are the first tokens of the
 * whole); len when it is not longer or has no such blank. */
static size_t cut_at_blank(const char *text, size_t len, size_t prefix) {
    if (len <= prefix) return len;
    while (prefix > 0 && text[prefix] != ' ' && text[prefix] != '\n') prefix--;
    return prefix > 0 ? prefix : len;
}

/* Tokenises text[0..len) into d->tok; the token count, or (size_t)-1 when
 * out of memory. */
static size_t tokenize(cl_doc *d, const char *text, size_t len) {
    size_t n = sl_tokenize(text, len, d->tok, d->captok);
    if (n > d->captok) {
        size_t cap = n;
        sl_token *t = realloc(d->tok, cap * sizeof *t);
        if (!t) return (size_t)-1;
        d->tok = t;
        d->captok = cap;
        n = sl_tokenize(text, len, d->tok, d->captok);
    }
    return n;
}

/* One section (title or body) of an article. */
static int section(sl_cluster *m, cl_doc *d, const char *text, size_t len, int is_title) {
    /* Only the first CL_BODY_TOKENS tokens are used: tokenise a prefix that
     * surely holds them (cut at a blank, so no word is split) — first a
     * shorter one that nearly always does (news averages under 6 bytes a
     * token), the sure one only when that falls short. */
    size_t limit = is_title ? CL_TITLE_TOKENS : CL_BODY_TOKENS;
    len = cut_at_blank(text, len, (size_t)CL_BODY_TOKENS * 10);
    size_t quick = cut_at_blank(text, len, (size_t)CL_BODY_TOKENS * 7);
    size_t n = tokenize(d, text, quick);
    if (n != (size_t)-1 && n < limit && quick < len) n = tokenize(d, text, len);
    if (n == (size_t)-1) return SL_ENOMEM;
    if (n > limit) n = limit;
    if (content_word_ids(m, d, text, n)) return SL_ENOMEM;

    /* Title case ("Bitcoin Exchange Seeks US Bankruptcy Relief"): capitals
     * then carry no information about names. */
    int title_case = 0;
    if (is_title) {
        size_t words = 0, caps = 0;
        for (size_t i = 0; i < n; i++) {
            if (d->tok[i].kind != SL_TOK_WORD || d->tok[i].stop) continue;
            words++;
            caps += d->tok[i].capitalised;
        }
        title_case = words >= 3 && caps * 10 >= words * 7;
    }

    /* Prefetch the pair-cache slots of the pairs whose words are known
     * (most of them): one lookup each below, which would otherwise be one
     * cache miss after another. */
    if (m->pair_slots) {
        int32_t prev = -1;
        size_t end = is_title ? n : SL_MIN(n, (size_t)CL_LEAD_TOKENS);
        for (size_t i = 0; i < end; i++) {
            const sl_token *t = &d->tok[i];
            if (t->kind == SL_TOK_PUNCT || t->kind == SL_TOK_NUMBER) {
                prev = -1;
                continue;
            }
            if (d->wid[i] < 0) continue;
            int32_t term = m->word_term[d->wid[i]];
            if (term == CL_WORD_IGNORED) continue;
            if (term >= 0 && prev >= 0)
                __builtin_prefetch(&m->pair_slots[pair_slot((uint32_t)prev, (uint32_t)term, m->pair_mask)]);
            prev = term;
        }
    }

    char buf[128], key[512];
    int32_t prev_term = -1;             /* for pairs */
    char run[512];                      /* capitalised phrase being read */
    size_t run_len = 0, run_words = 0;
    int32_t run_name_term = -1;         /* the run's first word, if mid-sentence */
    int sentence_start = 1;
    for (size_t i = 0; i <= n; i++) {
        const sl_token *t = i < n ? &d->tok[i] : NULL;
        int w = is_title ? W_TITLE : (i < CL_LEAD_TOKENS ? W_LEAD : W_BODY);
        int in_pairs = is_title || i < CL_LEAD_TOKENS;
        int content = t && t->kind == SL_TOK_WORD && !t->stop;
        int cap_word = content && t->capitalised && !title_case;
        /* close the capitalised run */
        if (!cap_word && run_words > 0) {
            /* a lone capitalised word inside a sentence is a name; words of
             * a longer phrase ("Miners Union") are not, the phrase is */
            if (run_words == 1 && run_name_term >= 0) m->kind[run_name_term] |= CL_NAME_FLAG;
            if (run_words >= 2 && run_words <= 5) {
                int id = cl_term_intern(m, run, run_len, CL_KIND_ENTITY, -1);
                if (id < 0 || add_raw(d, id, (float)w)) return SL_ENOMEM;
            }
            run_len = run_words = 0;
        }
        if (!t) break;
        if (t->kind == SL_TOK_PUNCT) {
            prev_term = -1;
            sentence_start = is_sentence_end(text, t) || sentence_start;
            continue;
        }
        if (t->kind == SL_TOK_NUMBER) {
            size_t fl = sl_token_fold(text, t, buf, sizeof buf);
            prev_term = -1;
            sentence_start = 0;
            if (fl < 2) continue;
            int id = cl_term_intern(m, buf, fl, CL_KIND_NUMBER, -1);
            if (id < 0 || add_raw(d, id, (float)w)) return SL_ENOMEM;
            continue;
        }
        int32_t wid = d->wid[i];   /* -1: not a content word, or one letter */
        if (wid < 0) {
            sentence_start = 0;
            continue;
        }
        /* the folded form is needed for a phrase or a word seen first */
        size_t fl = 0;
        if (cap_word || m->word_term[wid] == -1) fl = sl_token_fold(text, t, buf, sizeof buf);
        int32_t term = word_stem_term(m, wid, buf, fl);
        if (term == CL_WORD_IGNORED) {
            sentence_start = 0;
            continue;
        }
        if (term < 0) return SL_ENOMEM;
        float occ = (float)w;
        if (cap_word && !sentence_start) occ *= CAP_F;
        if (add_raw(d, term, occ)) return SL_ENOMEM;
        if (cap_word && run_words == 0) run_name_term = sentence_start ? -1 : term;
        if (cap_word && run_len + fl + 1 < sizeof run) {
            if (run_words) run[run_len++] = ' ';
            memcpy(run + run_len, buf, fl);
            run_len += fl;
            run_words++;
        }
        if (in_pairs && prev_term >= 0) {
            int32_t id = pair_term(m, prev_term, term, key, sizeof key);
            if (id == -1 || (id >= 0 && add_raw(d, id, (float)w * 0.5f))) return SL_ENOMEM;
        }
        prev_term = term;
        sentence_start = 0;
    }
    return 0;
}

int cl_doc_features(sl_cluster *m, const sl_article *a, cl_doc *d) {
    d->nraw = 0;
    d->nvec = 0;
    const char *body = a->text.ptr;
    size_t blen = a->text.len;
    if (a->title.len) {
        if (section(m, d, a->title.ptr, a->title.len, 1)) return SL_ENOMEM;
        /* skip a copy of the title at the start of the body */
        size_t i = 0;
        while (i < blen && (body[i] == ' ' || body[i] == '\n' || body[i] == '\t' || body[i] == '\r')) i++;
        if (blen - i >= a->title.len && memcmp(body + i, a->title.ptr, a->title.len) == 0) {
            body += i + a->title.len;
            blen -= i + a->title.len;
        }
    }
    if (blen && section(m, d, body, blen, 0)) return SL_ENOMEM;
    return 0;
}

/* The `keep` heaviest of w[0..k) (sorted by term), L2-normalised and
 * sorted by term, into out; returns how many. */
static uint32_t top_normalised(sl_cluster *m, cl_tw *w, size_t k, cl_tw *out, uint32_t keep) {
    k = cl_keep_heaviest(m, w, (uint32_t)k, keep);
    memcpy(out, w, k * sizeof *out);
    float norm = cl_norm(out, (uint32_t)k);
    if (norm > 0)
        for (size_t i = 0; i < k; i++) out[i].w /= norm;
    return (uint32_t)k;
}

static double idf_power(double idf, double p) {
    if (p == 1.0) return idf;
    if (p == 0.5) return sqrt(idf);
    return pow(idf, p);
}

int cl_doc_vector(sl_cluster *m, cl_doc *d, int count_df) {
    /* sum the occurrences of each term (a dense accumulator by term id) */
    size_t nterms = (size_t)sl_vocab_size(m->terms);
    if (nterms > m->capacc) {
        size_t cap = m->term_cap > nterms ? m->term_cap : nterms;
        float *acc = realloc(m->acc, cap * sizeof *acc);
        if (!acc) return SL_ENOMEM;
        for (size_t i = m->capacc; i < cap; i++) acc[i] = 0;
        m->acc = acc;
        m->capacc = cap;
    }
    size_t k = 0;
    for (size_t i = 0; i < d->nraw; i++) {   /* (the term arrays are large: prefetch) */
        if (i + 8 < d->nraw) __builtin_prefetch(&m->acc[d->raw[i + 8].term]);
        uint32_t t = d->raw[i].term;
        if (m->acc[t] == 0) {   /* first occurrence */
            d->raw[k++].term = t;
            __builtin_prefetch(&m->df[t]);
            __builtin_prefetch(&m->kind[t]);
        }
        m->acc[t] += d->raw[i].w;
    }
    for (size_t i = 0; i < k; i++) {
        d->raw[i].w = m->acc[d->raw[i].term];
        m->acc[d->raw[i].term] = 0;
    }
    /* in term order (one sort for both vectors; keeping all k only sorts) */
    cl_keep_heaviest_any(m, d->raw, (uint32_t)k, (uint32_t)k);
    if (count_df) {
        for (size_t i = 0; i < k; i++) m->df[d->raw[i].term]++;
        m->docs++;
    }
    double n_docs = (double)(m->docs ? m->docs : 1);
    if (sl_grow(&d->w2, &d->capw2, k ? k : 1, sizeof *d->w2)) return SL_ENOMEM;
    /* Memos of this article's logarithms and powers (the same function of
     * the same argument, so the same bits): rare terms share their df, and
     * weighted counts are a few sums of the section weights. */
    enum { MEMO = 64 };
    struct { uint32_t df; double ev, st; } idf_memo[MEMO];
    struct { float w; double ln; } tf_memo[MEMO];
    for (size_t i = 0; i < MEMO; i++) {
        idf_memo[i].df = 0;     /* df >= 1: never a key */
        tf_memo[i].w = -1.0f;   /* counts are positive: never a key */
    }
    for (size_t i = 0; i < k; i++) {
        uint32_t t = d->raw[i].term;
        uint32_t dfk = m->df[t] ? m->df[t] : 1;
        float w = d->raw[i].w;
        uint32_t wbits;
        memcpy(&wbits, &w, sizeof wbits);
        size_t ti = (wbits * 0x9E3779B1u) >> 26;
        if (tf_memo[ti].w != w) {
            tf_memo[ti].w = w;
            tf_memo[ti].ln = log(w);
        }
        double tf = (1.0 + tf_memo[ti].ln) * kind_factor[m->kind[t] & CL_KIND_MASK];
        size_t di = dfk & (MEMO - 1);
        if (idf_memo[di].df != dfk) {
            double idf = log(1.0 + n_docs / (double)dfk);
            idf_memo[di].df = dfk;
            idf_memo[di].ev = idf_power(idf, EVENT_IDF_POWER);
            idf_memo[di].st = idf_power(idf, STORY_IDF_POWER);
        }
        d->raw[i].w = (float)(tf * idf_memo[di].ev);
        d->w2[i].term = t;
        d->w2[i].w = (float)(tf * idf_memo[di].st);
    }
    d->nvec = top_normalised(m, d->raw, k, d->vec, CL_MAX_DOC_TERMS);
    d->nsvec = top_normalised(m, d->w2, k, d->svec, CL_STORY_DOC_TERMS);
    return 0;
}

size_t cl_term_display(sl_cluster *m, uint32_t term) {
    size_t off = m->disp.len;
    sl_slice key = sl_vocab_string(m->terms, (int32_t)term);
    int kind = m->kind[term] & CL_KIND_MASK;
    if (kind == CL_KIND_WORD && m->display[term] >= 0) {
        sl_slice w = sl_vocab_string(m->words, m->display[term]);
        sl_buf_append(&m->disp, w.ptr, w.len);
    } else if (kind == CL_KIND_PAIR) {
        const char *sp = memchr(key.ptr, ' ', key.len);
        size_t la = sp ? (size_t)(sp - key.ptr) : key.len;
        const char *parts[2] = {key.ptr, sp ? sp + 1 : NULL};
        size_t lens[2] = {la, sp ? key.len - la - 1 : 0};
        for (int p = 0; p < 2 && parts[p]; p++) {
            if (p) sl_buf_putc(&m->disp, ' ');
            int32_t id = sl_vocab_find(m->terms, parts[p], lens[p]);
            if (id >= 0 && m->display[id] >= 0) {
                sl_slice w = sl_vocab_string(m->words, m->display[id]);
                sl_buf_append(&m->disp, w.ptr, w.len);
            } else {
                sl_buf_append(&m->disp, parts[p], lens[p]);
            }
        }
    } else {
        sl_buf_append(&m->disp, key.ptr, key.len);
    }
    sl_buf_putc(&m->disp, '\0');
    return off;
}
