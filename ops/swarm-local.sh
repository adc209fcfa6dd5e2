#!/usr/bin/env bash
# Prepares a one-node Docker Swarm on this machine for the ops test (ops-tests' SwarmOpsIT) and for trying
# ./deploy.sh by hand: Debian's Docker engine, a local registry, base and stand-in images built from Debian's
# packages (Docker Hub is not reachable here), the stack's secrets and the proxy network. Idempotent: a second run
# checks each step and does only what is missing; images are rebuilt only when their inputs change (a hash of
# this script's image recipes, the entrypoints and the package list, kept as the label roseash.inputs).
#
#   ops/swarm-local.sh           prepare everything (as root: installs packages, starts dockerd)
#   ops/swarm-local.sh --env     print the variables deploy.sh needs for this swarm (eval "$(ops/swarm-local.sh --env)")
#   ops/swarm-local.sh --clean   remove the stack and what this script made, keep the engine and the images
#
# Machine notes (docs/operations.md, "A swarm on one machine"): no IPVS in this kernel, so the stack runs with
# ops/swarm-local.override.yml; no systemd, so dockerd and the registry run as background processes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly STATE=${SWARM_LOCAL_STATE:-/var/lib/roseash-swarm}
readonly REGISTRY_ADDR=127.0.0.1:5000
readonly SUITE=bookworm
# One debootstrap tree holds the packages of every image; each image adds only its entrypoint on top of it, so the
# big layer is imported, stored and pushed once.
readonly PACKAGES=openjdk-17-jre-headless,ca-certificates,curl,postgresql-15,redis-server,caddy
readonly RUNTIME_IMAGE=roseash-local/debian-runtime:$SUITE
readonly JRE_IMAGE=$REGISTRY_ADDR/stand-in/jre:17
readonly POSTGRES_IMAGE=$REGISTRY_ADDR/stand-in/postgres:16
readonly REDIS_IMAGE=$REGISTRY_ADDR/stand-in/redis:7
readonly CADDY_IMAGE=$REGISTRY_ADDR/stand-in/caddy:2
# Maven builds of the engineers on a shared machine hold this lock; the debootstrap (minutes of disk I/O) waits
# for it rather than slow their builds down. Absent elsewhere (CI), then nothing is locked.
# Caddy's one published port, on loopback only. Inside, Caddy serves http://{service}.localhost on port 80, the
# scheme's default: behind a proxy Quarkus builds its own URLs (the OIDC redirect_uri) from X-Forwarded-Proto with
# the scheme's default port, so public URLs on another port would not match the registered redirect URIs. Clients
# use 127.0.0.1:$PROXY_PORT as their HTTP proxy (curl -x http://127.0.0.1:18000 http://blog.localhost/).
readonly PROXY_PORT=${SWARM_LOCAL_PROXY_PORT:-18000}
readonly PROXY_CONTAINER=roseash-caddy
readonly SERVICES=(blog market cart events federation account)
# where builds share a machine, a lock file they take, so the slow debootstrap waits for them (none by default)
readonly BUILD_LOCK=${SWARM_LOCAL_BUILD_LOCK:-}

print_env() {
  cat <<EOF
export REGISTRY=$REGISTRY_ADDR/roseash
export JRE_IMAGE=$JRE_IMAGE
export POSTGRES_IMAGE=$POSTGRES_IMAGE
export REDIS_IMAGE=$REDIS_IMAGE
export CADDY_IMAGE=$CADDY_IMAGE
export STACK_OVERRIDE=ops/swarm-local.override.yml
export PROXY_SUBNET=10.250.0.0/24
export ROSEASH_OVERLAY_FILE=$STATE/overlay.yaml
EOF
}

log() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
  printf 'swarm-local.sh: error: %s\n' "$*" >&2
  exit 1
}

# Runs one step: prints its name, then how long it took.
step() {
  local name=$1 started=$SECONDS
  shift
  log "$name"
  "$@"
  note "($name: $((SECONDS - started))s)"
}

docker_ok() { docker info --format '{{.ServerVersion}}' >/dev/null 2>&1; }

install_packages() {
  local need=()
  command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
  command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
  command -v openssl >/dev/null 2>&1 || need+=(openssl)
  if ((${#need[@]} == 0)); then
    note "docker.io, debootstrap, docker-registry are installed"
    return
  fi
  (($(id -u) == 0)) || die "installing ${need[*]} needs root"
  note "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

start_engine() {
  if docker_ok; then
    note "dockerd answers ($(docker info --format '{{.ServerVersion}}'))"
    return
  fi
  mkdir -p "$STATE"
  note "starting dockerd in the background (log: $STATE/dockerd.log)"
  # setsid: the engine outlives this script and the test that called it (leaving dockerd running is intended).
  setsid dockerd >>"$STATE/dockerd.log" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 120; i++)); do
    docker_ok && return
    sleep 0.5
  done
  tail -n 20 "$STATE/dockerd.log" >&2 || true
  die "dockerd did not answer within 60 s (see $STATE/dockerd.log)"
}

init_swarm() {
  local state node
  state=$(docker info --format '{{.Swarm.LocalNodeState}}')
  if [[ $state == active ]]; then
    note "this engine is already a swarm manager"
  else
    docker swarm init --advertise-addr 127.0.0.1 >/dev/null
    note "one-node swarm created"
  fi
  node=$(docker info --format '{{.Swarm.NodeID}}')
  # The stack pins the database and the cache to labelled nodes (their volumes are local to a node).
  docker node update --label-add roseash.postgres=true --label-add roseash.redis=true "$node" >/dev/null
}

registry_ok() { curl -fs -o /dev/null --max-time 2 "http://$REGISTRY_ADDR/v2/"; }

start_registry() {
  if registry_ok; then
    note "registry answers on $REGISTRY_ADDR"
    return
  fi
  mkdir -p "$STATE/registry"
  # Loopback only; Docker treats 127.0.0.0/8 registries as insecure (plain HTTP) without configuration.
  cat >"$STATE/registry.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
EOF
  note "starting docker-registry on $REGISTRY_ADDR (log: $STATE/registry.log)"
  setsid docker-registry serve "$STATE/registry.yml" >>"$STATE/registry.log" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 40; i++)); do
    registry_ok && return
    sleep 0.25
  done
  die "the registry did not answer on $REGISTRY_ADDR (see $STATE/registry.log)"
}

# --- images --------------------------------------------------------------------------------------

inputs_of() { docker image inspect --format '{{index .Config.Labels "roseash.inputs"}}' "$1" 2>/dev/null || true; }

hash_of() { cat "$@" | sha256sum | cut -c1-16; }

# The runtime layer: one debootstrap of every package the images need, imported as one image.
build_runtime() {
  local inputs
  inputs=$(printf '%s %s %s\n' "$SUITE" "$PACKAGES" "$(declare -f build_runtime)" | sha256sum | cut -c1-16)
  if [[ $(inputs_of "$RUNTIME_IMAGE") == "$inputs" ]]; then
    note "$RUNTIME_IMAGE is up to date (inputs $inputs)"
    return
  fi
  local tree="$STATE/rootfs"
  rm -rf "$tree"
  mkdir -p "$tree"
  if [[ -n $BUILD_LOCK && -e $BUILD_LOCK && -z ${SWARM_LOCAL_NO_LOCK:-} ]]; then
    note "waiting for the build lock $BUILD_LOCK (other Maven builds first)"
    exec 9>>"$BUILD_LOCK"
    flock 9
  fi
  note "debootstrap --variant=minbase $SUITE with $PACKAGES (a few minutes)"
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$tree" >"$STATE/debootstrap.log" 2>&1 ||
    { tail -n 30 "$STATE/debootstrap.log" >&2; die "debootstrap failed (see $STATE/debootstrap.log)"; }
  # What a container never needs: package lists and caches, documentation.
  rm -rf "$tree"/var/cache/apt/archives/*.deb "$tree"/var/lib/apt/lists/* "$tree"/usr/share/doc/* "$tree"/usr/share/man/*
  # Debian starts a cluster "main" when postgresql is installed; the stand-in makes its own in PGDATA.
  rm -rf "$tree"/var/lib/postgresql/15 "$tree"/etc/postgresql/15
  note "docker import"
  tar -C "$tree" -c . | docker import --change "LABEL roseash.inputs=$inputs" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
    - "$RUNTIME_IMAGE" >/dev/null
  if [[ -n $BUILD_LOCK && -e $BUILD_LOCK && -z ${SWARM_LOCAL_NO_LOCK:-} ]]; then flock -u 9; fi
  rm -rf "$tree"
}

# An image FROM the runtime layer: a Dockerfile (text on stdin) and the files it copies, cached by their hash.
derived_image() {
  local name=$1 dockerfile ctx inputs
  shift
  dockerfile=$(cat)
  inputs=$( (inputs_of "$RUNTIME_IMAGE"; printf '%s\n' "$dockerfile"; if (($#)); then cat "$@"; fi) | sha256sum | cut -c1-16)
  if [[ $(inputs_of "$name") == "$inputs" ]]; then
    note "$name is up to date (inputs $inputs)"
  else
    ctx=$(mktemp -d)
    if (($#)); then cp "$@" "$ctx/"; fi
    printf 'FROM %s\n%s\nLABEL roseash.inputs=%s\n' "$RUNTIME_IMAGE" "$dockerfile" "$inputs" >"$ctx/Dockerfile"
    # The classic builder uses the local runtime image; BuildKit on this engine would look it up in a registry.
    local out
    out=$(DOCKER_BUILDKIT=0 docker build -q -t "$name" "$ctx" 2>&1) || { printf '%s\n' "$out" >&2; die "docker build of $name failed"; }
    rm -rf "$ctx"
    note "$name built (inputs $inputs)"
  fi
  docker push -q "$name" >/dev/null
}

build_images() {
  build_runtime
  # Stands in for eclipse-temurin:17-jre in services/Dockerfile (deploy.sh passes it as JRE_IMAGE).
  derived_image "$JRE_IMAGE" <<'EOF'
ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
EOF
  derived_image "$POSTGRES_IMAGE" ops/images/postgres-entrypoint.sh <<'EOF'
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PGDATA=/var/lib/postgresql/data
STOPSIGNAL SIGINT
EXPOSE 5432
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
EOF
  derived_image "$REDIS_IMAGE" ops/images/redis-entrypoint.sh <<'EOF'
COPY redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
WORKDIR /data
EXPOSE 6379
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["redis-server"]
EOF
  derived_image "$CADDY_IMAGE" <<'EOF'
ENV XDG_CONFIG_HOME=/config XDG_DATA_HOME=/data
EXPOSE 80 443
ENTRYPOINT ["caddy"]
CMD ["run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
EOF
}

# --- secrets and networks ------------------------------------------------------------------------

secret_value() {
  case $1 in
  signing_key | signing_key_previous) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null ;;
  blog_credentials_key) openssl rand 32 | base64 | tr -d '\n' ;;
  *) openssl rand -base64 32 | tr -d '\n' ;;
  esac
}

create_secrets() {
  local existing base created=0
  existing=$(docker secret ls --format '{{.Name}}')
  # Every secret the stack names (roseash_<name>_v${..._VERSION}); version 1 with a random value if none exists.
  for base in $(grep -oE 'roseash_[a-z0-9_]+_v\$\{' docker-compose.yml | sed -E 's/^roseash_//; s/_v\$\{$//' | sort -u); do
    grep -qE "^roseash_${base}_v[0-9]+\$" <<<"$existing" && continue
    secret_value "$base" | docker secret create "roseash_${base}_v1" - >/dev/null
    created=$((created + 1))
  done
  note "$created secret(s) created, the others exist"
}

create_networks() {
  if docker network inspect proxy >/dev/null 2>&1; then
    note "network proxy exists"
  else
    docker network create --driver overlay --attachable --subnet 10.250.0.0/24 proxy >/dev/null
    note "network proxy created (overlay, attachable, 10.250.0.0/24)"
  fi
  mkdir -p "$STATE/mail"
  # The services' mail sink in the test overlay (a bind mount); they write as uid 10001.
  chmod 1777 "$STATE/mail"
}

# The stack's configuration overlay for this machine (deploy.sh takes it as ROSEASH_OVERLAY_FILE instead of the one
# it writes from DOMAIN): public URLs through Caddy on loopback, internal ones on the overlay network, and mail
# written as files into the sink the override mounts.
write_overlay() {
  local s
  {
    printf '# Written by ops/swarm-local.sh: the one-node test swarm behind Caddy on 127.0.0.1:%s\n' "$PROXY_PORT"
    printf 'roseash:\n  domain: localhost\n  services:\n'
    for s in "${SERVICES[@]}"; do
      printf '    %s:\n      public-url: http://%s.localhost\n      internal-url: http://%s:8080\n      port: 8080\n' \
        "$s" "$s" "$s"
    done
    printf '  datasource:\n    url: jdbc:postgresql://postgres:5432/roseash\n    username: roseash\n'
    printf '  redis:\n    url: redis://redis:6379/0\n'
    printf '  mail:\n    sink-dir: /mail-sink\n'
  } >"$STATE/overlay.yaml"
  note "$STATE/overlay.yaml: http://{service}.localhost through 127.0.0.1:$PROXY_PORT, mail into $STATE/mail"
}

# Caddy with the repository's Caddyfile, outside the stack as production's proxy is, on the proxy network.
start_proxy() {
  local inputs current
  cp ops/caddy/Caddyfile "$STATE/Caddyfile"
  inputs=$( (inputs_of "$CADDY_IMAGE"; cat "$STATE/Caddyfile"; echo "$PROXY_PORT"; declare -f start_proxy) | sha256sum | cut -c1-16)
  current=$(docker inspect --format '{{index .Config.Labels "roseash.inputs"}} {{.State.Running}}' "$PROXY_CONTAINER" 2>/dev/null || true)
  if [[ $current == "$inputs true" ]]; then
    note "$PROXY_CONTAINER runs (proxy 127.0.0.1:$PROXY_PORT)"
    return
  fi
  docker rm -f "$PROXY_CONTAINER" >/dev/null 2>&1 || true
  local env=(-e ROSEASH_DOMAIN=localhost -e ROSEASH_PROXY_SCHEME=http -e ROSEASH_PROXY_PORT=80 -e CADDY_ADMIN=off)
  for s in "${SERVICES[@]}"; do env+=(-e "${s^^}_UPSTREAMS=$s:8080"); done
  # 127.0.0.1 only: nothing of the test stack is reachable from outside this machine.
  docker run -d --name "$PROXY_CONTAINER" --restart unless-stopped --network proxy --label "roseash.inputs=$inputs" \
    -p "127.0.0.1:$PROXY_PORT:80" "${env[@]}" \
    -v "$STATE/Caddyfile:/etc/caddy/Caddyfile:ro" "$CADDY_IMAGE" >/dev/null
  note "$PROXY_CONTAINER started: http://{service}.localhost through the proxy 127.0.0.1:$PROXY_PORT"
}

clean() {
  local stack=${STACK:-roseash}
  if docker_ok; then
    docker stack rm "$stack" >/dev/null 2>&1 || true
    docker rm -f "$PROXY_CONTAINER" >/dev/null 2>&1 || true
    note "stack $stack removed (the engine, the registry and the images stay)"
  fi
}

case ${1:-} in
--env) print_env; exit 0 ;;
--clean) clean; exit 0 ;;
"") ;;
*) die "unknown option '$1' (--env, --clean or nothing)" ;;
esac

total=$SECONDS
step "Packages" install_packages
step "Docker engine" start_engine
step "Swarm" init_swarm
step "Registry" start_registry
step "Images" build_images
step "Secrets" create_secrets
step "Networks" create_networks
step "Overlay" write_overlay
step "Proxy" start_proxy
log "Ready in $((SECONDS - total))s; deploy with:"
print_env | sed 's/^/    /'
note "./deploy.sh --all"
