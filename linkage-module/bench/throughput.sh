#!/usr/bin/env bash
# Predict throughput: scored pairs stored per second (block + compare + score into a DuckDB table).
# 100k synthetic records blocked on surname only (examples/throughput.json) give ~20M pairs, so the
# figure measures scoring rather than per-record overhead. Bar: >= 512k pairs/s on 2 cores.
# The same command line also reports writing them all to Parquet.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-100000}"
FILE="$("$BENCH_DIR/generate.sh" "$N")"
MODEL="$OUT/throughput_${N}/model.json"
mkdir -p "$(dirname "$MODEL")"
if [[ ! -f "$MODEL" ]]; then
  "$LINKAGE" train -q --threads "$THREADS" --memory-limit "$MEMORY" -s "$EXAMPLES/throughput.json" -i "$FILE" -o "$MODEL"
fi
timed "$LINKAGE" predict -q --threads "$THREADS" --memory-limit "$MEMORY" -m "$MODEL" -i "$FILE" -o "$OUT/throughput_${N}"
