#!/usr/bin/env bash
# Stable ids across a refresh, and link-new (issue 12). Synthetic data of N records (default 1M): a run on the
# first 90%, then a refresh on all N with --previous, then link-new of the last 10% against the first run.
# Prints the id_changes counts, the share of the first part's records whose true person gained no records that
# kept their id (bar >= 99%), the wall time and peak memory of the refresh and of link-new, and how link-new's
# person ids agree with the refresh's and with the truth (pairwise).
# With SPLIT=every10 the held-out 10% is every tenth record instead of the last ones (the generator writes people
# group by group, so the last 10% in file order are nearly all new people; every tenth record mostly adds
# records to people already there).
# Usage: [SPLIT=last|every10] bench/refresh.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
N="${1:-1000000}"
SPLIT="${SPLIT:-last}"
FIRST=$((N * 9 / 10))
[[ "$SPLIT" == every10 ]] && FIRST=-10
FILE="$("$BENCH_DIR/generate.sh" "$N")"
JAR="$MODULE_DIR/target/linkage-cli.jar"
D="$OUT/refresh_${N}_$SPLIT"
mkdir -p "$D"
check() { java -Djava.io.tmpdir="$MODULE_DIR/target/tmp" -cp "$JAR" "$BENCH_DIR/RefreshCheck.java" "$@"; }
check split "$FILE" "$FIRST" "$D/first.parquet" "$D/rest.parquet"
common=(-q --threads "$THREADS" --memory-limit "$MEMORY" --no-scored-pairs)
echo "=== uptime: $(uptime)"
echo "=== run on the first part (90%, split: $SPLIT)"
timed "$LINKAGE" run "${common[@]}" -s "$EXAMPLES/synthetic.json" -i "$D/first.parquet" -o "$D/first" > "$D/first.log"
grep -E "^clustering|^total" "$D/first.log" | sed 's/^/  /'
echo "=== refresh: run on all $N records with --previous"
timed "$LINKAGE" run "${common[@]}" -s "$EXAMPLES/synthetic.json" -i "$FILE" --previous "$D/first" -o "$D/refresh" > "$D/refresh.log"
grep -E "^person ids|^total" "$D/refresh.log" | sed 's/^/  /'
python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["id_changes"]; c.pop("what"); print("  report id_changes:", json.dumps(c))' \
  "$D/refresh/quality-report.json"
echo "=== link-new: the held-out 10% against the first run"
timed "$LINKAGE" link-new "${common[@]}" -m "$D/first/model.json" --previous "$D/first" -i "$D/rest.parquet" -o "$D/linked" > "$D/linked.log"
grep -E "^earlier|^new records|^person ids|^step|^total" "$D/linked.log" | sed 's/^/  /'
echo "=== agreement"
check measure "$FILE" "$FIRST" "$D/first" "$D/refresh" "$D/linked" estimated_xjs_id
echo "=== uptime: $(uptime)"
