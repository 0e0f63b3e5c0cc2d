#!/usr/bin/env bash
# Usage: .ci/render-dom.sh PAGE.html PROFILE_DIR [BUDGET_MS]
# Loads a local page in Debian's headless Chromium with networking off and prints the DOM after scripts ran
# (BUDGET_MS of virtual time, default 5000); Chromium's own log goes to PROFILE_DIR/chrome.log.
set -euo pipefail
page=$1 profile=$2 budget=${3:-5000}
mkdir -p "$profile"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --disable-sync --user-data-dir="$profile" --virtual-time-budget="$budget" \
  --allow-file-access-from-files --dump-dom "file://$page" 2>> "$profile/chrome.log" \
  || { tail "$profile/chrome.log" >&2; exit 1; }
