#!/usr/bin/env bash
# Whole-process benchmark of issue 4: `ixalab flow apoptosis` on the seeded 1,000,000-event, 6-parameter
# FCS 3.1 float file (scripts/make-flow-bench-file.ts), wall time and peak RSS over RUNS runs.
# Reference on this machine (issue 4): fcsparser + numpy, read + compensate + count, 0.78–0.93 s.
# Usage: bash scripts/bench-flow-process.sh [RUNS]   (run `npm run build` first)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-11}"
FILE="${TMPDIR:-/tmp}/ixalab-flow-bench-1m.fcs"
[ -s "$FILE" ] || npx tsx scripts/make-flow-bench-file.ts "$FILE"
SIZE=$(stat -c %s "$FILE")
times=()
rss=()
for _ in $(seq "$RUNS"); do
  out=$( { /usr/bin/time -f "%e %M" ./bin/ixalab flow apoptosis "$FILE" --annexin FITC-A --pi PE-A \
    --thresholds 2000,3000 --json >/dev/null; } 2>&1 | tail -1)
  times+=("${out% *}")
  rss+=("${out#* }")
done
baseline=$( { /usr/bin/time -f "%M" node -e "" ; } 2>&1 | tail -1)
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mib() { awk -v b="$1" -v k="${2:-1}" 'BEGIN { printf "%.1f", b * k / 1048576 }'; }
printf 'flow apoptosis, whole process, %d runs on %s (%s MiB)\n' "$RUNS" "$FILE" "$(mib "$SIZE")"
printf '  wall time: median %s s, best %s s   (goal < 0.3 s; fcsparser + numpy 0.78–0.93 s)\n' \
  "$(median "${times[@]}")" "$(printf '%s\n' "${times[@]}" | sort -g | head -1)"
printf '  peak RSS: median %s MiB, of which an empty node process %s MiB   (goal < 3 × file = %s MiB)\n' \
  "$(mib "$(median "${rss[@]}")" 1024)" "$(mib "$baseline" 1024)" "$(mib "$SIZE" 3)"
