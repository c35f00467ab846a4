#!/usr/bin/env bash
# Server time per website page type against the packaged service on loopback, with the real
# catalogue (catalogue-sources/). Each page type gets WARMUP unmeasured and REQUESTS measured
# requests over one keep-alive connection; the figure is curl's time to first byte, which on
# loopback is the server's time. Prints p50/p95/p99 in milliseconds.
set -euo pipefail
BENCH_PORT="${BENCH_PORT:-18096}"
source "$(dirname "$0")/lib.sh"
WARMUP=${WARMUP:-50}
REQUESTS=${REQUESTS:-300}
APP_URL=$BASE_URL
build_service
start_service

datasets=$(curl -s "$APP_URL/api/v1/datasets?size=100" | grep -o '"href":"/api/v1/datasets/[^"]*"' | sed 's|.*/||; s|"||')
declare -A pages
pages[home]="/"
pages[search]="/search?q=ethnicity /search?q=offence /search?q=date+of+birth /search?q=Nottinghamshire&approval=DAG /search?q=court&kind=variables"
pages[dataset]=$(for d in $datasets; do printf '/datasets/%s ' "$d"; done)
pages[variable]="/datasets/probation/tables/delius_flatfile/variables/ethnicity_desc /datasets/probation/tables/delius_flatfile/variables/gender"
pages[lookup]="/lookups/gender /lookups/probation-area /lookups/ethnicity-description"
pages[coverage]="/coverage"
pages[compare]="/compare?dataset=probation&dataset=moj-dfe-data-share&dataset=offender-assessment-oasys /compare?dataset=crown-court-defendant&dataset=magistrates-courts-defendant"
pages[changes]="/datasets/probation/changes?from=1&to=1 /datasets/moj-dfe-data-share/changes?from=1&to=1"
pages[list]="/your-list"
# The variable list page reads its list from a cookie: build one with 5 variables from 2 datasets.
list_cookie=""
for add in "probation delius_flatfile ethnicity_desc" "probation delius_flatfile gender" \
           "moj-dfe-data-share MOJ_PNC mojuid" "moj-dfe-data-share MOJ_PNC caseid" "moj-dfe-data-share MOJ_PNC offenceid"; do
  read -r d t v <<<"$add"
  list_cookie=$(curl -s -o /dev/null -D - ${list_cookie:+-b "variable-list=$list_cookie"} \
      --data-urlencode "dataset=$d" --data-urlencode "table=$t" --data-urlencode "variable=$v" "$APP_URL/your-list/add" \
    | sed -n 's/^[Ss]et-[Cc]ookie: variable-list=\([^;]*\).*/\1/p' | tr -d '\r')
done
if [ "$(curl -s -b "variable-list=$list_cookie" "$APP_URL/your-list" | grep -c '<textarea')" != 5 ]; then
  echo "could not build a variable list of 5 variables" >&2
  exit 1
fi

# urls TYPE N: N addresses cycling through the type's pages
urls() {
  local list=(${pages[$1]}) i
  for ((i = 0; i < $2; i++)); do printf -- '-o\n/dev/null\n--url\n%s%s\n' "$APP_URL" "${list[$((i % ${#list[@]}))]}"; done
}

printf '%-10s %8s %8s %8s %8s\n' page n p50_ms p95_ms p99_ms
for type in home search dataset variable lookup coverage compare changes list; do
  cookie=()
  if [ "$type" = list ]; then cookie=(-b "variable-list=$list_cookie"); fi
  urls "$type" "$WARMUP" | xargs -d '\n' curl -s "${cookie[@]}" >/dev/null
  results=$(urls "$type" "$REQUESTS" | xargs -d '\n' curl -s "${cookie[@]}" -w '%{http_code} %{time_starttransfer}\n')
  if grep -qv '^200 ' <<<"$results"; then
    echo "$type: some responses were not 200" >&2
    exit 1
  fi
  awk '{ print $2 * 1000 }' <<<"$results" | sort -n | awk -v type="$type" '
      { t[NR] = $1 }
      END { printf "%-10s %8d %8.1f %8.1f %8.1f\n", type, NR, t[int(NR * 0.50 + 0.5)], t[int(NR * 0.95 + 0.5)], t[int(NR * 0.99 + 0.5)] }'
done
