#!/usr/bin/env bash
# Builds and runs the Data First Catalogue on http://localhost:8080.
# With no QUARKUS_DATASOURCE_JDBC_URL set, an embedded PostgreSQL keeps its data in .data/postgres.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q package -DskipTests
export QUARKUS_LOG_CONSOLE_JSON="${QUARKUS_LOG_CONSOLE_JSON:-false}"
exec java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar "$@"
