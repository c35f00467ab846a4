# Sourced by bench/pages.sh and scripts/screenshots.sh: builds (if needed) and starts the packaged
# catalogue on loopback with its own embedded store, and stops it on exit.
# Uses APP_PORT (default 18096) and APP_DATA_DIR (default target/app-data).
APP_PORT=${APP_PORT:-18096}
APP_DATA_DIR=${APP_DATA_DIR:-target/app-data}
APP_URL="http://127.0.0.1:$APP_PORT"

start_app() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${APP_REBUILD:-1}" = 1 ]; then
    ./mvnw -B -q package -DskipTests
  fi
  QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 CATALOGUE_DATA_DIR=$APP_DATA_DIR \
    java ${JAVA_OPTS:--Xmx512m} -jar target/quarkus-app/quarkus-run.jar >target/app.log 2>&1 &
  APP_PID=$!
  trap stop_app EXIT
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "$APP_URL/q/health/ready"; then
      return 0
    fi
    sleep 1
  done
  echo "the catalogue did not start; see target/app.log" >&2
  exit 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
}
