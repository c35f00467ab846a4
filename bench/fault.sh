#!/usr/bin/env bash
# Fault test (issue 8): stop PostgreSQL under load, start it again.
# Runs the packaged service against a separate PostgreSQL server on loopback, probes it every
# 200 ms, stops the database for OUTAGE seconds and starts it again. Passes when, while the
# database is down, reads answer 503 application/problem+json quickly and readiness is DOWN, and
# afterwards both recover without restarting the service. Prints the figures and exits 1 on failure.
#   bench/fault.sh                  # OUTAGE=15 seconds
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OUTAGE="${OUTAGE:-15}"
PG_PORT="${PG_PORT:-55432}"
WORK="$(mktemp -d /tmp/catalogue-fault.XXXXXX)"
chmod 755 "$WORK"

# ---- a PostgreSQL server we can stop: Debian's packages (installed when missing) ----
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)"
if [ -z "$PG_BIN" ]; then
    echo "installing PostgreSQL from Debian's packages…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ] && ! id postgres > /dev/null 2>&1; then
    useradd --system --home-dir "$WORK" postgres
fi
install -d -m 700 "$WORK/pgdata"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pgdata"
as_pg "$PG_BIN/initdb" -D "$WORK/pgdata" -A trust -U postgres > "$WORK/initdb.log"
pg_start() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1" -l "$WORK/pgdata/server.log" -w start > /dev/null; }
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m immediate -w stop > /dev/null; }
cleanup() {
    stop_service
    pg_stop 2> /dev/null || true
    rm -rf "$WORK"
}
pg_start
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database catalogue" > /dev/null

# ---- the service against it ----
build_service
if curl -s -o /dev/null "$BASE_URL/q/health/live"; then
    echo "port $BENCH_PORT already answers: stop that process or set BENCH_PORT" >&2
    exit 1
fi
(cd "$ROOT_DIR" && exec env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/catalogue" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    QUARKUS_HTTP_PORT="$BENCH_PORT" QUARKUS_LOG_CONSOLE_JSON=false \
    java -Xmx1g -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1) &
SERVICE_PID=$!
SERVICE_DATA="$WORK/unused"
trap cleanup EXIT
for _ in $(seq 1 120); do
    curl -sf "$BASE_URL/q/health/ready" > /dev/null 2>&1 && break
    sleep 0.5
done

# ---- probe every 200 ms: an uncached read, a cached read and readiness ----
probe() {
    local phase="$1" until="$2"
    while [ "$(date +%s)" -lt "$until" ]; do
        for path in "/api/v1/variables?q=ethnicity" "/api/v1/datasets/probation" "/q/health/ready"; do
            curl -s -o /dev/null --max-time 10 -w "$phase $path %{http_code} %{time_total} %{content_type}\n" \
                "$BASE_URL$path" >> "$WORK/probes.txt" || echo "$phase $path 000 10 none" >> "$WORK/probes.txt"
        done
        sleep 0.2
    done
}
now() { date +%s; }
probe before $(( $(now) + 8 ))
pg_stop
down_at=$(now)
probe down $(( down_at + OUTAGE ))
pg_start
up_at=$(now)
# After the restart: probe until readiness is UP again (at most 60 s), then a little longer.
recovered=""
while [ "$(now)" -lt $(( up_at + 60 )) ]; do
    if curl -sf -o /dev/null "$BASE_URL/q/health/ready"; then
        recovered=$(( $(now) - up_at )); break
    fi
    sleep 0.2
done
probe after $(( $(now) + 8 ))

# ---- figures ----
echo "== fault test: database stopped for ${OUTAGE} s under probing (every 200 ms)"
awk '
{ key = $1 " " $2; n[key]++; s[key " " $3]++; if ($4 > max[key]) max[key] = $4; types[key " " $3] = $5 }
END {
  for (k in n) {
    line = sprintf("%-44s requests=%-4d max_s=%.3f statuses:", k, n[k], max[k]);
    for (ks in s) { split(ks, p, " "); if (p[1] " " p[2] == k) line = line " " p[3] "x" s[ks] " (" types[ks] ")" }
    print line
  }
}' "$WORK/probes.txt" | sort
echo "readiness UP again ${recovered:-never} s after PostgreSQL restarted (service not restarted)"

fail=0
grep '^down /api' "$WORK/probes.txt" | awk '$3 != 503 || $5 !~ /problem\+json/ { bad++ } END { exit bad > 0 }' \
    || { echo "FAIL: a read during the outage did not answer 503 problem+json"; fail=1; }
grep '^down /api' "$WORK/probes.txt" | awk '$4 > 5 { slow++ } END { exit slow > 0 }' \
    || { echo "FAIL: a read during the outage took more than 5 s"; fail=1; }
grep '^down /q/health/ready' "$WORK/probes.txt" | awk '$3 != 503 { up++ } END { exit up > 0 }' \
    || { echo "FAIL: readiness was not DOWN during the outage"; fail=1; }
grep -E '^(before|after) ' "$WORK/probes.txt" | awk '$3 != 200 { bad++ } END { exit bad > 0 }' \
    || { echo "FAIL: a request before the outage or after recovery failed"; fail=1; }
[ -n "$recovered" ] || { echo "FAIL: readiness never came back"; fail=1; }
[ "$fail" = 0 ] && echo "PASS: reads failed fast with 503 problem+json, health went DOWN then UP, no restart needed"
exit "$fail"
