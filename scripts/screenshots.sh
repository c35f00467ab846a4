#!/usr/bin/env bash
# Screenshots of the website's main pages for review (not test expectations), taken with headless
# Chromium from the packaged service: target/screenshots/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-browser.sh
BENCH_PORT="${BENCH_PORT:-18097}"
source bench/lib.sh
APP_URL=$BASE_URL
build_service
start_service
out=target/screenshots
mkdir -p "$out"
shoot() { # name path height
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1280,"$3" --screenshot="$out/$1.png" "$APP_URL$2" 2>/dev/null
  rm -rf "$profile"
  echo "$out/$1.png  ($2)"
}
shoot home / 3400
shoot search-results '/search?q=ethnicity' 2400
shoot search-no-results '/search?q=ethnicity&whereHeld=SAIL+Databank&approval=DfE' 1600
shoot dataset /datasets/probation 9000
shoot variable /datasets/probation/tables/delius_flatfile/variables/ethnicity_desc 2400
shoot lookup /lookups/probation-area 2400
shoot coverage /coverage 2200
