#!/usr/bin/env bash
# Every JBang script, through the kit's launcher (JBang from Maven Central): --help, then a smoke
# run on a tiny synthetic set. Needs the library in ~/.m2 (mvn -f lib/pom.xml install).
set -euo pipefail
cd "$(dirname "$0")/.."
J=jbang-scripts/jbang
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for script in jbang-scripts/*.java; do
  name="$(basename "$script" .java)"
  echo "--- $name --help"
  "$J" "$script" --help > "$work/help.txt"
  grep -q "Usage: $name" "$work/help.txt" || { cat "$work/help.txt"; echo "$name --help printed no usage"; exit 1; }
done

echo "--- Info"
"$J" jbang-scripts/Info.java --device cpu
echo "--- GenerateData --smoke"
"$J" jbang-scripts/GenerateData.java --smoke --out "$work/synth"
echo "--- Pretrain --smoke"
"$J" jbang-scripts/Pretrain.java --smoke --data "$work/synth" --run-dir "$work/run" --device cpu
test -f "$work/run/stage-3-reconstruct.ckpt"
for extra in Classify ZeroShot Retrieve Segment Detect RunAll; do
  if [[ -f jbang-scripts/$extra.java ]]; then
    echo "--- $extra --smoke"
    "$J" "jbang-scripts/$extra.java" --smoke --data "$work/synth" --run-dir "$work/run" --device cpu
  fi
done
echo "jbang smoke: ok"
