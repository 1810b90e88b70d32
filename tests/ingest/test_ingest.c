/*
 * test_ingest.c — the readers: JSONL fields and dates, plain-text articles
 * (date prefix, title rule), directory walks, reading from memory, bad input
 * (each problem reported with file:line, every valid article still read),
 * JSON output, and the seed articles of ../shared/seeds when present.
 */
#include "testutil.h"

#include "internal.h"     /* sl_jsonl_fast_path_off */

#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ---------------------------------------------------------------- */

/* Diagnostics collected as "FILE:LINE: [warning: ]MESSAGE\n" lines. */
typedef struct diags {
    char text[8192];
    size_t len;
    int errors, warnings;
} diags;

static void collect(const sl_diag *d, void *user) {
    diags *g = user;
    int n = snprintf(g->text + g->len, sizeof g->text - g->len, "%s:%ld: %s%s\n", d->file, d->line,
                     d->is_warning ? "warning: " : "", d->message);
    if (n > 0 && g->len + (size_t)n < sizeof g->text) g->len += (size_t)n;
    if (d->is_warning) g->warnings++;
    else g->errors++;
}

static sl_read_options options(diags *g, sl_format format) {
    memset(g, 0, sizeof *g);
    sl_read_options o = {0};
    o.format = format;
    o.on_diag = collect;
    o.diag_user = g;
    return o;
}

/* Does the diagnostics text contain s? */
#define assert_diag(g, s)                                                     \
    do {                                                                      \
        if (!strstr((g)->text, (s))) {                                        \
            fprintf(stderr, "missing diagnostic: %s\nhave:\n%s", (s), (g)->text); \
            fail();                                                           \
        }                                                                     \
    } while (0)

static int slice_is(sl_slice s, const char *want) {
    if (!want) return s.len == 0;
    return s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

#define assert_slice(s, want)                                                 \
    do {                                                                      \
        if (!slice_is((s), (want))) {                                         \
            fprintf(stderr, "got \"%.*s\", want \"%s\"\n", (int)(s).len,      \
                    (s).ptr ? (s).ptr : "", (want) ? (want) : "(absent)");    \
            fail();                                                           \
        }                                                                     \
    } while (0)

static int32_t day(int y, int m, int d) { return sl_days_from_civil(y, m, d); }

static int read_buf(sl_corpus *c, const char *name, const char *data, const sl_read_options *o) {
    return sl_corpus_read_buffer(c, name, data, strlen(data), o);
}

/* Writes a file (mkdir -p of its folder); returns 0 on success. */
static void write_file(const char *dir, const char *rel, const char *content, size_t len) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    for (char *p = path + strlen(dir) + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        mkdir(path, 0755);
        *p = '/';
    }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, len, f), len);
    fclose(f);
}

static void write_str(const char *dir, const char *rel, const char *content) {
    write_file(dir, rel, content, strlen(content));
}

static void remove_tree(const char *dir) {
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static char *make_temp_dir(void) {
    char *d = strdup("/tmp/sl-test-ingest-XXXXXX");
    assert_non_null(d);
    assert_non_null(mkdtemp(d));
    return d;
}

/* ---- JSONL -------------------------------------------------------------------- */

static void test_jsonl_ids(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    const char *in =
        "{\"id\":\"a-1\",\"text\":\"string id\"}\n"
        "{\"id\":42,\"text\":\"number id\"}\n"
        "{\"id\":1.5,\"text\":\"fraction id\"}\n"
        "{\"text\":\"no id\"}\n"
        "{\"id\":{\"x\":1},\"text\":\"object id\"}\n"
        "{\"id\":null,\"text\":\"null id\"}\n"
        "{\"id\" : 12345678901234567890,\"text\":\"64-bit id, kept as written\"}\n"
        "{\"meta\":{\"id\":5},\"id\":7,\"text\":\"nested id first\"}\n"
        "{\"id\":1e300,\"text\":\"huge\"}\n";
    assert_int_equal(read_buf(c, "ids.jsonl", in, &o), 0);
    assert_int_equal(sl_corpus_size(c), 9);
    assert_slice(sl_corpus_article(c, 6)->id, "12345678901234567890");
    assert_slice(sl_corpus_article(c, 7)->id, "7");
    assert_slice(sl_corpus_article(c, 8)->id, "1e300");
    assert_slice(sl_corpus_article(c, 0)->id, "a-1");
    assert_slice(sl_corpus_article(c, 1)->id, "42");
    assert_slice(sl_corpus_article(c, 2)->id, "1.5");
    assert_slice(sl_corpus_article(c, 3)->id, "line-4");
    assert_slice(sl_corpus_article(c, 4)->id, "line-5");
    assert_slice(sl_corpus_article(c, 5)->id, "line-6");
    /* an id of the wrong type is a warning, a missing or null one is not */
    assert_int_equal(g.errors, 0);
    assert_int_equal(g.warnings, 1);
    assert_diag(&g, "ids.jsonl:5: warning: \"id\" is neither string nor number");
    for (size_t i = 0; i < 6; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        assert_int_equal(a->index, i);
        assert_int_equal(a->line, (long)i + 1);
        assert_string_equal(a->file, "ids.jsonl");
    }
    sl_corpus_free(c);
}

static void test_jsonl_fields(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    const char *in =
        "{\"id\":\"x\",\"title\":\"  A Title \",\"source\":\"Wire\",\"url\":\"https://e.example/a\","
        "\"text\":\"  Body text.\\nSecond line.  \",\"extra\":{\"nested\":[1,2,{\"a\":null}]},"
        "\"tags\":[\"t\"],\"score\":3.5,\"ok\":true}\r\n"
        "\n"
        "   \n"
        "{\"text\":\"caf\\u00e9 \\ud83d\\ude00\",\"title\":7}\n";
    assert_int_equal(read_buf(c, "f.jsonl", in, &o), 0);
    assert_int_equal(g.errors + g.warnings, 0);
    assert_int_equal(sl_corpus_size(c), 2);
    const sl_article *a = sl_corpus_article(c, 0);
    assert_slice(a->title, "A Title");
    assert_slice(a->source, "Wire");
    assert_slice(a->url, "https://e.example/a");
    assert_slice(a->text, "Body text.\nSecond line.");
    assert_int_equal(a->date, SL_NO_DATE);
    assert_int_equal(a->time, SL_NO_TIME);
    a = sl_corpus_article(c, 1);
    assert_int_equal(a->line, 4);       /* blank lines still count */
    assert_slice(a->text, "caf\xC3\xA9 \xF0\x9F\x98\x80");
    assert_slice(a->title, NULL);       /* not a string: absent */
    sl_corpus_free(c);
}

static void test_jsonl_dates(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_JSONL);
    sl_corpus *c = sl_corpus_new();
    const char *in =
        "{\"text\":\"a\",\"date\":\"2023-11-06\"}\n"
        "{\"text\":\"b\",\"date\":\"2014-03-10T16:55:01Z\"}\n"
        "{\"text\":\"c\",\"date\":\"2014-03-10T01:00:00+02:00\"}\n"
        "{\"text\":\"d\",\"date\":\"2009-05-12 08:56:00\"}\n"
        "{\"text\":\"e\",\"date\":\" 2020-02-29 \"}\n"
        "{\"text\":\"f\",\"date\":\"2014-03-10T16:55:01.250-05:00\"}\n"
        "{\"text\":\"g\",\"date\":\"May 5, 2020\"}\n"
        "{\"text\":\"h\",\"date\":\"2023-02-30\"}\n"
        "{\"text\":\"i\",\"date\":20230101}\n"
        "{\"text\":\" date 2023-06-12 prefixed text\"}\n"
        "{\"text\":\" date 2023-06-12 field wins\",\"date\":\"2020-01-01\"}\n"
        "{\"text\":\"date 2023-06-12x is not a prefix\"}\n";
    assert_int_equal(read_buf(c, "d.jsonl", in, &o), 0);
    assert_int_equal(sl_corpus_size(c), 12);
    const sl_article *a = sl_corpus_article(c, 0);
    assert_int_equal(a->date, day(2023, 11, 6));
    assert_int_equal(a->time, SL_NO_TIME);
    a = sl_corpus_article(c, 1);
    assert_int_equal(a->date, day(2014, 3, 10));
    assert_int_equal(a->time, 16 * 3600 + 55 * 60 + 1);
    a = sl_corpus_article(c, 2);        /* offset applied: UTC */
    assert_int_equal(a->date, day(2014, 3, 9));
    assert_int_equal(a->time, 23 * 3600);
    a = sl_corpus_article(c, 3);
    assert_int_equal(a->date, day(2009, 5, 12));
    assert_int_equal(a->time, 8 * 3600 + 56 * 60);
    assert_int_equal(sl_corpus_article(c, 4)->date, day(2020, 2, 29));
    a = sl_corpus_article(c, 5);
    assert_int_equal(a->date, day(2014, 3, 10));
    assert_int_equal(a->time, 21 * 3600 + 55 * 60 + 1);
    /* unreadable dates: a warning, the article kept without a date */
    assert_int_equal(sl_corpus_article(c, 6)->date, SL_NO_DATE);
    assert_int_equal(sl_corpus_article(c, 7)->date, SL_NO_DATE);
    assert_int_equal(sl_corpus_article(c, 8)->date, SL_NO_DATE);   /* not a string */
    assert_diag(&g, "d.jsonl:7: warning: unreadable date");
    assert_diag(&g, "d.jsonl:8: warning: unreadable date");
    assert_int_equal(g.errors, 0);
    /* the " date " prefix is taken off the text and dates the article */
    a = sl_corpus_article(c, 9);
    assert_int_equal(a->date, day(2023, 6, 12));
    assert_slice(a->text, "prefixed text");
    a = sl_corpus_article(c, 10);
    assert_int_equal(a->date, day(2020, 1, 1));
    assert_slice(a->text, "field wins");
    a = sl_corpus_article(c, 11);
    assert_int_equal(a->date, SL_NO_DATE);
    assert_slice(a->text, "date 2023-06-12x is not a prefix");
    sl_corpus_free(c);
}

static void test_jsonl_bad_lines(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    const char in[] =
        "{\"id\":1,\"text\":\"ok one\"}\n"                       /* 1 */
        "{\"id\":2,\"text\":\"bad \xFF byte\"}\n"                /* 2: invalid UTF-8 */
        "{\"id\":3,\"text\":broken}\n"                           /* 3: broken JSON */
        "{\"id\":4}\n"                                           /* 4: no text */
        "{\"id\":5,\"text\":\"nul \\u0000 here\"}\n"             /* 5: escaped NUL */
        "{\"id\":6,\"text\":\"raw \0 nul\"}\n"                   /* 6: raw NUL byte */
        "{\"id\":7,\"text\":17}\n"                               /* 7: text not a string */
        "[1,2,3]\n"                                              /* 8: not an object */
        "{\"id\":9,\"text\":\"x\"} trailing\n"                   /* 9: garbage after */
        "{\"id\":10,\"text\":\"\\ud800 lone surrogate\"}\n"      /* 10: bad escape */
        "{\"id\":11,\"text\":\"" "01234567890123456789012345678901234567890123456789" "\"}\n" /* 11: long */
        "{\"id\":12,\"text\":\"ok twelve\"}";                    /* 12: no final newline */
    o.max_line = 60;
    int r = sl_corpus_read_buffer(c, "bad.jsonl", in, sizeof in - 1, &o);
    assert_int_equal(r, SL_EINPUT);
    assert_int_equal(sl_corpus_size(c), 2);
    assert_slice(sl_corpus_article(c, 0)->text, "ok one");
    assert_slice(sl_corpus_article(c, 1)->text, "ok twelve");
    assert_int_equal(sl_corpus_article(c, 1)->line, 12);
    assert_diag(&g, "bad.jsonl:2: invalid UTF-8 at column 21");
    assert_diag(&g, "bad.jsonl:3: broken JSON near column");
    assert_diag(&g, "bad.jsonl:4: no \"text\" field");
    assert_diag(&g, "bad.jsonl:5: NUL character");
    assert_diag(&g, "bad.jsonl:6: NUL byte at column 21");
    assert_diag(&g, "bad.jsonl:7: \"text\" is not a string");
    assert_diag(&g, "bad.jsonl:8: not a JSON object");
    assert_diag(&g, "bad.jsonl:9: text after the JSON object");
    assert_diag(&g, "bad.jsonl:10: broken JSON");
    assert_diag(&g, "bad.jsonl:11: line of 69 bytes is over the 60-byte limit");
    assert_int_equal(g.errors, 10);
    assert_int_equal(sl_corpus_rejected(c), 10);
    assert_int_equal(sl_corpus_bytes(c), sizeof in - 1);
    sl_corpus_free(c);
}

static void test_jsonl_bom_and_crlf(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    const char *in = "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"after a BOM\"}\r\n{\"id\":\"c\",\"text\":\"crlf\"}\r\n";
    assert_int_equal(read_buf(c, "bom", in, &o), 0);
    assert_int_equal(sl_corpus_size(c), 2);
    assert_slice(sl_corpus_article(c, 0)->text, "after a BOM");
    assert_slice(sl_corpus_article(c, 1)->id, "c");
    sl_corpus_free(c);
}

static void test_empty_inputs(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    assert_int_equal(sl_corpus_read_buffer(c, "e.jsonl", "", 0, &o), SL_EINPUT);
    assert_int_equal(read_buf(c, "blank.jsonl", "\n  \n\n", &o), SL_EINPUT);
    assert_int_equal(read_buf(c, "e.txt", " \n\t\n", &o), SL_EINPUT);
    assert_int_equal(sl_corpus_size(c), 0);
    assert_diag(&g, "e.jsonl:0: empty file; skipped");
    assert_diag(&g, "blank.jsonl:0: empty file; skipped");
    assert_diag(&g, "e.txt:0: empty file; skipped");
    assert_int_equal(g.errors, 3);
    sl_corpus_free(c);
}

/* The JSONL fast path and the cJSON path read the same articles. */
static void test_jsonl_fast_path_agrees(void **state) {
    (void)state;
    const char in[] =
        "{\"id\":\"a\",\"text\":\"plain\"}\n"
        "{ \"text\" : \"spaced \\\"quoted\\\" \\/ \\\\ \\b\\f\\n\\r\\t\" , \"id\" : -1.5e3 }\n"
        "{\"text\":\"\\u00e9\\u20AC\\ud83d\\ude00\",\"x\":[1,{\"y\":[true,false,null]},\"s\"],\"id\":null}\n"
        "{\"text\":\"first\",\"text\":\"second\",\"title\":\"t1\",\"title\":7}\n"
        "{\"te\\u0078t\":\"escaped key\"}\n"
        "{\"text\":\"raw\ttab\"}\n"
        "{\"text\":\"x\",\"id\":true}\n"
        "{\"text\":\"x\",\"n\":01}\n"
        "{\"text\":\"x\",\"n\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}\n"
        "{\"text\":\"lone \\udc00\"}\n"
        "{\"text\":\"x\",\"date\":\"2020-01-02\",\"source\":\" S \",\"url\":\"u\"}\n"
        "{\"text\":\"x\"}  \t\n"
        "{\"text\":\"x\"}}\n"
        "{\"text\":\"x\",}\n"
        "{\"text\":\"not a NUL: \\\\u0000\"}\n";
    sl_corpus *fast = sl_corpus_new(), *slow = sl_corpus_new();
    int rf = sl_corpus_read_buffer(fast, "f.jsonl", in, sizeof in - 1, NULL);
    sl_jsonl_fast_path_off = 1;
    int rs = sl_corpus_read_buffer(slow, "f.jsonl", in, sizeof in - 1, NULL);
    sl_jsonl_fast_path_off = 0;
    assert_int_equal(rf, rs);
    assert_int_equal(sl_corpus_size(fast), sl_corpus_size(slow));
    assert_int_equal(sl_corpus_rejected(fast), sl_corpus_rejected(slow));
    assert_int_equal(sl_corpus_warnings(fast), sl_corpus_warnings(slow));
    assert_true(sl_corpus_size(fast) >= 9);
    for (size_t i = 0; i < sl_corpus_size(fast); i++) {
        const sl_article *a = sl_corpus_article(fast, i), *b = sl_corpus_article(slow, i);
        const sl_slice *fa[] = {&a->id, &a->title, &a->source, &a->url, &a->text};
        const sl_slice *fb[] = {&b->id, &b->title, &b->source, &b->url, &b->text};
        for (size_t k = 0; k < 5; k++) {
            assert_int_equal(fa[k]->len, fb[k]->len);
            if (fa[k]->len) assert_memory_equal(fa[k]->ptr, fb[k]->ptr, fa[k]->len);
        }
        assert_int_equal(a->date, b->date);
        assert_int_equal(a->line, b->line);
    }
    /* trailing white space (\f \n \r \t) trimmed, \b kept */
    assert_slice(sl_corpus_article(fast, 1)->text, "spaced \"quoted\" / \\ \b");
    assert_slice(sl_corpus_article(fast, 1)->id, "-1.5e3");
    assert_slice(sl_corpus_article(fast, 3)->text, "first");
    /* an escaped backslash before u0000 is text, not a NUL character */
    const sl_article *last = sl_corpus_article(fast, sl_corpus_size(fast) - 1);
    assert_slice(last->text, "not a NUL: \\u0000");
    sl_corpus_free(fast);
    sl_corpus_free(slow);
}

/* ---- plain text ------------------------------------------------------------------ */

static void test_text_rules(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_TEXT);
    sl_corpus *c = sl_corpus_new();
    /* date prefix and title */
    assert_int_equal(read_buf(c, "a.txt", " date 2023-11-06 Port strike ends\n\nWorkers returned. More.\n", &o), 0);
    /* a first line with final punctuation is not a title */
    assert_int_equal(read_buf(c, "b.txt", "The first sentence.\n\nSecond paragraph.", &o), 0);
    /* no blank line after the first line: not a title */
    assert_int_equal(read_buf(c, "c.txt", "Short line\nfollowed directly by text.", &o), 0);
    /* CRLF, blank lines with spaces, several blank lines, BOM */
    assert_int_equal(read_buf(c, "d.txt", "\xEF\xBB\xBF" "Headline Here\r\n \r\n\r\nBody.\r\n", &o), 0);
    /* title only */
    assert_int_equal(read_buf(c, "e.txt", "Only a title\n\n", &o), 0);
    /* a too long first line is not a title */
    char longline[400];
    memset(longline, 'x', 300);
    strcpy(longline + 300, "\n\nbody");
    assert_int_equal(read_buf(c, "f.txt", longline, &o), 0);
    /* a date prefix not followed by a blank: no date */
    assert_int_equal(read_buf(c, "g.txt", "date 2023-11-06x text", &o), 0);
    /* a question is not a title; a title may end in a quote */
    assert_int_equal(read_buf(c, "h.txt", "Who won?\n\nNobody.", &o), 0);
    assert_int_equal(read_buf(c, "i.txt", "Kim calls Putin \xE2\x80\x98" "closest comrade\xE2\x80\x99\n\nBody.", &o), 0);
    assert_int_equal(g.errors + g.warnings, 0);
    assert_int_equal(sl_corpus_size(c), 9);

    const sl_article *a = sl_corpus_article(c, 0);
    assert_slice(a->id, "a.txt");
    assert_int_equal(a->date, day(2023, 11, 6));
    assert_slice(a->title, "Port strike ends");
    assert_slice(a->text, "Workers returned. More.");
    assert_int_equal(a->line, 1);
    a = sl_corpus_article(c, 1);
    assert_slice(a->title, NULL);
    assert_slice(a->text, "The first sentence.\n\nSecond paragraph.");
    a = sl_corpus_article(c, 2);
    assert_slice(a->title, NULL);
    assert_slice(a->text, "Short line\nfollowed directly by text.");
    a = sl_corpus_article(c, 3);
    assert_slice(a->title, "Headline Here");
    assert_slice(a->text, "Body.");
    a = sl_corpus_article(c, 4);
    assert_slice(a->title, "Only a title");
    assert_slice(a->text, NULL);
    a = sl_corpus_article(c, 5);
    assert_slice(a->title, NULL);
    a = sl_corpus_article(c, 6);
    assert_int_equal(a->date, SL_NO_DATE);
    assert_slice(a->text, "date 2023-11-06x text");
    assert_slice(sl_corpus_article(c, 7)->title, NULL);
    assert_slice(sl_corpus_article(c, 8)->title, "Kim calls Putin \xE2\x80\x98" "closest comrade\xE2\x80\x99");
    sl_corpus_free(c);
}

static void test_text_bad(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_TEXT);
    sl_corpus *c = sl_corpus_new();
    const char bad[] = "Title\n\nline two\nline \xC3 three\n";
    assert_int_equal(sl_corpus_read_buffer(c, "u.txt", bad, sizeof bad - 1, &o), SL_EINPUT);
    const char nul[] = "one\ntwo\nthree \0 four";
    assert_int_equal(sl_corpus_read_buffer(c, "n.txt", nul, sizeof nul - 1, &o), SL_EINPUT);
    assert_int_equal(sl_corpus_size(c), 0);
    assert_diag(&g, "u.txt:4: invalid UTF-8 at byte 21");
    assert_diag(&g, "n.txt:3: NUL byte at byte 14");
    sl_corpus_free(c);
}

static void test_format_detection(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    const char *json = "{\"id\":\"j\",\"text\":\"json by content\"}\n";
    assert_int_equal(read_buf(c, "noext", json, &o), 0);                /* content: JSONL */
    assert_int_equal(read_buf(c, "x.txt", json, &o), 0);                /* name wins: text */
    assert_int_equal(read_buf(c, "plain", "Just words.", &o), 0);       /* content: text */
    o.format = SL_FORMAT_TEXT;
    assert_int_equal(read_buf(c, "forced.jsonl", json, &o), 0);         /* forced text */
    o.format = SL_FORMAT_JSONL;
    assert_int_equal(read_buf(c, "forced.txt", json, &o), 0);           /* forced JSONL */
    assert_int_equal(sl_corpus_size(c), 5);
    assert_slice(sl_corpus_article(c, 0)->text, "json by content");
    assert_slice(sl_corpus_article(c, 1)->text, "{\"id\":\"j\",\"text\":\"json by content\"}");
    assert_slice(sl_corpus_article(c, 2)->id, "plain");
    assert_slice(sl_corpus_article(c, 3)->id, "forced.jsonl");
    assert_slice(sl_corpus_article(c, 4)->id, "j");
    /* a NULL name reads as "-" */
    o.format = SL_FORMAT_AUTO;
    assert_int_equal(sl_corpus_read_buffer(c, NULL, "stdin text", 10, &o), 0);
    assert_string_equal(sl_corpus_article(c, 5)->file, "-");
    sl_corpus_free(c);
}

/* ---- files and directories ----------------------------------------------------------- */

static void test_directory_walk(void **state) {
    (void)state;
    char *dir = make_temp_dir();
    write_str(dir, "b.txt", "Second\n\nbody b");
    write_str(dir, "a.txt", " date 2024-01-02 First\n\nbody a");
    write_str(dir, "sub/c.txt", "body c");
    write_str(dir, "sub/deeper/d", "body d, no extension");
    write_str(dir, "B-upper.txt", "body B");
    write_str(dir, ".hidden.txt", "hidden file");
    write_str(dir, ".git/config", "hidden folder");
    write_str(dir, "empty.txt", "");
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    assert_int_equal(sl_corpus_read_path(c, dir, &o), SL_EINPUT);   /* the empty file */
    assert_int_equal(sl_corpus_size(c), 5);
    const char *want[] = {"B-upper.txt", "a.txt", "b.txt", "sub/c.txt", "sub/deeper/d"};
    for (size_t i = 0; i < 5; i++) assert_slice(sl_corpus_article(c, i)->id, want[i]);
    assert_int_equal(sl_corpus_article(c, 1)->date, day(2024, 1, 2));
    assert_slice(sl_corpus_article(c, 1)->title, "First");
    char path[1100];
    snprintf(path, sizeof path, "%s/empty.txt:0: empty file", dir);
    assert_diag(&g, path);
    assert_int_equal(g.errors, 1);
    /* a single file: its id is the base name */
    snprintf(path, sizeof path, "%s/sub/c.txt", dir);
    assert_int_equal(sl_corpus_read_path(c, path, &o), 0);
    assert_slice(sl_corpus_article(c, 5)->id, "c.txt");
    assert_string_equal(sl_corpus_article(c, 5)->file, path);
    sl_corpus_free(c);
    remove_tree(dir);
    free(dir);
}

static void test_directory_jsonl_only(void **state) {
    (void)state;
    char *dir = make_temp_dir();
    write_str(dir, "t1/articles.jsonl", "{\"id\":\"x1\",\"text\":\"one\"}\n{\"id\":\"x2\",\"text\":\"two\"}\n");
    write_str(dir, "t1/timelines/gold.txt", "2020-01-01\nnot an article\n");
    write_str(dir, "README.md", "not an article");
    write_str(dir, "meta.jsonl", "{\"topic\":\"a\",\"dates\":[1,2]}\n{\"topic\":\"b\"}\n");
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    assert_int_equal(sl_corpus_read_path(c, dir, &o), 0);
    assert_int_equal(sl_corpus_size(c), 2);
    assert_slice(sl_corpus_article(c, 0)->id, "x1");
    assert_int_equal(g.errors, 0);
    assert_diag(&g, "meta.jsonl:0: warning: no line has a \"text\" field: not an article file");
    assert_diag(&g, "warning: directory holds JSONL files: read those, passed over 2 other files");
    /* --input-format text reads every file as text */
    sl_corpus_free(c);
    c = sl_corpus_new();
    o = options(&g, SL_FORMAT_TEXT);
    assert_int_equal(sl_corpus_read_path(c, dir, &o), 0);
    assert_int_equal(sl_corpus_size(c), 4);
    sl_corpus_free(c);
    /* the same metadata file given directly is an error: it has no text */
    c = sl_corpus_new();
    o = options(&g, SL_FORMAT_AUTO);
    char path[1100];
    snprintf(path, sizeof path, "%s/meta.jsonl", dir);
    assert_int_equal(sl_corpus_read_path(c, path, &o), SL_EINPUT);
    assert_int_equal(g.errors, 2);
    sl_corpus_free(c);
    remove_tree(dir);
    free(dir);
}

static void test_unreadable_paths(void **state) {
    (void)state;
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    assert_int_equal(sl_corpus_read_path(c, "/nonexistent/sl-test/x.jsonl", &o), SL_EIO);
    assert_diag(&g, "/nonexistent/sl-test/x.jsonl:0: cannot open: No such file or directory");
    /* a path that exists but is no regular file or directory */
    assert_int_equal(sl_corpus_read_path(c, "/dev/null", &o), SL_EINPUT);   /* empty */
    if (geteuid() != 0) {   /* root reads everything */
        char *dir = make_temp_dir();
        write_str(dir, "locked.txt", "secret");
        write_str(dir, "open.txt", "readable");
        char path[1100];
        snprintf(path, sizeof path, "%s/locked.txt", dir);
        chmod(path, 0);
        sl_corpus *d = sl_corpus_new();
        assert_int_equal(sl_corpus_read_path(d, dir, &o), SL_EINPUT);
        assert_int_equal(sl_corpus_size(d), 1);
        assert_diag(&g, "locked.txt:0: cannot open: Permission denied");
        sl_corpus_free(d);
        chmod(path, 0644);
        remove_tree(dir);
        free(dir);
    }
    sl_corpus_free(c);
}

static void test_file_path_reading(void **state) {
    (void)state;
    /* a big JSONL file read through the path (mapped) equals the buffer read */
    char *dir = make_temp_dir();
    {
        size_t cap = 1 << 20, len = 0;
        char *data = malloc(cap);
        assert_non_null(data);
        for (int i = 0; i < 2000; i++)
            len += (size_t)snprintf(data + len, cap - len,
                                    "{\"id\":\"%d\",\"date\":\"2020-01-%02d\",\"text\":\"Article %d says \\\"hi\\\".\"}\n",
                                    i, i % 28 + 1, i);
        write_file(dir, "big.jsonl", data, len);
        sl_corpus *a = sl_corpus_new(), *b = sl_corpus_new();
        char path[1100];
        snprintf(path, sizeof path, "%s/big.jsonl", dir);
        assert_int_equal(sl_corpus_read_path(a, path, NULL), 0);
        assert_int_equal(sl_corpus_read_buffer(b, path, data, len, NULL), 0);
        assert_int_equal(sl_corpus_size(a), 2000);
        assert_int_equal(sl_corpus_size(b), 2000);
        assert_int_equal(sl_corpus_bytes(a), len);
        for (size_t i = 0; i < 2000; i++) {
            const sl_article *x = sl_corpus_article(a, i), *y = sl_corpus_article(b, i);
            assert_int_equal(x->text.len, y->text.len);
            assert_memory_equal(x->text.ptr, y->text.ptr, x->text.len);
            assert_int_equal(x->date, y->date);
        }
        assert_slice(sl_corpus_article(a, 7)->text, "Article 7 says \"hi\".");
        sl_corpus_free(a);
        sl_corpus_free(b);
        free(data);
    }
    remove_tree(dir);
    free(dir);
}

/* ---- the article API --------------------------------------------------------------- */

static void test_corpus_add_and_json(void **state) {
    (void)state;
    sl_corpus *c = sl_corpus_new();
    sl_article a = {0};
    a.id = (sl_slice){"id-1", 4};
    a.text = (sl_slice){"He said \"yes\".\n\tTab\x01.", 21};
    a.title = (sl_slice){"T\xC3\xA9", 3};
    a.date = day(2023, 11, 6);
    a.time = 3661;
    a.file = "mem";
    a.line = 3;
    assert_int_equal(sl_corpus_add(c, &a), 0);
    sl_article bad = a;
    bad.text = (sl_slice){"bad \xFF", 5};
    assert_int_equal(sl_corpus_add(c, &bad), SL_EINPUT);
    bad.text = (sl_slice){"nul \0 x", 7};
    assert_int_equal(sl_corpus_add(c, &bad), SL_EINPUT);
    assert_int_equal(sl_corpus_size(c), 1);
    assert_null(sl_corpus_article(c, 1));
    const sl_article *r = sl_corpus_article(c, 0);
    assert_ptr_not_equal(r->text.ptr, a.text.ptr);     /* copied */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(sl_article_write_json(f, r), 0);
    a.time = SL_NO_TIME;
    a.date = SL_NO_DATE;
    a.title = (sl_slice){NULL, 0};
    assert_int_equal(sl_corpus_add(c, &a), 1);
    assert_int_equal(sl_article_write_json(f, sl_corpus_article(c, 1)), 0);
    fclose(f);
    assert_string_equal(buf,
                        "{\"id\":\"id-1\",\"date\":\"2023-11-06T01:01:01Z\",\"title\":\"T\xC3\xA9\","
                        "\"source\":null,\"url\":null,\"text\":\"He said \\\"yes\\\".\\n\\tTab\\u0001.\"}\n"
                        "{\"id\":\"id-1\",\"date\":null,\"title\":null,"
                        "\"source\":null,\"url\":null,\"text\":\"He said \\\"yes\\\".\\n\\tTab\\u0001.\"}\n");
    free(buf);
    /* the vocabulary is created on demand and shared */
    sl_vocab *v = sl_corpus_vocab(c);
    assert_non_null(v);
    assert_ptr_equal(v, sl_corpus_vocab(c));
    sl_corpus_free(c);
    sl_corpus_free(NULL);
}

/* ---- the seeds --------------------------------------------------------------------- */

static const sl_article *find_seed(sl_corpus *c, const char *prefix) {
    for (size_t i = 0; i < sl_corpus_size(c); i++) {
        const sl_article *a = sl_corpus_article(c, i);
        if (a->id.len >= 3 && memcmp(a->id.ptr, prefix, 3) == 0) return a;
    }
    return NULL;
}

static void test_seeds(void **state) {
    (void)state;
    REQUIRE_SHARED(shared);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/seeds", shared);
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    assert_int_equal(sl_corpus_read_path(c, dir, &o), 0);
    assert_int_equal(g.errors + g.warnings, 0);
    assert_int_equal(sl_corpus_size(c), 5);
    const sl_article *a = find_seed(c, "000");
    assert_non_null(a);
    assert_slice(a->title, "North Korea\xE2\x80\x99s Kim calls Putin \xE2\x80\x98" "closest comrade\xE2\x80\x99 in birthday message");
    assert_int_equal(a->date, SL_NO_DATE);
    assert_true(a->text.len > 0 && memcmp(a->text.ptr, "Kim Jong Un", 11) == 0);
    a = find_seed(c, "001");
    assert_non_null(a);
    assert_slice(a->title, NULL);
    a = find_seed(c, "002");
    assert_non_null(a);
    assert_int_equal(a->date, day(2023, 11, 6));
    assert_true(memcmp(a->text.ptr, "North Korean leader", 19) == 0);
    assert_slice(a->title, NULL);
    a = find_seed(c, "003");
    assert_non_null(a);
    assert_int_equal(a->date, day(2023, 6, 12));
    assert_true(memcmp(a->text.ptr, "Follow us on", 12) == 0);
    a = find_seed(c, "004");
    assert_non_null(a);
    assert_slice(a->title, "Kim Jong-un pledges N. Korea\xE2\x80\x99s \xE2\x80\x98" "full and unconditional support\xE2\x80\x99 for Putin during summit");
    assert_true(memcmp(a->text.ptr, "North Korea leader", 18) == 0);
    /* every seed tokenises and splits without surprises */
    for (size_t i = 0; i < sl_corpus_size(c); i++) {
        a = sl_corpus_article(c, i);
        size_t nt = sl_tokenize(a->text.ptr, a->text.len, NULL, 0);
        size_t ns = sl_split_sentences(a->text.ptr, a->text.len, NULL, 0);
        assert_true(nt > 50);
        assert_true(ns >= 3 && ns < nt / 5);
    }
    sl_corpus_free(c);
}

static void test_t17(void **state) {
    (void)state;
    REQUIRE_SHARED(shared);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/data/t17", shared);
    diags g;
    sl_read_options o = options(&g, SL_FORMAT_AUTO);
    sl_corpus *c = sl_corpus_new();
    assert_int_equal(sl_corpus_read_path(c, dir, &o), 0);
    assert_int_equal(g.errors, 0);
    assert_int_equal(sl_corpus_size(c), 2304);
    for (size_t i = 0; i < sl_corpus_size(c); i++) assert_int_not_equal(sl_corpus_article(c, i)->date, SL_NO_DATE);
    sl_corpus_free(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_ids),
        cmocka_unit_test(test_jsonl_fields),
        cmocka_unit_test(test_jsonl_dates),
        cmocka_unit_test(test_jsonl_bad_lines),
        cmocka_unit_test(test_jsonl_bom_and_crlf),
        cmocka_unit_test(test_jsonl_fast_path_agrees),
        cmocka_unit_test(test_empty_inputs),
        cmocka_unit_test(test_text_rules),
        cmocka_unit_test(test_text_bad),
        cmocka_unit_test(test_format_detection),
        cmocka_unit_test(test_directory_walk),
        cmocka_unit_test(test_directory_jsonl_only),
        cmocka_unit_test(test_unreadable_paths),
        cmocka_unit_test(test_file_path_reading),
        cmocka_unit_test(test_corpus_add_and_json),
        cmocka_unit_test(test_seeds),
        cmocka_unit_test(test_t17),
    };
    return cmocka_run_group_tests_name("ingest", tests, NULL, NULL);
}
