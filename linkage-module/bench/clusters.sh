#!/usr/bin/env bash
# Person-id (cluster) quality: FEBRL3, FEBRL4, fake_1000 and synthetic 1M and 3M records, each run with the
# default clustering (average linkage) at p = 0.5. Prints, per data set, the accepted pairs' and the
# clusters' pairwise P/R/F1, B-cubed, the connected-components baseline at its best single threshold, and the
# largest clusters (records / true people); then scores the written person ids again with the independent
# scorer ../shared/tools/linkage_eval.py. At 1M it also runs connected components, to state the clustering's
# share of end-to-end time. Bars: synthetic cluster precision >= 0.95, recall >= 0.85, largest cluster <= 2x
# the largest true person; FEBRL3 / FEBRL4 / fake_1000 cluster F1 >= 0.9996 / 1.0 / 0.952.
# Usage: bench/clusters.sh [SIZES...]   (default sizes: 1000000 3000000; "none" skips the synthetic runs)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
need_refdata febrl/dataset3.csv febrl/dataset4a.csv febrl/dataset4b.csv splink/fake_1000.csv
SIZES=("${@:-1000000 3000000}")
read -r -a SIZES <<< "${SIZES[*]}"
EVAL="$REPO_DIR/../shared/tools/linkage_eval.py"

summary() { # the figures of a run's output, one block
  grep -a -E "^clustering|^accepted pairs|at threshold|^person ids|clusters    p|B-cubed|baseline|clusters of 2|largest clusters|step seconds|^total" "$1" |
    sed 's/^/  /'
}

independent() { # out-dir, person-id column, truth file, its id column, linkage_eval mode
  if [[ -f "$EVAL" ]] && command -v python3 > /dev/null; then
    printf '  independent scorer (linkage_eval.py) on clusters.csv: '
    python3 "$EVAL" "$1/clusters.csv" unique_id "$2" "$3" "$4" "$5"
  fi
}

run() { # name, then the run arguments
  local name="$1"
  shift
  echo "=== $name"
  local log="$OUT/clusters_$name.log"
  /usr/bin/time -f "  wall %e s, peak memory (max RSS) %M KiB" "$LINKAGE" run -q --threads "$THREADS" --memory-limit "$MEMORY" \
    --format CSV --no-scored-pairs -o "$OUT/clusters_$name" "$@" > "$log" 2> "$log.err" || { cat "$log" "$log.err"; exit 1; }
  summary "$log"
  tail -n 1 "$log.err"
}

run febrl3 -s "$EXAMPLES/febrl3.json" -i "febrl3=$REFDATA/febrl/dataset3.csv" --truth-from-id '^rec-(\d+)'
independent "$OUT/clusters_febrl3" person_id "$REFDATA/febrl/dataset3.csv" rec_id febrl
run febrl4 -s "$EXAMPLES/febrl4.json" -i "febrl4a=$REFDATA/febrl/dataset4a.csv" -i "febrl4b=$REFDATA/febrl/dataset4b.csv" \
  --truth-from-id '^rec-(\d+)'
run fake_1000 -s "$EXAMPLES/fake_1000.json" -i "fake_1000=$REFDATA/splink/fake_1000.csv" --truth-column cluster
independent "$OUT/clusters_fake_1000" person_id "$REFDATA/splink/fake_1000.csv" unique_id col:cluster

for n in "${SIZES[@]}"; do
  [[ "$n" == none ]] && continue
  FILE="$("$BENCH_DIR/generate.sh" "$n")"
  run "synthetic_$n" -s "$EXAMPLES/synthetic.json" -i "$FILE" --truth-column person_id
  if [[ "$n" == 1000000 ]]; then
    run "synthetic_${n}_connected_components" -s "$EXAMPLES/synthetic.json" -i "$FILE" --truth-column person_id \
      --clustering connected_components
  fi
done
