#!/usr/bin/env bash
# run-all's HTML report opens offline: a smoke run writes it, then Debian's headless Chromium
# (no network) loads it and must find the table and the Plotly chart drawn from the LOCAL
# plotly.min.js (Plotly draws an <svg class="main-svg">).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lib/kit run-all --smoke --data "$work/data" --out "$work/out" > "$work/run-all.log" 2>&1 \
  || { tail -40 "$work/run-all.log"; exit 1; }
# A passing run prints no warning that is not about the user's input (libtorch, slf4j, DJL, Maven colour codes).
if grep -nE 'WARN|Warning|SLF4J|deprecated|\[W[0-9]{4} |'$'\033' "$work/run-all.log"; then
  echo "report-check: run-all --smoke printed the warnings above"; exit 1
fi
page="$work/out/index.html"
test -f "$work/out/plotly.min.js" || { echo "report-check: no local plotly.min.js next to the page"; exit 1; }
if grep -Eq 'src="https?://' "$page"; then echo "report-check: the page loads something from the web"; exit 1; fi
for png in losses roc confusion retrieval segmentation detection attention; do
  test -s "$work/out/plots/$png.png" || { echo "report-check: plots/$png.png missing"; exit 1; }
done
.ci/render-dom.sh "$page" "$work/chrome" > "$work/dom.html"
grep -q 'class="main-svg"' "$work/dom.html" || { echo "report-check: Plotly did not draw the loss chart"; exit 1; }
grep -q '<table class="results">' "$work/dom.html" || { echo "report-check: no results table"; exit 1; }
echo "report-check: index.html renders offline in headless Chromium (table, 7 plots, interactive chart)"
