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
# Nor does each task command on its own (the classification fine-tune once printed libtorch's deprecation
# warning, which run-all never reached; retrieval needs more reports than the smoke set has), nor lane 2's log.
for task in "classify --mode fine-tune --fraction 1%" "zeroshot" "segment --fraction 1% --steps 4" \
            "detect --fraction 1% --steps 4"; do
  # shellcheck disable=SC2086  # the task's options are words
  lib/kit $task --data "$work/data" --checkpoint "$work/out/pretrain-prior" >> "$work/tasks.log" 2>&1 \
    || { tail -20 "$work/tasks.log"; exit 1; }
done
if grep -nE 'WARN|Warning|SLF4J|deprecated|\[W[0-9]{4} |'$'\033' "$work/tasks.log" "$work/out/lane-2.log"; then
  echo "report-check: a task command or the second lane printed the warnings above"; exit 1
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
echo "report-check: no warnings from run-all, its second lane or four task commands; index.html renders offline in headless Chromium (table, 7 plots, interactive chart)"
