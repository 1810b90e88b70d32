/*
 * cluster.c — `storyline cluster`: group articles into events and stories.
 *
 * Reads articles, feeds them to an sl_cluster model (loaded from --state
 * when the file exists, saved back after), and writes one JSON line per
 * input article, in input order: {"id","event","story"}.  With --summary it
 * prints the stories instead, largest first, each with its events in date
 * order (date span, size, top terms, label).
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char help[] =
    "usage: storyline cluster [options] [FILE|DIR|-]...\n"
    "\n"
    "Group articles into events (what happened, over days) and stories (long-\n"
    "running threads of events, over months).  Articles are taken in time\n"
    "order; each joins the most similar recent event or starts one, and each\n"
    "new event joins the most similar story or starts one.  Works on full\n"
    "articles and on title-only items (RSS headlines).\n"
    "\n"
    "Output: one JSON line per article, in input order:\n"
    "  {\"id\": ..., \"event\": N, \"story\": M}\n"
    "Event and story ids are positive integers, stable across runs with --state.\n"
    "Input is first cleaned (web-page furniture removed, as `storyline clean`)\n"
    "and deduplicated (as `storyline dedup`): a copy joins its original's event.\n"
    "\n"
    "Options:\n"
    "  --state FILE          load the model from FILE if it exists and save it\n"
    "                        back afterwards: later runs put new articles into the\n"
    "                        same events and stories without redoing the past\n"
    "  --summary             print the stories and their events (date span, size,\n"
    "                        top terms, label) instead of the JSON lines\n"
    "  --event-threshold X   similarity needed to join an event (default 0.08)\n"
    "  --story-threshold X   similarity needed to join a story (default 0.07)\n"
    "  --merge-threshold X   centroid similarity at which events merge (0.15)\n"
    "  --story-merge-threshold X  centroid similarity at which stories merge (0.15)\n"
    "  --no-clean            cluster the texts as they are\n"
    "  --no-dedup            do not look for copies first\n"
    "  --close-days N        events idle N days are closed (default 14)\n"
    "  --story-close-days N  stories idle N days are closed (default 365)\n";

enum {
    OPT_STATE = 0x2001,
    OPT_SUMMARY,
    OPT_EVENT_T,
    OPT_STORY_T,
    OPT_MERGE_T,
    OPT_STORY_MERGE_T,
    OPT_CLOSE,
    OPT_STORY_CLOSE,
    OPT_NO_CLEAN,
    OPT_NO_DEDUP,
};

static int parse_unit(const char *cmd, const char *name, const char *arg, double *out) {
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (errno || *end || end == arg || !(v >= 0.0 && v <= 1.0))
        return cli_usage_error(cmd, "%s must be a number in 0..1, not '%s'", name, arg), -1;
    *out = v;
    return 0;
}

/* A JSON string literal (ids are valid UTF-8: only escapes are needed). */
static void put_json_string(FILE *f, const char *s, size_t len) {
    putc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') { putc('\\', f); putc(c, f); }
        else if (c < 0x20) fprintf(f, "\\u%04x", c);
        else putc(c, f);
    }
    putc('"', f);
}

static void print_date(FILE *f, int32_t day) {
    char buf[11];
    if (day == SL_NO_DATE) fputs("undated", f);
    else {
        sl_format_date(day, buf);
        fputs(buf, f);
    }
}

static void print_span(FILE *f, const sl_cluster_info *info) {
    print_date(f, info->first_day);
    if (info->last_day != info->first_day) {
        fputs("..", f);
        print_date(f, info->last_day);
    }
}

static void print_terms(FILE *f, const sl_cluster *m, int kind, int64_t id, size_t n) {
    sl_slice terms[16];
    size_t k = sl_cluster_top_terms(m, kind, id, terms, n < 16 ? n : 16);
    fputs("[", f);
    for (size_t i = 0; i < k; i++) fprintf(f, "%s%.*s", i ? ", " : "", (int)terms[i].len, terms[i].ptr);
    fputs("]", f);
}

static void print_summary(FILE *f, const sl_cluster *m) {
    size_t ns = sl_cluster_story_count(m);
    int64_t *events = NULL;
    size_t cap = 0;
    size_t singles = 0;
    for (size_t k = 0; k < ns; k++) {
        sl_cluster_info st;
        if (sl_cluster_story(m, k, &st)) break;
        if (st.articles < 2) { singles++; continue; }
        fprintf(f, "story %lld  ", (long long)st.id);
        print_span(f, &st);
        fprintf(f, "  %llu articles, %u event%s  ", (unsigned long long)st.articles, st.events,
                st.events == 1 ? "" : "s");
        print_terms(f, m, 1, st.id, 6);
        fprintf(f, "\n  %.*s\n", (int)st.label.len, st.label.ptr);
        size_t ne = sl_cluster_story_events(m, st.id, events, cap);
        if (ne > cap) {
            free(events);
            cap = ne;
            events = malloc(cap * sizeof *events);
            if (!events) return;
            ne = sl_cluster_story_events(m, st.id, events, cap);
        }
        for (size_t j = 0; j < ne; j++) {
            sl_cluster_info ev;
            if (sl_cluster_event(m, events[j], &ev)) continue;
            fprintf(f, "    event %lld  ", (long long)ev.id);
            print_span(f, &ev);
            fprintf(f, "  %llu  ", (unsigned long long)ev.articles);
            print_terms(f, m, 0, ev.id, 4);
            fprintf(f, "  %.*s\n", (int)ev.label.len, ev.label.ptr);
        }
    }
    if (singles) fprintf(f, "(%zu more stories of a single article)\n", singles);
    free(events);
}

int cmd_cluster(int argc, char **argv) {
    cli_common opt;
    cli_common_init(&opt);
    sl_cluster_options copt;
    sl_cluster_options_init(&copt);
    const char *state = NULL;
    int summary = 0;
    int tuned = 0;
    int do_clean = 1, do_dedup = 1;
    static const struct option longopts[] = {
        {"state", required_argument, NULL, OPT_STATE},
        {"summary", no_argument, NULL, OPT_SUMMARY},
        {"event-threshold", required_argument, NULL, OPT_EVENT_T},
        {"story-threshold", required_argument, NULL, OPT_STORY_T},
        {"merge-threshold", required_argument, NULL, OPT_MERGE_T},
        {"story-merge-threshold", required_argument, NULL, OPT_STORY_MERGE_T},
        {"close-days", required_argument, NULL, OPT_CLOSE},
        {"story-close-days", required_argument, NULL, OPT_STORY_CLOSE},
        {"no-clean", no_argument, NULL, OPT_NO_CLEAN},
        {"no-dedup", no_argument, NULL, OPT_NO_DEDUP},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        int r = cli_common_option(&opt, "cluster", ch, optarg);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        switch (ch) {
        case 'h': fputs(help, stdout); fputs(cli_common_help, stdout); return EXIT_OK;
        case OPT_STATE: state = optarg; break;
        case OPT_SUMMARY: summary = 1; break;
        case OPT_NO_CLEAN: do_clean = 0; break;
        case OPT_NO_DEDUP: do_dedup = 0; break;
        case OPT_EVENT_T:
            if (parse_unit("cluster", "--event-threshold", optarg, &copt.event_threshold)) return EXIT_USAGE;
            tuned = 1;
            break;
        case OPT_STORY_T:
            if (parse_unit("cluster", "--story-threshold", optarg, &copt.story_threshold)) return EXIT_USAGE;
            tuned = 1;
            break;
        case OPT_MERGE_T:
            if (parse_unit("cluster", "--merge-threshold", optarg, &copt.merge_threshold)) return EXIT_USAGE;
            tuned = 1;
            break;
        case OPT_STORY_MERGE_T:
            if (parse_unit("cluster", "--story-merge-threshold", optarg, &copt.story_merge_threshold))
                return EXIT_USAGE;
            tuned = 1;
            break;
        case OPT_CLOSE:
        case OPT_STORY_CLOSE: {
            long v = cli_parse_count(optarg);
            if (v < 1 || v > 100000)
                return cli_usage_error("cluster", "%s must be 1..100000 days, not '%s'",
                                       ch == OPT_CLOSE ? "--close-days" : "--story-close-days", optarg);
            if (ch == OPT_CLOSE) copt.close_days = (int32_t)v;
            else copt.story_close_days = (int32_t)v;
            tuned = 1;
            break;
        }
        default: return cli_usage_error("cluster", "unknown option");
        }
    }
    copt.threads = opt.threads;

    sl_cluster *m = NULL;
    if (state) {
        struct stat sb;
        if (stat(state, &sb) == 0) {
            int err;
            m = sl_cluster_load(state, &copt, &err);
            if (!m) {
                fprintf(stderr, "storyline: %s: cannot load the model: %s\n", state,
                        err == SL_EINPUT ? "not a storyline cluster model (or another version)"
                                         : sl_strerror(err));
                return EXIT_BAD_INPUT;
            }
            if (tuned && !opt.quiet)
                fprintf(stderr, "storyline: %s: warning: the model keeps its saved thresholds\n", state);
        }
    }
    if (!m) m = sl_cluster_new(&copt);
    sl_corpus *c = sl_corpus_new();
    if (!m || !c) {
        fprintf(stderr, "storyline: out of memory\n");
        sl_cluster_free(m);
        sl_corpus_free(c);
        return EXIT_BAD_INPUT;
    }
    int status = cli_read_inputs(c, &opt, argc, argv, optind);
    size_t n = sl_corpus_size(c);
    int64_t *ev = malloc((n ? n : 1) * sizeof *ev);
    int64_t *st = malloc((n ? n : 1) * sizeof *st);
    uint32_t *copy_of = NULL;
    int rc = (ev && st) ? 0 : SL_ENOMEM;
    if (!rc && n && do_clean) {
        sl_clean_options cl;
        sl_clean_options_init(&cl);
        cl.threads = opt.threads;
        rc = sl_clean_corpus(c, &cl, NULL);
    }
    if (!rc && n && do_dedup) {
        sl_dedup_options dd;
        sl_dedup_options_init(&dd);
        dd.threads = opt.threads;
        sl_dedup *d = NULL;
        rc = sl_dedup_run(c, &dd, &d);
        copy_of = malloc(n * sizeof *copy_of);
        if (!rc && !copy_of) rc = SL_ENOMEM;
        for (size_t i = 0; !rc && i < n; i++) copy_of[i] = (uint32_t)sl_dedup_group(d, i);
        sl_dedup_free(d);
    }
    if (!rc) rc = sl_cluster_add(m, c, copy_of, ev, st);
    free(copy_of);
    if (rc) {
        fprintf(stderr, "storyline: clustering failed: %s\n", sl_strerror(rc));
        status = EXIT_BAD_INPUT;
    } else {
        cli_buffer_stdout();
        if (summary) {
            print_summary(stdout, m);
        } else {
            for (size_t i = 0; i < n; i++) {
                const sl_article *a = sl_corpus_article(c, i);
                fputs("{\"id\":", stdout);
                put_json_string(stdout, a->id.ptr, a->id.len);
                printf(",\"event\":%lld,\"story\":%lld}\n", (long long)ev[i], (long long)st[i]);
            }
        }
        if (fflush(stdout) != 0) { perror("storyline: writing output"); status = EXIT_BAD_INPUT; }
        if (state) {
            int r = sl_cluster_save(m, state);
            if (r) {
                fprintf(stderr, "storyline: %s: cannot save the model: %s\n", state, sl_strerror(r));
                status = EXIT_BAD_INPUT;
            }
        }
    }
    free(ev);
    free(st);
    sl_corpus_free(c);
    sl_cluster_free(m);
    return status;
}
