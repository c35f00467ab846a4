#!/usr/bin/env bash
# Splits a synthetic CSV from 'linkage generate' into one CSV per source dataset (its second column), each
# with the header: DIR/magistrates.csv, DIR/crown.csv ... as examples/pipeline/synthetic-pipeline.json reads them.
# Usage: bench/split_by_dataset.sh SYNTHETIC.csv DIR
set -euo pipefail
in="$1"
dir="$2"
mkdir -p "$dir"
head -n 1 "$in" | grep -q '^record_id,source_dataset,' || { echo "$in: not a 'linkage generate' CSV" >&2; exit 2; }
awk -F, -v dir="$dir" 'NR == 1 { header = $0; next }
  { f = dir "/" $2 ".csv"; if (!(f in seen)) { seen[f] = 1; print header > f } print >> f }' "$in"
