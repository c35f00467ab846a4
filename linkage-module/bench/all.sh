#!/usr/bin/env bash
# Every benchmark, one after the other.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for b in febrl3 febrl4 fake_1000 u_estimation scale_1m throughput clusters pipeline refresh; do
  echo "=== $b"
  "$here/$b.sh"
done
