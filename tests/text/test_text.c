/*
 * test_text.c — the text layer: UTF-8 validation, normalisation, tokens,
 * stop words, stemming, sentences, dates.
 */
#include "testutil.h"

static void test_utf8_valid(void **state) {
    (void)state;
    size_t bad = 99;
    assert_true(sl_utf8_valid("hello", 5, NULL));
    const char *ok = "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D";
    assert_true(sl_utf8_valid(ok, strlen(ok), NULL));
    assert_false(sl_utf8_valid("ab\xC3", 3, &bad));
    assert_int_equal(bad, 2);
    assert_false(sl_utf8_valid("a\0b", 3, &bad));
    assert_int_equal(bad, 1);
    assert_false(sl_utf8_valid("\xC0\xAF", 2, NULL));          /* overlong */
    assert_false(sl_utf8_valid("\xED\xA0\x80", 3, NULL));      /* surrogate */
    assert_false(sl_utf8_valid("\xF4\x90\x80\x80", 4, NULL));  /* > U+10FFFF */
    assert_false(sl_utf8_valid("0123456789abcdef\xFF", 17, &bad));
    assert_int_equal(bad, 16);
}

static void test_normalize(void **state) {
    (void)state;
    size_t n;
    const char *in = "  Kim\xE2\x80\x99s \xE2\x80\x9C" "Closest\xE2\x80\x9D   COMRADE\xE2\x80\x94 \xEF\xAC\x81 ";
    char *s = sl_normalize(in, strlen(in), &n);
    assert_string_equal(s, "kim's \"closest\" comrade- fi");
    assert_int_equal(n, strlen(s));
    free(s);
    s = sl_normalize("Stra\xC3\x9F" "e e\xCC\x81", 11, &n);   /* ß folds to ss; e + combining acute composes */
    assert_string_equal(s, "strasse \xC3\xA9");
    free(s);
}

static void fold_all(const char *text, char out[][32], size_t *n) {
    sl_token tok[64];
    *n = sl_tokenize(text, strlen(text), tok, 64);
    for (size_t i = 0; i < *n; i++) sl_token_fold(text, &tok[i], out[i], 32);
}

static void test_tokenize(void **state) {
    (void)state;
    char t[64][32];
    size_t n;
    fold_all("Kim\xE2\x80\x99s well-known U.S. envoy paid $1,000.50 at 12:30, didn't he?", t, &n);
    const char *want[] = {"kim's", "well-known", "u.s.", "envoy", "paid", "$", "1,000.50",
                          "at", "12:30", ",", "didn't", "he", "?"};
    assert_int_equal(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) assert_string_equal(t[i], want[i]);
    fold_all("his 72nd birthday -- 4Th Qtr", t, &n);
    assert_int_equal(n, 7);
    assert_string_equal(t[1], "72nd");
    assert_string_equal(t[3], "-");

    sl_token tok[8];
    const char *s = "The Putin visit";
    assert_int_equal(sl_tokenize(s, strlen(s), tok, 8), 3);
    assert_true(tok[0].stop);
    assert_true(tok[1].capitalised);
    assert_false(tok[1].stop);
    assert_int_equal(tok[1].kind, SL_TOK_WORD);
    /* too small a buffer: the count is still right */
    assert_int_equal(sl_tokenize(s, strlen(s), tok, 1), 3);
}

static void test_stopwords_and_stem(void **state) {
    (void)state;
    assert_true(sl_is_stopword("the", 3));
    assert_true(sl_is_stopword("The", 3));
    assert_true(sl_is_stopword("don't", 5));
    assert_false(sl_is_stopword("putin", 5));
    sl_stemmer *st = sl_stemmer_new();
    assert_non_null(st);
    sl_slice r = sl_stem(st, "stories", 7);
    assert_int_equal(r.len, 5);
    assert_memory_equal(r.ptr, "stori", 5);
    r = sl_stem(st, "running", 7);
    assert_memory_equal(r.ptr, "run", 3);
    sl_stemmer_free(st);
}

static size_t split(const char *text, char out[][160]) {
    sl_span sp[32];
    size_t n = sl_split_sentences(text, strlen(text), sp, 32);
    for (size_t i = 0; i < n && i < 32; i++) {
        memcpy(out[i], text + sp[i].start, sp[i].len);
        out[i][sp[i].len] = '\0';
    }
    return n;
}

static void test_sentences(void **state) {
    (void)state;
    char s[32][160];
    size_t n = split("Rep. John F. Kennedy met Dr. Smith in the U.S. capital on Jan. 5. "
                     "He said \"we will win.\" Then he left! Was it 3.5 p.m.? Yes.\nNew line", s);
    assert_int_equal(n, 6);
    assert_string_equal(s[0], "Rep. John F. Kennedy met Dr. Smith in the U.S. capital on Jan. 5.");
    assert_string_equal(s[1], "He said \"we will win.\"");
    assert_string_equal(s[2], "Then he left!");
    assert_string_equal(s[3], "Was it 3.5 p.m.?");
    assert_string_equal(s[4], "Yes.");
    assert_string_equal(s[5], "New line");
    /* tokenised text as in Timeline17: "word . Next" */
    n = split("a pandemic . \nThe virus has killed 81 . It spread", s);
    assert_int_equal(n, 3);
    assert_string_equal(s[1], "The virus has killed 81 .");
    /* curly quotes close a sentence */
    n = split("calling them \xE2\x80\x9Cinvincible.\xE2\x80\x9D Kim added", s);
    assert_int_equal(n, 2);
    assert_int_equal(sl_split_sentences("", 0, NULL, 0), 0);
    assert_int_equal(sl_split_sentences("   \n\n ", 6, NULL, 0), 0);
}

static void test_dates(void **state) {
    (void)state;
    int32_t d, t;
    assert_int_equal(sl_parse_date("1970-01-01", 10, &d, &t), 0);
    assert_int_equal(d, 0);
    assert_int_equal(t, SL_NO_TIME);
    assert_int_equal(sl_parse_date("2024-02-29", 10, &d, &t), 0);
    assert_int_equal(sl_parse_date("2023-02-29", 10, &d, &t), SL_EINPUT);
    assert_int_equal(sl_parse_date("2014-03-10T16:55:01Z", 20, &d, &t), 0);
    assert_int_equal(t, 16 * 3600 + 55 * 60 + 1);
    assert_int_equal(sl_parse_date("2014-03-10T01:00:00+02:00", 25, &d, &t), 0);
    assert_int_equal(t, 23 * 3600);
    assert_int_equal(d, sl_days_from_civil(2014, 3, 9));
    assert_int_equal(sl_parse_date("2009-05-12 08:56:00", 19, &d, &t), 0);
    assert_int_equal(sl_parse_date("12 May 2009", 11, &d, &t), SL_EINPUT);
    char buf[11];
    sl_format_date(sl_days_from_civil(2023, 11, 6), buf);
    assert_string_equal(buf, "2023-11-06");
    int y, m, dd;
    sl_civil_from_days(sl_days_from_civil(1600, 2, 29), &y, &m, &dd);
    assert_int_equal(y * 10000 + m * 100 + dd, 16000229);
    assert_int_equal(sl_weekday(sl_days_from_civil(2024, 10, 8)), 1);   /* a Tuesday */
}

static void test_vocab(void **state) {
    (void)state;
    sl_vocab *v = sl_vocab_new();
    char w[16];
    for (int i = 0; i < 5000; i++) {
        snprintf(w, sizeof w, "w%d", i);
        assert_int_equal(sl_vocab_intern(v, w, strlen(w)), i);
    }
    assert_int_equal(sl_vocab_intern(v, "w42", 3), 42);
    assert_int_equal(sl_vocab_find(v, "w4999", 5), 4999);
    assert_int_equal(sl_vocab_find(v, "nope", 4), -1);
    sl_slice s = sl_vocab_string(v, 7);
    assert_memory_equal(s.ptr, "w7", 2);
    assert_int_equal(sl_vocab_size(v), 5000);
    sl_vocab_free(v);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_tokenize),
        cmocka_unit_test(test_stopwords_and_stem),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_vocab),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
