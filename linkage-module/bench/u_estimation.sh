#!/usr/bin/env bash
# u estimation speed: train on 50k synthetic records with u_max_pairs = 10,000,000 (Splink's usual
# setting) and print the seconds of u estimation and of the whole train step.
# Bars: u estimation from 10M random pairs <= 5 s (brief), aim <= 3 s (issue 20).
# Usage: bench/u_estimation.sh [records] [u_max_pairs]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-50000}"
PAIRS="${2:-10000000}"
FILE="$("$BENCH_DIR/generate.sh" "$N")"
SETTINGS="$OUT/synthetic_u${PAIRS}.json"
sed -E "s/\"u_max_pairs\": *[0-9]+/\"u_max_pairs\": $PAIRS/" "$EXAMPLES/synthetic.json" > "$SETTINGS"
grep -q "\"u_max_pairs\": $PAIRS" "$SETTINGS" || { echo "could not set u_max_pairs in $SETTINGS" >&2; exit 1; }
echo "load: $(uptime)"
LOG="$OUT/u_estimation.out"
# CPU seconds as well as wall time: on a shared machine the CPU figure moves much less with the load
/usr/bin/time -f "wall %e s, CPU %U s user + %S s system, peak memory (max RSS) %M KiB" \
  "$LINKAGE" train -q --threads "$THREADS" --memory-limit "$MEMORY" -s "$SETTINGS" -i "$FILE" \
  -o "$OUT/u_estimation_model.json" | tee "$LOG"
echo "load after: $(uptime)"
# "step seconds: load 0.42, term_frequencies 0.10, train 3.10; training: prior 0.20, u_estimation 2.50, em 0.40"
u=$(sed -nE 's/.*u_estimation ([0-9.]+).*/\1/p' "$LOG")
train=$(sed -nE 's/.* train ([0-9.]+);.*/\1/p' "$LOG")
echo "records $N, u_max_pairs $PAIRS: u estimation $u s, train step $train s"
