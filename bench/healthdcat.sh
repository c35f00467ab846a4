#!/usr/bin/env bash
# Validates the served DCAT catalogue and every dataset document against HealthDCAT-AP shapes that you
# supply (they are not in this repository): a directory in the layout of the HealthDCAT-AP validator
# (shapes/non-public-shapes.ttl, shapes/graph-guard.ttl, ranges/range.ttl,
# recommended/non-public-shapes_recommended.ttl), checked together with the DCAT-AP 3.0.1 shapes they
# import. Prints the findings grouped by property, each marked "policy exception" (documented in the
# README's HealthDCAT-AP table) or NOT DOCUMENTED; exits non-zero when a violation is not documented.
# Usage: bench/healthdcat.sh <shapes-dir>
set -euo pipefail
[ $# -eq 1 ] && [ -d "$1" ] || { echo "usage: $0 <healthdcat-ap-shapes-dir>" >&2; exit 2; }
shapes="$(cd "$1" && pwd)"
cd "$(dirname "$0")/.."
status=0
mkdir -p target
./mvnw -B test -Dtest=HealthDcatCheck -Dhealthdcat.shapes="$shapes" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true > target/healthdcat.log 2>&1 || status=$?
grep '^HEALTHDCAT' target/healthdcat.log || { echo "check did not run; see target/healthdcat.log" >&2; exit 1; }
exit $status
