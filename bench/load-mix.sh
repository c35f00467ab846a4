#!/usr/bin/env bash
# Load test (issue 8): a fixed-rate mix of API, DCAT, GMI and page requests against the packaged
# service on loopback, for DURATION seconds (default 300). Prints throughput, p50/p99 and errors.
#   bench/load-mix.sh                      # 5 minutes at RATE=200 req/s
#   RATE=400 DURATION=60 bench/load-mix.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RATE="${RATE:-200}"
DURATION="${DURATION:-300}"
PATHS=(
    "/api/v1/datasets"
    "/api/v1/datasets/probation"
    "/api/v1/datasets?q=offender&approval=DAG"
    "/api/v1/datasets/offender-assessment-oasys/tables/oasys_assessments_details_bcs"
    "/api/v1/variables?q=ethnicity"
    "/api/v1/lookups/gender"
    "/catalog.ttl"
    "/datasets/probation.jsonld"
    "/api/v1/gmi/datasets"
    "/api/v1/gmi/datasets/probation"
    "/"
    "/search?q=ethnicity"
    "/datasets/probation"
    "/coverage"
)

build_service
start_service
urls=()
for path in "${PATHS[@]}"; do
    status="$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL$path")"
    if [ "$status" = 200 ]; then
        urls+=("$BASE_URL$path")
    else
        echo "not in the mix (answered $status): $path"
    fi
done
echo "mix of ${#urls[@]} request kinds: ${urls[*]#$BASE_URL}"
echo "warm-up 20 s…"
load max 4 20 "${urls[@]}" > /dev/null
echo "== fixed rate $RATE req/s for $DURATION s, round-robin over the mix"
load fixed "$RATE" "$DURATION" "${urls[@]}"
echo "machine: $(nproc) cores; client and server share them"
