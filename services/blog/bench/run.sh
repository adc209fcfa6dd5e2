#!/bin/sh
# Load benchmark of the blog: 10,000 seeded posts, then the home page and a search under wrk, on loopback.
# Usage (from the repository root, after `mvn -pl services/blog -am package -DskipTests`):
#   services/blog/bench/run.sh
# BENCH_DURATION (15s), BENCH_CONNECTIONS ("1 4 16") and BENCH_JAVA_OPTS (e.g. a JFR recording) adjust it.
# Needs PostgreSQL (localhost:5432, user postgres), Redis (localhost:6379), psql and wrk.
# Fragments are off (no internal secret), so this measures the blog's own work; their log category is kept
# at ERROR so that no per-request log line is part of what is measured.
# Uses its own database (roseash_bench_blog) and Redis index 5; stops the service it started.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../target/quarkus-app/quarkus-run.jar"
PORT=${BENCH_PORT:-18101}
DB=roseash_bench_blog
DURATION=${BENCH_DURATION:-15s}
for tool in psql wrk curl; do
  command -v $tool >/dev/null || { echo "needs $tool (Debian: apt-get install postgresql-client wrk curl)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "build first: mvn -pl services/blog -am package -DskipTests" >&2; exit 1; }

psql -h localhost -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql -h localhost -U postgres -c "CREATE DATABASE $DB" >/dev/null

ROSEASH_DATASOURCE_URL="jdbc:postgresql://localhost:5432/$DB" ROSEASH_DATASOURCE_USERNAME=postgres \
ROSEASH_REDIS_URL="redis://localhost:6379/5" RUN_MIGRATIONS=true QUARKUS_HTTP_PORT=$PORT \
QUARKUS_LOG_LEVEL=WARN \
  java -Xmx256m ${BENCH_JAVA_OPTS:-} -Dquarkus.log.category.\"coop.roseash.shared.fragments\".level=ERROR -jar "$JAR" > /tmp/blog-bench.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT INT TERM
for i in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "blog did not start; see /tmp/blog-bench.log" >&2; exit 1; }

psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q -d $DB -f "$HERE/seed.sql"

# "compost bees" matches nearly every seeded post (the worst case); "post 9999" matches a handful
for url in "/" "/search?q=compost+bees" "/search?q=post+9999"; do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$url"          # warm up once
  wrk -t2 -c8 -d10s "http://127.0.0.1:$PORT$url" >/dev/null   # JIT warm-up
  for c in ${BENCH_CONNECTIONS:-1 4 16}; do
    t=2; [ "$c" -lt 2 ] && t=1
    echo "== GET $url  (wrk -t$t -c$c -d$DURATION --latency)"
    wrk -t"$t" -c"$c" -d"$DURATION" --latency "http://127.0.0.1:$PORT$url" | grep -E " 50%| 99%|Requests/sec|Non-2xx"
  done
done
