#!/usr/bin/env python3
"""check_report.py — checks a `storyline run` report folder for consistency
and for expected facts.  Exit 0 when every check passes; prints each failure.

Always checked: the four files exist and parse; articles.jsonl has each
article once; a group names a representative that is its own group; a copy
is in its representative's event and story; stories are numbered 1.. in
size order; every event's members are articles of that story and each
article is in exactly one event; per-day counts add up to the dated
articles; timeline dates are increasing, sources are known articles;
index.html has a section and a timeline per story shown, and loads nothing
from the network.

Expectations (repeatable):
  --articles N          exactly N articles
  --copy ID=GROUP       ID is a copy whose group is GROUP
  --same-group A,B      A and B are in one copy group
  --top-stories A,B,..  the largest stories, in any order, hold A, B, ...
  --relation ID=REL     ID's relation is REL
  --same-story A,B      A and B are in one story
  --other-story A,B     A and B are in different stories
  --min-stories N       at least N stories
  --timeline-date ID=D  the timeline of ID's story has date D
"""
import argparse
import json
import os
import re
import sys

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
    return cond


def pairs(values, sep="="):
    out = []
    for v in values or []:
        a, _, b = v.partition(sep)
        out.append((a, b))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report")
    ap.add_argument("--articles", type=int)
    ap.add_argument("--copy", action="append")
    ap.add_argument("--relation", action="append")
    ap.add_argument("--same-group", action="append")
    ap.add_argument("--top-stories")
    ap.add_argument("--same-story", action="append")
    ap.add_argument("--other-story", action="append")
    ap.add_argument("--min-stories", type=int)
    ap.add_argument("--timeline-date", action="append")
    args = ap.parse_args()
    d = args.report

    for name in ("index.html", "articles.jsonl", "stories.json", "timelines.json"):
        if not check(os.path.isfile(os.path.join(d, name)), f"{name} missing"):
            return
    arts = {}
    with open(os.path.join(d, "articles.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            a = json.loads(line)
            check(a["id"] not in arts, f"article {a['id']} twice")
            arts[a["id"]] = a
    stories = json.load(open(os.path.join(d, "stories.json"), encoding="utf-8"))
    timelines = json.load(open(os.path.join(d, "timelines.json"), encoding="utf-8"))
    html = open(os.path.join(d, "index.html"), encoding="utf-8").read()

    # Groups and copies.
    for a in arts.values():
        g = arts.get(a["group"])
        if not check(g is not None, f"{a['id']}: group {a['group']} is not an article"):
            continue
        check(g["group"] == g["id"], f"{a['id']}: representative {g['id']} is itself a copy")
        check(a["representative"] == (a["group"] == a["id"]), f"{a['id']}: representative flag")
        check((a["relation"] == "original") == a["representative"], f"{a['id']}: relation {a['relation']}")
        check(a["event"] == g["event"] and a["story"] == g["story"], f"{a['id']}: not with its original")
        check(a["relation"] in ("original", "exact", "near", "excerpt", "spun"), f"{a['id']}: relation")

    # Stories and events.
    sl = stories["stories"]
    check(stories["summary"]["articles"] == len(arts), "summary articles count")
    check(stories["summary"]["stories"] == len(sl), "summary stories count")
    seen = {}
    prev = None
    for k, s in enumerate(sl, 1):
        check(s["story"] == k, f"story numbered {s['story']} at rank {k}")
        check(prev is None or s["articles"] <= prev, f"story {k} larger than the one before")
        prev = s["articles"]
        members = 0
        for e in s["events"]:
            for m in e["members"]:
                check(m in arts, f"event {e['event']}: unknown member {m}")
                check(m not in seen, f"{m} in two events")
                seen[m] = e["event"]
                if m in arts:
                    check(arts[m]["story"] == k and arts[m]["event"] == e["event"], f"{m}: story/event mismatch")
            members += len(e["members"])
        check(members == s["articles"], f"story {k}: {members} event members for {s['articles']} articles")
        fr = arts.get(s["first_report"])
        check(fr is not None and (s["first"] is None or fr["date"] == s["first"]),
              f"story {k}: first report {s['first_report']} is not from its first day")
        dated = sum(c for _, c in s["per_day"])
        check(dated + s["undated"] == s["articles"], f"story {k}: per-day counts")
    check(len(seen) == len(arts), "some article is in no event")

    # Timelines.
    tl = timelines["timelines"]
    check(len(tl) == len(sl), "one timeline per story")
    story_dates = {}
    for t in tl:
        dates = [e["date"] for e in t["timeline"]]
        check(dates == sorted(dates) and len(set(dates)) == len(dates), f"story {t['story']}: dates not increasing")
        for e in t["timeline"]:
            check(re.fullmatch(r"\d{4}-\d\d-\d\d", e["date"] or "") is not None, f"bad date {e['date']}")
            check(len(e["sentences"]) >= 1, f"story {t['story']} {e['date']}: no sentence")
            for src in e["sources"]:
                check(src in arts, f"timeline source {src} unknown")
        story_dates[t["story"]] = set(dates)

    # The page.
    check("<!DOCTYPE html>" in html, "index.html: no doctype")
    check(not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=\"(https?:)?//", html), "index.html loads from the network")
    shown = html.count('<article class="story"')
    multi = sum(1 for s in sl if s["articles"] > 1)
    check(shown == min(multi or len(sl), 100), f"index.html shows {shown} stories in full")
    check(all(s["label"] for s in sl), "a story without a label")
    check(html.count('class="tl"') + html.count('class="empty"') >= shown, "index.html: a timeline per story")

    # Expectations.
    if args.articles is not None:
        check(len(arts) == args.articles, f"{len(arts)} articles, want {args.articles}")
    for a, g in pairs(args.copy):
        check(a in arts and arts[a]["group"] == g, f"{a}: group {arts.get(a, {}).get('group')}, want {g}")
    for a, rel in pairs(args.relation):
        check(a in arts and arts[a]["relation"] == rel, f"{a}: relation {arts.get(a, {}).get('relation')}, want {rel}")
    for v in args.same_group or []:
        a, b = v.split(",")
        check(arts[a]["group"] == arts[b]["group"], f"{a} and {b} in different copy groups")
    if args.top_stories:
        ids = args.top_stories.split(",")
        ranks = sorted(arts[a]["story"] for a in ids)
        check(ranks == list(range(1, len(ids) + 1)), f"{ids} are in stories {ranks}, want the {len(ids)} largest")
    for v in args.same_story or []:
        a, b = v.split(",")
        check(arts[a]["story"] == arts[b]["story"], f"{a} and {b} in different stories")
    for v in args.other_story or []:
        a, b = v.split(",")
        check(arts[a]["story"] != arts[b]["story"], f"{a} and {b} in one story")
    if args.min_stories is not None:
        check(len(sl) >= args.min_stories, f"{len(sl)} stories, want at least {args.min_stories}")
    for a, date in pairs(args.timeline_date):
        check(date in story_dates.get(arts[a]["story"], set()), f"timeline of {a}'s story lacks {date}")


main()
for m in failures[:30]:
    print("  check_report: " + m)
sys.exit(1 if failures else 0)
