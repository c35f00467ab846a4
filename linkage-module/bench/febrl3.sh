#!/usr/bin/env bash
# FEBRL dataset 3: deduplicate 5000 records; pairwise F1 at p = 0.5 and the best F1.
# Bars: F1 >= 0.993 at 0.5 and >= 0.996 best (Splink 4.0.15: 0.9929 / 0.9954).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_refdata febrl/dataset3.csv
timed "$LINKAGE" run -q --threads "$THREADS" --memory-limit "$MEMORY" -s "$EXAMPLES/febrl3.json" \
  -i "febrl3=$REFDATA/febrl/dataset3.csv" --truth-from-id '^rec-(\d+)' -o "$OUT/febrl3"
