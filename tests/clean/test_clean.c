/*
 * test_clean.c — the clean stage: one test per rule family (calls to
 * action, legal lines, headline lists, numbers, links, comment sections),
 * what must stay (quotes, one-line paragraphs, lists inside the story),
 * metadata (title, byline, dateline, date), the corpus signal (a template
 * line goes from every article carrying it; a syndicated story keeps its
 * body), thread independence, bad input, and the seeds when ../shared is
 * present.
 */
#include "testutil.h"

#include "clean/clean_internal.h"

/* ---- helpers ---------------------------------------------------------------------- */

typedef struct cleaned {
    sl_clean_report *rep;
    const sl_clean_info *info;
    int warnings;
} cleaned;

static void count_warning(const sl_diag *d, void *user) {
    (void)d;
    ++*(int *)user;
}

static cleaned clean_text(const char *text, const char *title) {
    cleaned c = {0};
    sl_article a = {0};
    a.id = sl_slice_of("t", 1);
    a.text = sl_slice_of(text, strlen(text));
    if (title) a.title = sl_slice_of(title, strlen(title));
    a.date = SL_NO_DATE;
    a.time = SL_NO_TIME;
    a.file = "test";
    a.line = 1;
    sl_clean_options opt;
    sl_clean_options_init(&opt);
    opt.on_diag = count_warning;
    opt.diag_user = &c.warnings;
    assert_int_equal(sl_clean_article(&a, &opt, &c.rep), 0);
    c.info = sl_clean_report_info(c.rep, 0);
    assert_non_null(c.info);
    return c;
}

static int has(const sl_clean_info *info, const char *needle) {
    return info->text.len && memmem(info->text.ptr, info->text.len, needle, strlen(needle)) != NULL;
}

static int slice_is(sl_slice s, const char *want) {
    return s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

static const char *P1 =
    "The city council voted on Tuesday to approve a new budget that raises spending on "
    "public transport by a fifth, after months of debate over bus routes and fares.\n\n";
static const char *P2 =
    "Supporters said the plan would cut commuting times for thousands of residents, while "
    "critics warned that the money could have been spent on repairing the roads instead.\n\n";
static const char *P3 =
    "The mayor is expected to sign the budget next week, and the first new routes should "
    "open in the spring if the contracts are signed on time.\n\n";

static char *join(const char *const *parts, size_t n) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++) len += strlen(parts[i]);
    char *s = malloc(len + 1);
    s[0] = '\0';
    for (size_t i = 0; i < n; i++) strcat(s, parts[i]);
    return s;
}

/* ---- features ---------------------------------------------------------------------- */

static void test_line_hash_folds_case_digits_punctuation(void **state) {
    (void)state;
    const char *a = "Copyright 2019 News Nation. All rights reserved.";
    const char *b = "copyright 2023 news nation -- all rights reserved";
    const char *c = "Copyright 2019 News Station. All rights reserved.";
    assert_int_equal(cl_line_hash(a, strlen(a)), cl_line_hash(b, strlen(b)));
    assert_int_not_equal(cl_line_hash(a, strlen(a)), cl_line_hash(c, strlen(c)));
    assert_int_equal(cl_line_hash("...", 3), 0);
}

static void test_features(void **state) {
    (void)state;
    cl_features f;
    const char *s = "The mayor said on Tuesday that the plan was a good one.";
    cl_line_features(s, strlen(s), &f);
    assert_int_equal(f.words, 12);
    assert_true(f.stops >= 5);
    assert_true(f.flags & CLF_TERMINAL);
    assert_int_equal(f.phrase_strength, 0);
    s = "Subscribe to our newsletter";
    cl_line_features(s, strlen(s), &f);
    assert_int_equal(f.phrase_cat, LX_CAT_CTA);
    assert_true(f.phrase_start);
    s = "Home | World | Business | Sport";
    cl_line_features(s, strlen(s), &f);
    assert_int_equal(f.seps, 3);
    s = "Headline of another story (185)";
    cl_line_features(s, strlen(s), &f);
    assert_true(f.flags & CLF_COUNT);
    s = "WASHINGTON -LRB- Reuters -RRB- - The vote was close .";
    cl_line_features(s, strlen(s), &f);
    assert_true(f.flags & CLF_TERMINAL);
    assert_int_equal(f.words, 6);   /* -LRB- and -RRB- are brackets */
}

/* ---- rule families ------------------------------------------------------------------- */

static void test_calls_to_action_go(void **state) {
    (void)state;
    const char *parts[] = {"Follow us on Twitter\n\n", P1, "Share this article\n\n", P2,
                           "More from Daily Planet: Ten things to know about buses\n\n", P3,
                           "Enjoy this content? Read more from Daily Planet!\n\nLeave a Comment\n"};
    char *text = join(parts, SL_ARRAY_LEN(parts));
    cleaned c = clean_text(text, NULL);
    assert_true(has(c.info, "city council voted"));
    assert_true(has(c.info, "Supporters said"));
    assert_true(has(c.info, "The mayor is expected"));
    assert_false(has(c.info, "Follow us"));
    assert_false(has(c.info, "Share this"));
    assert_false(has(c.info, "More from"));
    assert_false(has(c.info, "Enjoy this"));
    assert_false(has(c.info, "Leave a Comment"));
    assert_int_equal(c.info->lines_kept, 3);
    /* every drop has a reason */
    for (size_t k = 0; k < sl_clean_report_drops(c.rep, 0); k++)
        assert_non_null(sl_clean_report_drop(c.rep, 0, k)->reason);
    sl_clean_report_free(c.rep);
    free(text);
}

static void test_legal_and_navigation_go(void **state) {
    (void)state;
    const char *parts[] = {"Home\nNews\nSport\nWeather\nSkip to content\n\n", P1, P2, P3,
                           "\u00A9 2024 Daily Planet Media Ltd. All rights reserved.\n"
                           "Privacy Policy | Terms of Use | Contact Us\n"
                           "This website uses cookies to improve your experience.\n"};
    char *text = join(parts, SL_ARRAY_LEN(parts));
    cleaned c = clean_text(text, NULL);
    assert_int_equal(c.info->lines_kept, 3);
    assert_false(has(c.info, "rights reserved"));
    assert_false(has(c.info, "Privacy"));
    assert_false(has(c.info, "cookies"));
    assert_false(has(c.info, "Skip"));
    sl_clean_report_free(c.rep);
    free(text);
}

static void test_headline_list_goes(void **state) {
    (void)state;
    const char *parts[] = {P1, P2, P3,
                           "Michael Dell Pledges Billions to Boost Children's Investment Accounts\n"
                           "Hong Kong Faces Low Turnout in Patriots-Only Election Amid Grief\n"
                           "Taiwan Opposition Criticizes Plan to Block Chinese App Over Security\n"
                           "Australia and Japan Strengthen Defence Cooperation Amid Rising Tensions\n"};
    char *text = join(parts, SL_ARRAY_LEN(parts));
    cleaned c = clean_text(text, NULL);
    assert_int_equal(c.info->lines_kept, 3);
    assert_false(has(c.info, "Michael Dell"));
    assert_false(has(c.info, "Australia and Japan"));
    sl_clean_report_free(c.rep);
    free(text);
}

static void test_numbers_and_links_go(void **state) {
    (void)state;
    const char *parts[] = {"12 | 345 | 6789\n\n", P1, "https://www.example.com/news/123\n\n", P2, P3,
                           "Read more: www.example.com\n"};
    char *text = join(parts, SL_ARRAY_LEN(parts));
    cleaned c = clean_text(text, NULL);
    assert_int_equal(c.info->lines_kept, 3);
    assert_false(has(c.info, "6789"));
    assert_false(has(c.info, "https"));
    sl_clean_report_free(c.rep);
    free(text);
}

static void test_comment_section_goes(void **state) {
    (void)state;
    const char *parts[] = {P1, P2, P3, "34 responses to \"Budget vote\"\n\n", "joetoronto says:\n\n",
                           "It is a good thing we have buses at all because this city is a mess.\n\n",
                           "v2787 says:\n\n",
                           "The mayor should resign, and the council with him, before the spring.\n\n",
                           "sammy says:\n\nWhy not fix the roads first? They are a disgrace.\n"};
    char *text = join(parts, SL_ARRAY_LEN(parts));
    cleaned c = clean_text(text, NULL);
    assert_int_equal(c.info->lines_kept, 3);
    assert_false(has(c.info, "says:"));
    assert_false(has(c.info, "resign"));
    sl_clean_report_free(c.rep);
    free(text);
}

/* ---- what must stay ------------------------------------------------------------------ */

static void test_story_lines_stay(void **state) {
    (void)state;
    const char *parts[] = {P1, "\"We did it,\" she said.\n\n", P2, "Why now?\n\n",
                           "The plan includes:\n- two new bus lines\n- cheaper monthly passes\n"
                           "- a night service on weekends\n\n",
                           P3,
                           "The council will meet again in January to review the first results of the plan.\n"};
    char *text = join(parts, SL_ARRAY_LEN(parts));
    cleaned c = clean_text(text, NULL);
    assert_true(has(c.info, "\"We did it,\" she said."));
    assert_true(has(c.info, "Why now?"));
    assert_true(has(c.info, "The plan includes:"));
    assert_true(has(c.info, "- two new bus lines"));
    assert_true(has(c.info, "- a night service on weekends"));
    assert_true(has(c.info, "review the first results"));
    assert_int_equal(c.warnings, 0);
    sl_clean_report_free(c.rep);
    free(text);
}

/* ---- metadata -------------------------------------------------------------------------- */

static void test_byline_dateline_date(void **state) {
    (void)state;
    const char *text =
        "By Maggie Fox , Health and Science Editor WASHINGTON | Tue May 12 , 2009 8:56 am EDT "
        "WASHINGTON -LRB- Reuters -RRB- - Virtually all cases of the most common strain of flu now "
        "resist the main drug used to treat it , the CDC said on Monday .\n"
        "The finding worries doctors who rely on the drug to treat patients quickly .\n";
    cleaned c = clean_text(text, NULL);
    assert_true(slice_is(c.info->byline, "Maggie Fox, Health and Science Editor"));
    assert_true(slice_is(c.info->location, "WASHINGTON"));
    assert_true(slice_is(c.info->agency, "Reuters"));
    assert_true(slice_is(c.info->dateline, "WASHINGTON (Reuters)"));
    assert_int_equal(c.info->date, sl_days_from_civil(2009, 5, 12));
    /* the first sentence stays, without its lead */
    assert_true(c.info->text.len > 10 && memcmp(c.info->text.ptr, "Virtually all cases", 19) == 0);
    sl_clean_report_free(c.rep);

    c = clean_text("WASHINGTON (AP) \xE2\x80\x94 The Senate voted 51-49 on Thursday to confirm the nominee, "
                   "ending a months-long fight over the post.\n\nThe vote split along party lines.\n", NULL);
    assert_true(slice_is(c.info->dateline, "WASHINGTON (AP)"));
    assert_true(memcmp(c.info->text.ptr, "The Senate voted", 16) == 0);
    sl_clean_report_free(c.rep);

    c = clean_text("DUBAI, United Arab Emirates \xE2\x80\x94 Emirates finalized a deal to buy 30 jets, executives "
                   "of both companies announced Wednesday at the air show.\n", NULL);
    assert_true(slice_is(c.info->location, "DUBAI, United Arab Emirates"));
    assert_true(memcmp(c.info->text.ptr, "Emirates finalized", 18) == 0);
    sl_clean_report_free(c.rep);

    /* no dateline: nothing is eaten */
    c = clean_text("NASA said the launch went well and the crew is safe on board the station tonight.\n", NULL);
    assert_int_equal(c.info->dateline.len, 0);
    assert_true(memcmp(c.info->text.ptr, "NASA said", 9) == 0);
    sl_clean_report_free(c.rep);
}

static void test_title_and_byline_lines(void **state) {
    (void)state;
    const char *parts[] = {"Council Approves Transport Budget - Daily Planet\n\n", "By Jane Smith\n\n",
                           "Nov 18, 2019 at 9:24 pm ET\n\n", P1, P2, P3};
    char *text = join(parts, SL_ARRAY_LEN(parts));
    cleaned c = clean_text(text, NULL);
    assert_true(slice_is(c.info->title, "Council Approves Transport Budget"));
    assert_true(slice_is(c.info->byline, "Jane Smith"));
    assert_int_equal(c.info->date, sl_days_from_civil(2019, 11, 18));
    assert_int_equal(c.info->lines_kept, 3);
    sl_clean_report_free(c.rep);
    free(text);
    /* a given title: its repeat in the text goes */
    const char *parts2[] = {"Council approves transport budget\n\n", P1, P2};
    text = join(parts2, SL_ARRAY_LEN(parts2));
    c = clean_text(text, "Council Approves Transport Budget");
    assert_int_equal(c.info->lines_kept, 2);
    assert_true(slice_is(c.info->title, "Council Approves Transport Budget"));
    sl_clean_report_free(c.rep);
    free(text);
}

/* ---- the corpus signal -------------------------------------------------------------------- */

static const char *TEMPLATE =
    "An ultra-low latency infrastructure for electronic trading and data distribution A connected "
    "approach to governance , risk and compliance Our next generation legal research platform";

static void add(sl_corpus *c, const char *id, const char *text) {
    sl_article a = {0};
    a.id = sl_slice_of(id, strlen(id));
    a.text = sl_slice_of(text, strlen(text));
    a.date = SL_NO_DATE;
    a.time = SL_NO_TIME;
    a.file = "mem";
    a.line = 1;
    assert_true(sl_corpus_add(c, &a) >= 0);
}

static void test_corpus_template_removed_everywhere(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    char buf[2048], id[16];
    const char *topics[] = {"rail strike", "flood warning", "school budget", "harbour bridge",
                            "city election", "museum opening", "water prices", "airport noise",
                            "hospital wait", "bike lanes"};
    for (int i = 0; i < 10; i++) {
        snprintf(buf, sizeof buf,
                 "Officials spoke about the %s on Monday and said a decision would come within weeks.\n\n"
                 "Residents affected by the %s told reporters they wanted answers from the council soon.\n\n"
                 "%s\n",
                 topics[i], topics[i], TEMPLATE);
        snprintf(id, sizeof id, "a%d", i);
        add(c, id, buf);
    }
    /* the same template glued to the end of a paragraph goes too; the
     * paragraph stays */
    snprintf(buf, sizeof buf,
             "Engineers inspected the harbour cranes on Friday after a storm damaged two of them.\n\n"
             "-LRB- Reporting by Jane Doe ; Editing by John Roe -RRB- %s\n", TEMPLATE);
    add(c, "glued", buf);
    /* a story syndicated to four sites keeps its body */
    for (int i = 0; i < 4; i++) {
        snprintf(id, sizeof id, "s%d", i);
        add(c, id, "The central bank raised interest rates by a quarter point on Wednesday, its third "
                   "increase this year, citing stubborn inflation in services.\n\n"
                   "Economists had expected the move, which markets priced in weeks ago.\n");
    }
    sl_clean_options opt;
    sl_clean_options_init(&opt);
    sl_clean_report *rep = NULL;
    assert_int_equal(sl_clean_corpus(c, &opt, &rep), 0);
    for (size_t i = 0; i < 10; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        assert_null(memmem(a->text.ptr, a->text.len, "ultra-low latency", 17));
        assert_non_null(memmem(a->text.ptr, a->text.len, "Officials spoke", 15));
        assert_non_null(memmem(a->text.ptr, a->text.len, "Residents affected", 18));
        const sl_clean_drop *d = sl_clean_report_drop(rep, i, 0);
        assert_non_null(d);
        assert_string_equal(d->reason, "template");
        assert_true(d->spread >= 10);
    }
    const sl_article *glued = sl_corpus_article(c, 10);
    assert_null(memmem(glued->text.ptr, glued->text.len, "ultra-low latency", 17));
    assert_non_null(memmem(glued->text.ptr, glued->text.len, "Engineers inspected", 19));
    for (size_t i = 11; i < 15; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        assert_non_null(memmem(a->text.ptr, a->text.len, "central bank raised", 19));
        assert_non_null(memmem(a->text.ptr, a->text.len, "Economists had expected", 23));
    }
    sl_clean_report_free(rep);
    sl_corpus_free(c);

    /* a sentence repeated in a handful of articles is not a template when
     * its neighbours are content */
}

static void test_threads_do_not_change_output(void **state) {
    (void)state;
    sl_corpus *c1 = sl_corpus_new(), *c2 = sl_corpus_new();
    char buf[4096], id[16];
    for (int i = 0; i < 60; i++) {
        snprintf(buf, sizeof buf, "Menu\nHome\nShare this article\n\n%sStory number %d continues here with "
                 "more detail about what the officials said on the day.\n\n%sFollow us on Twitter\n"
                 "Copyright %d Planet. All rights reserved.\n", i % 2 ? P1 : P2, i, P3, 2000 + i);
        snprintf(id, sizeof id, "x%d", i);
        add(c1, id, buf);
        add(c2, id, buf);
    }
    sl_clean_options o1, o2;
    sl_clean_options_init(&o1);
    sl_clean_options_init(&o2);
    o2.threads = 2;
    assert_int_equal(sl_clean_corpus(c1, &o1, NULL), 0);
    assert_int_equal(sl_clean_corpus(c2, &o2, NULL), 0);
    for (size_t i = 0; i < 60; i++) {
        const sl_article *a = sl_corpus_article(c1, i), *b = sl_corpus_article(c2, i);
        assert_int_equal(a->text.len, b->text.len);
        assert_memory_equal(a->text.ptr, b->text.ptr, a->text.len);
        assert_null(memmem(a->text.ptr, a->text.len, "Follow us", 9));
    }
    sl_corpus_free(c1);
    sl_corpus_free(c2);
}

/* The corpus is cleaned in place: each body is written over the article's
 * own text (it only ever shrinks), NUL-terminated; a found title, the
 * metadata and the dropped lines of the report are copies that survive the
 * overwrite. */
static void test_corpus_cleaned_in_place(void **state) {
    (void)state;
    enum { N = 12 };
    /* different names: stories that share no names are unrelated (the
     * corpus signal tells copies of one story by them) */
    static const char *const place[N] = {"Docks", "Quarry", "Airfield", "Gasworks", "Brewery", "Tannery",
                                         "Shipyard", "Foundry", "Granary", "Mill", "Depot", "Cannery"};
    static const char *const who[N] = {"Alvarez", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer",
                                       "Galloway", "Haddad", "Ivanova", "Jansen", "Kowalski", "Lindqvist"};
    sl_corpus *c = sl_corpus_new();
    char buf[4096], id[16];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf,
                 "Harbour Board Approves Plan For The Old %s\n\n"
                 "  WASHINGTON (AP) \xE2\x80\x94 The harbour board approved the plan for the %s on Monday after a "
                 "long debate with Mayor %s about what should replace it.  \n\n\n"
                 "Share this article\n"
                 "%s"
                 "Officials told Mayor %s that work would start next year if the money arrives in time.\n\n"
                 "-LRB- Reporting by Jane Doe ; Editing by John Roe -RRB- %s\n"
                 "Follow us on Twitter\n%s\n",
                 place[i], place[i], who[i], i % 3 ? P1 : P2, who[i], TEMPLATE, TEMPLATE);
        snprintf(id, sizeof id, "p%d", i);
        add(c, id, buf);
    }
    char *orig[N];
    const char *ptr[N];
    for (int i = 0; i < N; i++) {
        const sl_article *a = sl_corpus_article(c, (size_t)i);
        orig[i] = strndup(a->text.ptr, a->text.len);
        ptr[i] = a->text.ptr;
    }
    sl_clean_options opt;
    sl_clean_options_init(&opt);
    opt.threads = 2;
    sl_clean_report *rep = NULL;
    assert_int_equal(sl_clean_corpus(c, &opt, &rep), 0);
    for (int i = 0; i < N; i++) {
        const sl_article *a = sl_corpus_article(c, (size_t)i);
        assert_true(a->text.len > 0 && a->text.len < strlen(orig[i]));
        assert_ptr_equal(a->text.ptr, ptr[i]);              /* written over the old text */
        assert_int_equal(a->text.ptr[a->text.len], '\0');
        assert_null(memmem(a->text.ptr, a->text.len, "Follow us", 9));
        assert_null(memmem(a->text.ptr, a->text.len, "ultra-low latency", 17));
        assert_non_null(memmem(a->text.ptr, a->text.len, "Officials told", 14));
        /* the dateline went to the metadata, the sentence stayed */
        assert_true(a->text.len > 11 && memcmp(a->text.ptr, "The harbour", 11) == 0);
        const sl_clean_info *info = sl_clean_report_info(rep, (size_t)i);
        assert_true(slice_is(info->location, "WASHINGTON"));
        assert_true(slice_is(info->agency, "AP"));
        /* the title found in the first line is a copy */
        snprintf(buf, sizeof buf, "Harbour Board Approves Plan For The Old %s", place[i]);
        assert_true(slice_is(a->title, buf));
        /* every kept line and every dropped line is a piece of the old text */
        const char *p = a->text.ptr, *end = a->text.ptr + a->text.len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = (size_t)((nl ? nl : end) - p);
            assert_non_null(memmem(orig[i], strlen(orig[i]), p, n));
            p += n + 1;
        }
        size_t nd = sl_clean_report_drops(rep, (size_t)i);
        assert_true(nd >= 3);   /* title, share bar, template tail, follow-us */
        int saw_template = 0;
        for (size_t k = 0; k < nd; k++) {
            const sl_clean_drop *d = sl_clean_report_drop(rep, (size_t)i, k);
            assert_non_null(memmem(orig[i], strlen(orig[i]), d->line.ptr, d->line.len));
            saw_template |= d->line.len > 17 && memmem(d->line.ptr, d->line.len, "ultra-low latency", 17) != NULL;
        }
        assert_true(saw_template);
        free(orig[i]);
    }
    sl_clean_report_free(rep);
    sl_corpus_free(c);
}

/* ---- bad input ---------------------------------------------------------------------------------- */

static void test_boilerplate_only_becomes_empty(void **state) {
    (void)state;
    cleaned c = clean_text("Home\nMenu\nSubscribe\nShare this article\nFollow us on Facebook\n"
                           "\u00A9 2024 Planet. All rights reserved.\n", NULL);
    assert_int_equal(c.info->text.len, 0);
    assert_true(c.info->emptied);
    assert_int_equal(c.warnings, 1);
    sl_clean_report_free(c.rep);
    c = clean_text("", NULL);
    assert_int_equal(c.info->text.len, 0);
    sl_clean_report_free(c.rep);
    c = clean_text("\n\n   \n", NULL);
    assert_int_equal(c.info->text.len, 0);
    sl_clean_report_free(c.rep);
    /* a corpus with an emptied article: warning, no crash, other articles cleaned */
    sl_corpus *corp = sl_corpus_new();
    add(corp, "junk", "Subscribe\nLog in\nMenu\n");
    add(corp, "good", P1);
    int warnings = 0;
    sl_clean_options opt;
    sl_clean_options_init(&opt);
    opt.on_diag = count_warning;
    opt.diag_user = &warnings;
    assert_int_equal(sl_clean_corpus(corp, &opt, NULL), 0);
    assert_int_equal(warnings, 1);
    assert_int_equal(sl_corpus_article(corp, 0)->text.len, 0);
    assert_true(sl_corpus_article(corp, 1)->text.len > 50);
    sl_corpus_free(corp);
    assert_int_equal(sl_clean_article(NULL, NULL, NULL), SL_EUSAGE);
}

/* ---- the seeds ------------------------------------------------------------------------------------- */

static void test_seeds(void **state) {
    (void)state;
    REQUIRE_SHARED(shared);
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds", shared);
    sl_corpus *c = sl_corpus_new();
    assert_int_equal(sl_corpus_read_path(c, path, NULL), 0);
    assert_int_equal(sl_corpus_size(c), 5);
    /* the sentences of each article, before cleaning */
    char *orig[5];
    size_t olen[5];
    for (size_t i = 0; i < 5; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        orig[i] = malloc(a->text.len + 1);
        memcpy(orig[i], a->text.ptr, a->text.len);
        olen[i] = a->text.len;
    }
    assert_int_equal(sl_clean_corpus(c, NULL, NULL), 0);
    const char *gone[] = {"Follow us on", "Image Source", "More from NextShark", "Enjoy this content",
                          "Leave a Comment", "Jeremy Lin Pledges", "Michael Dell Pledges",
                          "Trump Administration Tightens H-1B"};
    for (size_t i = 0; i < 5; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        for (size_t g = 0; g < SL_ARRAY_LEN(gone); g++)
            if (memmem(a->text.ptr, a->text.len, gone[g], strlen(gone[g])))
                fail_msg("seed %zu still holds \"%s\"", i, gone[g]);
    }
    /* every article paragraph stays: a paragraph of the original is kept
     * unless it is one of the leftovers */
    for (size_t i = 0; i < 5; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        const char *p = orig[i], *end = orig[i] + olen[i];
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            while (n && (p[n - 1] == ' ' || p[n - 1] == '\r')) n--;
            int leftover = 0;
            for (size_t g = 0; g < SL_ARRAY_LEN(gone); g++)
                if (n && memmem(p, n, gone[g], strlen(gone[g]))) leftover = 1;
            /* the trailing headline list of seed 001: title-case lines without a full stop */
            int headline = i == 1 && n && p[n - 1] != '.' && n < 140;
            if (n > 0 && !leftover && !headline && !memmem(a->text.ptr, a->text.len, p, n))
                fail_msg("seed %zu lost: %.*s", i, (int)SL_MIN(n, 80), p);
            p += (nl ? n + 1 : n);
            if (nl) p = nl + 1;
        }
        free(orig[i]);
    }
    /* 002 and 003 carry their dates */
    assert_int_equal(sl_corpus_article(c, 2)->date, sl_days_from_civil(2023, 11, 6));
    assert_int_equal(sl_corpus_article(c, 3)->date, sl_days_from_civil(2023, 6, 12));
    sl_corpus_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_hash_folds_case_digits_punctuation),
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_calls_to_action_go),
        cmocka_unit_test(test_legal_and_navigation_go),
        cmocka_unit_test(test_headline_list_goes),
        cmocka_unit_test(test_numbers_and_links_go),
        cmocka_unit_test(test_comment_section_goes),
        cmocka_unit_test(test_story_lines_stay),
        cmocka_unit_test(test_byline_dateline_date),
        cmocka_unit_test(test_title_and_byline_lines),
        cmocka_unit_test(test_corpus_template_removed_everywhere),
        cmocka_unit_test(test_threads_do_not_change_output),
        cmocka_unit_test(test_corpus_cleaned_in_place),
        cmocka_unit_test(test_boilerplate_only_becomes_empty),
        cmocka_unit_test(test_seeds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
