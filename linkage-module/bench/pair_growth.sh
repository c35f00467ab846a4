#!/usr/bin/env bash
# Candidate pairs per blocking rule of examples/synthetic.json at growing sizes (default 1M, 3M and 10M synthetic
# records; generate.sh makes the files): counted on DuckDB without scoring them, with the growth factor and the
# exponent k of pairs ∝ records^k between sizes, and the pairs at 110M records extrapolated from the last k.
# Usage: pair_growth.sh [SIZE...]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SIZES=("${@:-1000000 3000000 10000000}")
read -r -a SIZES <<< "${SIZES[*]}"
FILES=()
for n in "${SIZES[@]}"; do
  FILES+=("$("$BENCH_DIR/generate.sh" "$n")")
done
"$LINKAGE" --version > /dev/null # builds the jar if it is missing
echo "load: $(uptime | sed 's/.*load average: //')"
timed java -Xmx2g -Djava.io.tmpdir="$MODULE_DIR/target/tmp" -cp "$MODULE_DIR/target/linkage-cli.jar" \
  "$BENCH_DIR/PairGrowth.java" "$EXAMPLES/synthetic.json" "${FILES[@]}"
echo "load: $(uptime | sed 's/.*load average: //')"
