#!/usr/bin/env bash
# Hostile-upload benchmark (issue 11): the attack workbooks found on a local instance (ODS number
# with a huge exponent, ODS row/column repeats, an 80,000-character MoJ Values cell, an XLSX merged
# range of 160,000 rows, a zip bomb) sent anonymously as dry runs, CONCURRENCY at a time for
# SECONDS, to the packaged service on loopback, while a reader fetches a dataset's JSON and page.
# Prints per attack the statuses and the longest answer (target: every answer a 4xx problem within
# 2 s), the reads' p50/p99 during the attack (target p99 < 100 ms) and the service's peak heap.
#   bench/hostile-upload.sh                      # 4 at a time for 60 s, service limits as shipped
#   DRY_RUNS_PER_MINUTE=100000 bench/hostile-upload.sh   # rate limit off: every attack reaches the readers
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CONCURRENCY="${CONCURRENCY:-4}"
SECONDS_RUN="${SECONDS_RUN:-60}"
DATASET="${DATASET:-probation}"

[ "${SKIP_BUILD:-}" = 1 ] || build_service
if [ -n "${DRY_RUNS_PER_MINUTE:-}" ]; then
    export CATALOGUE_SPREADSHEETS_DRY_RUNS_PER_MINUTE="$DRY_RUNS_PER_MINUTE"
fi
start_service
heap_log="$SERVICE_DATA/heap.log"
# Used heap (KB) every 250 ms: survivor, eden and old generation in use.
jstat -gc "$SERVICE_PID" 250 > "$heap_log" 2> /dev/null &
JSTAT_PID=$!
echo "== $CONCURRENCY hostile dry runs at a time for ${SECONDS_RUN}s against $BASE_URL (heap limit ${BENCH_JAVA_OPTS:--Xmx1g})"
java -Xmx512m "$BENCH_DIR/HostileUpload.java" "$BASE_URL" "$DATASET" "$CONCURRENCY" "$SECONDS_RUN"
kill "$JSTAT_PID" 2> /dev/null || true
wait "$JSTAT_PID" 2> /dev/null || true
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > peak) peak = used }
     END { printf "peak used heap of the service: %.0f MB\n", peak / 1024 }' "$heap_log"
if curl -sf "$BASE_URL/q/health/live" > /dev/null; then
    echo "service still live after the attack: yes"
else
    echo "service still live after the attack: NO"
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every figure)"
