/*
 * test_run.c — the whole pipeline (sl_run_new) and the report writers:
 * model invariants, report files that parse, copies folded under their
 * original, escaping of hostile text, empty corpora, write errors.
 */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <unistd.h>

#include "run/run.h"

static const char corpus_jsonl[] =
    "{\"id\":\"a1\",\"date\":\"2024-03-16\",\"source\":\"Wire\",\"url\":\"https://example.org/a1\","
    "\"title\":\"Volcano erupts near Grindavik\",\"text\":\"A volcano on Iceland's Reykjanes peninsula "
    "erupted on Saturday evening near the town of Grindavik.\\nThe Blue Lagoon was evacuated.\"}\n"
    "{\"id\":\"a2\",\"date\":\"2024-03-17\",\"title\":\"Lava flow slows\",\"text\":\"The lava flow from "
    "Saturday's eruption slowed on Sunday, the Meteorological Office said.\\nBarriers held.\"}\n"
    "{\"id\":\"a2-copy\",\"date\":\"2024-03-18\",\"title\":\"Lava  flow slows\",\"text\":\"the lava flow "
    "from Saturday's eruption slowed on Sunday, the Meteorological Office said. \\n Barriers held.\"}\n"
    "{\"id\":\"a0-copy\",\"date\":\"2024-03-19\",\"title\":\"Volcano erupts near Grindavik\",\"text\":\"A "
    "volcano on Iceland's Reykjanes peninsula erupted on Saturday evening near the town of Grindavik.\\n"
    "The Blue Lagoon was evacuated.\"}\n"
    "{\"id\":\"x</script>\",\"date\":\"2024-05-02\",\"title\":\"</script><script>alert(1)</script> & "
    "\\\"quotes\\\"\",\"url\":\"javascript:alert(1)\",\"text\":\"Voters went to the polls on Thursday "
    "to choose a new mayor <b>bold</b> \\u0001 after the incumbent stepped down.\"}\n"
    "{\"id\":\"undated\",\"title\":\"No date here\",\"text\":\"An article that carries no date at all, "
    "which must still be in exactly one story.\"}\n";

static sl_corpus *load(const char *data) {
    sl_corpus *c = sl_corpus_new();
    assert_non_null(c);
    assert_int_equal(sl_corpus_read_buffer(c, "t.jsonl", data, strlen(data), NULL), 0);
    return c;
}

static char *make_tmpdir(void) {
    char tmpl[] = "/tmp/sl-run-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

static char *read_in(const char *dir, const char *name, size_t *len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *s = test_read_file(path, len);
    assert_non_null(s);
    return s;
}

static void remove_report(const char *dir) {
    static const char *names[] = {"index.html", "articles.jsonl", "stories.json", "timelines.json"};
    char path[1024];
    for (size_t k = 0; k < 4; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        unlink(path);
    }
    rmdir(dir);
}

static size_t find_index(const sl_corpus *c, const char *id) {
    for (size_t i = 0; i < sl_corpus_size(c); i++) {
        const sl_article *a = sl_corpus_article(c, i);
        if (a->id.len == strlen(id) && memcmp(a->id.ptr, id, a->id.len) == 0) return i;
    }
    fail_msg("no article %s", id);
    return 0;
}

static void test_model_invariants(void **state) {
    (void)state;
    sl_corpus *c = load(corpus_jsonl);
    sl_run *r = NULL;
    assert_int_equal(sl_run_new(c, NULL, &r), 0);
    const char *why = rp_model_check(r);
    if (why) fail_msg("model: %s", why);
    sl_run_stats s;
    sl_run_get_stats(r, &s);
    assert_int_equal(s.articles, 6);
    /* Both copies differ from their original only in case and spacing. */
    assert_int_equal(s.copies, 2);
    assert_int_equal(s.groups, 4);
    assert_true(s.stories >= 1);
    assert_true(s.events >= 2);
    size_t a1 = find_index(c, "a1"), a2 = find_index(c, "a2");
    size_t a0c = find_index(c, "a0-copy"), a2c = find_index(c, "a2-copy");
    /* The earliest article is the representative. */
    assert_int_equal(sl_run_article_group(r, a0c), a1);
    assert_int_equal(sl_run_article_group(r, a2c), a2);
    assert_int_equal(sl_run_article_relation(r, a1), SL_RUN_ORIGINAL);
    assert_int_not_equal(sl_run_article_relation(r, a2c), SL_RUN_ORIGINAL);
    /* Copies sit in their original's event and story. */
    assert_int_equal(sl_run_article_event(r, a0c), sl_run_article_event(r, a1));
    assert_int_equal(sl_run_article_story(r, a2c), sl_run_article_story(r, a2));
    for (size_t i = 0; i < s.articles; i++) {
        assert_true(sl_run_article_story(r, i) < s.stories);
        assert_true(sl_run_article_event(r, i) < s.events);
    }
    sl_run_free(r);
    sl_corpus_free(c);
}

static cJSON *parse_file(const char *dir, const char *name) {
    char *s = read_in(dir, name, NULL);
    cJSON *j = cJSON_Parse(s);
    if (!j) fail_msg("%s is not valid JSON", name);
    free(s);
    return j;
}

static void test_report_files(void **state) {
    (void)state;
    sl_corpus *c = load(corpus_jsonl);
    sl_run *r = NULL;
    sl_run_options opt = {.threads = 2, .timeline_sentences = 1};
    assert_int_equal(sl_run_new(c, &opt, &r), 0);
    char *dir = make_tmpdir();
    char sub[600];
    snprintf(sub, sizeof sub, "%s/deeper/report", dir);
    assert_int_equal(sl_run_write_report(r, sub), 0);

    /* articles.jsonl: one valid object per article, with group/event/story. */
    size_t len;
    char *lines = read_in(sub, "articles.jsonl", &len);
    size_t n = 0;
    int copy_grouped = 0;
    for (char *line = strtok(lines, "\n"); line; line = strtok(NULL, "\n"), n++) {
        cJSON *o = cJSON_Parse(line);
        if (!o) fail_msg("bad JSON line: %s", line);
        const char *id = cJSON_GetObjectItem(o, "id")->valuestring;
        const char *group = cJSON_GetObjectItem(o, "group")->valuestring;
        assert_true(cJSON_IsNumber(cJSON_GetObjectItem(o, "event")));
        assert_true(cJSON_GetObjectItem(o, "story")->valueint >= 1);
        assert_non_null(cJSON_GetObjectItem(o, "text")->valuestring);
        if (strcmp(id, "a2-copy") == 0) {
            assert_string_equal(group, "a2");
            assert_false(cJSON_IsTrue(cJSON_GetObjectItem(o, "representative")));
            assert_string_not_equal(cJSON_GetObjectItem(o, "relation")->valuestring, "original");
            copy_grouped = 1;
        }
        if (strcmp(id, "undated") == 0) assert_true(cJSON_IsNull(cJSON_GetObjectItem(o, "date")));
        cJSON_Delete(o);
    }
    assert_int_equal(n, 6);
    assert_true(copy_grouped);
    free(lines);

    /* stories.json: stories largest first, every article once. */
    cJSON *stories = parse_file(sub, "stories.json");
    cJSON *list = cJSON_GetObjectItem(stories, "stories");
    assert_true(cJSON_IsArray(list));
    int total = 0, prev = 1 << 30, members = 0;
    cJSON *st;
    cJSON_ArrayForEach(st, list) {
        int size = cJSON_GetObjectItem(st, "articles")->valueint;
        assert_true(size <= prev);
        prev = size;
        total += size;
        cJSON *ev;
        cJSON_ArrayForEach(ev, cJSON_GetObjectItem(st, "events"))
            members += cJSON_GetArraySize(cJSON_GetObjectItem(ev, "members"));
    }
    assert_int_equal(total, 6);
    assert_int_equal(members, 6);
    assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(stories, "summary"), "copies")->valueint, 2);
    cJSON_Delete(stories);

    /* timelines.json: dates in order, one sentence each as asked. */
    cJSON *tl = parse_file(sub, "timelines.json");
    cJSON *t;
    int dates = 0;
    cJSON_ArrayForEach(t, cJSON_GetObjectItem(tl, "timelines")) {
        const char *last = "";
        cJSON *en;
        cJSON_ArrayForEach(en, cJSON_GetObjectItem(t, "timeline")) {
            const char *d = cJSON_GetObjectItem(en, "date")->valuestring;
            assert_true(strcmp(last, d) < 0);
            last = d;
            assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(en, "sentences")), 1);
            assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(en, "sources")) >= 1);
            dates++;
        }
    }
    assert_true(dates >= 2);
    cJSON_Delete(tl);

    /* index.html: self-contained, hostile text escaped. */
    char *html = read_in(sub, "index.html", NULL);
    assert_non_null(strstr(html, "<!DOCTYPE html>"));
    assert_null(strstr(html, "<script>alert"));
    assert_null(strstr(html, "<b>bold"));
    assert_null(strstr(html, "javascript:"));
    assert_null(strstr(html, "src=\"http"));
    assert_null(strstr(html, "<link"));
    assert_non_null(strstr(html, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    assert_non_null(strstr(html, "class=\"story\""));
    assert_non_null(strstr(html, "class=\"tl\""));
    assert_non_null(strstr(html, "<details class=\"copies\">"));
    assert_non_null(strstr(html, "<svg"));
    /* Exactly one <script> element: ours. */
    char *first = strstr(html, "<script>");
    assert_non_null(first);
    assert_null(strstr(first + 1, "<script>"));
    free(html);

    remove_report(sub);
    snprintf(sub, sizeof sub, "%s/deeper", dir);
    rmdir(sub);
    remove_report(dir);
    free(dir);
    sl_run_free(r);
    sl_corpus_free(c);
}

static void test_empty_corpus(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    sl_run *r = NULL;
    assert_int_equal(sl_run_new(c, NULL, &r), 0);
    sl_run_stats s;
    sl_run_get_stats(r, &s);
    assert_int_equal(s.articles, 0);
    assert_int_equal(s.stories, 0);
    char *dir = make_tmpdir();
    assert_int_equal(sl_run_write_report(r, dir), 0);
    cJSON *j = parse_file(dir, "stories.json");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "stories")), 0);
    cJSON_Delete(j);
    j = parse_file(dir, "timelines.json");
    cJSON_Delete(j);
    char *html = read_in(dir, "index.html", NULL);
    assert_non_null(strstr(html, "No articles"));
    free(html);
    remove_report(dir);
    free(dir);
    sl_run_free(r);
    sl_corpus_free(c);
}

static void test_unwritable_dir(void **state) {
    (void)state;
    sl_corpus *c = load(corpus_jsonl);
    sl_run *r = NULL;
    assert_int_equal(sl_run_new(c, NULL, &r), 0);
    char *dir = make_tmpdir();
    char path[600];
    snprintf(path, sizeof path, "%s/file", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    /* A regular file where the report folder should be. */
    assert_int_equal(sl_run_write_report(r, path), SL_EIO);
    unlink(path);
    rmdir(dir);
    free(dir);
    assert_int_equal(sl_run_new(NULL, NULL, &r), SL_EUSAGE);
    sl_run_free(NULL);
    sl_run_free(r);
    sl_corpus_free(c);
}

/* A run built by hand over corpus c, without the stages: every article its
 * own original, event i % n_events, all in one story, no timeline.  Tests
 * the model index and the writers alone. */
static sl_run *manual_run(sl_corpus *c, size_t n_events) {
    sl_run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    sl_arena_init(&r->arena);
    r->corpus = c;
    r->n = sl_corpus_size(c);
    r->art = calloc(r->n, sizeof *r->art);
    for (size_t i = 0; i < r->n; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        r->art[i] = (rp_article){a->text, a->title, a->date, (uint32_t)i, 1.0f, SL_RUN_ORIGINAL,
                                 (int32_t)(i % n_events), 0};
    }
    r->n_events = n_events;
    r->n_stories = 1;
    r->events = sl_arena_alloc(&r->arena, (n_events + 1) * sizeof *r->events);
    r->stories = sl_arena_alloc(&r->arena, (n_events + 1) * sizeof *r->stories);
    assert_int_equal(rp_model_index(r), 0);
    r->stats.articles = r->n;
    r->stats.groups = r->n;
    r->stats.events = r->n_events;
    r->stats.stories = r->n_stories;
    return r;
}

/* Many articles and events over a long span: the page stays bounded and
 * the chart switches to coarser bins. */
static void test_large_story_bounded(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    char text[200], id[32];
    for (int i = 0; i < 3000; i++) {
        sl_article a = {0};
        snprintf(id, sizeof id, "n%d", i);
        snprintf(text, sizeof text, "Article number %d says something different from all the others today.", i);
        a.id = sl_slice_of(id, strlen(id));
        a.text = sl_slice_of(text, strlen(text));
        a.date = sl_days_from_civil(2020, 1, 1) + i % 700;
        a.time = SL_NO_TIME;
        assert_true(sl_corpus_add(c, &a) >= 0);
    }
    sl_run *r = manual_run(c, 100);
    assert_null(rp_model_check(r));
    assert_int_equal(r->n_stories, 1);
    assert_int_equal(r->stories[0].n_events, 100);
    assert_int_equal(r->stories[0].n_per_day, 700);
    char *dir = make_tmpdir();
    assert_int_equal(sl_run_write_report(r, dir), 0);
    size_t len;
    char *html = read_in(dir, "index.html", &len);
    assert_non_null(strstr(html, "Articles per week"));
    /* Weekly bins start on Mondays: 2019-12-30 holds 2020-01-01. */
    assert_non_null(strstr(html, "<title>from 2019-12-30: "));
    assert_null(strstr(html, "<title>from 2020-01-01: "));
    assert_non_null(strstr(html, "the 40 largest of 100"));
    assert_non_null(strstr(html, "more articles in articles.jsonl"));
    assert_true(len < 3000 * 400);
    free(html);
    cJSON *j = parse_file(dir, "stories.json");
    cJSON *st = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "stories"), 0);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(st, "events")), 100);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(st, "per_day")), 700);
    cJSON_Delete(j);
    remove_report(dir);
    free(dir);
    sl_run_free(r);
    sl_corpus_free(c);
}

/* Copies are folded under their original, each with its relation; spun
 * copies are counted in the fold's summary. */
static void test_copies_folded(void **state) {
    (void)state;
    sl_corpus *c = load(corpus_jsonl);
    sl_run *r = manual_run(c, 1);
    size_t a1 = find_index(c, "a1"), a0c = find_index(c, "a0-copy"), a2 = find_index(c, "a2");
    size_t a2c = find_index(c, "a2-copy");
    r->art[a0c].group = (uint32_t)a1;
    r->art[a0c].relation = SL_RUN_SPUN;
    r->art[a0c].similarity = 0.62f;
    r->art[a2c].group = (uint32_t)a2;
    r->art[a2c].relation = SL_RUN_EXCERPT;
    r->art[a2c].similarity = 0.9f;
    assert_int_equal(rp_model_index(r), 0);
    assert_null(rp_model_check(r));
    r->stats.copies = 2;
    char *dir = make_tmpdir();
    assert_int_equal(sl_run_write_report(r, dir), 0);
    char *html = read_in(dir, "index.html", NULL);
    assert_non_null(strstr(html, "1 copy <span class=\"rel rel-spun\">1 spun</span>"));
    assert_non_null(strstr(html, "<span class=\"rel rel-spun\" title=\"machine-spun copy"));
    assert_non_null(strstr(html, "<span class=\"rel rel-excerpt\""));
    assert_non_null(strstr(html, "62% similar"));
    /* The copy sits in its original's fold, after the original's anchor. */
    char anchor[32];
    snprintf(anchor, sizeof anchor, "id=\"a%zu\"", a1);
    char *orig = strstr(html, anchor);
    snprintf(anchor, sizeof anchor, "id=\"a%zu\"", a0c);
    char *copy = strstr(html, anchor);
    assert_non_null(orig);
    assert_non_null(copy);
    assert_true(copy > orig);
    assert_non_null(strstr(orig, "<details class=\"copies\">"));
    assert_true(strstr(orig, "<details class=\"copies\">") < copy);
    free(html);
    char *lines = read_in(dir, "articles.jsonl", NULL);
    assert_non_null(strstr(lines, "\"id\":\"a0-copy\""));
    assert_non_null(strstr(lines, "\"group\":\"a1\",\"representative\":false,\"relation\":\"spun\",\"similarity\":0.620"));
    free(lines);
    remove_report(dir);
    free(dir);
    sl_run_free(r);
    sl_corpus_free(c);
}

/* Headlines only (the text is the title): every story still gets a
 * timeline, of its publication days and titles. */
static void test_headline_timelines(void **state) {
    (void)state;
    static const char headlines[] =
        "{\"id\":\"h1\",\"date\":\"2014-03-10T09:00:00Z\",\"title\":\"ECB unlikely to end sterilisation of SMP purchases\",\"text\":\"ECB unlikely to end sterilisation of SMP purchases\"}\n"
        "{\"id\":\"h2\",\"date\":\"2014-03-10T11:00:00Z\",\"title\":\"ECB unlikely to end sterilization of SMP purchases: traders\",\"text\":\"ECB unlikely to end sterilization of SMP purchases: traders\"}\n"
        "{\"id\":\"h3\",\"date\":\"2014-03-11T08:00:00Z\",\"title\":\"ECB keeps SMP sterilisation as traders expected\",\"text\":\"ECB keeps SMP sterilisation as traders expected\"}\n"
        "{\"id\":\"h4\",\"date\":\"2014-03-11T10:00:00Z\",\"title\":\"Google releases Android SDK for wearables\",\"text\":\"Google releases Android SDK for wearables\"}\n";
    sl_corpus *c = load(headlines);
    sl_run *r = NULL;
    assert_int_equal(sl_run_new(c, NULL, &r), 0);
    assert_null(rp_model_check(r));
    for (size_t s = 0; s < r->n_stories; s++) {
        const rp_story *st = &r->stories[s];
        assert_true(st->n_timeline >= 1);
        for (size_t k = 0; k < st->n_timeline; k++) {
            const rp_entry *en = &st->timeline[k];
            assert_true(en->n_sentences >= 1);
            assert_true(en->n_sentences == en->n_sources || en->n_sources >= 1);
            /* Each sentence is a title of an article of that story. */
            for (size_t j = 0; j < en->n_sentences; j++) {
                int found = 0;
                for (size_t m = 0; m < st->n_members; m++) {
                    sl_slice t = sl_corpus_article(c, st->members[m])->title;
                    found |= t.len == en->sentences[j].len && memcmp(t.ptr, en->sentences[j].ptr, t.len) == 0;
                }
                assert_true(found);
            }
        }
    }
    sl_run_free(r);
    sl_corpus_free(c);
}

/* A story of one day whose articles carry times is charted per hour. */
static void test_hourly_chart(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    char id[16];
    for (int i = 0; i < 6; i++) {
        sl_article a = {0};
        snprintf(id, sizeof id, "t%d", i);
        a.id = sl_slice_of(id, strlen(id));
        a.text = sl_slice_of("Markets fell on Monday.", 23);
        a.date = sl_days_from_civil(2014, 3, 10);
        a.time = (9 + i / 2) * 3600 + 60 * i;   /* 09:00, 09:01, 10:02, ... */
        assert_true(sl_corpus_add(c, &a) >= 0);
    }
    sl_run *r = manual_run(c, 1);
    char *dir = make_tmpdir();
    assert_int_equal(sl_run_write_report(r, dir), 0);
    char *html = read_in(dir, "index.html", NULL);
    assert_non_null(strstr(html, "Articles per hour (UTC)"));
    assert_non_null(strstr(html, "<title>10&nbsp;Mar&nbsp;2014 09:00: 2 articles</title>"));
    assert_non_null(strstr(html, "<title>10&nbsp;Mar&nbsp;2014 11:00: 2 articles</title>"));
    free(html);
    remove_report(dir);
    free(dir);
    sl_run_free(r);
    sl_corpus_free(c);
}

static void test_shorten(void **state) {
    (void)state;
    int cut;
    const char *t = "  Short title  \nsecond line";
    sl_slice s = rp_shorten(sl_slice_of(t, strlen(t)), 50, &cut);
    assert_int_equal(s.len, 11);
    assert_memory_equal(s.ptr, "Short title", 11);
    assert_false(cut);
    /* A sentence end late enough ends the label, not an initial. */
    t = "Kim sends Putin a letter. The letter praises J. Stalin and the comrades of the war years.";
    s = rp_shorten(sl_slice_of(t, strlen(t)), 60, &cut);
    assert_int_equal(s.len, strlen("Kim sends Putin a letter."));
    assert_false(cut);
    /* Else a word boundary, flagged as cut. */
    t = "Voters in the harbour city of Portmere went to the polls on Thursday to choose a mayor";
    s = rp_shorten(sl_slice_of(t, strlen(t)), 30, &cut);
    assert_true(cut);
    assert_true(s.len <= 30 && s.len > 15);
    assert_int_equal(s.ptr[s.len], ' ');
    /* Never inside a UTF-8 character. */
    t = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
    s = rp_shorten(sl_slice_of(t, strlen(t)), 5, &cut);
    assert_int_equal(s.len, 4);
}

/* Headline labels from untitled, tokenised article text. */
static void check_headline(const char *text, int has_title, size_t max, const char *want) {
    sl_arena a;
    sl_arena_init(&a);
    sl_slice got = rp_headline(&a, sl_slice_of(text, strlen(text)), has_title, max);
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)got.len, got.ptr ? got.ptr : "");
    assert_string_equal(buf, want);
    sl_arena_free(&a);
}

static void test_headline(void **state) {
    (void)state;
    /* tokenised quotes and clitics; a headline glued to its lede */
    check_headline("Obama vows to ` make BP pay ' for oil spill damage President Obama : `` We will make "
                   "BP pay , '' he said . \nThe president did n't say how .",
                   0, 90, "Obama vows to 'make BP pay' for oil spill damage");
    check_headline("Haiti devastated by massive quake Thousands of people are feared dead . \n", 0, 90,
                   "Haiti devastated by massive quake");
    /* page furniture and a wire dateline are skipped; the full stop goes */
    check_headline("Last updated at 15:44 GMT Help Live coverage of the trial , says the BBC . \n", 0, 90,
                   "Live coverage of the trial, says the BBC");
    check_headline("MEXICO CITY -LRB- Reuters -RRB- - Officials in Mexico do n't know how many died . "
                   "The virus spread , they said .",
                   0, 90, "Officials in Mexico don't know how many died");
    check_headline("Robert Peston | 15:39 UK time , Tuesday , 1 June 2010 BP shares fell again today .", 0, 90,
                   "BP shares fell again today");
    /* stray marks, a leading parenthetical, a bullet, a lede restating a name */
    check_headline(": -LRB- an error occurred -RRB- Jackson 's mother sues promoter Jackson was due .", 0, 90,
                   "Jackson's mother sues promoter");
    check_headline("\\\\* BP spill exposes drilling risks , emboldens greens \\\\* Little impact .", 0, 90,
                   "BP spill exposes drilling risks, emboldens greens");
    /* a sentence split inside brackets loses the open bracket, and says so */
    check_headline("Shares in oil giant BP -LRB- BP", 0, 90, "Shares in oil giant BP\xE2\x80\xA6");
    /* a long first sentence is cut at a clause boundary, else at a word
     * boundary without a dangling function word; never mid-word */
    check_headline("The presidential palace and UN headquarters are among the many buildings known to have "
                   "collapsed , officials said on Wednesday in Port-au-Prince .",
                   0, 100,
                   "The presidential palace and UN headquarters are among the many buildings known to have "
                   "collapsed\xE2\x80\xA6");
    check_headline("A new virus has killed up to 149 people in Mexico and the World Health Organisation moved "
                   "closer on Monday to declaring a pandemic .",
                   0, 60, "A new virus has killed up to 149 people in Mexico\xE2\x80\xA6");
    /* a title is kept whole (only detokenised); no text, no label */
    check_headline("U.S. says BP must pay", 1, 90, "U.S. says BP must pay");
    check_headline("   \n ", 0, 90, "");
}

static void square_item(size_t k, void *ctx) {
    uint64_t *out = ctx;
    out[k] += (uint64_t)k * k;   /* each item written by exactly one thread */
}

static void test_parallel_for(void **state) {
    (void)state;
    enum { N = 10007 };
    uint64_t *out = calloc(N, sizeof *out);
    for (int threads = 1; threads <= 5; threads += 2) {
        memset(out, 0, N * sizeof *out);
        rp_parallel_for(N, threads, square_item, out);
        for (size_t k = 0; k < N; k++) assert_int_equal(out[k], (uint64_t)k * k);
    }
    rp_parallel_for(0, 4, square_item, out);   /* no items: no call */
    free(out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_invariants),
        cmocka_unit_test(test_report_files),
        cmocka_unit_test(test_empty_corpus),
        cmocka_unit_test(test_unwritable_dir),
        cmocka_unit_test(test_large_story_bounded),
        cmocka_unit_test(test_copies_folded),
        cmocka_unit_test(test_headline_timelines),
        cmocka_unit_test(test_hourly_chart),
        cmocka_unit_test(test_shorten),
        cmocka_unit_test(test_headline),
        cmocka_unit_test(test_parallel_for),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
