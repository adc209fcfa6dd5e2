#!/bin/sh
# The composed-page comparison of docs/performance.md: blog's bare page (/bench/bare: the home's posts and
# layout without a fragment) against the blog home (the composed header and event cards, warm caches), a post page and a search, each under wrk at 16
# connections, median of 5 runs (interleaved with the other pages' runs, after a warm-up of every page); once with
# the fragments' near cache off (Redis only) and once with it on.
# Usage (from the repository root, after
#   mvn -pl services/blog,services/federation,services/cart -am package -DskipTests):
#   services/blog/bench/compare.sh            # writes the table into docs/performance.md
# BENCH_DURATION (10s), BENCH_RUNS (5), BENCH_CONNECTIONS (16) and BENCH_MODES ("off on") adjust it.
# BENCH_PHASES ("composed pages cold") chooses what runs, each writing its own table into docs/performance.md:
#   composed  the comparison above, per near-cache mode (BENCH_MODES)
#   pages     one page of every service (market, events and account are started too, near cache on), the same wrk runs
#   cold      the blog home with every cache cold (Redis flushed, every near cache dropped, the blog's read cache
#             outdated before each request; BENCH_COLD_REQUESTS, 15, requests one at a time), first as it is, then with
#             cart (cart-mini) slowed by BENCH_SLOW_MS (300) through slow-proxy.py, then cart and federation (auth-menu)
#             both slowed: fetched concurrently, the page costs about its slowest fragment, not the sum
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
PHASES=${BENCH_PHASES:-composed pages cold}
COLD_REQUESTS=${BENCH_COLD_REQUESTS:-15}
SLOW_MS=${BENCH_SLOW_MS:-300}
phase() { case " $PHASES " in *" $1 "*) return 0 ;; esac; return 1; }
phase composed || MODES=""
OUT="$ROOT/docs/performance.md"
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/roseash-bench.XXXXXX")

if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in psql wrk curl python3 redis-cli; do
  command -v $tool >/dev/null || { echo "needs $tool (Debian: apt-get install postgresql-client wrk curl python3 redis-tools)" >&2; exit 1; }
done
SERVICES="blog federation cart"
phase pages && SERVICES="$SERVICES market events account"
for service in $SERVICES; do
  [ -f "$ROOT/services/$service/target/quarkus-app/quarkus-run.jar" ] \
    || { echo "build first: mvn -pl services/$(echo $SERVICES | sed 's/ /,services\//g') -am package -DskipTests" >&2; exit 1; }
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

# wrk_runs PORT:URL...: after a warm-up (a request and a 10 s wrk, twice round), RUNS interleaved wrk runs of every
# page; one line per run in $LOGS/runs: the page, its req/s, the 1-minute load average before it, non-2xx answers
wrk_runs() {
  for pass in 1 2; do
    for target in "$@"; do
      curl -s -o /dev/null "http://127.0.0.1:$target" || { echo "GET $target failed" >&2; exit 1; }
      wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$target" >/dev/null
    done
  done
  : > "$LOGS/runs"
  for run in $(seq 1 "$RUNS"); do
    for target in "$@"; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$target")
      non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
      echo "$target $(echo "$out" | awk '/Requests\/sec/ {print $2}') $load ${non2xx:-0}" >> "$LOGS/runs"
    done
  done
}

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
  # warm-up (JIT, the read cache and the fragment caches), then the runs interleaved (bare, home, post, search,
  # bare, ...), so drift in the machine's load or the JIT touches every page alike
  wrk_runs $(for url in $URLS; do echo "$BLOG_PORT$url"; done)
  if awk '$4 > 0 {exit 1}' "$LOGS/runs"; then :; else echo "non-2xx answers: $(awk '$4 > 0' "$LOGS/runs")" >&2; exit 1; fi
  for url in $URLS; do
    rates=$(awk -v u="$BLOG_PORT$url" '$1 == u {print $2}' "$LOGS/runs" | tr '\n' ' ')
    loads=$(awk -v u="$BLOG_PORT$url" '$1 == u {print $3}' "$LOGS/runs" | sort -n | awk '{a[NR] = $1} END {print a[1] "–" a[NR]}')
    median=$(echo $rates | tr ' ' '\n' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
    command="wrk -t2 -c$CONNECTIONS -d$DURATION http://127.0.0.1:PORT$url"
    echo "$mode|$url|$command|$loads|$median|$(echo $rates | tr ' ' ',')" >> "$ROWS"
    echo "near cache $mode  GET $url  median $median req/s  (runs: $rates; load $loads)"
  done
  kill "$BLOG_PID"; wait "$BLOG_PID" 2>/dev/null || true
done

# cold_latency LABEL: COLD_REQUESTS requests of the blog home one at a time, every cache emptied before each: Redis
# index 5 flushed, every service's near cache dropped (the invalidation channel's ALL), the blog's read cache
# outdated (its generation bumped, as any write to posts would); the JVMs stay warm. One line in $LOGS/cold.
cold_latency() {
  : > "$LOGS/cold-times"
  for i in $(seq 1 "$COLD_REQUESTS"); do
    redis-cli -n 5 FLUSHDB >/dev/null
    redis-cli PUBLISH fragment-cache:invalidate:5 "bench	ALL" >/dev/null
    psql -h localhost -U postgres -qAt -d roseash_bench_blog -c "UPDATE blog_read_generation SET generation = generation + 1" >/dev/null
    sleep 0.3
    load=$(cut -d' ' -f1 /proc/loadavg)
    curl -s -o /dev/null -w "%{time_total} $load\n" "http://127.0.0.1:$BLOG_PORT/" >> "$LOGS/cold-times"
  done
  # the same page with every cache warm, for comparison
  for i in $(seq 1 "$COLD_REQUESTS"); do
    curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$BLOG_PORT/" >> "$LOGS/warm-times"
  done
  cold=$(awk '{print $1 * 1000}' "$LOGS/cold-times" | sort -n | awk '{a[NR] = $1} END {printf "%.0f", a[int((NR + 1) / 2)]}')
  warm=$(sort -n "$LOGS/warm-times" | awk '{a[NR] = $1 * 1000} END {printf "%.0f", a[int((NR + 1) / 2)]}')
  loads=$(awk '{print $2}' "$LOGS/cold-times" | sort -n | awk '{a[NR] = $1} END {print a[1] "–" a[NR]}')
  all=$(awk '{printf "%s%.0f", (NR > 1 ? ", " : ""), $1 * 1000}' "$LOGS/cold-times")
  rm -f "$LOGS/warm-times"
  echo "$1|$loads|$cold|$warm|$all" >> "$LOGS/cold"
  echo "cold home, $1: median $cold ms (warm $warm ms; load $loads)"
}

if phase pages || phase cold; then
  # blog again (near cache on), reaching cart and federation through slow-proxy.py (no delay until the cold phase)
  SLOW_CART=$(free_port); SLOW_FEDERATION=$(free_port)
  python3 "$HERE/slow-proxy.py" "$SLOW_CART" "http://127.0.0.1:$CART_PORT" & PIDS="$PIDS $!"
  python3 "$HERE/slow-proxy.py" "$SLOW_FEDERATION" "http://127.0.0.1:$FEDERATION_PORT" & PIDS="$PIDS $!"
  sleep 1
  ROSEASH_SERVICES_CART_INTERNAL_URL="http://127.0.0.1:$SLOW_CART" ROSEASH_SERVICES_FEDERATION_INTERNAL_URL="http://127.0.0.1:$SLOW_FEDERATION" \
    ROSEASH_BLOG_BENCH_BARE_PAGE=true start blog "$BLOG_PORT"
  if [ -z "$SEEDED" ]; then
    psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q -d roseash_bench_blog -f "$HERE/seed.sql"
    SEEDED=yes
  fi
fi

PAGE_ROWS="$LOGS/page-rows"
: > "$PAGE_ROWS"
if phase pages; then
  MARKET_PORT=$(free_port); EVENTS_PORT=$(free_port); ACCOUNT_PORT=$(free_port)
  start market "$MARKET_PORT"
  start events "$EVENTS_PORT"
  start account "$ACCOUNT_PORT"
  # each service's home (federation's is its sign-in page); an anonymous visitor, so the same header every time
  set -- "$BLOG_PORT/bench/bare" "$BLOG_PORT/" "$MARKET_PORT/" "$CART_PORT/" "$EVENTS_PORT/" "$FEDERATION_PORT/" "$ACCOUNT_PORT/"
  NAMES="blog(bare) blog market cart events federation account"
  wrk_runs "$@"
  for target in "$@"; do
    name=$(echo $NAMES | cut -d' ' -f1); NAMES=$(echo $NAMES | cut -d' ' -f2-)
    rates=$(awk -v u="$target" '$1 == u {print $2}' "$LOGS/runs" | tr '\n' ' ')
    loads=$(awk -v u="$target" '$1 == u {print $3}' "$LOGS/runs" | sort -n | awk '{a[NR] = $1} END {print a[1] "–" a[NR]}')
    non2xx=$(awk -v u="$target" '$1 == u {n += $4} END {print n + 0}' "$LOGS/runs")
    median=$(echo $rates | tr ' ' '\n' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$target")
    echo "$name|/${target#*/}|$status|$loads|$median|$(echo $rates | tr ' ' ',')|$non2xx" >> "$PAGE_ROWS"
    echo "$name GET /${target#*/} ($status): median $median req/s (runs: $rates; load $loads; non-2xx $non2xx)"
  done
fi

: > "$LOGS/cold"
if phase cold; then
  curl -fs -o /dev/null "http://127.0.0.1:$BLOG_PORT/"
  cold_latency "no provider slowed"
  curl -fs -o /dev/null "http://127.0.0.1:$SLOW_CART/__bench_delay/$SLOW_MS"
  cold_latency "cart slowed by $SLOW_MS ms"
  curl -fs -o /dev/null "http://127.0.0.1:$SLOW_FEDERATION/__bench_delay/$SLOW_MS"
  cold_latency "cart and federation each slowed by $SLOW_MS ms"
fi

# the tables between the markers in docs/performance.md; the rest of the file is prose kept by hand. "% of bare"
# pairs each run with the bare page's run of the same round (the runs are interleaved), then takes the median
# of those ratios: a page measured while the machine was busy is compared with a bare run that was busy too.
python3 - "$OUT" "$ROWS" "$MACHINE" "$RUNS" "$PAGE_ROWS" "$LOGS/cold" "$CONNECTIONS" "$DURATION" "$COLD_REQUESTS" <<'EOF'
import datetime, statistics, sys
out, rows_file, machine, runs, page_rows, cold_rows, connections, duration, cold_requests = sys.argv[1:10]
now = f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC"

def write(name, lines):
    begin, end = f"<!-- compare.sh:{name}start -->", f"<!-- compare.sh:{name}end -->"
    text = open(out).read()
    head, rest = text.split(begin, 1)
    open(out, "w").write(head + begin + "\n" + "\n".join(lines) + "\n" + end + rest.split(end, 1)[1])

pages = [line.rstrip("\n").split("|") for line in open(page_rows) if line.strip()]
if pages:
    bare = [float(r) for r in pages[0][5].split(",")]
    lines = [f"Measured {now} on: {machine}. Command per page: `wrk -t2 -c{connections} -d{duration} http://127.0.0.1:PORT/PATH`.", "",
             f"| service | page | status | load average (1 min, lowest–highest before a run) | median req/s "
             f"| % of blog's bare page (median of the paired runs) | the {runs} runs (req/s, in round order) |",
             "|---|---|---:|---|---:|---:|---|"]
    for name, path, status, load, median, rates, non2xx in pages:
        values = [float(r) for r in rates.split(",")]
        share = statistics.median(v / b for v, b in zip(values, bare))
        lines.append(f"| {name} | `{path}` | {status}{'' if non2xx == '0' else f' ({non2xx} non-2xx)'} | {load} "
                     f"| {float(median):.0f} | {100 * share:.0f} % | {', '.join(f'{v:.0f}' for v in values)} |")
    write("pages:", lines)

cold = [line.rstrip("\n").split("|") for line in open(cold_rows) if line.strip()]
if cold:
    lines = [f"Measured {now} on: {machine}. Each row: {cold_requests} requests of `/` one at a time "
             "(`curl -w %{time_total}`), every cache emptied before each; then as many with the caches warm.", "",
             "| blog home `/`, every cache cold | load average (1 min, lowest–highest) | median (ms) | warm, median (ms) | each cold request (ms) |",
             "|---|---|---:|---:|---|"]
    for label, load, median, warm, times in cold:
        lines.append(f"| {label} | {load} | {median} | {warm} | {times} |")
    write("cold:", lines)

rows = [line.rstrip("\n").split("|") for line in open(rows_file) if line.strip()]
if not rows:
    sys.exit(0)
bare = {mode: [float(r) for r in rates.split(",")] for mode, url, _, _, _, rates in rows if url == "/bench/bare"}
lines = [f"Measured {now} on: {machine}.", "",
         f"| page | near cache | command | load average (1 min, lowest–highest before a run) | median req/s "
         f"| % of bare (median of the paired runs) | the {runs} runs (req/s, in round order) |",
         "|---|---|---|---|---:|---:|---|"]
for mode, url, command, load, median, rates in rows:
    values = [float(r) for r in rates.split(",")]
    share = statistics.median(v / b for v, b in zip(values, bare[mode]))
    lines.append(f"| `{url}` | {mode} | `{command}` | {load} | {float(median):.0f} | {100 * share:.0f} % "
                 f"| {', '.join(f'{v:.0f}' for v in values)} |")
write("", lines)
EOF
echo "table written to $OUT (service logs in $LOGS)"
