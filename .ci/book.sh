#!/usr/bin/env bash
# Every notebook and its solutions executed at CI's small settings (.ci/notebooks.sh's checks: a student's
# notebook fails only in its exercise check, a solved one nowhere, no warnings), written as the offline
# book (lib/kit book --quick), which Debian's headless Chromium (no network) must then render: the index,
# and a notebook page with its formulas typeset by the LOCAL MathJax and its plots inline.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lib/kit book --quick --out "$work/book"
book="$work/book"
pages=$(find "$book/notebooks" -name '*.html' | wc -l); solved=$(find "$book/solutions" -name '*.html' | wc -l)
[[ $pages -eq 14 && $solved -eq 13 ]] || { echo "book-check: $pages notebook pages and $solved solved ones (want 14 and 13)"; exit 1; }
# Links to the paper and the official code are fine; what a page LOADS (scripts, images, styles, frames) must be local.
loads='<(script|img|link|iframe)[^>]*(src|href)="(https?|file)://'
found=$(grep -oE "$loads[^\"]*" "$book"/index.html "$book"/notebooks/*.html "$book"/solutions/*.html || true)
if [[ -n $found ]]; then
  echo "book-check: a page loads something from the web or from this machine's files:"; head <<< "$found"; exit 1
fi
render() { .ci/render-dom.sh "$1" "$work/chrome" 15000; }
render "$book/index.html" > "$work/index.dom"
[[ $(grep -o "href=\"notebooks/" "$work/index.dom" | wc -l) -eq 14 ]] || { echo "book-check: the index does not link 14 notebooks"; exit 1; }
render "$book/notebooks/03-global-alignment.html" > "$work/03.dom"
grep -q 'class="mjx-chtml' "$work/03.dom" || { echo "book-check: MathJax did not typeset the formulas of 03"; exit 1; }
grep -q 'src="data:image/png;base64,' "$work/03.dom" || { echo "book-check: 03 shows no plot"; exit 1; }
echo "book-check: index and notebook pages render offline in headless Chromium (MathJax formulas, inline plots)"
