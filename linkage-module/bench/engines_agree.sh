#!/usr/bin/env bash
# Same answers on both engines at scale: N synthetic records (default 100k) through `run` on DuckDB and on Spark
# local[2] with the same settings, then EnginesAgree.java compares the outputs: trained lambda, m and u within
# 1e-6, the scored pairs (which pairs, their blocking rule and probability) and the person ids as a partition of
# the records (and whether the ids themselves are equal). Exits 1 when they differ. Usage: engines_agree.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-100000}"
FILE="$("$BENCH_DIR/generate.sh" "$N")"
HEAP="${MEMORY%B}"
for engine in duckdb spark; do
  flags=(--threads "$THREADS" --memory-limit "$MEMORY")
  if [[ "$engine" == spark ]]; then
    flags=(--engine spark --master "local[$THREADS]")
  fi
  log="$OUT/agree_${N}_${engine}.log"
  echo "$engine: load before $(uptime | sed 's/.*load average: //')"
  JAVA_OPTS="-Xmx${HEAP}" timed "$LINKAGE" run -q "${flags[@]}" -s "$EXAMPLES/synthetic.json" -i "$FILE" \
    -o "$OUT/agree_${N}_${engine}" > "$log" 2> "$log.time" || { tail -5 "$log.time"; exit 1; }
  grep '^wall ' "$log.time"
done
java -Djava.io.tmpdir="$MODULE_DIR/target/tmp" -cp "$MODULE_DIR/target/linkage-cli.jar" "$BENCH_DIR/EnginesAgree.java" \
  "$OUT/agree_${N}_duckdb" "$OUT/agree_${N}_spark"
