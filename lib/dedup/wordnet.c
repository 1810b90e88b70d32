/*
 * wordnet.c — synonym classes from WordNet, read at run time.
 *
 * Input: the four index files of a WordNet 3.x database (Debian
 * `wordnet-base`: /usr/share/wordnet/index.{noun,verb,adj,adv}).  The format
 * we rely on (wndb(5WN)) is one lemma per line:
 *
 *     lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt
 *           synset_offset [synset_offset...]
 *
 * fields separated by single spaces; the lemma is lower case with '_' for
 * spaces; the line ends with exactly synset_cnt 8-digit synset offsets (byte
 * offsets into data.POS, so unique within one part of speech).  Lines that
 * start with two spaces are the licence header and are skipped.  The data.*
 * files are not needed: membership of lemmas in synsets is all we use.
 *
 * Algorithm: every (synset, lemma) sense is collected, the senses are
 * radix-sorted by synset, and lemmas sharing a synset are joined by
 * union-find; the connected components are the synonym classes (see
 * dedup.h for why).  The largest component is marked
 * DD_CLASS_DROP.  A small list of closed-class words (articles, core
 * prepositions, pronouns, auxiliaries) is left out of the table: they are
 * never replaced by a spinner and are better kept as themselves.
 * Multi-word lemmas ("united_mexican_states") are stored under the phrase
 * hash of their words, every proper prefix flagged DD_WN_PREFIX, so the
 * tokenizer can match the longest phrase greedily.
 *
 * Cost: ~6 MB of text parsed once per process (≈0.1 s), a 4 MB table.
 */
#include "dedup.h"

#include <pthread.h>
#include <stdio.h>
#include <time.h>

/* ---- a small uint64 → uint32 map used only while loading -------------------- */

typedef struct u64map {
    uint64_t *keys;     /* 0 = empty (keys are hashes forced non-zero) */
    uint32_t *vals;
    size_t mask, n;
} u64map;

static int map_init(u64map *m, size_t cap_pow2) {
    m->mask = cap_pow2 - 1;
    m->n = 0;
    m->keys = calloc(cap_pow2, sizeof *m->keys);
    m->vals = malloc(cap_pow2 * sizeof *m->vals);
    return m->keys && m->vals ? 0 : SL_ENOMEM;
}

static void map_free(u64map *m) {
    free(m->keys);
    free(m->vals);
}

static int map_grow(u64map *m) {
    u64map g;
    if (map_init(&g, (m->mask + 1) * 2)) { map_free(&g); return SL_ENOMEM; }
    for (size_t i = 0; i <= m->mask; i++) {
        if (!m->keys[i]) continue;
        size_t j = dd_fmix64(m->keys[i]) & g.mask;
        while (g.keys[j]) j = (j + 1) & g.mask;
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
    }
    g.n = m->n;
    map_free(m);
    *m = g;
    return 0;
}

/* Finds key; if absent inserts it with value *val.  Stores the value in
 * *val; returns 1 if inserted, 0 if found, SL_ENOMEM. */
static int map_get_or_put(u64map *m, uint64_t key, uint32_t *val) {
    if (!key) key = 1;
    if ((m->n + 1) * 2 > m->mask + 1 && map_grow(m)) return SL_ENOMEM;
    size_t j = dd_fmix64(key) & m->mask;
    while (m->keys[j]) {
        if (m->keys[j] == key) { *val = m->vals[j]; return 0; }
        j = (j + 1) & m->mask;
    }
    m->keys[j] = key;
    m->vals[j] = *val;
    m->n++;
    return 1;
}

/* ---- union-find over loading nodes ------------------------------------------ */

typedef struct nodes {
    uint32_t *parent;
    size_t n, cap;
} nodes;

static long node_new(nodes *g) {
    if (sl_grow(&g->parent, &g->cap, g->n + 1, sizeof *g->parent)) return -1;
    g->parent[g->n] = (uint32_t)g->n;
    return (long)g->n++;
}

static uint32_t node_find(nodes *g, uint32_t x) {
    while (g->parent[x] != x) {
        g->parent[x] = g->parent[g->parent[x]];
        x = g->parent[x];
    }
    return x;
}

static void node_union(nodes *g, uint32_t a, uint32_t b) {
    a = node_find(g, a);
    b = node_find(g, b);
    if (a != b) g->parent[a < b ? b : a] = a < b ? a : b;
}

/* ---- the final table ----------------------------------------------------------- */

/* Sets the value of h (or_flags: ors value into it) and ors succ into its
 * successor filter. */
static void table_put(dd_wordnet *wn, uint64_t h, uint32_t value, bool or_flags, uint32_t succ) {
    uint64_t tag = (h >> 32) | 1;
    size_t j = (size_t)h & wn->mask;
    for (;;) {
        uint64_t s = wn->slots[j];
        if (!s) {
            wn->slots[j] = (tag << 32) | value;
            wn->succ[j] = succ;
            return;
        }
        if ((s >> 32) == tag) {
            uint32_t old = (uint32_t)s;
            uint32_t v = or_flags ? (old | value) : ((old & DD_WN_PREFIX) | value);
            wn->slots[j] = (tag << 32) | v;
            wn->succ[j] |= succ;
            return;
        }
        j = (j + 1) & wn->mask;
    }
}

/* Closed-class words that stay themselves even though WordNet lists them
 * (as nouns: "a" vitamin A, "in" inch, "it" information technology ...). */
static const char *const keep_words[] = {
    "a", "an", "as", "at", "be", "but", "by", "have", "he", "i", "in",
    "it", "no", "not", "on", "or", "out",
};

static bool is_kept_word(const char *w, size_t n) {
    for (size_t i = 0; i < SL_ARRAY_LEN(keep_words); i++)
        if (strlen(keep_words[i]) == n && memcmp(keep_words[i], w, n) == 0) return true;
    return false;
}

/* One parsed lemma line, kept until the components are known. */
typedef struct lemma_rec {
    uint32_t node;
    uint32_t name_off, name_len;    /* into the lemma name buffer */
} lemma_rec;

static char *read_whole(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return NULL; }
    long n = ftell(f);
    if (n < 0) { fclose(f); return NULL; }
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

void dd_wordnet_free(dd_wordnet *wn) {
    if (!wn) return;
    free(wn->slots);
    free(wn->succ);
    free(wn->pair_bloom);
    free(wn);
}

dd_wordnet *dd_wordnet_load(const char *dir) {
    static const char *const pos_files[] = {"index.noun", "index.verb", "index.adj", "index.adv"};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dd_wordnet *wn = calloc(1, sizeof *wn);
    nodes g = {0};
    u64map lemma_of = {0};
    uint64_t *senses = NULL, *sense_tmp = NULL;   /* (synset key << 18) | lemma node */
    size_t n_senses = 0, cap_senses = 0;
    lemma_rec *lemmas = NULL;
    size_t n_lemmas = 0, cap_lemmas = 0;
    sl_buf names = {0};
    uint32_t *comp_size = NULL, *comp_id = NULL;
    bool ok = false;
    if (!wn || map_init(&lemma_of, 1 << 19)) goto done;
    snprintf(wn->dir, sizeof wn->dir, "%s", dir);
    for (size_t p = 0; p < SL_ARRAY_LEN(pos_files); p++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, pos_files[p]);
        size_t len;
        char *text = read_whole(path, &len);
        if (!text) goto done;
        char *line = text, *end = text + len;
        while (line < end) {
            char *nl = memchr(line, '\n', (size_t)(end - line));
            if (!nl) nl = end;
            if (line[0] != ' ' && nl > line) {
                /* lemma */
                char *sp = memchr(line, ' ', (size_t)(nl - line));
                if (!sp) goto next;
                size_t wl = (size_t)(sp - line);
                /* synset_cnt is the third field */
                char *f2 = memchr(sp + 1, ' ', (size_t)(nl - sp - 1));
                if (!f2) goto next;
                long cnt = strtol(f2 + 1, NULL, 10);
                if (cnt <= 0 || cnt > 200) goto next;
                /* the last cnt fields are the offsets */
                char *q = nl;
                while (q > line && (q[-1] == ' ' || q[-1] == '\r')) q--;
                uint64_t lemma_key = dd_word_hash(line, wl);
                uint32_t lnode = (uint32_t)g.n;
                int r = map_get_or_put(&lemma_of, lemma_key, &lnode);
                if (r < 0) { free(text); goto done; }
                if (r == 1) {
                    if (node_new(&g) < 0 ||
                        sl_grow(&lemmas, &cap_lemmas, n_lemmas + 1, sizeof *lemmas)) {
                        free(text);
                        goto done;
                    }
                    lemmas[n_lemmas].node = lnode;
                    lemmas[n_lemmas].name_off = (uint32_t)names.len;
                    lemmas[n_lemmas].name_len = (uint32_t)wl;
                    n_lemmas++;
                    if (sl_buf_append(&names, line, wl)) { free(text); goto done; }
                }
                if (lnode >= (1u << 18) ||
                    sl_grow(&senses, &cap_senses, n_senses + (size_t)cnt, sizeof *senses)) {
                    free(text);
                    goto done;
                }
                for (long k = 0; k < cnt; k++) {
                    char *s = q;
                    while (s > line && s[-1] != ' ') s--;
                    if (s <= sp) break;
                    uint64_t off = 0;
                    for (const char *d = s; d < q && *d >= '0' && *d <= '9'; d++) off = off * 10 + (uint64_t)(*d - '0');
                    q = s - 1;
                    uint64_t skey = ((uint64_t)(p + 1) << 32) | (off & 0xFFFFFFFFu);
                    senses[n_senses++] = (skey << 18) | lnode;
                }
            }
        next:
            line = nl + 1;
        }
        free(text);
    }
    if (n_lemmas == 0) goto done;
    /* lemmas sharing a synset are joined: sort the senses by synset */
    sense_tmp = malloc((n_senses + 1) * sizeof *sense_tmp);
    if (!sense_tmp) goto done;
    dd_radix_sort(senses, sense_tmp, n_senses, 18, 64);
    for (size_t k = 1; k < n_senses; k++)
        if ((senses[k] >> 18) == (senses[k - 1] >> 18))
            node_union(&g, (uint32_t)(senses[k] & 0x3FFFF), (uint32_t)(senses[k - 1] & 0x3FFFF));
    /* component sizes (in lemmas) and dense ids */
    comp_size = calloc(g.n, sizeof *comp_size);
    comp_id = calloc(g.n, sizeof *comp_id);
    if (!comp_size || !comp_id) goto done;
    for (size_t i = 0; i < n_lemmas; i++) comp_size[node_find(&g, lemmas[i].node)]++;
    uint32_t giant = 0, next_id = 2;
    for (size_t i = 0; i < g.n; i++)
        if (comp_size[i] > comp_size[giant]) giant = (uint32_t)i;
    for (size_t i = 0; i < g.n; i++)
        if (comp_size[i]) comp_id[i] = i == giant ? DD_CLASS_DROP : next_id++;
    wn->n_lemmas = n_lemmas;
    wn->n_classes = next_id - 2 + 1;
    wn->giant_size = comp_size[giant];
    size_t slots = 1;
    while (slots < n_lemmas * 3) slots <<= 1;
    wn->slots = calloc(slots, sizeof *wn->slots);
    wn->succ = calloc(slots, sizeof *wn->succ);
    wn->pair_bloom = calloc((1u << DD_PAIR_BLOOM_BITS) / 64, sizeof *wn->pair_bloom);
    if (!wn->slots || !wn->succ || !wn->pair_bloom) goto done;
    wn->mask = slots - 1;
    for (size_t i = 0; i < n_lemmas; i++) {
        const char *w = names.data + lemmas[i].name_off;
        size_t wl = lemmas[i].name_len;
        if (is_kept_word(w, wl)) continue;
        uint32_t cls = comp_id[node_find(&g, lemmas[i].node)];
        /* words of the phrase; each proper prefix is flagged and learns
         * the word that follows it */
        uint64_t acc = 0;
        size_t s = 0, nw = 0;
        for (size_t k = 0; k <= wl; k++) {
            if (k < wl && w[k] != '_') continue;
            uint64_t wh = dd_word_hash(w + s, k - s);
            if (nw > 0) table_put(wn, acc, DD_WN_PREFIX, true, DD_WN_SUCC_BIT(wh));
            acc = nw == 0 ? wh : dd_phrase_extend(acc, wh);
            nw++;
            if (nw == 2) {
                uint64_t bit = (acc >> 7) & ((1u << DD_PAIR_BLOOM_BITS) - 1);
                wn->pair_bloom[bit >> 6] |= 1ULL << (bit & 63);
            }
            s = k + 1;
        }
        if (nw > 4) continue; /* longer phrases are never matched */
        table_put(wn, acc, cls, false, 0);
    }
    ok = true;
done:
    map_free(&lemma_of);
    free(senses);
    free(sense_tmp);
    free(g.parent);
    free(lemmas);
    sl_buf_free(&names);
    free(comp_size);
    free(comp_id);
    if (!ok) {
        dd_wordnet_free(wn);
        return NULL;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    wn->load_seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    return wn;
}

/* ---- the process-wide instance ------------------------------------------------------ */

static pthread_mutex_t wn_lock = PTHREAD_MUTEX_INITIALIZER;
/* tables by directory, kept (and reachable) for the process' life */
static struct {
    char dir[256];
    dd_wordnet *wn;     /* NULL: loading failed */
} wn_cache[4];
static size_t wn_cached;

const dd_wordnet *dd_wordnet_get(const char *dir) {
    if (!dir || !*dir) dir = getenv("SL_WORDNET_DIR");
    if (!dir || !*dir) dir = "/usr/share/wordnet";
    pthread_mutex_lock(&wn_lock);
    const dd_wordnet *r = NULL;
    size_t i;
    for (i = 0; i < wn_cached; i++)
        if (strcmp(wn_cache[i].dir, dir) == 0) break;
    if (i < wn_cached) {
        r = wn_cache[i].wn;
    } else {
        dd_wordnet *wn = dd_wordnet_load(dir);
        if (wn_cached < SL_ARRAY_LEN(wn_cache)) {
            snprintf(wn_cache[wn_cached].dir, sizeof wn_cache[0].dir, "%s", dir);
            wn_cache[wn_cached++].wn = wn;
            r = wn;
        } else {
            dd_wordnet_free(wn);    /* too many directories: no cache, no table */
        }
    }
    pthread_mutex_unlock(&wn_lock);
    return r;
}
