#!/usr/bin/env bash
# Read-load benchmark of the catalogue API (BRIEF §7 "dataset JSON read").
# Starts the packaged service on loopback, then for one dataset's JSON and for a trivial endpoint
# of the same service (/q/health/live, the ceiling):
#   - maximum throughput, closed loop, with wrk (Debian's package, installed when missing);
#   - latency at a fixed 400 req/s, open model (bench/LoadGenerator.java: p99 from the intended send
#     time, so a stall is not hidden the way a closed-loop client hides it).
#   bench/api-read.sh                              # 400 req/s for 30 s, wrk 1 thread × 8 connections for 15 s
#   RATE=600 DURATION=60 CONNECTIONS=16 bench/api-read.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RATE="${RATE:-400}"
SECONDS_FIXED="${DURATION:-30}"
CONNECTIONS="${CONNECTIONS:-8}"
SECONDS_MAX="${SECONDS_MAX:-15}"
DATASET_URL="$BASE_URL/api/v1/datasets/probation"
TRIVIAL_URL="$BASE_URL/q/health/live"

if ! command -v wrk > /dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
        echo "installing wrk from Debian's packages…"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
    else
        echo "wrk is not installed (apt-get install wrk)" >&2
        exit 1
    fi
fi

# One wrk run: prints "throughput_rps=N p50_ms=… p99_ms=… non2xx=…" (one client thread, so the
# service keeps most of the two cores).
wrk_max() {
    local out rps p50 p99 errors
    out="$(wrk -t1 -c"$CONNECTIONS" -d"$1"s --latency "$2")"
    rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<< "$out")"
    p50="$(awk '$1 == "50%" { print $2 }' <<< "$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<< "$out")"
    errors="$(awk '/Non-2xx/ { print $NF } /Socket errors/ { print }' <<< "$out" | tr '\n' ' ')"
    echo "throughput_rps=$rps p50=$p50 p99=$p99 errors=${errors:-0}"
}
rps() { sed -E 's/.*throughput_rps=([0-9]+).*/\1/' <<< "$1"; }

echo "before: $(uptime)"
build_service
start_service
echo "warm-up (10 s each)…"
wrk_max 10 "$DATASET_URL" > /dev/null
wrk_max 10 "$TRIVIAL_URL" > /dev/null

echo "== maximum throughput: wrk, 1 thread, $CONNECTIONS connections, $SECONDS_MAX s each"
dataset_max="$(wrk_max "$SECONDS_MAX" "$DATASET_URL")"
trivial_max="$(wrk_max "$SECONDS_MAX" "$TRIVIAL_URL")"
echo "dataset JSON  $dataset_max"
echo "trivial       $trivial_max"
awk -v d="$(rps "$dataset_max")" -v t="$(rps "$trivial_max")" \
    'BEGIN { printf "ratio: dataset JSON throughput is %.0f%% of the trivial endpoint (bar: >= 50%%)\n", 100 * d / t }'

echo "== fixed rate: $RATE req/s for $SECONDS_FIXED s, open model (latency from the intended send time)"
echo "dataset JSON  $(java -Xmx512m "$BENCH_DIR/LoadGenerator.java" fixed "$RATE" "$SECONDS_FIXED" "$DATASET_URL")"
echo "trivial       $(java -Xmx512m "$BENCH_DIR/LoadGenerator.java" fixed "$RATE" "$SECONDS_FIXED" "$TRIVIAL_URL")"
echo "(bar: dataset JSON p99 < 20 ms)"
echo "after: $(uptime)"
echo "machine: $(nproc) cores; client and server share them"
