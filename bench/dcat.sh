#!/usr/bin/env bash
# Times the full DCAT-AP catalogue in Turtle and JSON-LD (warm medians): the real catalogue, then
# with 100 generated datasets x 100 variables added. Uses the test harness (embedded PostgreSQL).
# Usage: bench/dcat.sh        Prints lines starting with BENCH.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B test -Dtest=DcatBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' \
  || { echo "benchmark failed; run: ./mvnw test -Dtest=DcatBenchmark -Dbench=true" >&2; exit 1; }
