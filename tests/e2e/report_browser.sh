#!/bin/sh
# report_browser.sh — the report page in a real browser: `storyline run` on
# examples/ (or the hand-made corpus when examples/ is absent), index.html
# opened in headless Chromium offline; the rendered DOM must hold the
# stories, their timelines and charts, and a screenshot is saved under
# tests/out/ for a human to look at.  Skipped with a message when chromium
# is not installed (`make test` installs it) or SL_SKIP_BROWSER=1.
# Usage: report_browser.sh BIN
set -u
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHOTS="$ROOT/tests/out"

if [ "${SL_SKIP_BROWSER:-0}" = 1 ]; then echo "skip e2e/browser: SL_SKIP_BROWSER=1"; exit 0; fi
CHROME=""
for c in chromium chromium-browser google-chrome; do
  command -v "$c" >/dev/null 2>&1 && { CHROME=$c; break; }
done
if [ -z "$CHROME" ]; then
  echo "skip e2e/browser: chromium is not installed (SL_EXTRA_PKGS=chromium sh scripts/deps.sh)"
  exit 0
fi

OUT=$(mktemp -d)
PROFILE=$(mktemp -d)
trap 'rm -rf "$OUT" "$PROFILE"' EXIT
INPUT="$ROOT/examples"
[ -d "$INPUT" ] || INPUT="$HERE/data"
"$BIN" run -q "$INPUT" -o "$OUT/report" 2>/dev/null || [ $? = 1 ] || { echo "FAIL e2e/browser: storyline run failed"; exit 1; }

chrome() {
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --user-data-dir="$PROFILE" "$@" 2>>"$OUT/chrome.err"
}

chrome --dump-dom "file://$OUT/report/index.html" >"$OUT/dom.html"
mkdir -p "$SHOTS"
chrome --hide-scrollbars --window-size=1280,2000 --screenshot="$SHOTS/report.png" \
  "file://$OUT/report/index.html" >/dev/null
chrome --hide-scrollbars --window-size=420,1600 --screenshot="$SHOTS/report-narrow.png" \
  "file://$OUT/report/index.html" >/dev/null
# "#expand" makes the page's script open every fold: events, copies.
chrome --dump-dom "file://$OUT/report/index.html#expand" >"$OUT/dom-open.html"
chrome --hide-scrollbars --window-size=1280,2400 --screenshot="$SHOTS/report-expanded.png" \
  "file://$OUT/report/index.html#expand" >/dev/null

fail=0
need() { grep -q "$1" "$OUT/dom.html" || { echo "FAIL e2e/browser: rendered page lacks $2"; fail=1; }; }
if [ ! -s "$OUT/dom.html" ]; then
  echo "FAIL e2e/browser: chromium rendered nothing"; sed 's/^/     chromium: /' "$OUT/chrome.err" | tail -5
  exit 1
fi
stories=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["stories"]; print(min(100, sum(x["articles"] > 1 for x in s) or len(s)))' "$OUT/report/stories.json")
shown=$(grep -o '<article class="story"' "$OUT/dom.html" | wc -l)
[ "$shown" = "$stories" ] || { echo "FAIL e2e/browser: $shown stories rendered, want $stories"; fail=1; }
need '<ol class="tl">' "a timeline"
need '<time datetime="[0-9-]*">' "dates"
need '<svg' "a chart"
need 'class="event"' "events"
# The script ran: it reveals the filter box (hidden without JS).
grep -q '<div class="tools" id="tools" hidden' "$OUT/dom.html" && { echo "FAIL e2e/browser: the page's script did not run"; fail=1; }
grep -q '<details class="event" id="e1" open=""' "$OUT/dom-open.html" ||
  { echo "FAIL e2e/browser: #expand did not open the events"; fail=1; }
if grep -q '<details class="copies">' "$OUT/dom.html"; then
  grep -q '<details class="copies" open=""><summary>' "$OUT/dom-open.html" ||
    { echo "FAIL e2e/browser: #expand did not open the copies"; fail=1; }
fi
# The first timeline date of the first story, as the JSON has it, is on the page.
first=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["timelines"]; print(t[0]["timeline"][0]["date"] if t and t[0]["timeline"] else "")' "$OUT/report/timelines.json")
[ -z "$first" ] || need "datetime=\"$first\"" "the timeline date $first"
for png in report.png report-narrow.png report-expanded.png; do
  [ -s "$SHOTS/$png" ] || { echo "FAIL e2e/browser: no screenshot $png"; fail=1; }
done
[ $fail = 0 ] && echo "ok   e2e/browser ($shown stories rendered; screenshots in tests/out/report*.png)"
exit $fail
