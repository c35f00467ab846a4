#!/usr/bin/env bash
# The same runs on both engines: FEBRL3 (5000 records) and N synthetic records (default 1M) on DuckDB and on
# Spark local[2], each printing wall time, peak memory (max RSS of the JVM; Spark local runs inside it) and
# the pairwise F1 at the settings' threshold, then the Spark/DuckDB time ratio per dataset.
# Usage: engines.sh [N] [synthetic-only]   (e.g. engines.sh 10000000 for the 10M run; DuckDB gets the same memory limit
# as the Spark JVM's heap, LINKAGE_MEMORY_LIMIT, default 8GB). LINKAGE_RUN_TIMEOUT (e.g. 75m) stops any one run
# that takes longer; a run that fails or is stopped is reported with its exit status and last error line, and
# the others still run. The load average is printed before each run. "synthetic-only" leaves FEBRL3 out.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_refdata febrl/dataset3.csv
N="${1:-1000000}"
DATASETS=(febrl3 "synthetic_${N}")
if [[ "${2:-}" == synthetic-only ]]; then
  DATASETS=("synthetic_${N}")
fi
FILE="$("$BENCH_DIR/generate.sh" "$N")"
HEAP="${MEMORY%B}"   # 8GB -> 8G, for -Xmx
declare -A SECONDS_OF

one() { # name engine args...
  local name="$1" engine="$2"
  shift 2
  local log="$OUT/engines_${name}_${engine}.log"
  local flags=(--threads "$THREADS" --memory-limit "$MEMORY")
  if [[ "$engine" == spark ]]; then
    flags=(--engine spark --master "local[$THREADS]")
  fi
  local load status=0
  load="$(uptime | sed 's/.*load average: //')"
  JAVA_OPTS="-Xmx${HEAP}" timed timeout "${LINKAGE_RUN_TIMEOUT:-0}" "$LINKAGE" run -q "${flags[@]}" "$@" \
    -o "$OUT/engines_${name}_${engine}" > "$log" 2> "$log.time" || status=$?
  local wall f1 result
  wall="$(sed -n 's/^wall \([0-9.]*\) s.*/\1/p' "$log.time")"
  result="$(grep '^wall ' "$log.time")"
  if ((status == 0)); then
    f1="$(sed -n 's/.*at threshold p>=[0-9.]*: .* F1 \([0-9.]*\) .*/\1/p' "$log" | head -1)"
    SECONDS_OF["$name/$engine"]="$wall"
    result="$result; F1 at threshold ${f1:-n/a}"
  elif ((status == 124)); then
    result="STOPPED after ${LINKAGE_RUN_TIMEOUT} ($result)"
  else
    result="FAILED, exit $status ($result): $(grep -hE '^(error|Exception|java\.)' "$log.time" "$log" | tail -1)"
  fi
  printf '%-18s %-7s load before %s: %s\n' "$name" "$engine" "$load" "$result"
}

echo "load: $(uptime | sed 's/.*load average: //')"
for engine in duckdb spark; do
  if [[ "${DATASETS[0]}" == febrl3 ]]; then
    one febrl3 "$engine" -s "$EXAMPLES/febrl3.json" -i "febrl3=$REFDATA/febrl/dataset3.csv" --truth-from-id '^rec-(\d+)'
  fi
  one "synthetic_${N}" "$engine" -s "$EXAMPLES/synthetic.json" -i "$FILE" --truth-column person_id --no-scored-pairs
done
for name in "${DATASETS[@]}"; do
  if [[ -z "${SECONDS_OF[$name/spark]:-}" || -z "${SECONDS_OF[$name/duckdb]:-}" ]]; then
    printf '%-18s no ratio: a run did not complete\n' "$name"
    continue
  fi
  awk -v n="$name" -v s="${SECONDS_OF[$name/spark]}" -v d="${SECONDS_OF[$name/duckdb]}" \
    'BEGIN { printf "%-18s Spark/DuckDB time ratio %.1f (%.1f s / %.1f s)\n", n, s / d, s, d }'
done
echo "load: $(uptime | sed 's/.*load average: //')"
