#!/usr/bin/env bash
# The cross-justice pipeline on synthetic data of all seven datasets (default 1M records in all): the
# generator's CSV split into one file per source dataset (split_by_dataset.sh), run through
# examples/pipeline/synthetic-pipeline.json (one dedupe model trained on magistrates + crown and reused by
# prison, probation and OASys, own models for family and civil, one link-only model across all), against one
# 'run' of examples/synthetic.json over the same seven files. Prints both runs' wall time and peak memory and
# their ratio (bar: pipeline <= 2x the single run; the CPU seconds too, which move much less than wall time
# with the load of a shared machine), and the person ids' cluster F1 against the generator's
# person_id per dataset and for the cross-justice id, scored by the independent ../shared/tools/linkage_eval.py
# on the written CSV outputs. Both runs are timed as production runs them: without a truth column (the
# pipeline's --truth-column evaluation is tested, not timed here).
# Usage: bench/pipeline.sh [RECORDS]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-1000000}"
DATASETS=(magistrates crown prison probation oasys family civil)
VERSION="$("$LINKAGE" generate --generator-version)"
DATA="$OUT/pipeline_data_${N}_v${VERSION}"
if [[ ! -f "$DATA/split.done" ]]; then
  mkdir -p "$DATA"
  "$LINKAGE" generate -n "$N" --seed 1 -o "$DATA/synthetic.csv" >&2
  "$BENCH_DIR/split_by_dataset.sh" "$DATA/synthetic.csv" "$DATA"
  touch "$DATA/split.done"
fi
cp "$EXAMPLES"/pipeline/*.json "$DATA/"
INPUTS=()
for d in "${DATASETS[@]}"; do INPUTS+=(-i "$d=$DATA/$d.csv"); done

# wall time, CPU seconds and peak memory of one run (the JVM with DuckDB inside it)
timed() { /usr/bin/time -f "wall %e s, CPU %U s user + %S s system, peak memory (max RSS) %M KiB" "$@"; }
seconds() { sed -nE 's/.*wall ([0-9.]+) s.*/\1/p' "$1"; }
cpu() { sed -nE 's/.*CPU ([0-9.]+) s user \+ ([0-9.]+) s system.*/\1 \2/p' "$1" | awk '{ print $1 + $2 }'; }
rss() { sed -nE 's/.*max RSS\) ([0-9]+) KiB.*/\1/p' "$1"; }

echo "load before: $(uptime)"
echo "=== single run over the seven files"
timed "$LINKAGE" run -q --threads "$THREADS" --memory-limit "$MEMORY" -s "$EXAMPLES/synthetic.json" "${INPUTS[@]}" \
  --no-scored-pairs --format CSV -o "$OUT/pipeline_single_$N" > "$OUT/pipeline_single_$N.log" \
  2> "$OUT/pipeline_single_$N.time" || { cat "$OUT/pipeline_single_$N.log" "$OUT/pipeline_single_$N.time"; exit 1; }
grep -E "^clustering|^step seconds|^total" "$OUT/pipeline_single_$N.log" | sed 's/^/  /'
tail -n 1 "$OUT/pipeline_single_$N.time" | sed 's/^/  /'
echo "=== pipeline (every stage run: --force)"
echo "load: $(uptime)"
timed "$LINKAGE" pipeline --force --threads "$THREADS" --memory-limit "$MEMORY" --config "$DATA/synthetic-pipeline.json" \
  --format CSV -o "$OUT/pipeline_$N" > "$OUT/pipeline_$N.log" 2> "$OUT/pipeline_$N.time" \
  || { cat "$OUT/pipeline_$N.log" "$OUT/pipeline_$N.time"; exit 1; }
grep -E ": done in" "$OUT/pipeline_$N.time" | tr '\n' ';' | sed 's/;$/\n/; s/^/  stages: /'
sed 's/^/  /' "$OUT/pipeline_$N.log"
tail -n 1 "$OUT/pipeline_$N.time" | sed 's/^/  /'
echo "load after: $(uptime)"
s1=$(seconds "$OUT/pipeline_single_$N.time"); s2=$(seconds "$OUT/pipeline_$N.time")
m1=$(rss "$OUT/pipeline_single_$N.time"); m2=$(rss "$OUT/pipeline_$N.time")
c1=$(cpu "$OUT/pipeline_single_$N.time"); c2=$(cpu "$OUT/pipeline_$N.time")
awk -v s1="$s1" -v s2="$s2" -v m1="$m1" -v m2="$m2" -v c1="$c1" -v c2="$c2" 'BEGIN {
  printf "pipeline / single run: time %.1f s / %.1f s = %.2fx, CPU %.1f s / %.1f s = %.2fx, peak memory %.0f MB / %.0f MB = %.2fx (bar: <= 2x)\n",
    s2, s1, s2 / s1, c2, c1, c2 / c1, m2 / 1024, m1 / 1024, m2 / m1 }'

EVAL="$REPO_DIR/../shared/tools/linkage_eval.py"
if [[ -f "$EVAL" ]] && command -v python3 > /dev/null; then
  echo "=== independent scorer (linkage_eval.py), person ids against the generator's person_id"
  for d in "${DATASETS[@]}"; do
    printf '  %-12s ' "$d"
    python3 "$EVAL" "$OUT/pipeline_$N/datasets/$d/person_ids.csv" unique_id "$(head -n 1 "$OUT/pipeline_$N/datasets/$d/person_ids.csv" | cut -d, -f2)" \
      "$DATA/$d.csv" record_id col:person_id
  done
  # the lookup is keyed by row_id_hash = SHA-256(source_dataset U+001F unique id): give the truth the same key
  python3 - "$DATA/synthetic.csv" "$OUT/pipeline_$N/truth_by_row_id_hash.csv" <<'PY'
import csv, hashlib, sys
with open(sys.argv[1], newline='') as f, open(sys.argv[2], 'w', newline='') as o:
    w = csv.writer(o); w.writerow(['row_id_hash', 'person_id'])
    for r in csv.DictReader(f):
        w.writerow([hashlib.sha256((r['source_dataset'] + '\x1f' + r['record_id']).encode()).hexdigest(), r['person_id']])
PY
  printf '  %-12s ' cross-justice
  python3 "$EVAL" "$OUT/pipeline_$N/linking_lookup.csv" row_id_hash estimated_xjs_id "$OUT/pipeline_$N/truth_by_row_id_hash.csv" \
    row_id_hash col:person_id
  printf '  %-12s ' "single run"
  python3 "$EVAL" "$OUT/pipeline_single_$N/linking_lookup.csv" row_id_hash estimated_xjs_id "$OUT/pipeline_$N/truth_by_row_id_hash.csv" \
    row_id_hash col:person_id
fi
