#!/usr/bin/env bash
# Lints the published contract, openapi/catalogue-api.yaml, with Redocly's recommended rules (redocly.yaml):
# any error fails; the warnings left are explained in README.md ("Generated clients").
# Needs Node.js and npm (npx fetches the pinned Redocly CLI from the npm registry once, then uses its cache).
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_CLI_VERSION=2.77.0
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
npx --yes "@redocly/cli@$REDOCLY_CLI_VERSION" lint --config redocly.yaml openapi/catalogue-api.yaml
