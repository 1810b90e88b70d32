/*
 * test_cluster.c — unit tests of lib/cluster: incremental document
 * frequencies, the candidate index (no scan of all events), time decay,
 * merges into the older id, copies joining their original, title-only
 * items, the state round trip (a batch equals two saved-and-loaded halves),
 * name terms and story linking that needs a shared name, weak links and
 * the day's settling,
 * the stories → events accessors, and, when ../shared is present, the event
 * quality on the headlines dev set.
 */
#include "testutil.h"

#include "cluster/cluster.h"

#include <unistd.h>

/* A corpus from a JSONL string. */
static sl_corpus *corpus_of(const char *jsonl) {
    sl_corpus *c = sl_corpus_new();
    assert_non_null(c);
    assert_int_equal(sl_corpus_read_buffer(c, "test.jsonl", jsonl, strlen(jsonl), NULL), 0);
    return c;
}

static uint32_t df_of(const sl_cluster *m, const char *key) {
    int32_t id = sl_vocab_find(m->terms, key, strlen(key));
    return id < 0 ? 0 : m->df[id];
}

static void test_incremental_df(void **state) {
    (void)state;
    sl_cluster *m = sl_cluster_new(NULL);
    sl_corpus *a = corpus_of(
        "{\"id\":\"1\",\"date\":\"2024-01-01\",\"text\":\"Oil prices rose as the pipeline closed.\"}\n"
        "{\"id\":\"2\",\"date\":\"2024-01-01\",\"text\":\"Oil spill off the coast; oil everywhere.\"}\n"
        "{\"id\":\"3\",\"date\":\"2024-01-02\",\"text\":\"A pipeline explosion in the desert.\"}\n");
    assert_int_equal(sl_cluster_add(m, a, NULL, NULL, NULL), 0);
    assert_int_equal(m->docs, 3);
    assert_int_equal(df_of(m, "oil"), 2);      /* per document, not per occurrence */
    assert_int_equal(df_of(m, "pipelin"), 2);  /* stems */
    assert_int_equal(df_of(m, "spill"), 1);
    /* a second batch updates the counts without recomputing the first */
    sl_corpus *b = corpus_of(
        "{\"id\":\"4\",\"date\":\"2024-01-03\",\"text\":\"Oil company shares fell.\"}\n");
    assert_int_equal(sl_cluster_add(m, b, NULL, NULL, NULL), 0);
    assert_int_equal(m->docs, 4);
    assert_int_equal(df_of(m, "oil"), 3);
    assert_int_equal(df_of(m, "spill"), 1);
    assert_int_equal(sl_cluster_articles(m), 4);
    /* idf: in the vector of a new article, a rare term outweighs a common one */
    sl_corpus *c = corpus_of("{\"id\":\"5\",\"date\":\"2024-01-03\",\"text\":\"Oil tanker grounded.\"}\n");
    assert_int_equal(cl_doc_features(m, sl_corpus_article(c, 0), &m->doc), 0);
    assert_int_equal(cl_doc_vector(m, &m->doc, 0), 0);
    float w_oil = 0, w_tanker = 0;
    for (uint32_t i = 0; i < m->doc.nvec; i++) {
        sl_slice k = sl_vocab_string(m->terms, (int32_t)m->doc.vec[i].term);
        if (k.len == 3 && memcmp(k.ptr, "oil", 3) == 0) w_oil = m->doc.vec[i].w;
        if (k.len == 6 && memcmp(k.ptr, "tanker", 6) == 0) w_tanker = m->doc.vec[i].w;
    }
    assert_true(w_oil > 0);
    assert_true(w_tanker > w_oil);
    assert_int_equal(m->docs, 4);   /* count_df = 0 leaves the statistics alone */
    sl_corpus_free(a);
    sl_corpus_free(b);
    sl_corpus_free(c);
    sl_cluster_free(m);
}

static int is_name_term(const sl_cluster *m, const char *key) {
    int32_t id = sl_vocab_find(m->terms, key, strlen(key));
    assert_true(id >= 0);
    return cl_is_name(m->kind[id]);
}

/* Names: a lone word capitalised inside a sentence marks its stem; a word at
 * a sentence start or inside a capitalised phrase does not (the phrase is
 * the name).  Stories: an article sharing only news vocabulary ("vote",
 * "talks", "minister", "two") with a story of named people and places does
 * not join it. */
static void test_story_names(void **state) {
    (void)state;
    sl_corpus *c = corpus_of(
        "{\"id\":\"m1\",\"date\":\"2025-01-06\",\"title\":\"Tessaly miners walk out over pay talks\",\"text\":\"Miners at the Dunmore copper mine in Tessaly walked out on Monday after pay talks with Brackwell Mining collapsed. The Tessaly Miners Union said two years of talks had failed and members would vote on a strike. The minister for industry urged both sides to return to talks.\"}\n"
        "{\"id\":\"m2\",\"date\":\"2025-01-09\",\"title\":\"Dunmore mine strike halts copper output\",\"text\":\"Copper output at Dunmore stopped for a third day as the strike by the Tessaly Miners Union spread. Brackwell Mining said the government should appoint a mediator. The union said the first offer was an insult.\"}\n"
        "{\"id\":\"m3\",\"date\":\"2025-01-20\",\"title\":\"Mediator named in Tessaly mine dispute\",\"text\":\"The industry minister appointed a mediator in the Dunmore mine dispute. The Tessaly Miners Union and Brackwell Mining agreed to meet within two weeks. Members will vote on any deal the talks produce.\"}\n"
        "{\"id\":\"g\",\"date\":\"2025-02-10\",\"title\":\"How the vote works: a guide\",\"text\":\"Voters elect a president every four years. A candidate needs more than half of the votes cast to win in the first round; otherwise the two leading candidates meet again two weeks later. The president appoints the government and the minister of each department. Talks between parties usually follow the vote.\"}\n");
    sl_cluster *m = sl_cluster_new(NULL);
    int64_t st[4];
    assert_int_equal(sl_cluster_add(m, c, NULL, NULL, st), 0);
    assert_true(is_name_term(m, "tessali"));          /* "in Tessaly walked" */
    assert_true(is_name_term(m, "dunmor"));
    assert_true(is_name_term(m, "tessaly miners union")); /* a phrase */
    assert_false(is_name_term(m, "union"));           /* only inside "Tessaly Miners Union" */
    assert_false(is_name_term(m, "vote"));
    assert_false(is_name_term(m, "talk"));            /* "Talks between": a sentence start */
    assert_int_equal(st[1], st[0]);
    assert_int_equal(st[2], st[0]);
    assert_int_not_equal(st[3], st[0]);               /* the guide shares only news words */
    sl_corpus_free(c);
    sl_cluster_free(m);
}

/* Many unrelated events, then a follow-up of one of them: it must find its
 * event through the index while scoring only a handful of candidates. */
static void test_candidate_index(void **state) {
    (void)state;
    sl_buf b = {0};
    sl_buf_printf(&b, "{\"id\":\"v\",\"date\":\"2024-05-01\",\"title\":\"Volcano erupts near Catania\",\"text\":\"\"}\n");
    for (int i = 1; i < 300; i++) {   /* 299 unrelated events: no shared words */
        sl_buf_printf(&b, "{\"id\":\"n%d\",\"date\":\"2024-05-01\",\"title\":\"zor%dax qim%del tuv%dop\",\"text\":\"\"}\n",
                      i, i, i, i);
    }
    sl_buf_printf(&b, "{\"id\":\"follow\",\"date\":\"2024-05-02\",\"title\":\"Volcano near Catania erupts again\",\"text\":\"\"}\n");
    sl_buf_putc(&b, '\0');
    sl_corpus *c = corpus_of(b.data);
    sl_buf_free(&b);
    size_t n = sl_corpus_size(c);
    int64_t *ev = malloc(n * sizeof *ev);
    sl_cluster *m = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(m, c, NULL, ev, NULL), 0);
    assert_int_equal(ev[n - 1], ev[0]);        /* the follow-up joins the volcano */
    assert_int_not_equal(ev[1], ev[0]);
    /* look it up again, counting candidates */
    assert_int_equal(cl_doc_features(m, sl_corpus_article(c, n - 1), &m->doc), 0);
    assert_int_equal(cl_doc_vector(m, &m->doc, 0), 0);
    uint32_t scored = cl_debug_candidates(m, m->doc.vec, m->doc.nvec, sl_corpus_article(c, n - 1)->date);
    assert_true(scored >= 1);
    assert_true(scored < 20);   /* never a scan of all the events */
    free(ev);
    sl_corpus_free(c);
    sl_cluster_free(m);
}

static void test_time_decay(void **state) {
    (void)state;
    const char *text = "Floods hit Riverton after the river Avon burst its banks; "
                       "the Riverton fire brigade rescued families.";
    char buf[2048];
    snprintf(buf, sizeof buf,
             "{\"id\":\"a\",\"date\":\"2024-03-01\",\"text\":\"%s\"}\n"
             "{\"id\":\"b\",\"date\":\"2024-03-02\",\"text\":\"%s\"}\n"
             "{\"id\":\"c\",\"date\":\"2024-04-01\",\"text\":\"%s\"}\n"
             "{\"id\":\"d\",\"date\":\"2024-03-06\",\"text\":\"%s\"}\n",
             text, text, text, text);
    sl_corpus *c = corpus_of(buf);
    int64_t ev[4], st[4];
    sl_cluster *m = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(m, c, NULL, ev, st), 0);
    assert_int_equal(ev[0], ev[1]);       /* a day later: same event */
    assert_int_equal(ev[0], ev[3]);       /* four days later, identical text: still */
    assert_int_not_equal(ev[0], ev[2]);   /* a month later: a new event */
    assert_int_equal(st[0], st[2]);       /* ... of the same story */
    sl_cluster_info info;
    assert_int_equal(sl_cluster_event(m, ev[0], &info), 0);
    assert_int_equal(info.articles, 3);
    assert_int_equal(info.first_day, sl_days_from_civil(2024, 3, 1));
    assert_int_equal(info.last_day, sl_days_from_civil(2024, 3, 6));
    /* the decay itself: 1 within a day, falling after, ~0 after a month */
    assert_true(cl_debug_event_decay(m, 0) == 1.0 && cl_debug_event_decay(m, 1) == 1.0);
    assert_true(cl_debug_event_decay(m, 4) < 0.5);
    assert_true(cl_debug_event_decay(m, 30) < 0.001);
    /* the old event was closed and compacted */
    assert_int_equal(m->ev[ev[0] - 1].open, 0);
    assert_null(m->ev[ev[0] - 1].label_vec);
    assert_true(m->ev[ev[0] - 1].ncent <= CL_CLOSED_TERMS);
    sl_corpus_free(c);
    sl_cluster_free(m);
}

static void test_copies_and_titles(void **state) {
    (void)state;
    sl_corpus *c = corpus_of(
        "{\"id\":\"orig\",\"date\":\"2024-02-01\",\"title\":\"Mars rover finds ancient lake bed\",\"text\":\"x\"}\n"
        "{\"id\":\"other\",\"date\":\"2024-02-01\",\"title\":\"Parliament passes budget bill\",\"text\":\"x\"}\n"
        "{\"id\":\"copy\",\"date\":\"2024-02-02\",\"title\":\"Totally different words here\",\"text\":\"x\"}\n"
        "{\"id\":\"rss\",\"date\":\"2024-02-02\",\"title\":\"NASA Mars rover spots ancient lake bed\",\"text\":\"NASA Mars rover spots ancient lake bed\"}\n");
    uint32_t copy_of[4] = {0, 1, 0, UINT32_MAX};
    int64_t ev[4];
    sl_cluster *m = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(m, c, copy_of, ev, NULL), 0);
    assert_int_equal(ev[2], ev[0]);       /* the copy joins its original */
    assert_int_equal(ev[3], ev[0]);       /* a title-only item matches */
    assert_int_not_equal(ev[1], ev[0]);
    assert_int_equal(m->docs, 3);         /* copies do not weigh on df */
    assert_int_equal(sl_cluster_articles(m), 4);
    sl_cluster_info info;
    assert_int_equal(sl_cluster_event(m, ev[0], &info), 0);
    assert_int_equal(info.articles, 3);
    assert_true(info.label.len > 0);
    sl_slice terms[4];
    size_t k = sl_cluster_top_terms(m, 0, ev[0], terms, 4);
    assert_true(k >= 2);
    int found = 0;
    for (size_t i = 0; i < k; i++) found |= terms[i].len == 4 && memcmp(terms[i].ptr, "mars", 4) == 0;
    assert_true(found);
    /* stories → events */
    assert_true(sl_cluster_story_count(m) >= 2);
    sl_cluster_info s0;
    assert_int_equal(sl_cluster_story(m, 0, &s0), 0);
    assert_int_equal(s0.articles, 3);     /* largest first */
    int64_t evs[8];
    assert_int_equal(sl_cluster_story_events(m, s0.id, evs, 8), 1);
    assert_int_equal(evs[0], ev[0]);
    assert_int_equal(sl_cluster_story(m, 99, &s0), SL_EUSAGE);
    sl_corpus_free(c);
    sl_cluster_free(m);
}

/* A stream over several weeks, several topics, as one batch and as two
 * halves with a save and a load in between: identical ids. */
static void test_state_round_trip(void **state) {
    (void)state;
    static const char *const topics[] = {
        "Riverton floods as river Avon bursts banks",
        "Central bank raises interest rates again",
        "Titan rocket launch delayed by storm",
        "Union calls strike at Portside docks",
    };
    sl_buf all = {0}, first = {0}, second = {0};
    int count = 0;
    for (int d = 0; d < 60; d += 3) {
        for (int t = 0; t < 4; t++) {
            if ((d + t) % 4 == 3) continue;
            char line[512];
            int y, mo, dd;
            sl_civil_from_days(sl_days_from_civil(2024, 1, 1) + d, &y, &mo, &dd);
            snprintf(line, sizeof line,
                     "{\"id\":\"a%d\",\"date\":\"%04d-%02d-%02d\",\"title\":\"%s, day %d\",\"text\":\"Update %d on %s.\"}\n",
                     count, y, mo, dd, topics[t], d, d, topics[(t + d / 21) % 4]);
            sl_buf_append(&all, line, strlen(line));
            sl_buf_append(d < 30 ? &first : &second, line, strlen(line));
            count++;
        }
    }
    sl_buf_putc(&all, '\0');
    sl_buf_putc(&first, '\0');
    sl_buf_putc(&second, '\0');
    sl_corpus *ca = corpus_of(all.data), *c1 = corpus_of(first.data), *c2 = corpus_of(second.data);
    size_t n = sl_corpus_size(ca), n1 = sl_corpus_size(c1), n2 = sl_corpus_size(c2);
    assert_int_equal(n, n1 + n2);
    int64_t *ev = calloc(n, sizeof *ev), *st = calloc(n, sizeof *st);
    int64_t *ev2 = calloc(n, sizeof *ev2), *st2 = calloc(n, sizeof *st2);

    sl_cluster *batch = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(batch, ca, NULL, ev, st), 0);

    char path[] = "/tmp/sl_cluster_test_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    sl_cluster *m = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(m, c1, NULL, ev2, st2), 0);
    assert_int_equal(sl_cluster_save(m, path), 0);
    sl_cluster_free(m);
    int err = 1;
    m = sl_cluster_load(path, NULL, &err);
    assert_non_null(m);
    assert_int_equal(err, 0);
    assert_int_equal(sl_cluster_add(m, c2, NULL, ev2 + n1, st2 + n1), 0);
    for (size_t i = 0; i < n; i++) {
        /* ids given in the first run, followed through later merges */
        assert_int_equal(sl_cluster_event_id(m, ev2[i]), ev[i]);
        assert_int_equal(sl_cluster_story_of(m, ev2[i]), st[i]);
    }
    assert_int_equal(sl_cluster_articles(m), sl_cluster_articles(batch));
    assert_int_equal(sl_cluster_story_count(m), sl_cluster_story_count(batch));

    /* a saved model reloads to the same bytes */
    char path2[] = "/tmp/sl_cluster_test2_XXXXXX";
    fd = mkstemp(path2);
    close(fd);
    assert_int_equal(sl_cluster_save(batch, path2), 0);
    sl_cluster *again = sl_cluster_load(path2, NULL, &err);
    assert_non_null(again);
    char path3[] = "/tmp/sl_cluster_test3_XXXXXX";
    fd = mkstemp(path3);
    close(fd);
    assert_int_equal(sl_cluster_save(again, path3), 0);
    size_t l2, l3;
    char *b2 = test_read_file(path2, &l2), *b3 = test_read_file(path3, &l3);
    assert_int_equal(l2, l3);
    assert_memory_equal(b2, b3, l2);
    free(b2);
    free(b3);
    sl_cluster_free(again);

    /* a file that is not a model is refused */
    FILE *f = fopen(path3, "wb");
    fputs("not a model", f);
    fclose(f);
    assert_null(sl_cluster_load(path3, NULL, &err));
    assert_int_equal(err, SL_EINPUT);
    assert_null(sl_cluster_load("/nonexistent/model", NULL, &err));
    assert_int_equal(err, SL_EIO);

    remove(path);
    remove(path2);
    remove(path3);
    free(ev);
    free(st);
    free(ev2);
    free(st2);
    sl_buf_free(&all);
    sl_buf_free(&first);
    sl_buf_free(&second);
    sl_corpus_free(ca);
    sl_corpus_free(c1);
    sl_corpus_free(c2);
    sl_cluster_free(batch);
    sl_cluster_free(m);
}

/* Weak links (one shared term carries the match) and the day's settling: a
 * group that forms around a weakly linked article stays an event of its own
 * ("Acme" wearables vs "Acme" referral fees); a lone weakly linked article
 * whose match is too weak to merge it in at the day's end stays apart;
 * nothing is pending between calls. */
static void test_weak_links_settle(void **state) {
    (void)state;
    static const char *const wear[] = {"smartwatch", "fitness band", "smart glasses", "wristband",
                                       "wearable camera", "heart monitor"};
    static const char *const refer[] = {"customers", "businesses", "new users", "signups",
                                        "office suite users", "small firms", "schools", "clients"};
    sl_buf in = {0};
    char line[512];
    int n = 0;
    for (int i = 0; i < 12; i++, n++) {   /* day 1: the wearables launch */
        snprintf(line, sizeof line,
                 "{\"id\":\"w%d\",\"date\":\"2024-05-01\",\"text\":\"Acme releases wearable SDK "
                 "for %s developers, Android apps %d\"}\n", i, wear[i % 6], i);
        sl_buf_append(&in, line, strlen(line));
    }
    /* a lone item linked to it by "Acme" only, its title otherwise unrelated */
    snprintf(line, sizeof line,
             "{\"id\":\"lone\",\"date\":\"2024-05-02\",\"text\":\"Acme: what we know\"}\n");
    sl_buf_append(&in, line, strlen(line));
    for (int i = 0; i < 40; i++, n++) {   /* day 2: the referral programme */
        snprintf(line, sizeof line,
                 "{\"id\":\"r%d\",\"date\":\"2024-05-02\",\"text\":\"Acme pays $15 referral "
                 "bounty for %s (%d)\"}\n", i, refer[i % 8], i);
        sl_buf_append(&in, line, strlen(line));
    }
    sl_buf_putc(&in, '\0');
    sl_corpus *c = corpus_of(in.data);
    size_t total = sl_corpus_size(c);
    int64_t *ev = calloc(total, sizeof *ev), *st = calloc(total, sizeof *st);
    sl_cluster *m = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(m, c, NULL, ev, st), 0);
    /* rows: w0..w11, lone, r0..r39 */
    for (int i = 1; i < 12; i++) assert_int_equal(ev[i], ev[0]);
    for (int i = 14; i < 53; i++) assert_int_equal(ev[i], ev[13]);
    assert_true(ev[13] != ev[0]);          /* the referral fees are their own event */
    assert_true(ev[12] != ev[0] && ev[12] != ev[13]);   /* the lone item */
    for (size_t e = 0; e < m->nev; e++) assert_int_equal(m->ev[e].pending, 0);

    /* the same as two runs split at the day boundary, with a save and a
     * load in between: settling happens at the same point, same ids */
    const char *day2 = strstr(in.data, "{\"id\":\"lone\"");
    assert_non_null(day2);
    sl_corpus *c1 = sl_corpus_new(), *c2 = corpus_of(day2);
    assert_int_equal(sl_corpus_read_buffer(c1, "test.jsonl", in.data, (size_t)(day2 - in.data), NULL), 0);
    size_t n1 = sl_corpus_size(c1);
    int64_t *ev2 = calloc(total, sizeof *ev2);
    sl_cluster *h = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(h, c1, NULL, ev2, NULL), 0);
    char path[] = "/tmp/sl_cluster_weak_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(sl_cluster_save(h, path), 0);
    sl_cluster_free(h);
    int err = 1;
    h = sl_cluster_load(path, NULL, &err);
    assert_non_null(h);
    assert_int_equal(sl_cluster_add(h, c2, NULL, ev2 + n1, NULL), 0);
    for (size_t i = 0; i < total; i++) assert_int_equal(sl_cluster_event_id(h, ev2[i]), ev[i]);
    remove(path);
    sl_cluster_free(h);
    sl_corpus_free(c1);
    sl_corpus_free(c2);
    free(ev2);
    free(ev);
    free(st);
    sl_buf_free(&in);
    sl_corpus_free(c);
    sl_cluster_free(m);
}

/* Event quality on the headlines dev set (skipped without ../shared). */
static void test_headlines(void **state) {
    (void)state;
    REQUIRE_SHARED(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/data/headlines/articles.jsonl", dir);
    sl_corpus *c = sl_corpus_new();
    if (sl_corpus_read_path(c, path, NULL) != 0 || sl_corpus_size(c) == 0) {
        sl_corpus_free(c);
        skip();
    }
    size_t n = sl_corpus_size(c);
    int64_t *ev = malloc(n * sizeof *ev);
    sl_cluster *m = sl_cluster_new(NULL);
    assert_int_equal(sl_cluster_add(m, c, NULL, ev, NULL), 0);
    /* 40 gold stories: far fewer groups than articles, far more than one */
    assert_true(sl_cluster_story_count(m) > 20);
    assert_true(sl_cluster_story_count(m) < n / 5);
    free(ev);
    sl_corpus_free(c);
    sl_cluster_free(m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_incremental_df),
        cmocka_unit_test(test_candidate_index),
        cmocka_unit_test(test_time_decay),
        cmocka_unit_test(test_copies_and_titles),
        cmocka_unit_test(test_state_round_trip),
        cmocka_unit_test(test_weak_links_settle),
        cmocka_unit_test(test_story_names),
        cmocka_unit_test(test_headlines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
