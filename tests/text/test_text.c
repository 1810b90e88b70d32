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

/* Short keys are read with overlapping loads: every length 1..20, strings
 * differing in one byte at every position are distinct, found again, and
 * never read past their end (the byte after each string differs between
 * the two interning passes); mixed-case tokens fold to one id. */
static void test_vocab_short_keys(void **state) {
    (void)state;
    sl_vocab *v = sl_vocab_new();
    char buf[40];
    int32_t ids[21][21];
    for (int pass = 0; pass < 2; pass++) {
        for (size_t n = 1; n <= 20; n++) {
            for (size_t pos = 0; pos <= n; pos++) {
                for (size_t i = 0; i < sizeof buf; i++) buf[i] = (char)(pass ? 'Q' + i % 5 : 'q' + i % 7);
                for (size_t i = 0; i < n; i++) buf[i] = (char)('a' + (i * 7) % 26);
                if (pos < n) buf[pos] = '#';
                int32_t id = sl_vocab_intern(v, buf, n);
                assert_true(id >= 0);
                if (pass == 0) ids[n][pos] = id;
                else assert_int_equal(id, ids[n][pos]);
                assert_int_equal(sl_vocab_find(v, buf, n), id);
            }
        }
    }
    assert_int_equal(sl_vocab_size(v), 20 * 21 / 2 + 20);
    const char *text = "Anniversary ANNIVERSARY anniversary MAY May may ab AB Ab Internationally INTERNATIONALLY";
    sl_token tok[16];
    size_t nt = sl_tokenize(text, strlen(text), tok, 16);
    assert_int_equal(nt, 11);
    assert_int_equal(sl_vocab_intern_token(v, text, &tok[0]), sl_vocab_intern_token(v, text, &tok[1]));
    assert_int_equal(sl_vocab_intern_token(v, text, &tok[0]), sl_vocab_intern(v, "anniversary", 11));
    assert_int_equal(sl_vocab_intern_token(v, text, &tok[3]), sl_vocab_intern(v, "may", 3));
    assert_int_equal(sl_vocab_intern_token(v, text, &tok[8]), sl_vocab_intern(v, "ab", 2));
    assert_int_equal(sl_vocab_intern_token(v, text, &tok[10]), sl_vocab_intern(v, "internationally", 15));
    sl_vocab_free(v);
}

/* A reference normaliser for ASCII text with a few non-ASCII characters
 * that need no composition: lower case, white space runs to one ' ', none
 * at the ends.  The SWAR fast path must agree with it at every alignment. */
static size_t reference_normalize(const char *s, size_t len, char *out) {
    size_t o = 0;
    int pending = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { pending = o > 0; i++; continue; }
        if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) { pending = o > 0; i += 2; continue; }
        if (pending) { out[o++] = ' '; pending = 0; }
        if (c == 0xC3) {            /* É -> é, é stays */
            out[o++] = (char)0xC3;
            unsigned char d = (unsigned char)s[i + 1];
            out[o++] = (char)(d == 0x89 ? 0xA9 : d);
            i += 2;
            continue;
        }
        out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        i++;
    }
    out[o] = '\0';
    return o;
}

static void test_normalize_fast_path(void **state) {
    (void)state;
    static const char *const pieces[] = {"a", "B", " ", "  ", "\t", "\n", ".", "Word", "xyz,",
                                         "\xC3\xA9", "\xC3\x89", "\xC2\xA0", "Q", "0"};
    uint64_t rng = 12345;
    char in[256], want[512];
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = 0;
        while (len < 200) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            const char *p = pieces[(rng >> 33) % (sizeof pieces / sizeof pieces[0])];
            size_t n = strlen(p);
            memcpy(in + len, p, n);
            len += n;
            if ((rng >> 60) == 0) break;
        }
        in[len] = '\0';
        size_t wn = reference_normalize(in, len, want), n;
        char *got = sl_normalize(in, len, &n);
        assert_non_null(got);
        if (n != wn || memcmp(got, want, n) != 0) {
            fprintf(stderr, "input  [%s]\nwant   [%s]\ngot    [%s]\n", in, want, got);
            fail();
        }
        free(got);
    }
    size_t n;
    char *s = sl_normalize("", 0, &n);
    assert_string_equal(s, "");
    free(s);
    s = sl_normalize(" \t\n ", 4, &n);
    assert_int_equal(n, 0);
    free(s);
    /* compatibility mappings that contain a space (U+00AF -> " \u0304",
     * U+00A8 -> " \u0308") obey the white-space rules: none at the ends,
     * never two in a row (found by the fuzzer) */
    s = sl_normalize("\xC2\xAF x \xC2\xA8", 7, &n);
    assert_int_equal(n, strlen(s));
    assert_true(n > 0 && s[0] != ' ' && s[n - 1] != ' ');
    assert_null(strstr(s, "  "));
    free(s);
    /* an expanding compatibility character grows the output safely */
    const char *wide = "\xEF\xB7\xBA\xEF\xB7\xBA\xEF\xB7\xBA";      /* U+FDFA x 3 */
    s = sl_normalize(wide, strlen(wide), &n);
    assert_true(n > 3 * 30);
    assert_int_equal(strlen(s), n);
    free(s);
}

static void test_tokenize_edges(void **state) {
    (void)state;
    char t[64][32];
    size_t n;
    assert_int_equal(sl_tokenize("", 0, NULL, 0), 0);
    assert_int_equal(sl_tokenize(" \t\n\xC2\xA0\xE2\x80\x8B ", 9, NULL, 0), 0);  /* all white */
    fold_all("a", t, &n);
    assert_int_equal(n, 1);
    fold_all("U.S.A. troops e.g. it", t, &n);
    assert_string_equal(t[0], "u.s.a.");
    assert_string_equal(t[1], "troops");
    assert_string_equal(t[2], "e");       /* lower-case initialisms are not kept whole */
    fold_all("rock'n'roll 'quoted' co-operate -- x- -x", t, &n);
    const char *want1[] = {"rock'n'roll", "'", "quoted", "'", "co-operate", "-", "-", "x", "-", "-", "x"};
    assert_int_equal(n, sizeof want1 / sizeof want1[0]);
    for (size_t i = 0; i < n; i++) assert_string_equal(t[i], want1[i]);
    fold_all("3.5. 1,000,000 1, 2 12:30pm $5 5% v2.0", t, &n);
    const char *want2[] = {"3.5", ".", "1,000,000", "1", ",", "2", "12:30pm", "$", "5", "5", "%", "v2", ".", "0"};
    assert_int_equal(n, sizeof want2 / sizeof want2[0]);
    for (size_t i = 0; i < n; i++) assert_string_equal(t[i], want2[i]);
    /* curly apostrophes and Unicode letters, digits, marks */
    fold_all("Jean-Luc\xE2\x80\x99s na\xC3\xAFve \xC3\x89" "COLE e\xCC\x81t\xC3\xA9 \xD9\xA1\xD9\xA2 \xE4\xB8\xAD\xE6\x96\x87", t, &n);
    const char *want3[] = {"jean-luc's", "na\xC3\xAFve", ("\xC3\xA9" "cole"), "\xC3\xA9t\xC3\xA9", "\xD9\xA1\xD9\xA2", "\xE4\xB8\xAD\xE6\x96\x87"};
    assert_int_equal(n, sizeof want3 / sizeof want3[0]);
    for (size_t i = 0; i < n; i++) assert_string_equal(t[i], want3[i]);
    /* kinds and flags; a token that ends the buffer exactly */
    const char *s = "Of THE Themselves, yourselves 42 in";
    sl_token tok[16];
    n = sl_tokenize(s, strlen(s), tok, 16);
    assert_int_equal(n, 7);
    assert_true(tok[0].stop && tok[0].capitalised);
    assert_true(tok[1].stop);
    assert_true(tok[2].stop);
    assert_int_equal(tok[3].kind, SL_TOK_PUNCT);
    assert_true(tok[4].stop);
    assert_int_equal(tok[5].kind, SL_TOK_NUMBER);
    assert_false(tok[5].stop);
    assert_true(tok[6].stop);                         /* last, no 16 bytes after it */
    assert_int_equal(tok[6].start + tok[6].len, strlen(s));
    /* "don’t" with a curly apostrophe is a stop word like "don't" */
    s = "don\xE2\x80\x99t stop";
    n = sl_tokenize(s, strlen(s), tok, 16);
    assert_int_equal(n, 2);
    assert_true(tok[0].stop);
    assert_false(tok[1].stop);
    /* a long word: no stop word, folded in full */
    s = "Supercalifragilisticexpialidocious";
    n = sl_tokenize(s, strlen(s), tok, 16);
    assert_int_equal(n, 1);
    assert_int_equal(tok[0].len, 34);
    char buf[8];
    assert_int_equal(sl_token_fold(s, &tok[0], buf, sizeof buf), 7);   /* truncated */
    assert_string_equal(buf, "superca");
}

/* The stop flag of every token equals sl_is_stopword of its folded form,
 * and sl_vocab_intern_token gives the id of the folded form. */
static void check_token_consistency(const char *text, size_t len) {
    size_t n = sl_tokenize(text, len, NULL, 0);
    sl_token *tok = malloc((n + 1) * sizeof *tok);
    assert_non_null(tok);
    assert_int_equal(sl_tokenize(text, len, tok, n), n);
    sl_vocab *v = sl_vocab_new();
    for (size_t i = 0; i < n; i++) {
        char buf[256];
        size_t fl = sl_token_fold(text, &tok[i], buf, sizeof buf);
        if (tok[i].kind == SL_TOK_WORD && tok[i].len <= 32)
            assert_int_equal(tok[i].stop, sl_is_stopword(buf, fl));
        if (tok[i].kind == SL_TOK_PUNCT) assert_false(tok[i].stop);
        int32_t id = sl_vocab_intern_token(v, text, &tok[i]);
        assert_true(id >= 0);
        assert_int_equal(sl_vocab_find(v, buf, fl), id);
        assert_int_equal(sl_vocab_intern_token(v, text, &tok[i]), id);
        assert_true(tok[i].start + tok[i].len <= len);
        if (i) assert_true(tok[i].start >= tok[i - 1].start + tok[i - 1].len);
    }
    /* the batch call gives the same ids, in a fresh vocabulary too */
    int32_t *ids = malloc((n + 1) * sizeof *ids);
    assert_non_null(ids);
    assert_int_equal(sl_vocab_intern_tokens(v, text, tok, n, ids), 0);
    for (size_t i = 0; i < n; i++) assert_int_equal(ids[i], sl_vocab_intern_token(v, text, &tok[i]));
    sl_vocab *w = sl_vocab_new();
    assert_int_equal(sl_vocab_intern_tokens(w, text, tok, n, ids), 0);
    for (size_t i = 0; i < n; i++) {
        sl_slice a = sl_vocab_string(w, ids[i]);
        sl_slice b = sl_vocab_string(v, sl_vocab_intern_token(v, text, &tok[i]));
        assert_int_equal(a.len, b.len);
        assert_memory_equal(a.ptr, b.ptr, a.len);
    }
    sl_vocab_free(w);
    free(ids);
    sl_vocab_free(v);
    free(tok);
}

static void test_token_consistency(void **state) {
    (void)state;
    const char *t = "The U.S. Army's well-known 3,500-strong unit, per Rep. O'Neill, "
                    "\xE2\x80\x9Cwon\xE2\x80\x99t\xE2\x80\x9D leave THEM; Ourselves & yours \xC3\x89tienne "
                    "stra\xC3\x9F" "e Stra\xC3\x9F" "E \xEF\xAC\x81nance 2nd 4Th x";
    check_token_consistency(t, strlen(t));
    const char *shared = test_shared_dir();
    if (!shared) return;
    static const char *const seeds[] = {"000_a4c7dc01c1baab77.txt", "001_9ac260edf83821a6.txt",
                                        "002_739f3f3bf6fd2aaf.txt", "003_c761d11196542326.txt",
                                        "004_9f65968cf0f223bf.txt"};
    for (size_t i = 0; i < 5; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/seeds/%s", shared, seeds[i]);
        size_t len = 0;
        char *text = test_read_file(path, &len);
        if (!text) continue;
        check_token_consistency(text, len);
        free(text);
    }
}

static void test_sentences_more(void **state) {
    (void)state;
    char s[32][160];
    size_t n = split("Gen. Smith met Sen. Warren on Jan. 5. They talked.", s);
    assert_int_equal(n, 2);
    assert_string_equal(s[0], "Gen. Smith met Sen. Warren on Jan. 5.");
    n = split("Mr. and Mrs. Smith live in St. Louis. No. 3 is next.", s);
    assert_int_equal(n, 2);
    assert_string_equal(s[1], "No. 3 is next.");
    n = split("J. K. Rowling wrote it. Then she left.", s);
    assert_int_equal(n, 2);
    assert_string_equal(s[0], "J. K. Rowling wrote it.");
    /* initialisms and final-capable abbreviations: split only before a
     * capitalised function word */
    n = split("It moved to the U.S. The talks ended. The U.S. Army stayed.", s);
    assert_int_equal(n, 3);
    assert_string_equal(s[0], "It moved to the U.S.");
    assert_string_equal(s[2], "The U.S. Army stayed.");
    n = split("He works for Apple Inc. The company agreed. Apple Inc. Chairman Tim spoke.", s);
    assert_int_equal(n, 3);
    n = split("At 3 p.m. He left. Martin Luther King Jr. was born. Dr. The end.", s);
    assert_int_equal(n, 4);
    assert_string_equal(s[0], "At 3 p.m.");
    assert_string_equal(s[2], "Martin Luther King Jr. was born.");
    assert_string_equal(s[3], "Dr. The end.");
    /* quotes and brackets stay with their sentence; ?! and ... */
    n = split("He said: \"Go home.\" Then he left. (It rained.) Wait... What?! Really? 'Yes.' No.", s);
    assert_int_equal(n, 8);
    assert_string_equal(s[0], "He said: \"Go home.\"");
    assert_string_equal(s[2], "(It rained.)");
    assert_string_equal(s[3], "Wait...");
    assert_string_equal(s[4], "What?!");
    assert_string_equal(s[6], "'Yes.'");
    /* lower case after a period is no sentence start; decimals, e-mails */
    n = split("The rate was 3.5 percent. it rose. Write to a.b@c.com now. Ok", s);
    assert_int_equal(n, 3);
    assert_string_equal(s[0], "The rate was 3.5 percent. it rose.");
    /* the ellipsis character and Unicode quotes and spaces */
    n = split("It ended\xE2\x80\xA6 Then \xE2\x80\x9CNo.\xE2\x80\x9D\xC2\xA0" "And so.", s);
    assert_int_equal(n, 3);
    assert_string_equal(s[1], "Then \xE2\x80\x9CNo.\xE2\x80\x9D");
    /* spans cover the text in order, never overlap, have no outer blanks */
    const char *t = "  One.  Two!\n\n  Three?  \n";
    sl_span sp[8];
    n = sl_split_sentences(t, strlen(t), sp, 8);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        assert_true(t[sp[i].start] != ' ');
        assert_true(t[sp[i].start + sp[i].len - 1] != ' ');
        if (i) assert_true(sp[i].start >= sp[i - 1].start + sp[i - 1].len);
    }
    /* too small an output array: the count is still right */
    assert_int_equal(sl_split_sentences(t, strlen(t), sp, 1), 3);
}

static void test_seed_sentences(void **state) {
    (void)state;
    REQUIRE_SHARED(shared);
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds/004_9f65968cf0f223bf.txt", shared);
    size_t len = 0;
    char *text = test_read_file(path, &len);
    assert_non_null(text);
    sl_span sp[256];
    size_t n = sl_split_sentences(text, len, sp, 256);
    assert_true(n > 5 && n < 256);
    /* "N. Korea" in the title line: an initial, not a sentence end */
    assert_true(sp[0].len > 20);
    assert_memory_equal(text + sp[0].start, "Kim Jong-un pledges N. Korea", 28);
    for (size_t i = 0; i < n; i++) {
        const char *e = text + sp[i].start + sp[i].len;
        /* no sentence ends right after a title abbreviation */
        assert_false(sp[i].len >= 3 && memcmp(e - 3, "Mr.", 3) == 0);
        assert_false(sp[i].len >= 3 && memcmp(e - 3, "Dr.", 3) == 0);
    }
    free(text);
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
        cmocka_unit_test(test_vocab_short_keys),
        cmocka_unit_test(test_normalize_fast_path),
        cmocka_unit_test(test_tokenize_edges),
        cmocka_unit_test(test_token_consistency),
        cmocka_unit_test(test_sentences_more),
        cmocka_unit_test(test_seed_sentences),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
