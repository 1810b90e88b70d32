/*
 * dedup.c — `storyline dedup`: group copies of the same article.
 *
 * Reads articles, runs sl_dedup_run and writes one JSON line per article in
 * input order: {"id","group","representative","similarity","relation"}
 * where group is the id of the group's representative (earliest, then most
 * complete) and relation how the article relates to it (exact, near,
 * excerpt, spun; null for a representative).  --explain ID1 ID2 prints why
 * two articles are or are not grouped instead.  --stats prints figures of
 * the run on stderr.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline dedup [options] [FILE|DIR|-]...\n"
    "\n"
    "Group exact copies, near copies (other site furniture, edits, typos),\n"
    "excerpts and machine-spun copies (synonyms swapped in). Writes one JSON\n"
    "line per article, in input order:\n"
    "  {\"id\",\"group\",\"representative\",\"similarity\",\"relation\"}\n"
    "group: id of the group's representative (earliest date, then the most\n"
    "complete text); relation: exact, near, excerpt or spun (null for the\n"
    "representative); similarity: share of the smaller text's synonym-class\n"
    "shingles found in the larger (1 for the representative).\n"
    "\n"
    "Options:\n"
    "  --explain ID1 ID2   explain why two articles are or are not grouped\n"
    "  --no-clean          do not strip page furniture before comparing\n"
    "  --no-synonyms       compare words, not WordNet synonym classes\n"
    "  --wordnet DIR       WordNet database (default $SL_WORDNET_DIR or\n"
    "                      /usr/share/wordnet; index.noun, .verb, .adj, .adv)\n"
    "  --threshold X       containment needed to join two articles (0.4)\n"
    "  --fingerprints N    index entries per article (12): more finds shorter\n"
    "                      excerpts and costs memory\n"
    "  --stats             print figures of the run on stderr\n";

/* Writes s[0..len) as a JSON string (ids are valid UTF-8: only quotes,
 * backslashes and control characters need escaping). */
static void put_json_string(FILE *f, const char *s, size_t len) {
    putc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\') { putc('\\', f); putc(ch, f); }
        else if (ch < 0x20) fprintf(f, "\\u%04x", ch);
        else putc(ch, f);
    }
    putc('"', f);
}

static long find_id(const sl_corpus *c, const char *id) {
    size_t n = sl_corpus_size(c), len = strlen(id);
    for (size_t i = 0; i < n; i++) {
        const sl_article *a = sl_corpus_article(c, i);
        if (a->id.len == len && memcmp(a->id.ptr, id, len) == 0) return (long)i;
    }
    return -1;
}

int cmd_dedup(int argc, char **argv) {
    cli_common opt;
    cli_common_init(&opt);
    sl_dedup_options dopt;
    sl_dedup_options_init(&dopt);
    const char *explain[2] = {NULL, NULL};
    int stats = 0, clean = 1;
    /* --explain takes two values: take them out before getopt sees them */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        if (strcmp(argv[i], "--explain") != 0) continue;
        if (i + 2 >= argc) return cli_usage_error("dedup", "--explain needs two article ids");
        explain[0] = argv[i + 1];
        explain[1] = argv[i + 2];
        for (int k = i; k + 3 < argc; k++) argv[k] = argv[k + 3];
        argc -= 3;
        argv[argc] = NULL;
        i--;
    }
    static const struct option longopts[] = {
        {"no-clean", no_argument, NULL, 'C'},
        {"no-synonyms", no_argument, NULL, 'S'},
        {"wordnet", required_argument, NULL, 'W'},
        {"threshold", required_argument, NULL, 'T'},
        {"fingerprints", required_argument, NULL, 'F'},
        {"stats", no_argument, NULL, 's'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        int r = cli_common_option(&opt, "dedup", ch, optarg);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        switch (ch) {
        case 'h': fputs(help, stdout); fputs(cli_common_help, stdout); return EXIT_OK;
        case 'C': clean = 0; break;
        case 'S': dopt.synonyms = 0; break;
        case 'W': dopt.wordnet_dir = optarg; break;
        case 's': stats = 1; break;
        case 'T': {
            char *end;
            double x = strtod(optarg, &end);
            if (*end || !(x > 0 && x <= 1))
                return cli_usage_error("dedup", "--threshold must be in (0, 1], not '%s'", optarg);
            dopt.min_containment = x;
            break;
        }
        case 'F': {
            long v = cli_parse_count(optarg);
            if (v < 4 || v > 100000)
                return cli_usage_error("dedup", "--fingerprints must be 4..100000, not '%s'", optarg);
            dopt.fingerprints = (unsigned)v;
            break;
        }
        default: return cli_usage_error("dedup", "unknown option");
        }
    }
    dopt.threads = opt.threads;
    sl_corpus *c = sl_corpus_new();
    if (!c) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
    double t0 = cli_now();
    int status = cli_read_inputs(c, &opt, argc, argv, optind);
    double t_read = cli_now() - t0;
    double t_clean = 0;
    if (clean) {
        /* page furniture out first: it hides copies and inflates lengths */
        double tc = cli_now();
        sl_clean_options copt;
        sl_clean_options_init(&copt);
        copt.threads = opt.threads;
        if (sl_clean_corpus(c, &copt, NULL)) {
            fprintf(stderr, "storyline dedup: out of memory\n");
            sl_corpus_free(c);
            return EXIT_BAD_INPUT;
        }
        t_clean = cli_now() - tc;
    }
    long ex[2] = {-1, -1};
    if (explain[0]) {
        for (int k = 0; k < 2; k++) {
            ex[k] = find_id(c, explain[k]);
            if (ex[k] < 0) {
                fprintf(stderr, "storyline dedup: no article with id '%s'\n", explain[k]);
                sl_corpus_free(c);
                return EXIT_BAD_INPUT;
            }
        }
    }
    if (explain[0]) {
        dopt.watch_a = (size_t)ex[0];
        dopt.watch_b = (size_t)ex[1];
    }
    sl_dedup *d = NULL;
    int r = sl_dedup_run(c, &dopt, &d);
    if (r) {
        fprintf(stderr, "storyline dedup: %s\n", sl_strerror(r));
        sl_corpus_free(c);
        return EXIT_BAD_INPUT;
    }
    if (dopt.synonyms && !sl_dedup_synonyms_used(d) && !opt.quiet)
        fprintf(stderr, "storyline dedup: warning: WordNet not found (%s): spun copies will be "
                        "missed; install wordnet-base or use --wordnet DIR\n",
                dopt.wordnet_dir ? dopt.wordnet_dir : "/usr/share/wordnet");
    cli_buffer_stdout();
    if (explain[0]) {
        if (sl_dedup_explain(d, c, (size_t)ex[0], (size_t)ex[1], stdout)) {
            fprintf(stderr, "storyline dedup: out of memory\n");
            status = EXIT_BAD_INPUT;
        }
    } else {
        size_t n = sl_corpus_size(c);
        for (size_t i = 0; i < n; i++) {
            const sl_article *a = sl_corpus_article(c, i);
            const sl_article *rep = sl_corpus_article(c, sl_dedup_group(d, i));
            fputs("{\"id\":", stdout);
            put_json_string(stdout, a->id.ptr, a->id.len);
            fputs(",\"group\":", stdout);
            put_json_string(stdout, rep->id.ptr, rep->id.len);
            const char *rel = sl_dup_relation_name(sl_dedup_relation(d, i));
            printf(",\"representative\":%s,\"similarity\":%.3f,\"relation\":",
                   sl_dedup_is_representative(d, i) ? "true" : "false", sl_dedup_similarity(d, i));
            if (rel) printf("\"%s\"}\n", rel);
            else fputs("null}\n", stdout);
        }
    }
    if (fflush(stdout) != 0) { perror("storyline: writing output"); status = EXIT_BAD_INPUT; }
    if (stats) {
        sl_dedup_stats st;
        sl_dedup_get_stats(d, &st);
        double mb = 0;  /* of article text, as compared */
        for (size_t i = 0; i < sl_corpus_size(c); i++) mb += (double)sl_corpus_article(c, i)->text.len / 1e6;
        double stage = st.seconds_total - st.seconds_wordnet;
        fprintf(stderr,
                "articles %zu  groups %zu  exact copies %zu  candidate pairs %zu  accepted %zu\n"
                "read %.3f s  clean %.3f s  wordnet %.3f s  features %.3f s  index %.3f s  verify %.3f s  "
                "dedup stage %.3f s (%.1f MB/s, %d threads)\n"
                "index memory %zu bytes (%.0f bytes/article); verification sets %zu bytes "
                "(%.0f bytes/article)\n",
                st.articles, st.groups, st.exact_copies, st.candidates, st.accepted, t_read, t_clean,
                st.seconds_wordnet, st.seconds_features, st.seconds_index, st.seconds_verify, stage,
                stage > 0 ? mb / stage : 0.0, opt.threads, st.index_bytes,
                st.articles ? (double)st.index_bytes / (double)st.articles : 0.0, st.working_bytes,
                st.articles ? (double)st.working_bytes / (double)st.articles : 0.0);
    }
    sl_dedup_free(d);
    sl_corpus_free(c);
    return status;
}
