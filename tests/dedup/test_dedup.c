/*
 * test_dedup.c — unit tests of lib/dedup: hashing and features, WordNet
 * classes, radix sort, candidate search, union-find, and whole runs on
 * hand-made copies (each kind), templated reports that must stay apart, and
 * determinism across thread counts.  The dev-set check runs only when
 * ../shared is present.
 */
#include "testutil.h"

#include "dedup/dedup.h"

static const char *ORIG =
    "Harbor Freight Lines said on Tuesday that its third quarter profit rose 12 percent to 48.5 "
    "million dollars, helped by strong demand for container shipping across the Pacific. The "
    "company, based in Long Beach, California, said revenue climbed to 912 million dollars from 845 "
    "million dollars a year earlier.\nChief executive Maria Delgado told analysts that the firm "
    "expected to add 300 jobs at its Oakland terminal next year, after a weak spring. Shares of "
    "Harbor Freight gained 4.2 percent in afternoon trading on Wall Street.\nThe results came a week "
    "after rival Pacific Crest Shipping warned that a strike at Asian ports could hurt its own "
    "earnings. Delgado said talks with the union in Oakland were going well and that she hoped a new "
    "contract would be signed before the end of the year.";

/* the same text, a third of its words swapped for WordNet synonyms */
static const char *SPUN =
    "Harbor Freight Lines said on Tuesday that its third one-fourth net rose 12 per centum to 48.5 "
    "million dollars, helped by potent requirement for container transport crosswise the Pacific. "
    "The troupe, based in Long Beach, California, said gross climbed to 912 million dollars from 845 "
    "million dollars a twelvemonth earlier.\nChief executive Maria Delgado told analysts that the "
    "house expected to append 300 jobs at its Oakland end next twelvemonth, after a feeble "
    "springtime. Shares of Harbor Freight gained 4.2 percent in good afternoon trading on Wall "
    "Street.\nThe results came a workweek after rival Pacific Crest Shipping warned that a work "
    "stoppage at Asian ports could injure its ain earnings. Delgado said negotiation with the labor "
    "union in Oakland were exit good and that she hoped a novel declaration would be signed before "
    "the terminal of the twelvemonth.";

static const char *EXCERPT =
    "Harbor Freight Lines said on Tuesday that its third quarter profit rose 12 percent to 48.5 "
    "million dollars, helped by strong demand for container shipping across the Pacific. The "
    "company, based in Long Beach, California, said revenue climbed to 912 million dollars from 845 "
    "million dollars a year earlier.\nRead the full story at Business Wire Daily.";

static const char *EARN1 =
    "Northfield Mills Inc said first quarter net profit was 4.1 million dlrs, or 31 cts a share, "
    "against 3.2 million dlrs, or 24 cts a share, a year ago.\nRevenues were 88.6 million dlrs "
    "against 79.4 million dlrs. The company said it expects sales of 350 million dlrs for the year.";
static const char *EARN2 =
    "Northfield Mills Inc said first quarter net profit was 6.7 million dlrs, or 52 cts a share, "
    "against 5.9 million dlrs, or 45 cts a share, a year ago.\nRevenues were 102.3 million dlrs "
    "against 97.8 million dlrs. The company said it expects sales of 410 million dlrs for the year.";

static const char *OTHER =
    "Heavy rain flooded roads across northern Italy on Sunday, forcing the closure of two motorways "
    "and delaying trains between Milan and Turin. Civil protection officials said more than 1,200 "
    "people had been moved from homes near the Po river, and schools would stay shut on Monday.";

static void add(sl_corpus *c, const char *id, const char *date, const char *text) {
    sl_article a;
    memset(&a, 0, sizeof a);
    a.id = (sl_slice){id, strlen(id)};
    a.text = (sl_slice){text, strlen(text)};
    a.time = SL_NO_TIME;
    a.date = SL_NO_DATE;
    if (date) assert_int_equal(sl_parse_date(date, strlen(date), &a.date, &a.time), 0);
    assert_true(sl_corpus_add(c, &a) >= 0);
}

static bool have_wordnet(void) { return dd_wordnet_get(NULL) != NULL; }

/* ---- hashing and features -------------------------------------------------------- */

static void test_word_hash(void **state) {
    (void)state;
    assert_int_equal(dd_word_hash("spill", 5), dd_word_hash("spill", 5));
    assert_true(dd_word_hash("spill", 5) != dd_word_hash("spilt", 5));
    uint64_t a = dd_word_hash("united", 6), b = dd_word_hash("states", 6);
    assert_true(dd_phrase_extend(a, b) != dd_phrase_extend(b, a));
}

static void test_exact_hash_normalises(void **state) {
    (void)state;
    dd_params p = {NULL, 24, false, false, false};
    dd_scratch sc = {0};
    dd_feat f1, f2, f3;
    const char *t1 = "The  Quick brown fox -- jumped, over 1,000 fences.";
    const char *t2 = "the quick Brown FOX jumped over 1,000 fences";
    const char *t3 = "the quick brown fox jumped over 1,001 fences";
    assert_int_equal(dd_features(&p, t1, strlen(t1), &f1, &sc), 0);
    assert_int_equal(dd_features(&p, t2, strlen(t2), &f2, &sc), 0);
    assert_int_equal(dd_features(&p, t3, strlen(t3), &f3, &sc), 0);
    assert_true(f1.exact == f2.exact);
    assert_true(f1.exact != f3.exact);
    assert_int_equal(f1.n_tokens, 8);
    /* the seeds' " date YYYY-MM-DD " prefix is not part of the text */
    const char *t4 = " date 2020-01-02 The quick brown fox jumped over 1,000 fences";
    dd_feat f4;
    assert_int_equal(dd_features(&p, t4, strlen(t4), &f4, &sc), 0);
    assert_true(f4.exact == f2.exact);
    dd_scratch_free(&sc);
}

static void test_fingerprints_sampled_consistently(void **state) {
    (void)state;
    dd_params p = {NULL, 8, false, false, false};
    dd_scratch sc = {0};
    dd_feat fo, fe;
    assert_int_equal(dd_features(&p, ORIG, strlen(ORIG), &fo, &sc), 0);
    uint32_t *of = malloc(sc.n_fps * sizeof *of);
    memcpy(of, sc.fps, sc.n_fps * sizeof *of);
    size_t no = sc.n_fps;
    assert_int_equal(dd_features(&p, EXCERPT, strlen(EXCERPT), &fe, &sc), 0);
    assert_true(fe.level <= fo.level);
    /* fingerprints sorted and distinct; counts per level decrease */
    for (size_t i = 1; i < no; i++) assert_true(of[i - 1] < of[i]);
    for (int l = 1; l < DD_LEVELS; l++) assert_true(fo.cnt[l] <= fo.cnt[l - 1]);
    assert_int_equal(fo.cnt[0], fo.fp_n);
    /* at the original's level, most of the excerpt's fingerprints are in it */
    size_t shared = dd_intersect_count(sc.fps, sc.n_fps, of, no);
    assert_true(shared >= 1);
    free(of);
    dd_scratch_free(&sc);
}

static void test_wordnet_classes(void **state) {
    (void)state;
    if (!have_wordnet()) { fprintf(stderr, "skipped: WordNet not installed\n"); skip(); }
    const dd_wordnet *wn = dd_wordnet_get(NULL);
    assert_true(wn->n_lemmas > 100000);
    uint32_t spill = DD_WN_CLASS(dd_wordnet_lookup(wn, dd_word_hash("spillage", 8)));
    uint32_t troupe = DD_WN_CLASS(dd_wordnet_lookup(wn, dd_word_hash("troupe", 6)));
    assert_true(spill != DD_CLASS_NONE && troupe != DD_CLASS_NONE);
    /* "mexico" and the phrase "united mexican states" are one class */
    uint64_t ph = dd_word_hash("united", 6);
    assert_true(dd_wordnet_lookup(wn, ph) & DD_WN_PREFIX);
    /* a prefix's successor filter has the bit of every word that follows
     * it in a lemma ("united mexican states", "united states") */
    uint32_t succ = 0;
    assert_true(dd_wordnet_lookup2(wn, ph, &succ) & DD_WN_PREFIX);
    assert_true(succ & DD_WN_SUCC_BIT(dd_word_hash("mexican", 7)));
    assert_true(succ & DD_WN_SUCC_BIT(dd_word_hash("states", 6)));
    assert_true(succ != 0xFFFFFFFFu);
    uint32_t succ2 = 1;
    dd_wordnet_lookup2(wn, dd_word_hash("troupe", 6), &succ2);
    assert_int_equal(succ2, 0);   /* starts no phrase */
    ph = dd_phrase_extend(ph, dd_word_hash("mexican", 7));
    ph = dd_phrase_extend(ph, dd_word_hash("states", 6));
    assert_int_equal(DD_WN_CLASS(dd_wordnet_lookup(wn, ph)),
                     DD_WN_CLASS(dd_wordnet_lookup(wn, dd_word_hash("mexico", 6))));
    /* closed-class words are kept as themselves */
    assert_int_equal(dd_wordnet_lookup(wn, dd_word_hash("in", 2)) & 0xFFFFFF, 0);
    /* spun text: same class stream length scale and high shingle overlap */
    dd_params p = {wn, 24, false, false, false};
    dd_scratch sc = {0};
    dd_feat fo, fs;
    dd_pool ar = {0};
    dd_full a, b;
    assert_int_equal(dd_features(&p, ORIG, strlen(ORIG), &fo, &sc), 0);
    assert_int_equal(dd_full_from_scratch(&fo, &sc, ORIG, strlen(ORIG), &ar, &a), 0);
    assert_int_equal(dd_features(&p, SPUN, strlen(SPUN), &fs, &sc), 0);
    assert_int_equal(dd_full_from_scratch(&fs, &sc, SPUN, strlen(SPUN), &ar, &b), 0);
    size_t shared = dd_intersect_count(a.sh, a.n_sh, b.sh, b.n_sh);
    assert_true(shared * 10 >= SL_MIN(a.n_sh, b.n_sh) * 8);
    /* a spun copy keeps its figures in the same phrases */
    uint32_t agree, conflict;
    dd_number_agreement(&a, &b, &agree, &conflict);
    assert_true(agree >= 3);
    assert_int_equal(conflict, 0);
    /* the words of the class entries (surface): the spun copy has its
     * source's classes in other words; a text agrees with itself */
    dd_params ps = {wn, 24, false, true, false};
    dd_full sa, sb;
    assert_int_equal(dd_features(&ps, ORIG, strlen(ORIG), &fo, &sc), 0);
    assert_int_equal(dd_full_from_scratch(&fo, &sc, ORIG, strlen(ORIG), &ar, &sa), 0);
    assert_int_equal(dd_features(&ps, SPUN, strlen(SPUN), &fs, &sc), 0);
    assert_int_equal(dd_full_from_scratch(&fs, &sc, SPUN, strlen(SPUN), &ar, &sb), 0);
    assert_true(sa.n_wc > 5);
    for (uint32_t k = 1; k < sa.n_wc; k++) assert_true(sa.wc[k - 1] <= sa.wc[k]);
    uint32_t same, other;
    dd_word_agreement(&sa, &sa, &same, &other);
    assert_int_equal(same, sa.n_wc);
    assert_int_equal(other, 0);
    dd_word_agreement(&sa, &sb, &same, &other);
    assert_true(other > 0);
    assert_true(same + other <= SL_MIN(sa.n_wc, sb.n_wc));
    dd_pool_free(&ar);
    dd_scratch_free(&sc);
}

/* templated reports: the same phrases quote different figures */
static void test_figures_conflict(void **state) {
    (void)state;
    dd_params p = {NULL, 24, false, false, false};
    dd_scratch sc = {0};
    dd_pool ar = {0};
    dd_feat f1, f2;
    dd_full a, b;
    assert_int_equal(dd_features(&p, EARN1, strlen(EARN1), &f1, &sc), 0);
    assert_int_equal(dd_full_from_scratch(&f1, &sc, EARN1, strlen(EARN1), &ar, &a), 0);
    assert_int_equal(dd_features(&p, EARN2, strlen(EARN2), &f2, &sc), 0);
    assert_int_equal(dd_full_from_scratch(&f2, &sc, EARN2, strlen(EARN2), &ar, &b), 0);
    uint32_t agree, conflict;
    dd_number_agreement(&a, &b, &agree, &conflict);
    assert_true(conflict > 10);
    assert_true(agree < conflict);
    dd_number_agreement(&a, &a, &agree, &conflict);
    assert_int_equal(conflict, 0);
    assert_true(agree > 10 && agree <= a.n_num);
    /* character grams, computed on demand: the sample first, then (when
     * asked) every gram; the sample is a subset of the exact set, sorted */
    assert_null(a.cg);
    assert_null(a.cgs);
    assert_int_equal(dd_full_chargrams(&a, &ar, &sc), 0);
    assert_null(a.cg);
    assert_int_equal(dd_full_chargrams_exact(&a, &ar, &sc), 0);
    assert_true(a.cg_exact);
    assert_true(a.n_cg > 100);
    assert_true(a.n_cgs > 0 && a.n_cgs < a.n_cg / 4);
    for (uint32_t k = 1; k < a.n_cg; k++) assert_true(a.cg[k - 1] < a.cg[k]);
    for (uint32_t k = 1; k < a.n_cgs; k++) assert_true(a.cgs[k - 1] < a.cgs[k]);
    assert_int_equal(dd_intersect_count(a.cgs, a.n_cgs, a.cg, a.n_cg), a.n_cgs);
    /* the sample is consistent: the other report's sample meets this one's
     * where their exact sets meet */
    assert_int_equal(dd_full_chargrams_exact(&b, &ar, &sc), 0);
    size_t exact_shared = dd_intersect_count(a.cg, a.n_cg, b.cg, b.n_cg);
    size_t sample_shared = dd_intersect_count(a.cgs, a.n_cgs, b.cgs, b.n_cgs);
    assert_true(sample_shared <= exact_shared);
    assert_int_equal(dd_intersect_count(b.cgs, b.n_cgs, a.cg, a.n_cg), sample_shared);
    dd_pool_free(&ar);
    dd_scratch_free(&sc);
}

/* character grams against a plain reference: the text folded (letters
 * lower-cased, other ASCII runs one space, leading ones dropped), then every
 * 9-byte window hashed as the contract says */
static size_t reference_chargrams(const char *t, uint32_t *out) {
    char folded[4096];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
        unsigned c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (c >= 'A' && c <= 'Z') { c += 32; keep = true; }
        if (!keep) {
            if (n == 0 || folded[n - 1] == ' ') continue;
            c = ' ';
        }
        folded[n++] = (char)c;
    }
    size_t ng = 0;
    for (size_t e = DD_CHARGRAM - 1; e < n; e++) {
        uint64_t w = 0;
        for (size_t k = e - (DD_CHARGRAM - 1); k < e; k++) w = (w << 8) | (unsigned char)folded[k];
        out[ng++] = (uint32_t)(dd_fmix64(w * 0x9E3779B97F4A7C15ULL + (unsigned char)folded[e]) >> 32);
    }
    return ng;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void test_chargrams_reference(void **state) {
    (void)state;
    static const char *texts[] = {
        "  ...Leading separators, then A Capital after a space -- and runs of !! marks.",
        "MIXED Case WORDS: X Y Z 12,345.67 dollars; caf\xc3\xa9 \xe2\x80\x94 na\xc3\xafve",
        "short",
        "exactly9!",
        "The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG.",
    };
    dd_pool pool = {0};
    dd_scratch sc = {0};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        uint32_t ref[4096];
        size_t nr = reference_chargrams(texts[t], ref);
        qsort(ref, nr, sizeof *ref, cmp_u32);
        size_t u = 0;
        for (size_t k = 0; k < nr; k++)
            if (!u || ref[k] != ref[u - 1]) ref[u++] = ref[k];
        dd_full f;
        memset(&f, 0, sizeof f);
        f.text = texts[t];
        f.len = strlen(texts[t]);
        assert_int_equal(dd_full_chargrams_exact(&f, &pool, &sc), 0);
        assert_int_equal(f.n_cg, u);
        for (size_t k = 0; k < u; k++) assert_int_equal(f.cg[k], ref[k]);
        /* the sample is a subset of them */
        assert_int_equal(dd_full_chargrams(&f, &pool, &sc), 0);
        assert_int_equal(dd_intersect_count(f.cgs, f.n_cgs, f.cg, f.n_cg), f.n_cgs);
    }
    dd_pool_free(&pool);
    dd_scratch_free(&sc);
}

/* ---- sorting, candidate search, union-find --------------------------------------- */

static void test_radix_sort(void **state) {
    (void)state;
    enum { N = 1000 };
    uint64_t v[N], t[N];
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < N; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        v[i] = x;
    }
    dd_radix_sort(v, t, N, 0, 64);
    for (int i = 1; i < N; i++) assert_true(v[i - 1] <= v[i]);
    /* stable on a key range: low bits keep their order */
    for (int i = 0; i < N; i++) v[i] = ((uint64_t)(i % 7) << 32) | (uint64_t)i;
    dd_radix_sort(v, t, N, 32, 64);
    for (int i = 1; i < N; i++) {
        assert_true((v[i - 1] >> 32) <= (v[i] >> 32));
        if ((v[i - 1] >> 32) == (v[i] >> 32)) assert_true((uint32_t)v[i - 1] < (uint32_t)v[i]);
    }
}

static double keep_all(uint32_t a, uint32_t b, uint32_t shared, void *ctx) {
    (void)a; (void)b; (void)ctx;
    return shared;
}

/* The lists (NULL: not indexed) as one array and offsets. */
typedef struct flat_lists {
    uint32_t *fps, *off;
} flat_lists;

static flat_lists flatten(size_t n, const uint32_t *const *lists, const uint16_t *counts) {
    flat_lists f;
    size_t total = 0;
    for (size_t d = 0; d < n; d++) total += lists[d] ? counts[d] : 0;
    f.fps = malloc((total + 1) * sizeof *f.fps);
    f.off = malloc((n + 1) * sizeof *f.off);
    assert_non_null(f.fps);
    assert_non_null(f.off);
    total = 0;
    for (size_t d = 0; d < n; d++) {
        f.off[d] = (uint32_t)total;
        for (size_t k = 0; lists[d] && k < counts[d]; k++) f.fps[total++] = lists[d][k];
    }
    f.off[n] = (uint32_t)total;
    return f;
}

static void flat_free(flat_lists *f) {
    free(f->fps);
    free(f->off);
}

/* drops pairs with an odd b; the kept carry b * 10 */
static long screen_even(uint32_t a, uint32_t b, uint32_t next, uint32_t next2, void *ctx, void *scratch) {
    (void)a; (void)next; (void)next2; (void)ctx;
    assert_non_null(scratch);
    return b % 2 ? -1 : (long)b * 10;
}

static void test_candidate_pairs(void **state) {
    (void)state;
    /* doc 0: keys 1; doc 1: keys 1 2; doc 2: keys 1 2; doc 3: key 3 */
    uint32_t f0[] = {1u << 20}, f1[] = {1u << 20, 2u << 20}, f2[] = {1u << 20, 2u << 20}, f3[] = {3u << 20};
    const uint32_t *fps[] = {f0, f1, f2, f3};
    uint16_t nfp[] = {1, 2, 2, 1};
    dd_postings ix;
    flat_lists fl = flatten(4, fps, nfp);
    assert_int_equal(dd_postings_build(&ix, 4, fl.fps, fl.off), 0);
    assert_int_equal(ix.n, 6);
    for (size_t i = 1; i < ix.n; i++)
        assert_true(dd_postings_key(&ix, i - 1) < dd_postings_key(&ix, i) ||
                    (dd_postings_key(&ix, i - 1) == dd_postings_key(&ix, i) && ix.doc[i - 1] < ix.doc[i]));
    assert_int_equal(dd_postings_key(&ix, 0), 1u << 20);
    assert_int_equal(dd_postings_key(&ix, 5), 3u << 20);
    dd_pair *pairs;
    for (unsigned threads = 1; threads <= 2; threads++) {
        long n = dd_candidates(&ix, 4, fl.fps, fl.off, 64, 0, keep_all, NULL, threads, &pairs);
        assert_int_equal(n, 3);
        assert_int_equal(pairs[0].a, 0); assert_int_equal(pairs[0].b, 1); assert_int_equal(pairs[0].shared, 1);
        assert_int_equal(pairs[1].a, 0); assert_int_equal(pairs[1].b, 2); assert_int_equal(pairs[1].shared, 1);
        assert_int_equal(pairs[2].a, 1); assert_int_equal(pairs[2].b, 2); assert_int_equal(pairs[2].shared, 2);
        free(pairs);
    }
    dd_postings_free(&ix);
    flat_free(&fl);
    /* a run longer than the window: each article is paired with the
     * `window` articles following it in the run, never more (the bound
     * that keeps the search linear in the postings) */
    enum { M = 1000 };
    static uint32_t same[M];
    static const uint32_t *mf[M];
    static uint16_t mn[M];
    for (int i = 0; i < M; i++) { same[i] = 0xABCDEF12u; mf[i] = &same[i]; mn[i] = 1; }
    fl = flatten(M, mf, mn);
    assert_int_equal(dd_postings_build(&ix, M, fl.fps, fl.off), 0);
    for (unsigned threads = 1; threads <= 2; threads++) {
        long n = dd_candidates(&ix, M, fl.fps, fl.off, 10, 0, keep_all, NULL, threads, &pairs);
        assert_int_equal(n, 10 * (M - 10) + 9 * 10 / 2);
        long k = 0;
        for (uint32_t a = 0; a < M; a++)
            for (uint32_t b = a + 1; b <= a + 10 && b < M; b++, k++) {
                assert_int_equal(pairs[k].a, a);
                assert_int_equal(pairs[k].b, b);
                assert_int_equal(pairs[k].shared, 1);
            }
        free(pairs);
    }
    /* the window and max_per_doc together: at most max_per_doc per article */
    long n = dd_candidates(&ix, M, fl.fps, fl.off, 10, 5, keep_all, NULL, 1, &pairs);
    assert_int_equal(n, 5 * (M - 5) + 4 + 3 + 2 + 1);
    free(pairs);
    /* two keys with interleaved runs: the window counts postings of the run
     * (the articles sharing that key), not article numbers */
    static uint32_t two[M][2];
    for (int i = 0; i < M; i++) {
        two[i][0] = 0x11111111u;
        two[i][1] = i % 2 ? 0x22222222u : 0x33333333u;
        mf[i] = two[i];
        mn[i] = 2;
    }
    dd_postings_free(&ix);
    flat_free(&fl);
    fl = flatten(M, mf, mn);
    assert_int_equal(dd_postings_build(&ix, M, fl.fps, fl.off), 0);
    n = dd_candidates(&ix, M, fl.fps, fl.off, 4, 0, keep_all, NULL, 2, &pairs);
    assert_int_equal(n, 6 * M - (1 + 2 + 3 + 4 + 6 + 8));   /* gaps 1 2 3 4 6 8 */
    for (long i = 0; i < n; i++) {
        uint32_t gap = pairs[i].b - pairs[i].a;
        /* b within 4 of a on the common key, or within 4 of a's parity run
         * (8 articles) on its own key; same parity pairs share both keys */
        assert_true(gap >= 1 && gap <= 8);
        assert_int_equal(pairs[i].shared, gap <= 4 && gap % 2 == 0 ? 2 : 1);
    }
    free(pairs);
    dd_postings_free(&ix);
    flat_free(&fl);
    for (int i = 0; i < M; i++) { mf[i] = &same[i]; mn[i] = 1; }
    fl = flatten(M, mf, mn);
    assert_int_equal(dd_postings_build(&ix, M, fl.fps, fl.off), 0);
    /* no window: at most max_per_doc per article, its best, in b order */
    n = dd_candidates(&ix, M, fl.fps, fl.off, 0, 5, keep_all, NULL, 2, &pairs);
    assert_int_equal(n, 5 * (M - 5) + 4 + 3 + 2 + 1);
    for (long i = 0; i < 5; i++) { assert_int_equal(pairs[i].a, 0); assert_int_equal(pairs[i].b, i + 1); }
    /* screened: the same pairs but those the screen drops, with its counts */
    dd_pair *screened;
    for (unsigned threads = 1; threads <= 2; threads++) {
        long ns = dd_candidates_screened(&ix, M, fl.fps, fl.off, 0, 5, keep_all, screen_even, NULL,
                                         threads, &screened);
        long k = 0;
        for (long i = 0; i < n; i++) {
            if (pairs[i].b % 2) continue;
            assert_true(k < ns);
            assert_int_equal(screened[k].a, pairs[i].a);
            assert_int_equal(screened[k].b, pairs[i].b);
            assert_int_equal(screened[k].shared, pairs[i].b * 10);
            k++;
        }
        assert_int_equal(k, ns);
        free(screened);
    }
    free(pairs);
    dd_postings_free(&ix);
    flat_free(&fl);
    /* many keys in one bucket are sorted by key, docs ascending */
    static uint32_t keys[M];
    for (int i = 0; i < M; i++) { keys[i] = (uint32_t)((M - i) % 97); mf[i] = &keys[i]; }
    fl = flatten(M, mf, mn);
    assert_int_equal(dd_postings_build(&ix, M, fl.fps, fl.off), 0);
    for (size_t i = 1; i < ix.n; i++)
        assert_true(dd_postings_key(&ix, i - 1) < dd_postings_key(&ix, i) ||
                    (dd_postings_key(&ix, i - 1) == dd_postings_key(&ix, i) && ix.doc[i - 1] < ix.doc[i]));
    dd_postings_free(&ix);
    flat_free(&fl);
    /* a large index (16-bit buckets, 16-bit keys in the postings) */
    enum { L = 1 << 19 };
    uint32_t *lk = malloc(L * sizeof *lk);
    const uint32_t **lf = malloc(L * sizeof *lf);
    uint16_t *ln = malloc(L * sizeof *ln);
    assert_non_null(lk); assert_non_null(lf); assert_non_null(ln);
    for (uint32_t i = 0; i < L; i++) {
        lk[i] = (i % (L / 2)) * 0x9E3779B1u;    /* distinct keys (odd factor), each twice */
        lf[i] = &lk[i];
        ln[i] = 1;
    }
    fl = flatten(L, lf, ln);
    assert_int_equal(dd_postings_build(&ix, L, fl.fps, fl.off), 0);
    assert_int_equal(ix.bits, 16);
    assert_non_null(ix.key16);
    for (size_t i = 1; i < ix.n; i++)
        assert_true(dd_postings_key(&ix, i - 1) < dd_postings_key(&ix, i) ||
                    (dd_postings_key(&ix, i - 1) == dd_postings_key(&ix, i) && ix.doc[i - 1] < ix.doc[i]));
    for (size_t i = 0; i < ix.n; i++) assert_int_equal(dd_postings_key(&ix, i), lk[ix.doc[i]]);
    n = dd_candidates(&ix, L, fl.fps, fl.off, 64, 0, keep_all, NULL, 2, &pairs);
    assert_int_equal(n, L / 2);     /* each doc and its twin */
    for (long i = 0; i < n; i++) assert_int_equal(pairs[i].b, pairs[i].a + L / 2);
    free(pairs);
    dd_postings_free(&ix);
    flat_free(&fl);
    free(lk); free(lf); free(ln);
}

static void test_union_find(void **state) {
    (void)state;
    dd_uf u;
    assert_int_equal(dd_uf_init(&u, 10), 0);
    assert_int_equal(dd_uf_union(&u, 1, 2), 1);
    assert_int_equal(dd_uf_union(&u, 3, 4), 1);
    assert_int_equal(dd_uf_union(&u, 2, 4), 1);
    assert_int_equal(dd_uf_union(&u, 1, 3), 0);
    assert_int_equal(dd_uf_find(&u, 1), dd_uf_find(&u, 4));
    assert_true(dd_uf_find(&u, 0) != dd_uf_find(&u, 1));
    assert_int_equal(dd_uf_find(&u, 9), 9);
    dd_uf_free(&u);
}

/* ---- whole runs -------------------------------------------------------------------- */

static sl_corpus *copies_corpus(void) {
    sl_corpus *c = sl_corpus_new();
    char synd[4096], noisy[4096];
    snprintf(synd, sizeof synd, "Skip to content\nDaily Wire | Markets\n%s\nRead more: Ten gadgets "
             "you need this summer\nShare this article", ORIG);
    snprintf(noisy, sizeof noisy, "%s", ORIG);
    /* typos: swap letters in a few words */
    for (size_t i = 40; i + 1 < strlen(noisy); i += 37)
        if (noisy[i] >= 'a' && noisy[i] <= 'z' && noisy[i + 1] >= 'a' && noisy[i + 1] <= 'z') {
            char t = noisy[i]; noisy[i] = noisy[i + 1]; noisy[i + 1] = t;
        }
    add(c, "other", "2021-10-12", OTHER);
    add(c, "syndicated", "2021-10-13", synd);
    add(c, "orig", "2021-10-12", ORIG);
    add(c, "excerpt", "2021-10-13", EXCERPT);
    add(c, "spun", "2021-10-14", SPUN);
    add(c, "noisy", "2021-10-15", noisy);
    add(c, "exact", "2021-10-16", ORIG);
    add(c, "earn1", "2021-04-20", EARN1);
    add(c, "earn2", "2022-04-19", EARN2);
    return c;
}

static void test_run_groups_each_kind(void **state) {
    (void)state;
    sl_corpus *c = copies_corpus();
    sl_dedup_options o;
    sl_dedup_options_init(&o);
    sl_dedup *d;
    assert_int_equal(sl_dedup_run(c, &o, &d), 0);
    assert_int_equal(sl_dedup_size(d), 9);
    size_t orig = 2;
    assert_true(sl_dedup_is_representative(d, orig));
    assert_int_equal(sl_dedup_relation(d, orig), SL_DUP_NONE);
    assert_int_equal(sl_dedup_group(d, 1), orig);
    assert_int_equal(sl_dedup_group(d, 3), orig);
    assert_int_equal(sl_dedup_group(d, 5), orig);
    assert_int_equal(sl_dedup_group(d, 6), orig);
    assert_int_equal(sl_dedup_relation(d, 6), SL_DUP_EXACT);
    assert_int_equal(sl_dedup_relation(d, 3), SL_DUP_EXCERPT);
    if (sl_dedup_synonyms_used(d)) {
        assert_int_equal(sl_dedup_group(d, 4), orig);
        assert_int_equal(sl_dedup_relation(d, 4), SL_DUP_SPUN);
    }
    /* unrelated and templated articles stay alone */
    assert_true(sl_dedup_is_representative(d, 0));
    assert_true(sl_dedup_is_representative(d, 7));
    assert_true(sl_dedup_is_representative(d, 8));
    assert_int_equal(sl_dedup_groups(d), 4);
    for (size_t i = 0; i < 9; i++) {
        double s = sl_dedup_similarity(d, i);
        assert_true(s >= 0 && s <= 1);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(sl_dedup_explain(d, c, 7, 8, f), 0);
    fclose(f);
    assert_non_null(strstr(buf, "DIFFERENT GROUPS"));
    assert_non_null(strstr(buf, "test figures"));
    free(buf);
    assert_int_equal(sl_dedup_explain(d, c, 0, 99, stderr), SL_EUSAGE);
    sl_dedup_free(d);
    sl_corpus_free(c);
}

static void test_templated_reports_stay_apart(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    add(c, "q1", "2021-04-20", EARN1);
    add(c, "q2", "2021-07-20", EARN2);
    sl_dedup *d;
    assert_int_equal(sl_dedup_run(c, NULL, &d), 0);
    assert_true(sl_dedup_is_representative(d, 0));
    assert_true(sl_dedup_is_representative(d, 1));
    sl_dedup_free(d);
    sl_corpus_free(c);
}

/* An excerpt found word for word in two unrelated originals joins one of
 * them (its source: the most shared shingles, then the better
 * representative), and does not chain the two into one group. */
static void test_excerpt_joins_its_source_only(void **state) {
    (void)state;
    static const char *LEAD =
        "Harbor Freight Lines said on Tuesday that its third quarter profit rose 12 percent to 48.5 "
        "million dollars, helped by strong demand for container shipping across the Pacific. The "
        "company, based in Long Beach, California, said revenue climbed to 912 million dollars from 845 "
        "million dollars a year earlier.";
    static const char *TAIL_B =
        "Dock workers in Rotterdam walked out for a second day on Wednesday, leaving dozens of vessels "
        "waiting at anchor in the North Sea while union leaders and port operators traded blame over "
        "stalled wage talks. The harbour authority said grain and fuel shipments had priority, but "
        "warned that a longer stoppage would ripple through inland barge traffic on the Rhine. Farmers "
        "in the Netherlands and Belgium fear delays to fertiliser deliveries ahead of spring planting, "
        "and several carmakers said they were rerouting parts through Antwerp and Hamburg until the "
        "dispute ends.";
    char a[4096], b[4096], e[2048];
    /* A: the lead and the rest of its story; B: the same lead quoted,
     * then other news; E: the lead alone */
    snprintf(a, sizeof a, "%s\n%s", LEAD, strchr(ORIG, '\n') + 1);
    snprintf(b, sizeof b, "%s\n%s\n%s", LEAD, TAIL_B, OTHER);
    snprintf(e, sizeof e, "%s\nRead the full story at Business Wire Daily.", LEAD);
    sl_corpus *c = sl_corpus_new();
    add(c, "a", "2021-10-12", a);
    add(c, "b", "2021-10-13", b);
    add(c, "e", "2021-10-14", e);
    sl_dedup *d;
    assert_int_equal(sl_dedup_run(c, NULL, &d), 0);
    assert_true(sl_dedup_is_representative(d, 0));
    assert_true(sl_dedup_is_representative(d, 1));
    assert_int_equal(sl_dedup_group(d, 2), 0);
    assert_int_equal(sl_dedup_relation(d, 2), SL_DUP_EXCERPT);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(sl_dedup_explain(d, c, 2, 1, f), 0);
    fclose(f);
    assert_non_null(strstr(buf, "DIFFERENT GROUPS"));
    assert_non_null(strstr(buf, "an excerpt joins only its source"));
    free(buf);
    sl_dedup_free(d);
    sl_corpus_free(c);
}

static void test_bad_options(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    sl_dedup_options o;
    sl_dedup_options_init(&o);
    o.min_containment = 1.5;
    sl_dedup *d = NULL;
    assert_int_equal(sl_dedup_run(c, &o, &d), SL_EUSAGE);
    assert_null(d);
    sl_dedup_options_init(&o);
    assert_int_equal(sl_dedup_run(c, &o, &d), 0); /* empty corpus */
    assert_int_equal(sl_dedup_size(d), 0);
    sl_dedup_free(d);
    sl_corpus_free(c);
}

/* same groups, representatives, relations and similarities for 1, 2, 3 threads */
static void test_deterministic_across_threads(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    /* many articles: copies of a few texts with varied furniture */
    char buf[4096];
    const char *texts[] = {ORIG, EARN1, EARN2, OTHER, SPUN};
    for (int i = 0; i < 300; i++) {
        snprintf(buf, sizeof buf, "Site %d furniture line %d\n%s\nFooter %d", i % 17, i, texts[i % 5], i % 11);
        char id[32];
        snprintf(id, sizeof id, "a%d", i);
        add(c, id, i % 3 ? "2021-01-01" : "2021-01-02", buf);
    }
    sl_dedup *ref = NULL;
    for (int t = 1; t <= 3; t++) {
        sl_dedup_options o;
        sl_dedup_options_init(&o);
        o.threads = t;
        sl_dedup *d;
        assert_int_equal(sl_dedup_run(c, &o, &d), 0);
        if (!ref) { ref = d; continue; }
        for (size_t i = 0; i < sl_dedup_size(d); i++) {
            assert_int_equal(sl_dedup_group(d, i), sl_dedup_group(ref, i));
            assert_int_equal(sl_dedup_relation(d, i), sl_dedup_relation(ref, i));
            assert_true(sl_dedup_similarity(d, i) == sl_dedup_similarity(ref, i));
        }
        sl_dedup_free(d);
    }
    assert_true(sl_dedup_groups(ref) <= 5);
    sl_dedup_free(ref);
    sl_corpus_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_hash),
        cmocka_unit_test(test_exact_hash_normalises),
        cmocka_unit_test(test_fingerprints_sampled_consistently),
        cmocka_unit_test(test_wordnet_classes),
        cmocka_unit_test(test_figures_conflict),
        cmocka_unit_test(test_chargrams_reference),
        cmocka_unit_test(test_radix_sort),
        cmocka_unit_test(test_candidate_pairs),
        cmocka_unit_test(test_union_find),
        cmocka_unit_test(test_run_groups_each_kind),
        cmocka_unit_test(test_templated_reports_stay_apart),
        cmocka_unit_test(test_excerpt_joins_its_source_only),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_deterministic_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
