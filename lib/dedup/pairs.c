/*
 * pairs.c — the sub-quadratic parts of dedup: radix sort, candidate pairs
 * from the fingerprint index, union-find.
 *
 * The index is an array of postings (key << 32 | doc) sorted by key (stable,
 * so docs stay ascending within a key).  A run of equal keys is the list of
 * articles sharing that fingerprint.  Runs of length ≤ df_cap emit all their
 * pairs; longer runs (boilerplate, or a story copied by very many sites)
 * emit one pair per article, with the run's first article — so the work is
 * O(postings · df_cap) whatever the corpus holds, and a mass-copied story
 * still has every copy linked to one of them.  Pair keys (a << 32 | b) are
 * radix-sorted and counted: the count is the number of fingerprints the two
 * articles share.
 *
 * Union-find: union by rank, path halving.
 */
#include "dedup.h"

void dd_radix_sort(uint64_t *keys, uint64_t *tmp, size_t n, unsigned lo_bit, unsigned hi_bit) {
    uint64_t *src = keys, *dst = tmp;
    for (unsigned shift = lo_bit; shift < hi_bit; shift += 8) {
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++) count[(src[i] >> shift) & 0xFF]++;
        /* skip a pass where every key has the same byte */
        bool trivial = false;
        for (size_t b = 0; b < 256; b++)
            if (count[b] == n) { trivial = true; break; }
        if (trivial) continue;
        size_t sum = 0;
        for (size_t b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != keys) memcpy(keys, src, n * sizeof *keys);
}

int dd_uf_init(dd_uf *u, size_t n) {
    u->n = n;
    u->parent = malloc((n ? n : 1) * sizeof *u->parent);
    u->rank = calloc(n ? n : 1, 1);
    if (!u->parent || !u->rank) { dd_uf_free(u); return SL_ENOMEM; }
    for (size_t i = 0; i < n; i++) u->parent[i] = (uint32_t)i;
    return 0;
}

void dd_uf_free(dd_uf *u) {
    free(u->parent);
    free(u->rank);
    u->parent = NULL;
    u->rank = NULL;
}

uint32_t dd_uf_find(dd_uf *u, uint32_t x) {
    while (u->parent[x] != x) {
        u->parent[x] = u->parent[u->parent[x]];
        x = u->parent[x];
    }
    return x;
}

int dd_uf_union(dd_uf *u, uint32_t a, uint32_t b) {
    a = dd_uf_find(u, a);
    b = dd_uf_find(u, b);
    if (a == b) return 0;
    if (u->rank[a] < u->rank[b]) { uint32_t t = a; a = b; b = t; }
    u->parent[b] = a;
    if (u->rank[a] == u->rank[b]) u->rank[a]++;
    return 1;
}

long dd_candidate_pairs(const uint64_t *postings, size_t n, unsigned df_cap, dd_pair **out) {
    uint64_t *keys = NULL;
    size_t nk = 0, cap = 0;
    *out = NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        uint32_t key = (uint32_t)(postings[i] >> 32);
        while (j < n && (uint32_t)(postings[j] >> 32) == key) j++;
        size_t df = j - i;
        if (df >= 2) {
            size_t emit = df <= df_cap ? df * (df - 1) / 2 : df - 1;
            if (sl_grow(&keys, &cap, nk + emit, sizeof *keys)) { free(keys); return -1; }
            if (df <= df_cap) {
                for (size_t a = i; a < j; a++)
                    for (size_t b = a + 1; b < j; b++)
                        keys[nk++] = (postings[a] << 32) | (uint32_t)postings[b];
            } else {
                for (size_t b = i + 1; b < j; b++)
                    keys[nk++] = (postings[i] << 32) | (uint32_t)postings[b];
            }
        }
        i = j;
    }
    uint64_t *tmp = malloc((nk ? nk : 1) * sizeof *tmp);
    if (!tmp) { free(keys); return -1; }
    dd_radix_sort(keys, tmp, nk, 0, 64);
    free(tmp);
    size_t np = 0;
    dd_pair *pairs = NULL;
    size_t pcap = 0;
    for (size_t i = 0; i < nk;) {
        size_t j = i + 1;
        while (j < nk && keys[j] == keys[i]) j++;
        if (sl_grow(&pairs, &pcap, np + 1, sizeof *pairs)) { free(keys); free(pairs); return -1; }
        pairs[np].a = (uint32_t)(keys[i] >> 32);
        pairs[np].b = (uint32_t)keys[i];
        pairs[np].shared = (uint32_t)(j - i);
        np++;
        i = j;
    }
    free(keys);
    *out = pairs;
    return (long)np;
}
