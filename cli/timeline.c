/*
 * timeline.c — `storyline timeline`: the dated, deduplicated timeline of the
 * articles read (one story).
 *
 * Reads every input into one corpus, builds the timeline with
 * sl_timeline_build and writes it as text, JSON or HTML (sl_timeline_write).
 * The default format is text when standard output is a terminal and JSON
 * otherwise.  Exit status: 0, 1 when some input was rejected (the timeline
 * of the valid articles is still written), 2 on a usage error.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char help[] =
    "usage: storyline timeline [options] [FILE|DIR|-]...\n"
    "\n"
    "Write the timeline of a story: the dates on which something important\n"
    "happened and, for each, the few sentences that say what happened, with the\n"
    "ids of the articles they come from.  Every sentence is dated to the event it\n"
    "reports (\"on Monday\", \"June 12\" resolved against the article's publication\n"
    "date; else the publication date); dates are ranked by how much the articles\n"
    "refer to them; near-duplicate sentences, fragments and boilerplate are left\n"
    "out.  All inputs together are one story (see 'storyline run' for many).\n"
    "\n"
    "Options:\n"
    "  --dates N           number of dates (default: chosen from the data)\n"
    "  --sentences K       sentences per date (default 2)\n"
    "  --from DATE         only events on or after DATE (YYYY-MM-DD)\n"
    "  --to DATE           only events on or before DATE\n"
    "  --query WORDS       focus: only sentences with one of these words, ranked\n"
    "                      by them (default: the story's own keywords)\n"
    "  --format FMT        text, json or html (default: text on a terminal, else\n"
    "                      json: {\"timeline\":[{\"date\",\"sentences\",\"sources\"}]})\n"
    "  --title TITLE       heading of the text and HTML forms\n"
    "  --no-clean          do not strip web boilerplate from the texts first\n";

enum { OPT_DATES = 0x2001, OPT_SENTENCES, OPT_FROM, OPT_TO, OPT_QUERY, OPT_FORMAT, OPT_TITLE,
       OPT_NO_CLEAN };

static int parse_day(const char *arg, const char *name, int32_t *day) {
    if (sl_parse_date(arg, strlen(arg), day, NULL) != 0) {
        cli_usage_error("timeline", "%s wants a date YYYY-MM-DD, not '%s'", name, arg);
        return -1;
    }
    return 0;
}

int cmd_timeline(int argc, char **argv) {
    cli_common opt;
    cli_common_init(&opt);
    sl_timeline_options to;
    sl_timeline_options_init(&to);
    int format = -1;
    const char *title = NULL;
    static const struct option longopts[] = {
        {"dates", required_argument, NULL, OPT_DATES},
        {"sentences", required_argument, NULL, OPT_SENTENCES},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"query", required_argument, NULL, OPT_QUERY},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"title", required_argument, NULL, OPT_TITLE},
        {"no-clean", no_argument, NULL, OPT_NO_CLEAN},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "hq", longopts, NULL)) != -1) {
        int r = cli_common_option(&opt, "timeline", ch, optarg);
        if (r < 0) return EXIT_USAGE;
        if (r > 0) continue;
        long n;
        switch (ch) {
        case 'h': fputs(help, stdout); fputs(cli_common_help, stdout); return EXIT_OK;
        case OPT_DATES:
            n = cli_parse_count(optarg);
            if (n < 1 || n > 100000)
                return cli_usage_error("timeline", "--dates must be 1..100000, not '%s'", optarg);
            to.dates = (size_t)n;
            break;
        case OPT_SENTENCES:
            n = cli_parse_count(optarg);
            if (n < 1 || n > 1000)
                return cli_usage_error("timeline", "--sentences must be 1..1000, not '%s'", optarg);
            to.sentences = (size_t)n;
            break;
        case OPT_FROM:
            if (parse_day(optarg, "--from", &to.from)) return EXIT_USAGE;
            break;
        case OPT_TO:
            if (parse_day(optarg, "--to", &to.to)) return EXIT_USAGE;
            break;
        case OPT_QUERY: to.query = optarg; break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0) format = SL_TIMELINE_TEXT;
            else if (strcmp(optarg, "json") == 0) format = SL_TIMELINE_JSON;
            else if (strcmp(optarg, "html") == 0) format = SL_TIMELINE_HTML;
            else return cli_usage_error("timeline", "--format must be text, json or html, not '%s'", optarg);
            break;
        case OPT_TITLE: title = optarg; break;
        case OPT_NO_CLEAN: to.clean = 0; break;
        default: return cli_usage_error("timeline", "unknown option");
        }
    }
    if (to.from != SL_NO_DATE && to.to != SL_NO_DATE && to.from > to.to)
        return cli_usage_error("timeline", "--from is after --to");
    if (format < 0) format = isatty(1) ? SL_TIMELINE_TEXT : SL_TIMELINE_JSON;

    sl_corpus *c = sl_corpus_new();
    if (!c) { fprintf(stderr, "storyline: out of memory\n"); return EXIT_BAD_INPUT; }
    int status = cli_read_inputs(c, &opt, argc, argv, optind);
    if (to.clean) {
        /* clean the whole corpus at once: lines repeated across unrelated
         * articles (site templates) are then recognised as furniture */
        sl_clean_options co;
        sl_clean_options_init(&co);
        co.threads = opt.threads;
        if (sl_clean_corpus(c, &co, NULL) != 0) {
            fprintf(stderr, "storyline: out of memory\n");
            sl_corpus_free(c);
            return EXIT_BAD_INPUT;
        }
        to.clean = 0;
    }
    sl_timeline *t = NULL;
    int r = sl_timeline_build(c, NULL, 0, &to, &t);
    if (r) {
        fprintf(stderr, "storyline timeline: %s\n", sl_strerror(r));
        sl_corpus_free(c);
        return EXIT_BAD_INPUT;
    }
    cli_buffer_stdout();
    if (sl_timeline_write(stdout, t, (sl_timeline_format)format, title) != 0 || fflush(stdout) != 0) {
        perror("storyline: writing output");
        status = EXIT_BAD_INPUT;
    }
    sl_timeline_free(t);
    sl_corpus_free(c);
    return status;
}
