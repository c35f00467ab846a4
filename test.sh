#!/usr/bin/env bash
# Runs every test of the project: the catalogue service and the linkage module.
# Needs a JDK 17, and Node.js with npm for the contract lint; the Maven wrapper, PostgreSQL (embedded) and
# everything else come with it.
set -euo pipefail
cd "$(dirname "$0")"
# The website's browser tests drive headless Chromium (see scripts/install-browser.sh).
scripts/install-browser.sh
# The published contract passes Redocly's recommended rules (Node.js and npm; the pinned CLI comes from npm).
scripts/lint-openapi.sh
./mvnw -B verify "$@"
./mvnw -B -f linkage-module/pom.xml verify "$@"
