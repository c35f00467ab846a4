#!/usr/bin/env bash
# FEBRL dataset 4: link dataset4a with dataset4b (5000 true pairs); pairwise F1 at p = 0.5 and best.
# Bars: F1 >= 0.999 at 0.5 and >= 0.9998 best (Splink 4.0.15: 0.9992 / 0.9998).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_refdata febrl/dataset4a.csv febrl/dataset4b.csv
timed "$LINKAGE" run -q --threads "$THREADS" --memory-limit "$MEMORY" -s "$EXAMPLES/febrl4.json" \
  -i "febrl4a=$REFDATA/febrl/dataset4a.csv" -i "febrl4b=$REFDATA/febrl/dataset4b.csv" \
  --truth-from-id '^rec-(\d+)' -o "$OUT/febrl4"
