#!/usr/bin/env bash
# Generates synthetic justice-like records (default 1M) once; later runs reuse the file. The file name
# carries the generator's version, so a changed generator never reuses an old file. Prints the file's
# path on stdout and a summary (records, people, distinct surnames, top surname share, largest true
# person) on stderr.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-1000000}"
VERSION="$("$LINKAGE" generate --generator-version)"
FILE="$OUT/synthetic_${N}_v${VERSION}.parquet"
if [[ ! -f "$FILE" ]]; then
  "$LINKAGE" generate -n "$N" --seed 1 -o "$FILE" >&2
fi
echo "$FILE"
