# Shared by the bench scripts: build the packaged service once and run it on loopback with a
# throwaway embedded PostgreSQL, stopping it when the script exits. STARTUP_SECONDS (default 60) bounds
# the wait for readiness (a loaded machine needs more).

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
BENCH_PORT="${BENCH_PORT:-18080}"
BASE_URL="http://127.0.0.1:$BENCH_PORT"

build_service() {
    (cd "$ROOT_DIR" && ./mvnw -B -q package -DskipTests)
}

start_service() {
    local data_dir
    if curl -s -o /dev/null "$BASE_URL/q/health/live"; then
        echo "port $BENCH_PORT already answers: stop that process or set BENCH_PORT" >&2
        exit 1
    fi
    data_dir="$(mktemp -d /tmp/catalogue-bench.XXXXXX)"
    (cd "$ROOT_DIR" && exec env CATALOGUE_DATA_DIR="$data_dir/postgres" QUARKUS_HTTP_PORT="$BENCH_PORT" \
        QUARKUS_LOG_LEVEL=WARN java ${BENCH_JAVA_OPTS:--Xmx1g} -jar target/quarkus-app/quarkus-run.jar \
        > "$data_dir/service.log" 2>&1) &
    SERVICE_PID=$!  # the java process itself (exec), so stop_service stops it
    SERVICE_DATA="$data_dir"
    trap stop_service EXIT
    for _ in $(seq 1 $(( ${STARTUP_SECONDS:-60} * 2 ))); do
        if curl -sf "$BASE_URL/q/health/ready" > /dev/null 2>&1; then
            return 0
        fi
        sleep 0.5
    done
    echo "service did not become ready; log:" >&2
    tail -50 "$data_dir/service.log" >&2
    exit 1
}

stop_service() {
    if [ -n "${SERVICE_PID:-}" ]; then
        kill "$SERVICE_PID" 2> /dev/null || true
        wait "$SERVICE_PID" 2> /dev/null || true
        rm -rf "$SERVICE_DATA"
        SERVICE_PID=""
    fi
}

load() {
    java -Xmx512m "$BENCH_DIR/LoadGenerator.java" "$@"
}
