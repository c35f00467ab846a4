#!/usr/bin/env bash
# Runs every test of the project: the catalogue service and the linkage module.
# Needs only a JDK 17; the Maven wrapper, PostgreSQL (embedded) and everything else come with it.
set -euo pipefail
cd "$(dirname "$0")"
# The website's browser tests drive headless Chromium (see scripts/install-browser.sh).
scripts/install-browser.sh
./mvnw -B verify "$@"
./mvnw -B -f linkage-module/pom.xml verify "$@"
