#!/usr/bin/env bash
# Read-load benchmark of the catalogue API (issue 2, BRIEF §7 "dataset JSON read").
# Starts the packaged service on loopback, then for one dataset's JSON and for a trivial endpoint
# of the same service (the ceiling): a fixed-rate open-model load, then a closed-loop maximum.
#   bench/api-read.sh                 # defaults: 400 req/s for 30 s, 8 connections for 15 s
#   RATE=600 DURATION=60 bench/api-read.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RATE="${RATE:-400}"
SECONDS_FIXED="${DURATION:-30}"
CONNECTIONS="${CONNECTIONS:-8}"
SECONDS_MAX="${SECONDS_MAX:-15}"
DATASET_URL="$BASE_URL/api/v1/datasets/probation"
TRIVIAL_URL="$BASE_URL/q/health/live"

build_service
start_service
echo "warm-up (10 s each)…"
load max "$CONNECTIONS" 10 "$DATASET_URL" > /dev/null
load max "$CONNECTIONS" 10 "$TRIVIAL_URL" > /dev/null

echo "== fixed rate: $RATE req/s for $SECONDS_FIXED s (latency from the intended send time)"
echo "dataset JSON  $(load fixed "$RATE" "$SECONDS_FIXED" "$DATASET_URL")"
echo "trivial       $(load fixed "$RATE" "$SECONDS_FIXED" "$TRIVIAL_URL")"
echo "== maximum: $CONNECTIONS connections for $SECONDS_MAX s"
dataset_max="$(load max "$CONNECTIONS" "$SECONDS_MAX" "$DATASET_URL")"
trivial_max="$(load max "$CONNECTIONS" "$SECONDS_MAX" "$TRIVIAL_URL")"
echo "dataset JSON  $dataset_max"
echo "trivial       $trivial_max"
rps() { sed -E 's/.*throughput_rps=([0-9]+).*/\1/' <<< "$1"; }
awk -v d="$(rps "$dataset_max")" -v t="$(rps "$trivial_max")" \
    'BEGIN { printf "dataset JSON throughput is %.0f%% of the trivial endpoint (bar: >= 50%%)\n", 100 * d / t }'
echo "machine: $(nproc) cores; client and server share them"
