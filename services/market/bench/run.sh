#!/bin/sh
# The market benchmark (issue 12, "Speed"; services/market/README.md, "Speed"): 20,000 products in 50 categories on
# one market page, the packaged market under wrk at 1, 4 and 16 connections, median latency of 5 runs per cell.
# Usage (from the repository root, after `mvn -pl services/market -am package -DskipTests`), holding the build lock
# so that no build competes with the measurement:
#   flock /tmp/build.lock services/market/bench/run.sh     # or just services/market/bench/run.sh
# Writes its table into services/market/README.md (between the run.sh markers) and one line per page into
# docs/performance.md. BENCH_DURATION (5s), BENCH_RUNS (5), BENCH_CONNECTIONS ("1 4 16"), BENCH_JAVA_OPTS (e.g. a
# JFR recording) and BENCH_WRITE (1; 0 prints the table only) adjust it; BENCH_APP (another build's quarkus-app
# folder), BENCH_DB and BENCH_SEED (its database and seed) measure an earlier build for a before/after comparison.
#
# What runs, all on loopback: the market's packaged jar (-Xmx256m) on a free port against its own database
# (roseash_bench_market, migrated at start; bench/seed.sql after) and Redis index 5. Nothing is cached between two
# requests: market keeps no read cache of its own (every page is its SQL and its rendering), and fragments are off
# (no internal HMAC secret: the site header's fragments are empty without a call; the near cache is off besides), so
# this measures market's own work. Sign-in is off (no federation runs). wrk sends no cookie: an anonymous visitor.
# The runs are interleaved (every page and connection count once, then again, RUNS times), so drift in the machine's
# load touches every cell alike; the 1-minute load average is read before each run. The pages:
#   browse   /bench                                         the market's first page, newest first, all categories
#   category /bench?category=Category+7                     one category (400 products)
#   filter   /bench?brand=..&label=organic&min_price=..     a brand, a label and a price range together: 19 matches
#   search   /bench?q=chocolate                             full-text search: 310 matches
#   product  /bench/p/bench-product-10007                   a product page
# Needs psql, curl, python3 and wrk (installed with apt-get when missing and run as root).
set -euf  # -f: no globbing (the URLs hold "?")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
JAR="${BENCH_APP:-$ROOT/services/market/target/quarkus-app}/quarkus-run.jar"  # BENCH_APP: another build to compare
DB=${BENCH_DB:-roseash_bench_market}  # BENCH_DB: another database (a build before a migration)
DURATION=${BENCH_DURATION:-5s}
RUNS=${BENCH_RUNS:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-1 4 16}
WRITE=${BENCH_WRITE:-1}
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/roseash-market-bench.XXXXXX")

if ! command -v wrk >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for tool in psql wrk curl python3; do
  command -v $tool >/dev/null || { echo "needs $tool (Debian: apt-get install postgresql-client wrk curl python3)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "build first: mvn -pl services/market -am package -DskipTests" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
psql -h localhost -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql -h localhost -U postgres -c "CREATE DATABASE $DB" >/dev/null

ROSEASH_DATASOURCE_URL="jdbc:postgresql://localhost:5432/$DB" ROSEASH_DATASOURCE_USERNAME=postgres \
ROSEASH_REDIS_URL="redis://localhost:6379/5" RUN_MIGRATIONS=true QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_LEVEL=WARN \
ROSEASH_INTERNAL_HMAC_SECRET= ROSEASH_FRAGMENTS_NEAR_CACHE_ENABLED=false ROSEASH_MARKET_DEMO_CONTENT=false \
ROSEASH_SERVICES_MARKET_PUBLIC_URL="$BASE" QUARKUS_OIDC_TENANT_ENABLED=false \
ROSEASH_WEB_CSRF_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')" \
  java -Xmx256m ${BENCH_JAVA_OPTS:-} -Dquarkus.log.category.\"coop.roseash.shared.fragments\".level=ERROR \
  -jar "$JAR" > "$LOGS/market.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null && wait $PID 2>/dev/null || true' EXIT INT TERM  # waits, so that a JFR recording is written
for i in $(seq 1 90); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "market did not start; see $LOGS/market.log" >&2; exit 1; }

psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q -d $DB -f "${BENCH_SEED:-$HERE/seed.sql}"  # BENCH_SEED: the seed of another build

# name, URL and a text the answer must hold (a product link, so a page that finds nothing is not measured as a fast one)
PAGES="browse|/bench|/bench/p/bench-product-
category|/bench?category=Category+7|/bench/p/bench-product-
filter|/bench?brand=Brand+17&label=organic&min_price=5&max_price=40|/bench/p/bench-product-
search|/bench?q=chocolate|/bench/p/bench-product-
product|/bench/p/bench-product-10007|10007"
MACHINE="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(psql -h localhost -U postgres -tAc 'SHOW server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /')"
START=$(date -u +%H:%M)

# warm-up: one checked request per page, then 10 s of wrk -c16 on each (JIT, PostgreSQL's buffers)
echo "$PAGES" | while IFS='|' read -r name url expect; do
  curl -fs "$BASE$url" > "$LOGS/$name.html" || { echo "GET $url failed; see $LOGS/market.log" >&2; exit 1; }
  grep -qF "$expect" "$LOGS/$name.html" || { echo "GET $url does not show \"$expect\" ($LOGS/$name.html)" >&2; exit 1; }
  wrk -t2 -c16 -d10s "$BASE$url" > /dev/null
done

: > "$LOGS/runs"
for run in $(seq 1 "$RUNS"); do
  for c in $CONNECTIONS; do
    t=2; [ "$c" -lt 2 ] && t=1
    echo "$PAGES" | while IFS='|' read -r name url expect; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      out=$(wrk -t"$t" -c"$c" -d"$DURATION" --latency "$BASE$url")
      if echo "$out" | grep -q "Non-2xx\|Socket errors"; then echo "GET $url: $(echo "$out" | grep "Non-2xx\|Socket errors")" >&2; exit 1; fi
      # wrk writes latencies as 812.00us, 3.41ms or 1.02s; kept in ms
      p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
      p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      echo "$name $c $p50 $p99 $rps $load" >> "$LOGS/runs"
      echo "run $run  c=$c  $name  median $p50  p99 $p99  $rps req/s  (load $load)"
    done
  done
done
END=$(date -u +%H:%M)

python3 - "$LOGS/runs" "$MACHINE" "$RUNS" "$DURATION" "$START" "$END" "$WRITE" "$ROOT" "$PAGES" <<'EOF'
import datetime, re, statistics, subprocess, sys
runs_file, machine, runs, duration, start, end, write, root, pages = sys.argv[1:10]
def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rows = [line.split() for line in open(runs_file) if line.strip()]
order = [line.split("|") for line in pages.splitlines()]
connections = sorted({int(r[1]) for r in rows})
commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
loads = sorted(float(r[5]) for r in rows)
table = [f"Measured {datetime.date.today()} {start}–{end} UTC at commit {commit} on: {machine}; load average "
         f"(1 min, before each run) {loads[0]:.2f}–{loads[-1]:.2f}. `services/market/bench/run.sh`, "
         f"`wrk --latency -d{duration}` per run, {runs} runs per cell, interleaved.", "",
         "| page | URL | " + " | ".join(f"c={c} median ms" for c in connections)
         + f" | c={connections[-1]} p99 ms | c={connections[-1]} req/s | c={connections[-1]}: the {runs} medians (ms) |",
         "|---|---|" + "---:|" * (len(connections) + 2) + "---|"]
summary = []
for name, url, _ in order:
    cells = []
    for c in connections:
        mine = [r for r in rows if r[0] == name and int(r[1]) == c]
        cells.append((statistics.median(ms(r[2]) for r in mine), statistics.median(ms(r[3]) for r in mine),
                      statistics.median(float(r[4]) for r in mine), [ms(r[2]) for r in mine]))
    last = cells[-1]
    table.append(f"| {name} | `{url}` | " + " | ".join(f"{m:.1f}" for m, _, _, _ in cells)
                 + f" | {last[1]:.1f} | {last[2]:.0f} | {', '.join(f'{v:.1f}' for v in last[3])} |")
    summary.append(f"{name} {last[0]:.1f} ms")
text = "\n".join(table)
print(text)
if write == "1":
    for path, begin, end_marker, body in [
        (f"{root}/services/market/README.md", "<!-- run.sh:start -->", "<!-- run.sh:end -->", text),
        (f"{root}/docs/performance.md", "<!-- market-run.sh:start -->", "<!-- market-run.sh:end -->",
         f"Market (`services/market/bench/run.sh`, {datetime.date.today()}, load average {loads[0]:.1f}–{loads[-1]:.1f}): "
         f"median latency at {connections[-1]} connections, no read cache: " + ", ".join(summary) + "."),
    ]:
        content = open(path).read()
        if begin not in content:
            print(f"no {begin} marker in {path}; not written", file=sys.stderr)
            continue
        head, rest = content.split(begin, 1)
        open(path, "w").write(head + begin + "\n" + body + "\n" + end_marker + rest.split(end_marker, 1)[1])
        print(f"written into {path}")
EOF
echo "service log in $LOGS/market.log"
