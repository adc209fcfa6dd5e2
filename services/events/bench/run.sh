#!/bin/sh
# The events benchmark over HTTP on the packaged jar (services/events/README.md, "Benchmark"): 5,000 public confirmed
# entries over the coming year in 20 calendars (seed.sql), then under wrk at 1, 4 and 16 connections the month view
# (GET /calendars/{id}/month/{two months ahead}, round robin over the 20 calendars) and the container-cards fragment
# (GET /internal/fragments/container-cards?container_type=page&container_id=...&variant=card, signed as a consumer
# signs it, round robin over the 20 pages).
# Usage (from the repository root, after `mvn -pl services/events -am package -DskipTests`):
#   flock /tmp/build.lock services/events/bench/run.sh     # (the flock only where builds share a machine)
# BENCH_DURATION (10s), BENCH_CONNECTIONS ("1 4 16") adjust it. Prints a Markdown table.
#
# What runs: events alone from its packaged jar (-Xmx256m), on a free loopback port, database roseash_bench_events,
# Redis index 6. The site header's providers (blog, federation, cart) are not started: their fragments are asked at
# an address where nothing listens (127.0.0.1:9), so the header is empty and, once the circuit breakers are open,
# costs no call. wrk sends no cookie: an anonymous visitor. Needs psql, curl, wrk, python3.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-1 4 16}
JAR="$ROOT/services/events/target/quarkus-app/quarkus-run.jar"
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/roseash-events-bench.XXXXXX")

for tool in psql wrk curl python3; do
  command -v $tool >/dev/null || { echo "needs $tool (Debian: apt-get install postgresql-client wrk curl python3)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "build first: mvn -pl services/events -am package -DskipTests" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
export ROSEASH_INTERNAL_HMAC_SECRET="$SECRET"
export ROSEASH_SESSION_ENCRYPTION_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export ROSEASH_DEVICE_ID_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export ROSEASH_WEB_CSRF_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export ROSEASH_OAUTH_CLIENT_EVENTS_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
export ROSEASH_REDIS_URL="redis://localhost:6379/6"
export ROSEASH_DATASOURCE_USERNAME=postgres
export ROSEASH_DATASOURCE_URL="jdbc:postgresql://localhost:5432/roseash_bench_events"
export RUN_MIGRATIONS=true QUARKUS_LOG_LEVEL=WARN QUARKUS_HTTP_PORT=$PORT
export ROSEASH_SERVICES_EVENTS_PORT=$PORT ROSEASH_SERVICES_EVENTS_INTERNAL_URL="http://127.0.0.1:$PORT"
export ROSEASH_SERVICES_EVENTS_PUBLIC_URL="http://127.0.0.1:$PORT"
for other in BLOG FEDERATION CART MARKET ACCOUNT; do
  export ROSEASH_SERVICES_${other}_INTERNAL_URL="http://127.0.0.1:9"
done

PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

psql -h localhost -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'roseash_bench_events'" | grep -q 1 \
  || psql -h localhost -U postgres -qc "CREATE DATABASE roseash_bench_events"
java -Xmx256m -Dquarkus.log.category.\"coop.roseash.shared.fragments\".level=ERROR -jar "$JAR" \
  > "$LOGS/events.log" 2>&1 &
PID=$!
ready=""
for i in $(seq 1 90); do
  if curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || { echo "events did not start; see $LOGS/events.log" >&2; exit 1; }
psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q -d roseash_bench_events -f "$HERE/seed.sql"
IDS=$(psql -h localhost -U postgres -tAc "SELECT id FROM calendars WHERE container_type = 'page'
  AND container_id BETWEEN 50000001 AND 50000020 ORDER BY container_id" roseash_bench_events | tr '\n' ' ')
MONTH=$(date -u -d "$(date -u +%Y-%m-15) +2 months" +%Y-%m)

# wrk scripts: each request the next path of the list; the fragment's requests carry a signature made for them
# just before the run (the receiver allows 60 s of clock skew)
month_script() {
  { echo "paths = {"; for id in $IDS; do echo "  \"/calendars/$id/month/$MONTH\","; done; echo "}"
    echo 'i = 0'
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'; } > "$LOGS/month.lua"
}
cards_script() {
  python3 - "$SECRET" > "$LOGS/cards.lua" <<'PY'
import hashlib, hmac, sys, time
secret = sys.argv[1].encode()
now = str(int(time.time()))
print("requests = {")
for page in range(50000001, 50000021):
    path = "/internal/fragments/container-cards"
    query = f"container_id={page}&container_type=page&variant=card"
    signature = hmac.new(secret, f"events\nGET\n{path}\n{query}\n{now}".encode(), hashlib.sha256).hexdigest()
    print(f'  {{path = "{path}?{query}", signature = "{signature}"}},')
print("}")
print(f'timestamp = "{now}"')
print('i = 0')
print('request = function() i = i % #requests + 1; local r = requests[i]; return wrk.format("GET", r.path, '
      '{["X-Fragment-Request"] = "1", ["X-Internal-Timestamp"] = timestamp, ["X-Internal-Signature"] = r.signature}) end')
PY
}

# check both answer with content before measuring
first=$(echo $IDS | cut -d' ' -f1)
curl -fs "http://127.0.0.1:$PORT/calendars/$first/month/$MONTH" | grep -q "Bench entry" \
  || { echo "the month view shows no bench entry" >&2; exit 1; }
python3 - "$SECRET" "$PORT" <<'PY' || { echo "the signed container-cards fragment shows no bench entry" >&2; exit 1; }
import hashlib, hmac, sys, time, urllib.request
secret, port = sys.argv[1].encode(), sys.argv[2]
now, path, query = str(int(time.time())), "/internal/fragments/container-cards", "container_id=50000001&container_type=page&variant=card"
signature = hmac.new(secret, f"events\nGET\n{path}\n{query}\n{now}".encode(), hashlib.sha256).hexdigest()
request = urllib.request.Request(f"http://127.0.0.1:{port}{path}?{query}", headers={
    "X-Fragment-Request": "1", "X-Internal-Timestamp": now, "X-Internal-Signature": signature})
sys.exit(0 if "Bench entry" in urllib.request.urlopen(request).read().decode() else 1)
PY

MACHINE="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(java -version 2>&1 | head -1)"
echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC on: $MACHINE; events -Xmx256m, wrk -t2 (or -t1 at 1 connection), $DURATION per run after a 5 s warm-up."
echo
echo "| what | connections | requests | median ms | p99 ms | per second | load average (1 min, before the run) |"
echo "|---|---|---|---|---|---|---|"
for what in month cards; do
  for c in $CONNECTIONS; do
    threads=2; [ "$c" -lt 2 ] && threads=1
    ${what}_script
    wrk -t$threads -c"$c" -d5s -s "$LOGS/$what.lua" "http://127.0.0.1:$PORT" > /dev/null
    ${what}_script
    load=$(cut -d' ' -f1 /proc/loadavg)
    out=$(wrk -t$threads -c"$c" -d"$DURATION" --latency -s "$LOGS/$what.lua" "http://127.0.0.1:$PORT")
    if echo "$out" | grep -q "Non-2xx"; then echo "$what: $(echo "$out" | grep Non-2xx)" >&2; exit 1; fi
    echo "$out" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
total = re.search(r"(\d+) requests in", text).group(1)
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
name = {"month": "month view", "cards": "container-cards"}[sys.argv[1]]
print(f"| {name} | {sys.argv[2]} | {total} | {p50:.1f} | {p99:.1f} | {rate:.0f} | {sys.argv[3]} |")
' "$what" "$c" "$load"
  done
done
