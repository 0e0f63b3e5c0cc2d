#!/usr/bin/env bash
# Runs a command and prints its wall time and the peak of its process tree's summed resident memory,
# sampled every second (README's "summed RSS" figures):  .ci/peak-rss.sh lib/kit run-all
set -uo pipefail
[[ $# -gt 0 ]] || { echo "usage: .ci/peak-rss.sh COMMAND [ARGS...]" >&2; exit 2; }
start=$(date +%s)
"$@" &
root=$!
peak=0
tree() { # the pids of $1 and its descendants
  local p; echo "$1"
  for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$p"; done
}
while kill -0 "$root" 2>/dev/null; do
  sum=0
  for p in $(tree "$root"); do
    kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null)
    sum=$((sum + ${kib:-0}))
  done
  (( sum > peak )) && peak=$sum
  sleep 1
done
wait "$root"; rc=$?
awk -v s=$(( $(date +%s) - start )) -v k="$peak" -v rc="$rc" \
  'BEGIN { printf "peak-rss: %d s wall, peak summed RSS %.2f GiB, exit %d\n", s, k / 1048576, rc }' >&2
exit "$rc"
