#!/bin/sh
# The composed-page comparison of docs/performance.md: blog's bare page (/bench/bare: the home's posts and
# layout without a fragment) against the blog home (the composed header and event cards, warm caches), a post page and a search, each under wrk at 16
# connections, median of 5 runs (interleaved with the other pages' runs, after a warm-up of every page); once with
# the fragments' near cache off (Redis only) and once with it on.
# Usage (from the repository root, after
#   mvn -pl services/blog,services/federation,services/cart -am package -DskipTests):
#   services/blog/bench/compare.sh            # writes the table into docs/performance.md
# BENCH_DURATION (10s), BENCH_RUNS (5), BENCH_CONNECTIONS (16) and BENCH_MODES ("off on") adjust it.
#
# What runs, all on loopback, on free ports: blog, federation (auth-menu) and cart (cart-mini), the three
# providers of the site header (blog is its own nav-tree provider), from their packaged jars, each with
# -Xmx256m; PostgreSQL and Redis as they run here (databases roseash_bench_{blog,federation,cart}, Redis index 5). Events is not started: the home's
# per-post event cards ask an address where nothing listens (127.0.0.1:9), so they are empty and, once the
# circuit breaker is open, cost no call. The visitor is anonymous (wrk sends no cookie), so every request asks
# for the same three header fragments. Needs psql, curl and wrk (installed with apt-get when run as root).
set -euf  # -f: no globbing (the search URL holds a "?")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
DURATION=${BENCH_DURATION:-10s}
RUNS=${BENCH_RUNS:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
MODES=${BENCH_MODES:-off on}
OUT="$ROOT/docs/performance.md"
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/roseash-bench.XXXXXX")

if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in psql wrk curl python3; do
  command -v $tool >/dev/null || { echo "needs $tool (Debian: apt-get install postgresql-client wrk curl python3)" >&2; exit 1; }
done
for service in blog federation cart; do
  [ -f "$ROOT/services/$service/target/quarkus-app/quarkus-run.jar" ] \
    || { echo "build first: mvn -pl services/blog,services/federation,services/cart -am package -DskipTests" >&2; exit 1; }
done

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
BLOG_PORT=$(free_port); FEDERATION_PORT=$(free_port); CART_PORT=$(free_port)

SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
export ROSEASH_INTERNAL_HMAC_SECRET="$SECRET"
export ROSEASH_SESSION_ENCRYPTION_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export ROSEASH_DEVICE_ID_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export ROSEASH_WEB_CSRF_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
for client in BLOG MARKET CART EVENTS ACCOUNT; do
  export ROSEASH_OAUTH_CLIENT_${client}_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
done
export ROSEASH_FEDERATION_SIGNING_KEYS_DIR="$LOGS/keys"
export ROSEASH_REDIS_URL="redis://localhost:6379/5"
export ROSEASH_DATASOURCE_USERNAME=postgres
export RUN_MIGRATIONS=true QUARKUS_LOG_LEVEL=WARN
for entry in blog:$BLOG_PORT federation:$FEDERATION_PORT cart:$CART_PORT; do
  name=$(echo "${entry%%:*}" | tr a-z A-Z); port=${entry#*:}
  export ROSEASH_SERVICES_${name}_PORT=$port
  export ROSEASH_SERVICES_${name}_INTERNAL_URL="http://127.0.0.1:$port"
  export ROSEASH_SERVICES_${name}_PUBLIC_URL="http://127.0.0.1:$port"
done
export ROSEASH_SERVICES_EVENTS_INTERNAL_URL="http://127.0.0.1:9"
export ROSEASH_SERVICES_MARKET_INTERNAL_URL="http://127.0.0.1:9" ROSEASH_SERVICES_ACCOUNT_INTERNAL_URL="http://127.0.0.1:9"

PIDS=""
cleanup() { for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

database() {
  psql -h localhost -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || psql -h localhost -U postgres -c "CREATE DATABASE $1" >/dev/null
}

# start SERVICE PORT [extra java options]: runs the packaged jar and waits until it is ready
start() {
  service=$1; port=$2; shift 2
  database "roseash_bench_$service"
  ROSEASH_DATASOURCE_URL="jdbc:postgresql://localhost:5432/roseash_bench_$service" QUARKUS_HTTP_PORT=$port \
    java -Xmx256m "$@" -Dquarkus.log.category.\"coop.roseash.shared.fragments\".level=ERROR \
    -jar "$ROOT/services/$service/target/quarkus-app/quarkus-run.jar" > "$LOGS/$service.log" 2>&1 &
  LAST_PID=$!
  PIDS="$PIDS $LAST_PID"
  for i in $(seq 1 90); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "$service did not start; see $LOGS/$service.log" >&2
  exit 1
}

start federation "$FEDERATION_PORT"
start cart "$CART_PORT"

SEEDED=""
ROWS="$LOGS/rows"
: > "$ROWS"
MACHINE="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"

for mode in $MODES; do
  case $mode in
    off) near=false ;;
    on) near=true ;;
    *) echo "BENCH_MODES takes off and on" >&2; exit 1 ;;
  esac
  ROSEASH_FRAGMENTS_NEAR_CACHE_ENABLED=$near ROSEASH_BLOG_BENCH_BARE_PAGE=true start blog "$BLOG_PORT"
  BLOG_PID=$LAST_PID
  if [ -z "$SEEDED" ]; then
    psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q -d roseash_bench_blog -f "$HERE/seed.sql"
    SEEDED=yes
  fi
  URLS="/bench/bare / /bench-post-5000/ /search?q=post+9999"
  # warm-up: JIT, the read cache and the fragment caches, twice round every page
  for pass in 1 2; do
    for url in $URLS; do
      curl -fs -o /dev/null "http://127.0.0.1:$BLOG_PORT$url" || { echo "GET $url failed" >&2; exit 1; }
      wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$BLOG_PORT$url" >/dev/null
    done
  done
  # the runs interleaved (bare, home, post, search, bare, ...), so drift in the machine's load or the JIT
  # touches every page alike; the load average is the 1-minute one before each run
  : > "$LOGS/runs"
  for run in $(seq 1 "$RUNS"); do
    for url in $URLS; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$BLOG_PORT$url")
      if echo "$out" | grep -q "Non-2xx"; then echo "GET $url: $(echo "$out" | grep Non-2xx)" >&2; exit 1; fi
      echo "$url $(echo "$out" | awk '/Requests\/sec/ {print $2}') $load" >> "$LOGS/runs"
    done
  done
  for url in $URLS; do
    rates=$(awk -v u="$url" '$1 == u {print $2}' "$LOGS/runs" | tr '\n' ' ')
    loads=$(awk -v u="$url" '$1 == u {print $3}' "$LOGS/runs" | sort -n | awk '{a[NR] = $1} END {print a[1] "–" a[NR]}')
    median=$(echo $rates | tr ' ' '\n' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
    command="wrk -t2 -c$CONNECTIONS -d$DURATION http://127.0.0.1:PORT$url"
    echo "$mode|$url|$command|$loads|$median|$(echo $rates | tr ' ' ',')" >> "$ROWS"
    echo "near cache $mode  GET $url  median $median req/s  (runs: $rates; load $loads)"
  done
  kill "$BLOG_PID"; wait "$BLOG_PID" 2>/dev/null || true
done

# the table between the markers in docs/performance.md; the rest of the file is prose kept by hand. "% of bare"
# pairs each run with the bare page's run of the same round (the runs are interleaved), then takes the median
# of those ratios: a page measured while the machine was busy is compared with a bare run that was busy too.
python3 - "$OUT" "$ROWS" "$MACHINE" "$RUNS" <<'EOF'
import datetime, statistics, sys
out, rows_file, machine, runs = sys.argv[1:5]
rows = [line.rstrip("\n").split("|") for line in open(rows_file) if line.strip()]
bare = {mode: [float(r) for r in rates.split(",")] for mode, url, _, _, _, rates in rows if url == "/bench/bare"}
lines = [f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC on: {machine}.", "",
         f"| page | near cache | command | load average (1 min, lowest–highest before a run) | median req/s "
         f"| % of bare (median of the paired runs) | the {runs} runs (req/s, in round order) |",
         "|---|---|---|---|---:|---:|---|"]
for mode, url, command, load, median, rates in rows:
    values = [float(r) for r in rates.split(",")]
    share = statistics.median(v / b for v, b in zip(values, bare[mode]))
    lines.append(f"| `{url}` | {mode} | `{command}` | {load} | {float(median):.0f} | {100 * share:.0f} % "
                 f"| {', '.join(f'{v:.0f}' for v in values)} |")
begin, end = "<!-- compare.sh:start -->", "<!-- compare.sh:end -->"
text = open(out).read()
head, rest = text.split(begin, 1)
open(out, "w").write(head + begin + "\n" + "\n".join(lines) + "\n" + end + rest.split(end, 1)[1])
EOF
echo "table written to $OUT (service logs in $LOGS)"
