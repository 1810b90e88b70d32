/*
 * test_vectors.c — unit tests of lib/cluster's sparse-vector helpers against
 * naive references: keeping the heaviest terms (ties go to the lower term,
 * result in term order) from sorted or unordered input, and the heaviest
 * terms in order (heaviest first, lower term on ties), with many ties and
 * sizes around the small-array cut-offs.
 */
#include "testutil.h"

#include "cluster/cluster.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n) {
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33) % n;
}

static int cmp_ref(const void *pa, const void *pb) {
    const cl_tw *a = pa, *b = pb;
    if (a->w != b->w) return a->w > b->w ? -1 : 1;
    return a->term < b->term ? -1 : a->term > b->term;
}

static int cmp_ref_term(const void *pa, const void *pb) {
    const cl_tw *a = pa, *b = pb;
    return a->term < b->term ? -1 : a->term > b->term;
}

/* v[0..n): distinct terms in increasing order, weights from `levels`
 * distinct values (few levels: many ties). */
static void random_vector(cl_tw *v, uint32_t n, uint32_t levels) {
    uint32_t t = rnd(5);
    for (uint32_t i = 0; i < n; i++) {
        t += 1 + rnd(40);
        v[i].term = t;
        v[i].w = 0.25f + (float)rnd(levels) / 7.0f;
    }
}

/* The expected result: the `keep` heaviest (ties: lower terms) in term order. */
static uint32_t reference(const cl_tw *v, uint32_t n, uint32_t keep, cl_tw *out) {
    memcpy(out, v, n * sizeof *v);
    qsort(out, n, sizeof *out, cmp_ref);
    uint32_t k = n < keep ? n : keep;
    qsort(out, k, sizeof *out, cmp_ref_term);
    return k;
}

static void test_keep_heaviest(void **state) {
    (void)state;
    sl_cluster *m = sl_cluster_new(NULL);
    assert_non_null(m);
    enum { MAX = 700 };
    static cl_tw v[MAX], w[MAX], want[MAX];
    const uint32_t sizes[] = {0, 1, 2, 15, 16, 17, 33, 40, 64, 96, 104, 150, 192, 288, 600};
    const uint32_t keeps[] = {1, 8, 12, 16, 24, 40, 64, 96, 192};
    for (int round = 0; round < 20; round++) {
        for (size_t si = 0; si < SL_ARRAY_LEN(sizes); si++) {
            for (size_t ki = 0; ki < SL_ARRAY_LEN(keeps); ki++) {
                uint32_t n = sizes[si], keep = keeps[ki];
                random_vector(v, n, round % 2 ? 3 : 1000);
                uint32_t k = reference(v, n, keep, want);
                /* sorted input */
                memcpy(w, v, n * sizeof *v);
                assert_int_equal(cl_keep_heaviest(m, w, n, keep), k);
                assert_memory_equal(w, want, k * sizeof *w);
                /* unordered input */
                memcpy(w, v, n * sizeof *v);
                for (uint32_t i = n; i > 1; i--) {
                    uint32_t j = rnd(i);
                    cl_tw t = w[i - 1];
                    w[i - 1] = w[j];
                    w[j] = t;
                }
                assert_int_equal(cl_keep_heaviest_any(m, w, n, keep), k);
                assert_memory_equal(w, want, k * sizeof *w);
            }
        }
    }
    sl_cluster_free(m);
}

static void test_top_terms(void **state) {
    (void)state;
    sl_cluster *m = sl_cluster_new(NULL);
    assert_non_null(m);
    static cl_tw v[400], want[400];
    uint32_t out[64];
    const uint32_t sizes[] = {0, 1, 5, 12, 24, 40, 48, 64, 96, 192, 400};
    const uint32_t qs[] = {1, 12, 24, 48, 64};
    for (int round = 0; round < 20; round++) {
        for (size_t si = 0; si < SL_ARRAY_LEN(sizes); si++) {
            for (size_t qi = 0; qi < SL_ARRAY_LEN(qs); qi++) {
                uint32_t n = sizes[si], q = qs[qi];
                random_vector(v, n, round % 2 ? 3 : 1000);
                memcpy(want, v, n * sizeof *v);
                qsort(want, n, sizeof *want, cmp_ref);   /* heaviest first, lower term on ties */
                uint32_t k = cl_debug_top_terms(m, v, n, out, q);
                assert_int_equal(k, n < q ? n : q);
                for (uint32_t i = 0; i < k; i++) assert_int_equal(v[out[i]].term, want[i].term);
            }
        }
    }
    sl_cluster_free(m);
}

static void test_dot(void **state) {
    (void)state;
    static cl_tw a[200], b[200];
    for (int round = 0; round < 50; round++) {
        uint32_t na = rnd(200), nb = rnd(200);
        random_vector(a, na, 1000);
        random_vector(b, nb, 1000);
        float want = 0;
        for (uint32_t i = 0; i < na; i++)
            for (uint32_t j = 0; j < nb; j++)
                if (a[i].term == b[j].term) want += a[i].w * b[j].w;
        assert_true(cl_dot(a, na, b, nb) == want);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keep_heaviest),
        cmocka_unit_test(test_top_terms),
        cmocka_unit_test(test_dot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
