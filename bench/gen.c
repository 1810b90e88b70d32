/*
 * gen.c — synthetic news corpus generator for benchmarks.
 *
 *   build/bench/gen -n N [-s SEED] [-g GOLD.jsonl] [-y YEARS] INPUT... > out.jsonl
 *
 * Reads a real corpus (any input storyline reads: JSONL, text files,
 * directories), cuts every article into sentences, and writes N new JSONL
 * articles {id,date,title,source,url,text} made by recombining those
 * sentences, so texts have the vocabulary, sentence lengths and byte mix of
 * real news.
 *
 * Algorithm.  Output is organised in *stories*: a story belongs to one input
 * file (in Timeline17 and the like a file is one topic) and has a centre
 * date: the date of one of a window of neighbouring input articles, or when
 * the input has none a day spread over YEARS years (default 4) from
 * 2019-01-01.  A pool of 64 live stories is kept; each new article picks a
 * live story (skewed towards low slots, so a few stories are big), and every
 * story retires after a random number of originals and is replaced.
 * Originals must not look like copies of each other, so sentences are dealt,
 * not sampled: the input's distinct sentences (exact repeats dropped at
 * load) form one deck per input file, shuffled (first in runs of 1-3
 * consecutive sentences of one article, see file_deck); an original takes the next 5-40 sentences of its
 * file's deck, with paragraph breaks at run starts.  A deck dealt out is
 * re-cut and reshuffled, so two originals share a sentence only across
 * passes, and then rarely more than one or two; a follow-up also quotes,
 * one time in four, a lead sentence of its story's first original
 * (background).  Dates are the story centre ± up to 45 days; titles the
 * first words of one of the first sentences.
 *
 * Copies, the way the web makes them (shares are of all articles):
 *   ~10% syndicated: an earlier original verbatim (sometimes one sentence
 *        dropped) wrapped in another site's furniture — "Follow us on…",
 *        "Read more: …", "Advertisement", a cookie notice, "Leave a
 *        Comment", a trailing list of unrelated headlines;
 *   ~3%  excerpts: the first sentences of an original and "Read the full
 *        story at …";
 *   ~2%  edited: an original with sentences dropped, one replaced by a
 *        sentence of the same story, and the order of two paragraphs swapped.
 * Copies come from a ring of the last 512 originals, published 0–3 days
 * later.  With -g, a gold file {id,group,kind,story} is written: group is the
 * id of the original (itself for originals), kind original | syndicated |
 * excerpt | edited.
 *
 * Contract: deterministic for a given input and seed; output is streamed
 * (memory is the input's sentence pool plus the ring, whatever N is), so
 * 1M-article corpora are feasible.  Sentences are JSON-escaped once at load.
 * GEN_VERSION names the output scheme: bench/run.sh keys its cached corpora
 * on it (bump it whenever the output for a given input and seed changes).
 */
#include "internal.h"

#define GEN_VERSION "4"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- deterministic random numbers (splitmix64) ----------------------------- */

static uint64_t rng_state;

static uint64_t rnd(void) {
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static size_t rnd_below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }
/* Uniform in [lo, hi]. */
static long rnd_range(long lo, long hi) { return lo + (long)rnd_below((size_t)(hi - lo + 1)); }
/* 1 with probability p. */
static int chance(double p) { return (double)(rnd() >> 11) * (1.0 / 9007199254740992.0) < p; }

/* ---- the sentence pool --------------------------------------------------------- */

typedef struct pool {
    sl_buf text;            /* every kept sentence, JSON-escaped, no quotes */
    size_t *sent_off;       /* sentence s is text[sent_off[s] .. sent_off[s+1]) */
    size_t n_sent, cap_sent;
    size_t *art_first;      /* article a has sentences [art_first[a], art_first[a+1]) */
    size_t n_art, cap_art;
    int32_t *art_date;      /* publication date of article a, or SL_NO_DATE */
    size_t cap_date;
    size_t *file_first;     /* input file f has articles [file_first[f], file_first[f+1]) */
    size_t n_file, cap_file;
    uint64_t *seen;         /* open-addressing set of kept sentences' hashes (0 = free) */
    size_t seen_cap, seen_n;
} pool;

/* Adds the hash of a sentence to p->seen; 0 when it was already there (the
 * input repeats itself: wire copies, re-published articles), so the pool
 * holds every distinct sentence once. */
static int pool_first_sighting(pool *p, const char *s, size_t n) {
    if (2 * (p->seen_n + 1) > p->seen_cap) {
        size_t cap = p->seen_cap ? 2 * p->seen_cap : 1 << 16;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t) { fprintf(stderr, "gen: out of memory\n"); exit(1); }
        for (size_t i = 0; i < p->seen_cap; i++) {
            if (!p->seen[i]) continue;
            size_t j = p->seen[i] & (cap - 1);
            while (t[j]) j = (j + 1) & (cap - 1);
            t[j] = p->seen[i];
        }
        free(p->seen);
        p->seen = t;
        p->seen_cap = cap;
    }
    uint64_t h = sl_hash64(s, n, 0x5eed) | 1;
    size_t j = h & (p->seen_cap - 1);
    for (; p->seen[j]; j = (j + 1) & (p->seen_cap - 1))
        if (p->seen[j] == h) return 0;
    p->seen[j] = h;
    p->seen_n++;
    return 1;
}

static size_t sent_len(const pool *p, size_t s) { return p->sent_off[s + 1] - p->sent_off[s]; }
static const char *sent_ptr(const pool *p, size_t s) { return p->text.data + p->sent_off[s]; }
static size_t art_sents(const pool *p, size_t a) { return p->art_first[a + 1] - p->art_first[a]; }

static void die(const char *msg) {
    fprintf(stderr, "gen: %s\n", msg);
    exit(1);
}

/* Keeps sentences that look like prose: 25..700 bytes with at least four
 * spaces and a letter. */
static int good_sentence(const char *s, size_t n) {
    if (n < 25 || n > 700) return 0;
    size_t spaces = 0, letters = 0;
    for (size_t i = 0; i < n; i++) {
        spaces += s[i] == ' ';
        letters += (s[i] | 32) >= 'a' && (s[i] | 32) <= 'z';
    }
    return spaces >= 4 && letters * 2 > n;
}

static void pool_add_corpus(pool *p, sl_corpus *c) {
    const char *last_file = NULL;
    sl_span *spans = NULL;
    size_t cap_spans = 0;
    for (size_t i = 0; i < sl_corpus_size(c); i++) {
        const sl_article *a = sl_corpus_article(c, i);
        if (a->file != last_file) {
            /* a new file (the previous one's slot is reused if all its
             * articles were dropped: no file is empty) */
            if (!p->n_file || p->file_first[p->n_file - 1] != p->n_art) {
                if (sl_grow(&p->file_first, &p->cap_file, p->n_file + 2, sizeof(size_t))) die("out of memory");
                p->file_first[p->n_file++] = p->n_art;
            }
            last_file = a->file;
        }
        size_t ns = sl_split_sentences(a->text.ptr, a->text.len, spans, cap_spans);
        if (ns > cap_spans) {
            if (sl_grow(&spans, &cap_spans, ns, sizeof *spans)) die("out of memory");
            ns = sl_split_sentences(a->text.ptr, a->text.len, spans, cap_spans);
        }
        size_t kept = 0;
        for (size_t k = 0; k < ns; k++) {
            const char *s = a->text.ptr + spans[k].start;
            if (!good_sentence(s, spans[k].len) || !pool_first_sighting(p, s, spans[k].len)) continue;
            if (!kept) {
                if (sl_grow(&p->art_first, &p->cap_art, p->n_art + 2, sizeof(size_t))) die("out of memory");
                p->art_first[p->n_art] = p->n_sent;
            }
            if (sl_grow(&p->sent_off, &p->cap_sent, p->n_sent + 2, sizeof(size_t))) die("out of memory");
            p->sent_off[p->n_sent++] = p->text.len;
            size_t before = p->text.len;
            if (sl_buf_json_string(&p->text, s, spans[k].len)) die("out of memory");
            /* drop the quotes sl_buf_json_string adds */
            memmove(p->text.data + before, p->text.data + before + 1, p->text.len - before - 2);
            p->text.len -= 2;
            kept++;
        }
        if (kept >= 3) {
            if (sl_grow(&p->art_date, &p->cap_date, p->n_art + 1, sizeof(int32_t))) die("out of memory");
            p->art_date[p->n_art++] = a->date;
        }
        else if (kept) {    /* too short an article: forget its sentences */
            p->n_sent = p->art_first[p->n_art];
            p->text.len = p->sent_off[p->n_sent];
        }
    }
    free(spans);
    /* a file whose articles were all dropped */
    if (p->n_file && p->file_first[p->n_file - 1] == p->n_art) p->n_file--;
}

static void pool_close(pool *p) {
    p->sent_off[p->n_sent] = p->text.len;
    p->art_first[p->n_art] = p->n_sent;
    p->file_first[p->n_file] = p->n_art;
}

/* ---- stories and the ring of recent originals ------------------------------------ */

typedef struct story {
    size_t file;            /* input file the story draws from */
    size_t art_lo, art_n;   /* window of input articles: the date, edits */
    int32_t centre;         /* centre date */
    long left;              /* originals to go before retiring */
    uint64_t id;
    uint32_t background[2]; /* lead sentences of the story's first original */
    size_t n_background;
} story;

/* The deck of an input file: its sentences shuffled, on the first pass in
 * runs of 1-3 consecutive sentences of one article (a little locality),
 * later in single sentences; the originals of all stories on that file are
 * dealt from it without replacement (dealt = next to deal), and it is
 * reshuffled when dealt out.  So two originals share a sentence only when
 * they come from different passes, and then rarely more than one or two
 * (single sentences make a shared pair unlikely): like real articles quoting
 * the same statement, unlike copies.  Inputs far smaller than the output
 * (60k Timeline17 sentences for 2M dealt in 100k articles) do reuse every
 * sentence many times, which chains weak links in lax dedup. */
typedef struct file_deck {
    uint32_t *sent;
    uint8_t *run_start;     /* 1: a run starts here */
    size_t n, dealt;
    size_t passes;          /* times the deck was dealt out */
} file_deck;

static file_deck *decks;

#define N_LIVE 64
#define RING 512
#define MAX_SENT 48

typedef struct original {
    uint64_t num;           /* output number: id "a<num>" */
    uint64_t story;
    size_t art_lo, art_n;   /* the story's window, for edits */
    int32_t date;
    int source;
    size_t n;
    uint32_t sent[MAX_SENT];
    uint8_t para[MAX_SENT]; /* 1: a paragraph starts here */
    char title[160];
} original;

static const char *const sites[] = {
    "Daily Courier", "The Morning Ledger", "Harbour Times", "Metro Wire", "Evening Standard Post",
    "Northern Herald", "Capital Journal", "Coastal Gazette", "The Independent Voice", "Valley News",
    "World Report", "Global Dispatch", "City Observer", "National Tribune", "Weekend Review",
    "Press Agency Online", "The River Chronicle", "Frontier Post", "Union Bulletin", "Sun Sentinel Daily",
};

static const char *const furniture_top[] = {
    "Advertisement",
    "Skip to main content",
    "Share this article",
    "Share on Facebook Share on Twitter Share via Email",
    "We use cookies to improve your experience. By continuing to browse the site you agree to our use of cookies.",
    "Sign up for our free daily newsletter",
    "Listen to this article",
};

static const char *const furniture_bottom[] = {
    "Follow us on Facebook and Twitter for the latest updates.",
    "Leave a Comment",
    "Advertisement",
    "Copyright %s. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Click here to subscribe to %s.",
    "Comments are closed.",
    "Report an error",
    "Additional reporting by wire services.",
};

static void slugify(char *out, size_t cap, const char *title) {
    size_t o = 0;
    int dash = 0;
    for (const char *p = title; *p && o + 2 < cap && o < 60; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) { out[o++] = c; dash = 0; }
        else if (c >= 'A' && c <= 'Z') { out[o++] = (char)(c + 32); dash = 0; }
        else if (!dash && o) { out[o++] = '-'; dash = 1; }
    }
    while (o && out[o - 1] == '-') o--;
    out[o] = 0;
}

/* Title: the first 5–12 words of a sentence (already JSON-escaped, which is
 * fine: escapes are kept whole), without final punctuation. */
static void make_title(const pool *p, size_t s, char *out, size_t cap) {
    const char *t = sent_ptr(p, s);
    size_t n = sent_len(p, s), words = (size_t)rnd_range(5, 12), o = 0, w = 0;
    for (size_t i = 0; i < n && o + 8 < cap; i++) {
        if (t[i] == ' ' && ++w >= words) break;
        if (t[i] == '\\' && i + 1 < n) {    /* keep an escape whole */
            if (t[i + 1] == 'u' && i + 5 < n) { memcpy(out + o, t + i, 6); o += 6; i += 5; }
            else { out[o++] = t[i++]; out[o++] = t[i]; }
            continue;
        }
        out[o++] = t[i];
    }
    while (o && strchr(" .,;:!?\"'-", out[o - 1])) {
        if (out[o - 1] == '"') o--;    /* an escaped quote: \" */
        o--;
    }
    out[o] = 0;
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = (char)(out[0] - 32);
}

/* ---- output ------------------------------------------------------------------------ */

static FILE *gold;

static void put_header(uint64_t num, char prefix, int32_t date, const char *title, int site,
                       char *slug) {
    char d[11];
    sl_format_date(date, d);
    slugify(slug, 80, title);
    printf("{\"id\":\"%c%llu\",\"date\":\"%s\",\"title\":\"%s\",\"source\":\"%s\","
           "\"url\":\"https://www.%x-news.example/%.7s/%s-%llu\",\"text\":\"",
           prefix, (unsigned long long)num, d, title, sites[site], (unsigned)site * 2654435761u % 65521u,
           d, slug, (unsigned long long)num);
}

static void put_sentences(const pool *p, const uint32_t *sent, const uint8_t *para, size_t n,
                          int *first) {
    for (size_t k = 0; k < n; k++) {
        if (!*first) fputs(para[k] ? "\\n\\n" : " ", stdout);
        fwrite(sent_ptr(p, sent[k]), 1, sent_len(p, sent[k]), stdout);
        *first = 0;
    }
}

static void put_gold(char prefix, uint64_t num, uint64_t group, const char *kind, uint64_t story_id) {
    if (!gold) return;
    fprintf(gold, "{\"id\":\"%c%llu\",\"group\":\"a%llu\",\"kind\":\"%s\",\"story\":%llu}\n", prefix,
            (unsigned long long)num, (unsigned long long)group, kind, (unsigned long long)story_id);
}

static void deal_new_deck(const pool *p, size_t f) {
    file_deck *d = &decks[f];
    size_t first = p->art_first[p->file_first[f]], end = p->art_first[p->file_first[f + 1]];
    size_t n = end - first, n_runs = 0;
    uint32_t (*runs)[2] = malloc(n * sizeof *runs);
    if (!d->sent) {
        d->sent = malloc(n * sizeof *d->sent);
        d->run_start = malloc(n);
    }
    if (!runs || !d->sent || !d->run_start) die("out of memory");
    for (size_t a = p->file_first[f]; a < p->file_first[f + 1]; a++)   /* runs stay in one article */
        for (size_t s = p->art_first[a]; s < p->art_first[a + 1];) {
            size_t len = d->passes ? 1 : (size_t)rnd_range(1, 3);
            len = SL_MIN(p->art_first[a + 1] - s, len);
            runs[n_runs][0] = (uint32_t)s;
            runs[n_runs][1] = (uint32_t)len;
            n_runs++;
            s += len;
        }
    for (size_t k = n_runs; k > 1; k--) {
        size_t j = rnd_below(k);
        uint32_t t0 = runs[k - 1][0], t1 = runs[k - 1][1];
        runs[k - 1][0] = runs[j][0];
        runs[k - 1][1] = runs[j][1];
        runs[j][0] = t0;
        runs[j][1] = t1;
    }
    d->n = 0;
    for (size_t r = 0; r < n_runs; r++)
        for (uint32_t k = 0; k < runs[r][1]; k++) {
            d->sent[d->n] = runs[r][0] + k;
            d->run_start[d->n++] = k == 0;
        }
    d->dealt = 0;
    d->passes++;
    free(runs);
}

static void new_story(const pool *p, story *st, uint64_t id, int32_t first_day, int years) {
    size_t f = rnd_below(p->n_file);
    size_t lo = p->file_first[f], n = p->file_first[f + 1] - lo;
    size_t w = (size_t)rnd_range(3, 12);
    w = SL_MIN(n, w);
    st->file = f;
    st->art_lo = lo + rnd_below(n - w + 1);
    st->art_n = w;
    /* the window's own date when the input has one (real topics keep their
     * real time span), else a day in the YEARS years from first_day */
    int32_t d = p->art_date[st->art_lo + rnd_below(w)];
    st->centre = d != SL_NO_DATE ? d : first_day + (int32_t)rnd_below((size_t)years * 365);
    st->left = rnd_range(5, 400);
    st->id = id;
    st->n_background = 0;
}

static void write_original(const pool *p, original *o, story *st, uint64_t num) {
    o->num = num;
    o->story = st->id;
    o->art_lo = st->art_lo;
    o->art_n = st->art_n;
    o->date = st->centre + (int32_t)rnd_range(-45, 45);
    o->source = (int)rnd_below(SL_ARRAY_LEN(sites));
    size_t want = (size_t)rnd_range(5, 40), n = 0;
    /* a follow-up sometimes quotes a background sentence of the story's
     * first article (its only overlap with the story's other originals) */
    if (st->n_background && chance(0.25)) {
        o->sent[n] = st->background[rnd_below(st->n_background)];
        o->para[n++] = 0;
    }
    /* no sentence twice in one article, even from a tiny input file */
    size_t deck_n = p->art_first[p->file_first[st->file + 1]] - p->art_first[p->file_first[st->file]];
    want = SL_MIN(want, deck_n);
    size_t next_para = (size_t)rnd_range(1, 4);
    while (n < want) {
        file_deck *d = &decks[st->file];
        if (d->dealt >= d->n) deal_new_deck(p, st->file);
        uint32_t s = d->sent[d->dealt];
        int run_start = d->run_start[d->dealt++];
        if (n && o->sent[0] == s) continue;     /* the background sentence */
        o->sent[n] = s;
        o->para[n] = n >= next_para && run_start;
        if (o->para[n]) next_para = n + (size_t)rnd_range(1, 4);
        n++;
    }
    o->n = n;
    if (!st->n_background)
        for (; st->n_background < SL_MIN(n, 2); st->n_background++)
            st->background[st->n_background] = o->sent[st->n_background];
    make_title(p, o->sent[rnd_below(SL_MIN(n, 3))], o->title, sizeof o->title);
    char slug[80];
    put_header(num, 'a', o->date, o->title, o->source, slug);
    int first = 1;
    put_sentences(p, o->sent, o->para, n, &first);
    fputs("\"}\n", stdout);
    put_gold('a', num, num, "original", st->id);
}

static void put_line(const char *fmt, const char *site, int *first) {
    if (!*first) fputs("\\n\\n", stdout);
    printf(fmt, site);
    *first = 0;
}

static void write_syndicated(const pool *p, const original *o, const original *ring,
                             size_t ring_n, uint64_t num) {
    int site = (int)rnd_below(SL_ARRAY_LEN(sites));
    if (site == o->source) site = (site + 1) % (int)SL_ARRAY_LEN(sites);
    char slug[80];
    put_header(num, 's', o->date + (int32_t)rnd_range(0, 2), o->title, site, slug);
    int first = 1;
    size_t top = (size_t)rnd_range(0, 2);
    for (size_t k = 0; k < top; k++)
        put_line(furniture_top[rnd_below(SL_ARRAY_LEN(furniture_top))], sites[site], &first);
    if (chance(0.3)) put_line("By %s staff", sites[o->source], &first);
    uint32_t sent[MAX_SENT];
    uint8_t para[MAX_SENT];
    size_t n = 0, drop = o->n > 6 && chance(0.3) ? rnd_below(o->n) : (size_t)-1;
    size_t read_more = o->n > 4 && chance(0.4) ? (size_t)rnd_range(2, (long)o->n - 2) : (size_t)-1;
    for (size_t k = 0; k < o->n; k++) {
        if (k == drop) continue;
        if (k == read_more) {
            put_sentences(p, sent, para, n, &first);
            n = 0;
            const original *other = &ring[rnd_below(ring_n)];
            printf("\\n\\nRead more: %s", other->title);
            sent[n] = o->sent[k];
            para[n++] = 1;
            continue;
        }
        sent[n] = o->sent[k];
        para[n] = n == 0 || o->para[k];
        n++;
    }
    put_sentences(p, sent, para, n, &first);
    size_t bottom = (size_t)rnd_range(1, 3);
    for (size_t k = 0; k < bottom; k++)
        put_line(furniture_bottom[rnd_below(SL_ARRAY_LEN(furniture_bottom))], sites[site], &first);
    if (chance(0.5)) {  /* a trailing list of unrelated headlines */
        put_line("More from %s", sites[site], &first);
        size_t h = (size_t)rnd_range(3, 6);
        for (size_t k = 0; k < h; k++) printf("\\n%s", ring[rnd_below(ring_n)].title);
    }
    fputs("\"}\n", stdout);
    put_gold('s', num, o->num, "syndicated", o->story);
}

static void write_excerpt(const pool *p, const original *o, uint64_t num) {
    int site = (int)rnd_below(SL_ARRAY_LEN(sites));
    char slug[80];
    put_header(num, 'e', o->date + (int32_t)rnd_range(0, 3), o->title, site, slug);
    size_t n = (size_t)rnd_range(2, 5);
    n = SL_MIN(o->n, n);
    int first = 1;
    put_sentences(p, o->sent, o->para, n, &first);
    printf("\\n\\nRead the full story at %s.\"}\n", sites[o->source]);
    put_gold('e', num, o->num, "excerpt", o->story);
}

static void write_edited(const pool *p, const original *o, uint64_t num) {
    int site = (int)rnd_below(SL_ARRAY_LEN(sites));
    char slug[80];
    put_header(num, 'd', o->date + (int32_t)rnd_range(0, 3), o->title, site, slug);
    uint32_t sent[MAX_SENT];
    uint8_t para[MAX_SENT];
    size_t n = 0;
    for (size_t k = 0; k < o->n; k++) {
        if (o->n > 5 && chance(0.15)) continue;     /* cut */
        sent[n] = o->sent[k];
        para[n++] = o->para[k];
    }
    if (n > 2) {    /* one sentence replaced by another of the story */
        size_t a = o->art_lo + rnd_below(o->art_n);
        sent[rnd_below(n)] = (uint32_t)(p->art_first[a] + rnd_below(art_sents(p, a)));
    }
    if (n > 4) {    /* two neighbouring sentences swapped */
        size_t k = rnd_below(n - 1);
        uint32_t t = sent[k];
        sent[k] = sent[k + 1];
        sent[k + 1] = t;
    }
    int first = 1;
    put_sentences(p, sent, para, n, &first);
    fputs("\"}\n", stdout);
    put_gold('d', num, o->num, "edited", o->story);
}

static const char usage[] =
    "usage: gen -n N [-s SEED] [-g GOLD.jsonl] [-y YEARS] INPUT... > out.jsonl\n"
    "Writes N synthetic JSONL articles recombining the sentences of INPUT\n"
    "(JSONL or text files, directories) with ~15%% copies (see bench/gen.c).\n"
    "gen -V prints the generator's output version.\n";

int main(int argc, char **argv) {
    long n = -1, years = 4;
    uint64_t seed = 1;
    const char *gold_path = NULL;
    int ch;
    while ((ch = getopt(argc, argv, "n:s:g:y:hV")) != -1) {
        switch (ch) {
        case 'n': n = strtol(optarg, NULL, 10); break;
        case 's': seed = strtoull(optarg, NULL, 10); break;
        case 'g': gold_path = optarg; break;
        case 'y': years = strtol(optarg, NULL, 10); break;
        case 'h': printf(usage); return 0;
        case 'V': puts(GEN_VERSION); return 0;
        default: fprintf(stderr, usage); return 2;
        }
    }
    if (n < 0 || optind >= argc || years < 1 || years > 100) { fprintf(stderr, usage); return 2; }
    pool p = {0};
    for (int i = optind; i < argc; i++) {
        sl_corpus *c = sl_corpus_new();
        sl_read_options ro = {0};
        if (!c) die("out of memory");
        int r = sl_corpus_read_path(c, argv[i], &ro);
        if (r == SL_EIO || r == SL_ENOMEM) { fprintf(stderr, "gen: cannot read %s\n", argv[i]); return 1; }
        pool_add_corpus(&p, c);
        sl_corpus_free(c);
    }
    if (p.n_art < 1) die("no usable articles in the input (need some with 3+ prose sentences)");
    pool_close(&p);
    if (gold_path && !(gold = fopen(gold_path, "w"))) {
        fprintf(stderr, "gen: %s: %s\n", gold_path, strerror(errno));
        return 1;
    }
    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    rng_state = seed * 0x2545F4914F6CDD1Dull + 12345;
    int32_t first_day = sl_days_from_civil(2019, 1, 1);
    story live[N_LIVE] = {0};
    if (!(decks = calloc(p.n_file, sizeof *decks))) die("out of memory");
    for (size_t f = 0; f < p.n_file; f++) deal_new_deck(&p, f);
    uint64_t story_ids = 0;
    for (size_t k = 0; k < N_LIVE; k++) new_story(&p, &live[k], story_ids++, first_day, (int)years);
    original *ring = calloc(RING, sizeof *ring);
    if (!ring) die("out of memory");
    size_t ring_n = 0, ring_head = 0;
    for (uint64_t num = 0; num < (uint64_t)n; num++) {
        /* skewed choice: min of two uniforms favours low slots */
        size_t si = rnd_below(N_LIVE), si2 = rnd_below(N_LIVE);
        si = SL_MIN(si, si2);
        story *st = &live[si];
        uint64_t r = rnd_below(100);
        if (ring_n >= 8 && r < 15) {
            const original *o = &ring[(ring_head + RING - 1 - rnd_below(SL_MIN(ring_n, 64))) % RING];
            if (r < 10) write_syndicated(&p, o, ring, ring_n, num);
            else if (r < 13) write_excerpt(&p, o, num);
            else write_edited(&p, o, num);
            continue;
        }
        write_original(&p, &ring[ring_head], st, num);
        ring_head = (ring_head + 1) % RING;
        if (ring_n < RING) ring_n++;
        if (--st->left <= 0) new_story(&p, st, story_ids++, first_day, (int)years);
    }
    free(ring);
    for (size_t f = 0; f < p.n_file; f++) {
        free(decks[f].sent);
        free(decks[f].run_start);
    }
    free(decks);
    if (fflush(stdout) != 0 || ferror(stdout)) { perror("gen: writing output"); return 1; }
    if (gold && fclose(gold) != 0) { perror("gen: writing gold"); return 1; }
    sl_buf_free(&p.text);
    free(p.sent_off);
    free(p.art_first);
    free(p.file_first);
    free(p.art_date);
    free(p.seen);
    return 0;
}
