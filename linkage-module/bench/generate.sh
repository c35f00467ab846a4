#!/usr/bin/env bash
# Generates synthetic justice-like records (default 1M) once; later runs reuse the file.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-1000000}"
FILE="$OUT/synthetic_${N}.parquet"
if [[ ! -f "$FILE" ]]; then
  "$LINKAGE" generate -n "$N" --seed 1 -o "$FILE" >&2
fi
echo "$FILE"
