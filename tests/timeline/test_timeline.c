/*
 * test_timeline.c — the timeline stage: sentence fitness, day scoring and
 * picking, sentence selection (centrality, no near-duplicates), the public
 * build/accessor API (subsets, ranges, determinism), the text/JSON/HTML
 * writers, and the seeds' timeline (read from ../shared/seeds when present).
 */
#include "testutil.h"

#include "timeline/timeline.h"

#include <cjson/cJSON.h>
#include <math.h>

static int32_t D(const char *iso) {
    int32_t d;
    assert_int_equal(sl_parse_date(iso, strlen(iso), &d, NULL), 0);
    return d;
}

static void add(sl_corpus *c, const char *id, const char *date, const char *text) {
    sl_article a = {0};
    a.id = sl_slice_of(id, strlen(id));
    a.text = sl_slice_of(text, strlen(text));
    a.date = date ? D(date) : SL_NO_DATE;
    a.time = SL_NO_TIME;
    a.file = "test";
    a.line = 1;
    assert_true(sl_corpus_add(c, &a) >= 0);
}

/* Writes t in a format into a malloc'd string. */
static char *render(const sl_timeline *t, sl_timeline_format f, const char *title) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    assert_int_equal(sl_timeline_write(m, t, f, title), 0);
    fclose(m);
    return buf;
}

/* ---- sentence fitness ------------------------------------------------------------ */

static int usable(const char *s) {
    size_t nw = 0;
    sl_token tok[256];
    size_t n = sl_tokenize(s, strlen(s), tok, 256);
    for (size_t i = 0; i < n && i < 256; i++)
        if (tok[i].kind != SL_TOK_PUNCT) nw++;
    return tl_sentence_usable(s, strlen(s), nw);
}

static void test_sentence_fitness(void **state) {
    (void)state;
    assert_true(usable("BP said on Tuesday it had capped the leaking well in the Gulf of Mexico."));
    assert_true(usable("\"We will never forget the victims of the earthquake,\" the president said."));
    assert_true(usable("Haiti was struck by a magnitude 7.0 earthquake near Port-au-Prince ."));
    /* dangling openings */
    assert_false(usable("He said the company would pay for the clean-up of the whole coast."));
    assert_false(usable("But the company would pay for the clean-up of the whole coast."));
    assert_false(usable("It was the worst oil spill in the history of the United States."));
    /* fragments: lower-case start, no final mark, open quotes, questions */
    assert_false(usable("and the company would pay for the clean-up of the whole coast."));
    assert_false(usable("BP shares fall as the oil spill spreads across the Gulf of Mexico"));
    assert_false(usable("\"We will never forget the victims of the earthquake, the president said."));
    assert_false(usable("Will the company pay for the clean-up of the whole coast of Louisiana?"));
    assert_false(usable("The minister asked whether? the flooded region would get aid workers."));
    /* quotes: Penn Treebank pairs, straight and curly ones must balance */
    assert_true(usable("``We will rebuild,'' the president said on Tuesday in the capital."));
    assert_false(usable("``We will rebuild, the president said on Tuesday in the capital."));
    assert_false(usable("``We will ``rebuild,'' the president said on Tuesday in the capital."));
    assert_true(usable("\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the president said on Tuesday."));
    assert_false(usable("\xE2\x80\x9CWe will rebuild, the president said on Tuesday in the capital."));
    assert_false(usable("The president said \"we will rebuild on Tuesday in the capital."));
    /* too short, too long */
    assert_false(usable("BP capped the well."));
    char longs[2000] = "The";
    for (int i = 0; i < 60; i++) strcat(longs, " company");
    strcat(longs, ".");
    assert_false(usable(longs));
    /* boilerplate */
    assert_false(usable("For the latest news on the oil spill, please click here to subscribe."));
    assert_false(usable("Copyright 2010 Reuters. All rights reserved. Republication is prohibited."));
    assert_false(usable("Read the full story at www.example.com about the oil spill today."));
}

/* Boilerplate marks are found case-insensitively anywhere in the first
 * 1024 bytes, as substrings ("clicked" holds "click"): each mark, in upper,
 * lower and mixed case, inside a word and at the very end; cut short it is
 * no mark. */
static void test_boilerplate_marks(void **state) {
    (void)state;
    static const char *const marks[] = {
        "http", "www.", ".com", "@", "\xC2\xA9", "copyright", "click", "subscribe", "newsletter",
        "all rights reserved", "read more", "sign up", "follow us", "image source", "cookie",
        "javascript", "advertisement", "share this", "terms of use", "privacy policy",
        "please enable", "not responsible for the content", "related stories", "more on this",
    };
    const char *base = "The minister visited the flooded region on Tuesday with aid";
    char s[512], m[64];
    assert_true(usable("The minister visited the flooded region on Tuesday with aid workers."));
    for (size_t i = 0; i < SL_ARRAY_LEN(marks); i++) {
        for (int casing = 0; casing < 3; casing++) {
            size_t n = strlen(marks[i]);
            for (size_t k = 0; k < n; k++) {
                char c = marks[i][k];
                if (casing == 1 && c >= 'a' && c <= 'z') c = (char)(c - 32);
                if (casing == 2 && k % 2 && c >= 'a' && c <= 'z') c = (char)(c - 32);
                m[k] = c;
            }
            m[n] = '\0';
            /* inside, glued to a word */
            snprintf(s, sizeof s, "%s x%sy workers.", base, m);
            assert_false(usable(s));
            /* last bytes before the final stop */
            snprintf(s, sizeof s, "%s %s.", base, m);
            assert_false(usable(s));
            /* cut short by the end of the text: no mark */
            if (n > 2) {
                snprintf(s, sizeof s, "%s workers %.*s today.", base, (int)(n - 1), m);
                assert_true(usable(s));
            }
        }
        /* past the first 1024 bytes it is not looked for */
        char longs[1400];
        memset(longs, 0, sizeof longs);
        strcpy(longs, "The");
        while (strlen(longs) < 1030) strcat(longs, "          ");
        strcat(longs, " minister visited the region ");
        strcat(longs, marks[i]);
        strcat(longs, " aid.");
        assert_true(tl_sentence_usable(longs, strlen(longs), 10));
    }
}

static void test_vectors(void **state) {
    (void)state;
    tl_term a[] = {{1, 0.6f}, {3, 0.8f}};
    tl_term b[] = {{1, 0.6f}, {2, 0.8f}};
    tl_term c[] = {{1, 0.6f}, {3, 0.8f}};
    assert_true(tl_cosine(a, 2, c, 2) > 0.999);
    assert_true(fabs(tl_cosine(a, 2, b, 2) - 0.36) < 1e-6);
    assert_true(fabs(tl_jaccard(a, 2, b, 2) - 1.0 / 3.0) < 1e-9);
    assert_true(tl_jaccard(a, 2, c, 2) == 1.0);
    assert_true(tl_jaccard(a, 0, c, 0) == 0.0);
}

/* ---- day scoring and picking ------------------------------------------------------- */

static void test_day_scoring(void **state) {
    (void)state;
    enum { N = 20 };
    tl_day_stats st[N];
    memset(st, 0, sizeof st);
    for (int d = 0; d < N; d++) { st[d].published = 3; st[d].usable = 1; st[d].sentences = 5; }
    /* day 5: a quiet day that many later articles look back to */
    st[5].mentioned = 6;
    st[5].later = 5;
    /* day 12: a publication burst */
    st[12].published = 12;
    /* day 15: busy but not referred to, and nothing usable */
    st[15].published = 14;
    st[15].usable = 0;
    double score[N];
    tl_score_days(st, N, score);
    for (int d = 0; d < N; d++) {
        if (d != 5) assert_true(score[5] > score[d]);
        if (d != 5 && d != 12 && d != 15 && d != 11 && d != 13 && d != 14 && d != 16)
            assert_true(score[12] > score[d]);
    }
    uint32_t out[N];
    size_t k = tl_pick_days(st, score, N, 2, 100, out);
    assert_int_equal(k, 2);
    assert_int_equal(out[0], 5);    /* best first */
    assert_int_equal(out[1], 12);   /* 15 has no usable sentence */
    /* asking for more than there is: every usable day once */
    k = tl_pick_days(st, score, N, 100, 100, out);
    assert_int_equal(k, N - 1);
    /* ties go to the earlier day */
    tl_day_stats flat[4] = {{1, 0, 0, 1, 1, 0}, {1, 0, 0, 1, 1, 0}, {1, 0, 0, 1, 1, 0}, {1, 0, 0, 1, 1, 0}};
    double fs[4] = {1, 1, 1, 1};
    k = tl_pick_days(flat, fs, 4, 2, 4, out);
    assert_int_equal(k, 2);
    assert_int_equal(out[0], 0);
    assert_int_equal(out[1], 1);
    /* the default length is bounded by the usable days and not zero */
    size_t L = tl_default_length(st, score, N, 100);
    assert_true(L >= 3 && L <= N - 1);
}

/* ---- building ---------------------------------------------------------------------- */

/* A small story: a spill on 2010-04-20 reported by three articles (two of
 * them near-copies), a cap on 2010-07-15 reported by two, a quiet day. */
static sl_corpus *spill_corpus(void) {
    sl_corpus *c = sl_corpus_new();
    add(c, "a1", "2010-04-20",
        "An explosion on the Deepwater Horizon oil rig in the Gulf of Mexico killed eleven workers.\n"
        "Coast Guard ships searched the waters of the Gulf for the missing rig workers overnight.\n"
        "He said it was terrible.");
    add(c, "a2", "2010-04-20",
        "An explosion on the Deepwater Horizon oil rig in the Gulf of Mexico killed eleven workers today.\n"
        "The rig was operated by Transocean under a lease held by the oil company BP.");
    add(c, "a3", "2010-04-21",
        "The Deepwater Horizon rig burned through the night after the explosion that killed eleven workers.\n"
        "Click here to subscribe to our newsletter for the latest oil spill news.");
    add(c, "b1", "2010-07-15",
        "BP engineers capped the leaking well in the Gulf of Mexico with a new sealing cap.\n"
        "Oil stopped flowing into the Gulf for the first time since the April explosion.");
    add(c, "b2", "2010-07-15",
        "BP engineers capped the leaking well with a new sealing cap, stopping the oil flow.\n"
        "Shares of BP rose sharply in London trading after the well was capped by engineers.");
    add(c, "c1", "2010-06-01",
        "Fishermen in Louisiana waited for news about compensation from the oil company.");
    return c;
}

static void test_build_basic(void **state) {
    (void)state;
    sl_corpus *c = spill_corpus();
    sl_timeline_options o;
    sl_timeline_options_init(&o);
    o.dates = 2;
    o.sentences = 2;
    sl_timeline *t = NULL;
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), 0);
    assert_int_equal(sl_timeline_size(t), 2);
    /* chronological; the two reported days, not the quiet one */
    assert_int_equal(sl_timeline_date(t, 0), D("2010-04-20"));
    assert_int_equal(sl_timeline_date(t, 1), D("2010-07-15"));
    assert_true(sl_timeline_date_score(t, 0) > 0);
    assert_true(sl_timeline_date_support(t, 0) >= 2);
    for (size_t i = 0; i < sl_timeline_size(t); i++) {
        size_t n = sl_timeline_sentence_count(t, i);
        assert_true(n >= 1 && n <= 2);
        for (size_t j = 0; j < n; j++) {
            sl_slice s = sl_timeline_sentence(t, i, j);
            /* no dangling or boilerplate sentence */
            assert_null(memmem(s.ptr, s.len, "He said", 7));
            assert_null(memmem(s.ptr, s.len, "Click here", 10));
            for (size_t k = 0; k < j; k++) {
                /* no near-duplicates: the two explosion reports are one */
                sl_slice p = sl_timeline_sentence(t, i, k);
                assert_false(p.len > 40 && s.len > 40 && memcmp(p.ptr, s.ptr, 40) == 0);
            }
        }
        assert_true(sl_timeline_source_count(t, i) >= 1);
        assert_true(sl_timeline_sentence_article(t, i, 0) < sl_corpus_size(c));
    }
    /* the most central sentence of the spill day leads it */
    sl_slice first = sl_timeline_sentence(t, 0, 0);
    assert_non_null(memmem(first.ptr, first.len, "explosion", 9));
    /* out-of-range accessors are harmless */
    assert_null(sl_timeline_sentence(t, 9, 0).ptr);
    assert_int_equal(sl_timeline_date(t, 9), SL_NO_DATE);
    sl_timeline_free(t);
    sl_corpus_free(c);
}

static void test_build_subset_range_query(void **state) {
    (void)state;
    sl_corpus *c = spill_corpus();
    sl_timeline_options o;
    sl_timeline_options_init(&o);
    sl_timeline *t = NULL;
    /* a subset: only the cap articles */
    uint32_t sub[] = {3, 4};
    assert_int_equal(sl_timeline_build(c, sub, 2, &o, &t), 0);
    assert_int_equal(sl_timeline_size(t), 1);
    assert_int_equal(sl_timeline_date(t, 0), D("2010-07-15"));
    for (size_t k = 0; k < sl_timeline_source_count(t, 0); k++)
        assert_int_equal(sl_timeline_source_id(t, 0, k).ptr[0], 'b');
    sl_timeline_free(t);
    /* a range excludes the spill */
    o.from = D("2010-05-01");
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), 0);
    for (size_t i = 0; i < sl_timeline_size(t); i++) assert_true(sl_timeline_date(t, i) >= o.from);
    sl_timeline_free(t);
    /* bad arguments */
    o.to = D("2010-04-01");
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), SL_EUSAGE);
    assert_null(t);
    sl_timeline_options_init(&o);
    uint32_t bad[] = {99};
    assert_int_equal(sl_timeline_build(c, bad, 1, &o, &t), SL_EUSAGE);
    /* a query steers the choice of sentence within a day */
    o.dates = 1;
    o.sentences = 1;
    o.from = o.to = D("2010-07-15");
    o.query = "shares trading London";
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), 0);
    assert_int_equal(sl_timeline_size(t), 1);
    sl_slice s = sl_timeline_sentence(t, 0, 0);
    assert_non_null(memmem(s.ptr, s.len, "Shares", 6));
    sl_timeline_free(t);
    /* an empty corpus gives an empty timeline */
    sl_corpus *e = sl_corpus_new();
    sl_timeline_options_init(&o);
    assert_int_equal(sl_timeline_build(e, NULL, 0, &o, &t), 0);
    assert_int_equal(sl_timeline_size(t), 0);
    char *txt = render(t, SL_TIMELINE_JSON, NULL);
    assert_string_equal(txt, "{\"timeline\":[]}\n");
    free(txt);
    sl_timeline_free(t);
    sl_corpus_free(e);
    sl_corpus_free(c);
}

static long find_event(const sl_timeline *t, const char *needle);

/* Sentences take the day they name; an undated article contributes the
 * dates it gives in full; a look-back names the day and counts for it. */
static void test_event_dates(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    add(c, "old", NULL,
        "On June 12, 2023, the two leaders exchanged messages marking the national holiday of Russia.");
    add(c, "fresh", "2023-09-14",
        "The two leaders met at the Vostochny Cosmodrome in the Russian Far East on Wednesday.\n"
        "Officials from both countries discussed satellites, weapons and food aid during the long visit.");
    add(c, "later", "2023-10-01",
        "Analysts still debate what was agreed at the summit held on September 13 in the Far East.");
    sl_timeline_options o;
    sl_timeline_options_init(&o);
    sl_timeline *t = NULL;
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), 0);
    long june = -1, summit = -1;
    for (size_t i = 0; i < sl_timeline_size(t); i++) {
        if (sl_timeline_date(t, i) == D("2023-06-12")) june = (long)i;
        if (sl_timeline_date(t, i) == D("2023-09-13")) summit = (long)i;
    }
    assert_true(june >= 0);
    assert_true(summit > june);
    sl_slice s = sl_timeline_sentence(t, (size_t)june, 0);
    assert_non_null(memmem(s.ptr, s.len, "June 12", 7));
    /* "on Wednesday", published on Thursday: the summit's own day */
    assert_int_equal(find_event(t, "Vostochny"), summit);
    /* the summit: reported by one article, named by another */
    assert_int_equal(sl_timeline_date_support(t, (size_t)summit), 2);
    sl_timeline_free(t);
    sl_corpus_free(c);
}

/* Tokenised corpora (Penn Treebank style) are shown detokenised. */
static void test_display_detokenised(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    add(c, "tok", "2010-05-02",
        "BP 's chief executive said , `` we will pay for the clean-up '' -LRB- in full -RRB- , "
        "costing $ 5 billion or 10 % of profits .");
    sl_timeline_options o;
    sl_timeline_options_init(&o);
    o.clean = 0;
    sl_timeline *t = NULL;
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), 0);
    assert_int_equal(sl_timeline_size(t), 1);
    sl_slice s = sl_timeline_sentence(t, 0, 0);
    const char *want = "BP's chief executive said, \"we will pay for the clean-up\" (in full), "
                       "costing $5 billion or 10% of profits.";
    assert_int_equal(s.len, strlen(want));
    assert_memory_equal(s.ptr, want, s.len);
    sl_timeline_free(t);
    sl_corpus_free(c);
}

static void test_deterministic(void **state) {
    (void)state;
    sl_corpus *c = spill_corpus();
    sl_timeline_options o;
    sl_timeline_options_init(&o);
    sl_timeline *t1 = NULL, *t2 = NULL;
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t1), 0);
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t2), 0);
    char *a = render(t1, SL_TIMELINE_JSON, NULL), *b = render(t2, SL_TIMELINE_JSON, NULL);
    assert_string_equal(a, b);
    free(a);
    free(b);
    sl_timeline_free(t1);
    sl_timeline_free(t2);
    sl_corpus_free(c);
}

/* ---- formats ------------------------------------------------------------------------ */

static void test_formats(void **state) {
    (void)state;
    sl_corpus *c = spill_corpus();
    add(c, "x<&>", "2010-08-01",
        "Officials said the <b>final</b> seal & cement job on the well was complete at last.\n"
        "Officials said the relief well would intercept the old well in the coming weeks.");
    sl_timeline_options o;
    sl_timeline_options_init(&o);
    o.dates = 4;
    sl_timeline *t = NULL;
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), 0);
    assert_int_equal(sl_timeline_size(t), 4);

    /* JSON: parses, has the documented shape */
    char *js = render(t, SL_TIMELINE_JSON, NULL);
    assert_int_equal(js[strlen(js) - 1], '\n');
    cJSON *root = cJSON_Parse(js);
    assert_non_null(root);
    cJSON *tl = cJSON_GetObjectItem(root, "timeline");
    assert_true(cJSON_IsArray(tl));
    assert_int_equal(cJSON_GetArraySize(tl), 4);
    char prev[11] = "";
    for (int i = 0; i < 4; i++) {
        cJSON *e = cJSON_GetArrayItem(tl, i);
        cJSON *date = cJSON_GetObjectItem(e, "date");
        assert_true(cJSON_IsString(date));
        assert_int_equal(strlen(date->valuestring), 10);
        assert_true(strcmp(prev, date->valuestring) < 0);
        strcpy(prev, date->valuestring);
        cJSON *ss = cJSON_GetObjectItem(e, "sentences");
        assert_true(cJSON_IsArray(ss) && cJSON_GetArraySize(ss) >= 1);
        assert_true(cJSON_IsString(cJSON_GetArrayItem(ss, 0)));
        cJSON *src = cJSON_GetObjectItem(e, "sources");
        assert_true(cJSON_IsArray(src) && cJSON_GetArraySize(src) >= 1);
    }
    cJSON *last = cJSON_GetArrayItem(tl, 3);
    assert_string_equal(cJSON_GetObjectItem(last, "date")->valuestring, "2010-08-01");
    assert_string_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(last, "sources"), 0)->valuestring, "x<&>");
    cJSON_Delete(root);
    free(js);

    /* text: title, long dates, bullets, wrapped at 80 columns */
    char *tx = render(t, SL_TIMELINE_TEXT, "Deepwater Horizon");
    assert_true(strncmp(tx, "Deepwater Horizon\n=================\n\n", 37) == 0);
    assert_non_null(strstr(tx, "Tuesday 20 April 2010 (2010-04-20)"));
    assert_non_null(strstr(tx, "  \xE2\x80\xA2 "));
    assert_non_null(strstr(tx, "sources: "));
    for (char *line = tx; *line;) {
        char *nl = strchr(line, '\n');
        size_t cps = 0;
        for (char *p = line; p < nl; p++)
            if (((unsigned char)*p & 0xC0) != 0x80) cps++;
        assert_true(cps <= 80);
        line = nl + 1;
    }
    free(tx);

    /* HTML: one self-contained page, everything escaped */
    char *h = render(t, SL_TIMELINE_HTML, "Spill <timeline>");
    assert_true(strncmp(h, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(h, "<title>Spill &lt;timeline&gt;</title>"));
    assert_non_null(strstr(h, "<time datetime=\"2010-04-20\">"));
    assert_non_null(strstr(h, "&lt;b&gt;final&lt;/b&gt; seal &amp; cement"));
    assert_non_null(strstr(h, "x&lt;&amp;&gt;"));
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "http"));
    assert_non_null(strstr(h, "</html>\n"));
    free(h);
    assert_int_equal(sl_timeline_write(stdout, t, (sl_timeline_format)7, NULL), SL_EUSAGE);
    sl_timeline_free(t);
    sl_corpus_free(c);
}

/* ---- the seeds --------------------------------------------------------------------- */

/* Reads seed file NAME with publication date DATE (NULL: its own) into c. */
static void add_seed(sl_corpus *c, const char *dir, const char *name, const char *date) {
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds/%s", dir, name);
    sl_corpus *tmp = sl_corpus_new();
    sl_read_options ro = {0};
    assert_int_equal(sl_corpus_read_path(tmp, path, &ro), 0);
    assert_int_equal(sl_corpus_size(tmp), 1);
    sl_article a = *sl_corpus_article(tmp, 0);
    if (date) a.date = D(date);
    assert_true(sl_corpus_add(c, &a) >= 0);
    sl_corpus_free(tmp);
}

/* Index of the first date whose sentences contain needle, or -1. */
static long find_event(const sl_timeline *t, const char *needle) {
    for (size_t i = 0; i < sl_timeline_size(t); i++)
        for (size_t j = 0; j < sl_timeline_sentence_count(t, i); j++) {
            sl_slice s = sl_timeline_sentence(t, i, j);
            if (memmem(s.ptr, s.len, needle, strlen(needle))) return (long)i;
        }
    return -1;
}

static void test_seeds(void **state) {
    (void)state;
    REQUIRE_SHARED(dir);
    sl_corpus *c = sl_corpus_new();
    add_seed(c, dir, "000_a4c7dc01c1baab77.txt", "2024-10-08");
    add_seed(c, dir, "001_9ac260edf83821a6.txt", "2025-10-07");
    add_seed(c, dir, "002_739f3f3bf6fd2aaf.txt", NULL);
    add_seed(c, dir, "003_c761d11196542326.txt", NULL);
    add_seed(c, dir, "004_9f65968cf0f223bf.txt", "2023-09-13");
    sl_timeline_options o;
    sl_timeline_options_init(&o);
    sl_timeline *t = NULL;
    assert_int_equal(sl_timeline_build(c, NULL, 0, &o, &t), 0);
    char *tx = render(t, SL_TIMELINE_TEXT, "North Korea and Russia");
    fputs(tx, stderr);
    free(tx);
    /* in order: Russia Day, (Liberation Day), Vostochny, closest comrade, 2025 */
    long russia_day = find_event(t, "Russia");
    assert_true(russia_day >= 0);
    assert_int_equal(sl_timeline_date(t, (size_t)russia_day), D("2023-06-12"));
    long summit = -1;
    for (size_t i = 0; i < sl_timeline_size(t); i++) {
        int y, m, d;
        sl_civil_from_days(sl_timeline_date(t, i), &y, &m, &d);
        if (y == 2023 && m == 9 && summit < 0) summit = (long)i;
    }
    assert_true(summit > russia_day);
    long comrade = -1, letter = -1;
    for (size_t i = 0; i < sl_timeline_size(t); i++) {
        int y, m, d;
        sl_civil_from_days(sl_timeline_date(t, i), &y, &m, &d);
        if (y == 2024 && m == 10 && comrade < 0) comrade = (long)i;
        if (y == 2025 && letter < 0) letter = (long)i;
    }
    assert_true(comrade > summit);
    assert_true(letter > comrade);
    assert_int_equal(find_event(t, "closest comrade"), comrade);
    assert_int_equal(find_event(t, "birthday"), letter);
    /* the Liberation Day letters: "occurred on the 78th anniversary of
     * Korea's liberation from Japan's colonial rule", reported on
     * 2023-11-06, are told on 15 August 2023, from article 002 */
    long liberation = find_event(t, "78th anniversary");
    assert_true(liberation >= 0);
    assert_int_equal(sl_timeline_date(t, (size_t)liberation), D("2023-08-15"));
    assert_true(liberation > russia_day && liberation < summit);
    int from_002 = 0;
    for (size_t k = 0; k < sl_timeline_source_count(t, (size_t)liberation); k++) {
        sl_slice id = sl_timeline_source_id(t, (size_t)liberation, k);
        if (id.len >= 3 && memcmp(id.ptr, "002", 3) == 0) from_002 = 1;
    }
    assert_true(from_002);
    sl_timeline_free(t);
    sl_corpus_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_fitness),
        cmocka_unit_test(test_boilerplate_marks),
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_day_scoring),
        cmocka_unit_test(test_build_basic),
        cmocka_unit_test(test_build_subset_range_query),
        cmocka_unit_test(test_event_dates),
        cmocka_unit_test(test_display_detokenised),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_seeds),
    };
    return cmocka_run_group_tests_name("timeline", tests, NULL, NULL);
}
