#!/usr/bin/env bash
# Fault tests (issues 8 and 11). Prints the figures and PASS/FAIL per scenario; exits 1 on a failure.
#  stop:    the packaged service against a separate PostgreSQL server on loopback, probed every
#           200 ms; the database is stopped for OUTAGE seconds and started again. While it is down,
#           reads answer 503 problem+json quickly and readiness is DOWN; both recover without a restart.
#  durable: the service on its embedded default store; KILLS times a write answered 201 is followed
#           at once by kill -9 of the postmaster; after each recovery every confirmed release must
#           be there with its content (counts: confirmed, present, lost).
#  freeze:  SIGSTOP on the postmaster and its backends: reads 503 problem+json within 2 s and
#           readiness DOWN; after SIGCONT both recover.
#  kill:    kill -9 of the embedded postmaster: the service starts it again and reads recover,
#           without restarting the JVM.
#   bench/fault.sh                          # all scenarios; OUTAGE=15 seconds, KILLS=20
#   SCENARIOS="durable kill" bench/fault.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SCENARIOS="${SCENARIOS:-stop durable freeze kill}"
overall=0

build_service

scenario_stop() {
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
    [ "$fail" = 0 ] || overall=1
        cleanup
        trap - EXIT
}

# ---- the service on its embedded default store (durable, freeze, kill) ----
EMBEDDED_SCENARIOS=""
for scenario in $SCENARIOS; do
    case "$scenario" in durable|freeze|kill) EMBEDDED_SCENARIOS="$EMBEDDED_SCENARIOS $scenario" ;; esac
done

postmaster_pid() { head -1 "$SERVICE_DATA/postgres/postmaster.pid"; }
millis() { date +%s%3N; }
# Waits (at most 60 s) until readiness is UP and a read answers 200; prints the milliseconds it took.
await_recovery() {
    local from="$1"
    for _ in $(seq 1 600); do
        if curl -sf -o /dev/null --max-time 5 "$BASE_URL/q/health/ready" \
            && curl -sf -o /dev/null --max-time 5 "$BASE_URL/api/v1/variables?q=ethnicity"; then
            echo $(( $(millis) - from )); return 0
        fi
        sleep 0.1
    done
    echo never; return 1
}

scenario_durable() {
    local kills="${KILLS:-20}" confirmed=0 present=0 lost=0 reused=0 worst=0 i code etag version recovered
    local writes="$SERVICE_DATA/confirmed.txt"
    : > "$writes"
    for i in $(seq 1 "$kills"); do
        etag="$(curl -s -o /dev/null -D - "$BASE_URL/api/v1/datasets/probation" | tr -d '\r' | awk 'tolower($1) == "etag:" { print $2 }')"
        code="$(curl -s -o "$SERVICE_DATA/answer.json" -w '%{http_code}' -X PATCH \
            -H "Authorization: Bearer $TOKEN" -H "If-Match: $etag" -H 'Content-Type: application/merge-patch+json' \
            --data "{\"title\": \"Probation fault run $i\"}" "$BASE_URL/api/v1/datasets/probation")"
        kill -9 "$(postmaster_pid)" || true
        if [ "$code" = 201 ]; then
            version="$(sed -E 's/.*"version":([0-9]+).*/\1/' "$SERVICE_DATA/answer.json")"
            echo "$version Probation fault run $i" >> "$writes"
            confirmed=$((confirmed + 1))
        fi
        recovered="$(await_recovery "$(millis)")" || true
        [ "$recovered" = never ] && break
        [ "$recovered" -gt "$worst" ] && worst="$recovered"
    done
    while read -r version title; do
        if curl -s "$BASE_URL/api/v1/datasets/probation/releases/$version" | grep -qF "\"title\":\"$title\""; then
            present=$((present + 1))
        else
            lost=$((lost + 1))
        fi
    done < "$writes"
    reused=$(awk '{ print $1 }' "$writes" | sort | uniq -d | wc -l)
    echo "== durable: $kills writes, each followed at once by kill -9 of the embedded postmaster"
    echo "confirmed=$confirmed present=$present lost=$lost reused_release_numbers=$reused slowest_recovery_ms=$worst"
    if [ "$confirmed" -ge 1 ] && [ "$lost" = 0 ] && [ "$reused" = 0 ] && [ "$recovered" != never ]; then
        echo "PASS: every confirmed release survived the kill"
    else
        echo "FAIL: confirmed releases were lost, numbers reused or the store did not recover"; overall=1
    fi
}

scenario_freeze() {
    local pids t0 n=0 slow=0 bad=0 max=0 ready_down=0 recovered line code time type
    pids="$(postmaster_pid) $(pgrep -P "$(postmaster_pid)" | tr "\n" " " || true)"
    kill -STOP $pids
    t0=$(date +%s)
    while [ $(( $(date +%s) - t0 )) -lt 6 ]; do
        line="$(curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total} %{content_type}' \
            "$BASE_URL/api/v1/variables?q=ethnicity" || echo "000 10 none")"
        read -r code time type <<< "$line"
        n=$((n + 1))
        [ "$code" = 503 ] && [[ "$type" == *problem+json* ]] || bad=$((bad + 1))
        awk -v t="$time" 'BEGIN { exit !(t > 2) }' && slow=$((slow + 1))
        max="$(awk -v a="$max" -v b="$time" 'BEGIN { print (b > a ? b : a) }')"
        [ "$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$BASE_URL/q/health/ready")" = 503 ] \
            && ready_down=$((ready_down + 1))
        sleep 0.2
    done
    kill -CONT $pids
    recovered="$(await_recovery "$(millis)")" || true
    echo "== freeze: SIGSTOP on the postmaster and its backends for 6 s"
    echo "reads=$n not_503_problem=$bad slower_than_2s=$slow max_s=$max readiness_down=$ready_down/$n recovery_after_SIGCONT_ms=$recovered"
    if [ "$bad" = 0 ] && [ "$slow" = 0 ] && [ "$ready_down" = "$n" ] && [ "$recovered" != never ]; then
        echo "PASS: a frozen database gave 503 problem+json within 2 s and readiness DOWN, then recovered"
    else
        echo "FAIL: see the figures above"; overall=1
    fi
}

scenario_kill() {
    local java_pid="$SERVICE_PID" old new recovered
    old="$(postmaster_pid)"
    kill -9 "$old"
    recovered="$(await_recovery "$(millis)")" || true
    new="$(postmaster_pid)"
    echo "== kill: kill -9 of the embedded postmaster (pid $old)"
    echo "new_postmaster=$new recovery_ms=$recovered jvm_restarted=$(kill -0 "$java_pid" 2> /dev/null && echo no || echo yes)"
    if [ "$recovered" != never ] && [ "$new" != "$old" ] && kill -0 "$java_pid" 2> /dev/null; then
        echo "PASS: the service started its database again and reads recovered, same JVM"
    else
        echo "FAIL: see the figures above"; overall=1
    fi
}

for scenario in $SCENARIOS; do
    [ "$scenario" = stop ] && scenario_stop
done
if [ -n "$EMBEDDED_SCENARIOS" ]; then
    start_service
    TOKEN="$(cd "$ROOT_DIR" && java -jar target/quarkus-app/quarkus-run.jar token --subject fault-test --role curator)"
    for scenario in $EMBEDDED_SCENARIOS; do
        "scenario_$scenario"
    done
    stop_service
fi
echo "load: $(uptime)"
exit "$overall"
