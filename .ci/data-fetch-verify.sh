#!/usr/bin/env bash
# data-fetch's verify mode on a freshly generated (small) synthetic tree: every loader reads it.
set -euo pipefail
cd "$(dirname "$0")/.."
tree="$(mktemp -d)/synthetic"
lib/kit generate --out "$tree" --scale 0.1
for d in mimic-cxr chexpert chexpert-5x200 rsna siim; do
  echo "--- data-fetch/$d.sh verify"
  bash "data-fetch/$d.sh" verify "$tree"
done
rm -rf "$(dirname "$tree")"
