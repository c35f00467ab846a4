#!/usr/bin/env bash
# Predict throughput: scored pairs stored per second (block + compare + score into a DuckDB table),
# with the model trained by scale_1m.sh on 1M synthetic records. Bar: >= 512k pairs/s on 2 cores.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-1000000}"
FILE="$("$BENCH_DIR/generate.sh" "$N")"
MODEL="$OUT/synthetic_${N}/model.json"
if [[ ! -f "$MODEL" ]]; then
  "$LINKAGE" train -q --threads "$THREADS" --memory-limit "$MEMORY" -s "$EXAMPLES/synthetic.json" -i "$FILE" -o "$MODEL"
fi
"$LINKAGE" predict -q --threads "$THREADS" --memory-limit "$MEMORY" -m "$MODEL" -i "$FILE" -o "$OUT/throughput"
