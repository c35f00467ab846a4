#!/usr/bin/env bash
# End to end on 1M synthetic records (load, train, predict, cluster, outputs, report, evaluation
# against the generator's person_id): wall time and peak memory. Bar: <= 60 s on 2 cores.
# Data generation is not timed (it runs once, see generate.sh).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-1000000}"
FILE="$("$BENCH_DIR/generate.sh" "$N")"
timed "$LINKAGE" run -q --threads "$THREADS" --memory-limit "$MEMORY" -s "$EXAMPLES/synthetic.json" \
  -i "$FILE" --truth-column person_id --no-scored-pairs -o "$OUT/synthetic_${N}"
