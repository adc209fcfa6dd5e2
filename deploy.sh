#!/usr/bin/env bash
# Build and deploy Rose Ash: to a Docker Swarm stack, or (--local) on this machine without Docker.
# The operations guide is docs/operations.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./deploy.sh [options] [service...]

  service...      build and deploy these services (blog market cart events federation account)
  --all           build and deploy every service (docker stack deploy)
  (no service)    deploy what changed since each service's deployed commit
  --dry-run       print the plan; build, push and deploy nothing
  --skip-tests    build without running the tests
  --build-only    build and push the images, deploy nothing
  --deploy-only   deploy images already pushed for this commit, build nothing
  --local         build and run the whole platform on this machine (no Docker)
  --local --stop  stop the local platform
  --no-demo       with --local: start without the demo site (posts, pages, menu)
  --replicas SPEC with --local: run more than one of some services behind Caddy (ops/caddy/Caddyfile),
                  e.g. --replicas blog=2,cart=2; the sites are then http://{service}.localhost:8000
  -h, --help      this help

Environment:
  REGISTRY              image registry prefix, e.g. registry.example.coop/roseash (required for Swarm)
  DOMAIN                public domain; services are https://{service}.$DOMAIN (for a stack deploy)
  SMTP_HOST, SMTP_PORT, SMTP_USERNAME, MAIL_FROM, ADMIN_EMAILS
                        mail over SMTP and the admins, in the overlay made from DOMAIN
  ROSEASH_OVERLAY_FILE  production overlay of config/app-config.yaml (instead of one made from DOMAIN)
  SWARM_HOST            Docker host of the Swarm manager, e.g. ssh://deploy@host (default: local)
  TAG                   image tag (default: the commit, 12 hex digits)
  STACK                 stack name (default: roseash)
  DEPLOY_TIMEOUT        seconds to wait for each service to converge (default: 600)
  STACK_OVERRIDE        extra stack files for docker stack deploy, separated by spaces (e.g. the one-node test
                        swarm's ops/swarm-local.override.yml; production needs none)
  JRE_IMAGE             base image of the service images (default: the Dockerfile's eclipse-temurin:17-jre)
  MVN, DOCKER, JAVA     commands to run (default: mvn, docker, java)
EOF
}

readonly SERVICES=(blog market cart events federation account)
# A change under any of these paths affects every service: the shared modules, the root pom and the
# services' parent pom, the one Dockerfile every image is built from, the stack and its build context.
readonly SHARED_PATHS=(shared-lib sx-kernel migrations dev-infra pom.xml services/pom.xml services/Dockerfile
  config docker-compose.yml .dockerignore)
# A change under these alters the stack itself, which only `docker stack deploy` applies.
readonly STACK_PATHS=(config docker-compose.yml)

read -ra MVN_CMD <<<"${MVN:-mvn}"
read -ra DOCKER_CMD <<<"${DOCKER:-docker}"
read -ra JAVA_CMD <<<"${JAVA:-java}"
STACK=${STACK:-roseash}
DEPLOY_TIMEOUT=${DEPLOY_TIMEOUT:-600}
POLL_SECONDS=${POLL_SECONDS:-5}
readonly LAUNCHER_JAR=launcher/target/launcher.jar

log() { printf '==> %s\n' "$*"; }
step() { printf '    %s\n' "$*"; }
die() {
  printf 'deploy.sh: error: %s\n' "$*" >&2
  exit 1
}

# Commands against the Swarm manager (SWARM_HOST may point at a remote one over SSH);
# image builds and pushes always use the local engine.
swarm() { "${DOCKER_CMD[@]}" ${SWARM_HOST:+-H "$SWARM_HOST"} "$@"; }

is_service() {
  local s
  for s in "${SERVICES[@]}"; do [[ $s == "$1" ]] && return 0; done
  return 1
}

# --- options -------------------------------------------------------------------------------------

selection=changed # changed | all | named
phase=all         # all | build | deploy
dry_run=false
skip_tests=false
local_mode=false
stop=false
no_demo=false
replicas=""
requested=()
while (($#)); do
  case $1 in
  --all) selection=all ;;
  --dry-run) dry_run=true ;;
  --skip-tests) skip_tests=true ;;
  --build-only) [[ $phase == deploy ]] && die "--build-only and --deploy-only exclude each other"; phase=build ;;
  --deploy-only) [[ $phase == build ]] && die "--build-only and --deploy-only exclude each other"; phase=deploy ;;
  --local) local_mode=true ;;
  --stop) stop=true ;;
  --no-demo) no_demo=true ;;
  --replicas)
    (($# > 1)) || die "--replicas needs a value, e.g. --replicas blog=2,cart=2"
    [[ $2 =~ ^[a-z]+=[1-9](,[a-z]+=[1-9])*$ ]] || die "--replicas takes SERVICE=N,..., e.g. blog=2,cart=2 (not '$2')"
    replicas=$2
    shift
    ;;
  -h | --help) usage; exit 0 ;;
  -*) die "unknown option '$1' (see ./deploy.sh --help)" ;;
  *)
    is_service "$1" || die "unknown service '$1'; the services are: ${SERVICES[*]}"
    requested+=("$1")
    ;;
  esac
  shift
done
if ((${#requested[@]})); then
  [[ $selection == all ]] && die "give either --all or service names, not both"
  selection=named
fi
$stop && ! $local_mode && die "--stop only applies to --local (to stop Swarm services use docker stack rm)"
$no_demo && ! $local_mode && die "--no-demo only applies to --local (the stack never writes demo content)"
[[ -n $replicas ]] && ! $local_mode && die "--replicas only applies to --local (the stack sets replicas in docker-compose.yml)"
[[ -n $replicas ]] && $stop && die "--replicas starts a platform; --local --stop stops whatever runs"
if $local_mode && [[ $selection != changed || $phase != all ]]; then
  die "--local runs every service on this machine: it takes no service names, --all, --build-only or --deploy-only"
fi

cd "$(dirname "${BASH_SOURCE[0]}")"

# --- local mode ----------------------------------------------------------------------------------

run_local() {
  if $stop; then
    [[ -f $LAUNCHER_JAR ]] || die "$LAUNCHER_JAR is missing: nothing was started by ./deploy.sh --local"
    $dry_run && { log "Would stop the local platform"; exit 0; }
    exec "${JAVA_CMD[@]}" -jar "$LAUNCHER_JAR" stop
  fi
  if $dry_run; then
    log "Would build every module (tests skipped) and start the platform with $LAUNCHER_JAR up"
    exit 0
  fi
  log "Building every module (tests skipped; the test command is in the README)"
  "${MVN_CMD[@]}" -B -DskipTests package || die "Maven build failed (see above)"
  [[ -f $LAUNCHER_JAR ]] || die "the build did not produce $LAUNCHER_JAR"
  local up=(up)
  $no_demo && up+=(--no-demo)
  if [[ -n $replicas ]]; then
    command -v caddy >/dev/null 2>&1 || die "--replicas needs Caddy in front of the replicas: install it (Debian: apt-get install caddy)"
    up+=(--replicas "$replicas")
  fi
  log "Starting the platform"
  exec "${JAVA_CMD[@]}" -jar "$LAUNCHER_JAR" "${up[@]}"
}

$local_mode && run_local

# --- plan ----------------------------------------------------------------------------------------

[[ -n ${REGISTRY:-} ]] || die "REGISTRY is not set (e.g. REGISTRY=registry.example.coop/roseash)"
git rev-parse --git-dir >/dev/null 2>&1 || die "not a git checkout: deploy.sh tags images with the commit"
HEAD_COMMIT=$(git rev-parse HEAD)
TAG_GIVEN=${TAG:+yes}
TAG=${TAG:-$(git rev-parse --short=12 HEAD)}

image_of() { printf '%s/%s:%s' "$REGISTRY" "$1" "$TAG"; }

# The running image's tag is the commit it was built from: the Swarm itself records what is deployed.
deployed_tag() {
  local image
  image=$(swarm service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' "${STACK}_$1" 2>/dev/null) || return 1
  image=${image%%@*}
  printf '%s' "${image##*:}"
}

# Without this check an unreachable manager would look like an empty Swarm (a "first deploy").
manager_state=$(swarm info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>&1) ||
  die "cannot reach Docker at ${SWARM_HOST:-the local engine}: $manager_state"
[[ $manager_state == "active true" ]] ||
  die "${SWARM_HOST:-the local engine} is not a Swarm manager (state: $manager_state); see docs/operations.md, First deploy"

declare -A deployed=() reason=()
for s in "${SERVICES[@]}"; do
  if tag=$(deployed_tag "$s"); then deployed[$s]=$tag; fi
done

stack_deploy=false
plan_all() {
  local s
  for s in "${SERVICES[@]}"; do reason[$s]=${reason[$s]:-$1}; done
  stack_deploy=true
}

if ((${#deployed[@]} == 0)); then
  [[ $selection == named ]] && die "stack '$STACK' is not deployed yet; the first deploy needs every service: ./deploy.sh --all"
  plan_all "first deploy of stack '$STACK'"
elif [[ $selection == all ]]; then
  plan_all "--all"
elif [[ $selection == named ]]; then
  for s in "${requested[@]}"; do
    [[ -n ${deployed[$s]:-} ]] || die "$s is not running in stack '$STACK'; deploy the whole stack: ./deploy.sh --all"
    reason[$s]="requested"
  done
else
  for s in "${SERVICES[@]}"; do
    tag=${deployed[$s]:-}
    if [[ -z $tag ]]; then
      plan_all "$s is missing from the stack"
      continue
    fi
    if ! since=$(git rev-parse -q --verify "$tag^{commit}" 2>/dev/null); then
      reason[$s]="deployed tag '$tag' is not a commit of this repository"
      continue
    fi
    if [[ -n $(git diff --name-only "$since" HEAD -- "${STACK_PATHS[@]}") ]]; then
      plan_all "stack file or config changed since ${tag:0:12}"
    fi
    changed=$(git diff --name-only "$since" HEAD -- "services/$s" "${SHARED_PATHS[@]}")
    if [[ -n $changed ]]; then
      reason[$s]="${changed%%$'\n'*} changed since ${tag:0:12}"
    fi
  done
fi

plan=()
for s in "${SERVICES[@]}"; do [[ -n ${reason[$s]:-} ]] && plan+=("$s"); done

log "Plan for commit ${HEAD_COMMIT:0:12} (stack $STACK)"
for s in "${SERVICES[@]}"; do
  if [[ -n ${reason[$s]:-} ]]; then
    step "$(printf '%-11s %s  (%s)' "$s" "$(image_of "$s")" "${reason[$s]}")"
  else
    step "$(printf '%-11s up to date (%s)' "$s" "${deployed[$s]:0:12}")"
  fi
done
if ((${#plan[@]} == 0)); then
  log "Nothing to deploy: every service runs the latest commit that affects it"
  exit 0
fi
if [[ $phase == build ]]; then
  step "then: build and push only"
elif $stack_deploy; then
  step "then: docker stack deploy"
else
  step "then: docker service update, one service at a time"
fi
if $dry_run; then
  log "Dry run: nothing was built, pushed or deployed"
  exit 0
fi

# --- deploy --------------------------------------------------------------------------------------

short_hash() { sha256sum "$1" | cut -c1-12; }

# A YAML double-quoted scalar.
yaml_quote() {
  local value=${1//\\/\\\\}
  printf '"%s"' "${value//\"/\\\"}"
}

# The production overlay of config/app-config.yaml: public https URLs, internal stack addresses,
# OAuth redirect URIs, and mail over SMTP (SMTP_HOST, SMTP_PORT, SMTP_USERNAME, MAIL_FROM) with
# the admins in ADMIN_EMAILS (comma-separated).
render_overlay() {
  local s email
  printf '# Written by deploy.sh for DOMAIN=%s\nroseash:\n  domain: %s\n  services:\n' "$DOMAIN" "$DOMAIN"
  for s in "${SERVICES[@]}"; do
    printf '    %s:\n      public-url: https://%s.%s\n      internal-url: http://%s:8080\n      port: 8080\n' \
      "$s" "$s" "$DOMAIN" "$s"
  done
  printf '  datasource:\n    url: jdbc:postgresql://postgres:5432/roseash\n    username: roseash\n'
  printf '  redis:\n    url: redis://redis:6379/0\n'
  printf '  oauth:\n    clients:\n'
  for s in "${SERVICES[@]}"; do
    [[ $s == federation ]] && continue
    printf '      - id: %s\n        first-party: true\n' "$s"
    printf '        redirect-uris: [https://%s.%s/auth/callback]\n' "$s" "$DOMAIN"
    printf '        post-logout-redirect-uris: [https://%s.%s/]\n' "$s" "$DOMAIN"
    printf '        backchannel-logout-uri: http://%s:8080/auth/backchannel-logout\n' "$s"
  done
  # An empty sink folder means: send mail over SMTP instead of writing files.
  printf '  mail:\n    sink-dir: ""\n'
  if [[ -n ${MAIL_FROM:-} ]]; then printf '    from: %s\n' "$(yaml_quote "$MAIL_FROM")"; fi
  if [[ -n ${ADMIN_EMAILS:-} ]]; then
    printf '  admins:\n'
    for email in ${ADMIN_EMAILS//,/ }; do printf '    - %s\n' "$(yaml_quote "$email")"; done
  fi
  if [[ -n ${SMTP_HOST:-} ]]; then
    printf 'quarkus:\n  mailer:\n    host: %s\n    port: %s\n    start-tls: REQUIRED\n' \
      "$(yaml_quote "$SMTP_HOST")" "${SMTP_PORT:-587}"
    if [[ -n ${SMTP_USERNAME:-} ]]; then printf '    username: %s\n' "$(yaml_quote "$SMTP_USERNAME")"; fi
  fi
}

# Each secret in the stack is roseash_<name>_v<N>; use the newest version the Swarm holds,
# unless <NAME>_VERSION is set. Missing secrets stop the deploy before anything changes.
resolve_secret_versions() {
  local names base var latest missing=()
  names=$(swarm secret ls --format '{{.Name}}') || die "cannot list Swarm secrets (is ${SWARM_HOST:-this host} a Swarm manager?)"
  while read -r base var; do
    [[ -n ${!var:-} ]] && continue
    latest=$(grep -E "^${base}_v[0-9]+\$" <<<"$names" | sed 's/.*_v//' | sort -n | tail -n1 || true)
    if [[ -z $latest ]]; then
      missing+=("${base}_v1")
    else
      export "$var=$latest"
    fi
  done < <(grep -oE 'roseash_[a-z0-9_]+_v\$\{[A-Z0-9_]+' docker-compose.yml | sed -E 's/_v\$\{/ /' | sort -u)
  ((${#missing[@]} == 0)) || die "missing Swarm secrets: ${missing[*]}
create each with: printf %s \"\$VALUE\" | docker secret create NAME -   (docs/operations.md, First deploy)"
}

prepare_stack_env() {
  export REGISTRY TAG
  APP_CONFIG_HASH=$(short_hash config/app-config.yaml)
  if [[ -z ${ROSEASH_OVERLAY_FILE:-} ]]; then
    [[ -n ${DOMAIN:-} ]] || die "set DOMAIN (e.g. DOMAIN=rose-ash.coop) or ROSEASH_OVERLAY_FILE for the production overlay"
    [[ $DOMAIN =~ ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$ ]] || die "DOMAIN '$DOMAIN' is not a host name"
    [[ -n ${SMTP_HOST:-} ]] || printf 'deploy.sh: warning: SMTP_HOST is not set: the services cannot send mail (magic links)\n' >&2
    ROSEASH_OVERLAY_FILE=$(mktemp "${TMPDIR:-/tmp}/roseash-overlay.XXXXXX")
    trap 'rm -f "$ROSEASH_OVERLAY_FILE"' EXIT
    render_overlay >"$ROSEASH_OVERLAY_FILE"
  fi
  [[ -r $ROSEASH_OVERLAY_FILE ]] || die "cannot read ROSEASH_OVERLAY_FILE=$ROSEASH_OVERLAY_FILE"
  OVERLAY_HASH=$(short_hash "$ROSEASH_OVERLAY_FILE")
  export APP_CONFIG_HASH OVERLAY_HASH ROSEASH_OVERLAY_FILE
  resolve_secret_versions
}

# "<state> <started at>" of the service's last update, or nothing if it was never updated.
update_status() {
  swarm service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}} {{.UpdateStatus.StartedAt}}{{end}}' "$1"
}

# Undo a failed update and wait until the previous version runs again.
roll_back() {
  local svc=$1 status deadline=$((SECONDS + DEPLOY_TIMEOUT))
  step "$svc: rolling back to the previous version"
  swarm service rollback --detach "$svc" >/dev/null || die "rollback of $svc failed too: check 'docker service ps $svc'"
  while status=$(update_status "$svc"); [[ ${status%% *} != rollback_completed ]]; do
    [[ ${status%% *} == rollback_paused ]] && die "rollback of $svc paused: check 'docker service ps $svc'"
    ((SECONDS < deadline)) || die "rollback of $svc did not finish in ${DEPLOY_TIMEOUT}s: check 'docker service ps $svc'"
    sleep "$POLL_SECONDS"
  done
  step "$svc: rolled back"
}

# How many of the service's tasks run the given image (the digest Swarm pins is ignored).
tasks_running() {
  swarm service ps --filter desired-state=running --format '{{.Image}} {{.CurrentState}}' "$1" |
    awk -v image="$2" '{ sub(/@.*/, "", $1) } $1 == image && $2 == "Running" { n++ } END { print n + 0 }'
}

# Wait until every replica runs the new image and passes its health check. `before` is the
# update status read before the update was sent: until Swarm starts the new update, inspect still
# shows the previous one, whose outcome (even a rollback) says nothing about this deploy.
await_convergence() {
  local s=$1 before=$2 svc=${STACK}_$1 status state desired running last="" deadline=$((SECONDS + DEPLOY_TIMEOUT))
  local image
  image=$(image_of "$s")
  while :; do
    status=$(update_status "$svc") || die "cannot inspect service $svc"
    state=${status%% *}
    [[ -n $status && $status == "$before" ]] && state=previous
    case $state in
    paused | rollback_paused)
      roll_back "$svc"
      die "update of $s failed (Swarm paused it) and was rolled back; services after it were not updated"
      ;;
    rollback_completed)
      die "update of $s failed its health checks; Swarm rolled it back to the previous version"
      ;;
    updating | rollback_started) ;;
    *)
      desired=$(swarm service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' "$svc")
      running=$(tasks_running "$svc" "$image")
      if ((running >= desired)); then
        step "$s: converged, $running/$desired replicas running $image"
        return 0
      fi
      state="starting $running/$desired"
      ;;
    esac
    [[ $state != "$last" ]] && step "$s: $state"
    last=$state
    if ((SECONDS >= deadline)); then
      step "$s: not converged after ${DEPLOY_TIMEOUT}s"
      [[ -n $(swarm service inspect --format '{{if .PreviousSpec}}yes{{end}}' "$svc") ]] ||
        die "$s did not become healthy in ${DEPLOY_TIMEOUT}s and has no previous version to roll back to: check 'docker service ps $svc'"
      roll_back "$svc"
      die "update of $s timed out and was rolled back; services after it were not updated"
    fi
    sleep "$POLL_SECONDS"
  done
}

# --- build ---------------------------------------------------------------------------------------

build_and_push() {
  if [[ -z $TAG_GIVEN ]]; then
    local dirty
    dirty=$(git status --porcelain -- services "${SHARED_PATHS[@]}")
    [[ -z $dirty ]] || die "uncommitted changes (images are tagged with the commit; commit first, or set TAG):
$dirty"
  fi
  local modules s
  modules=$(printf 'services/%s,' "${plan[@]}")
  local tests=()
  $skip_tests && tests=(-DskipTests)
  log "Building ${plan[*]} with Maven ($($skip_tests && echo 'tests skipped' || echo 'tests first'))"
  "${MVN_CMD[@]}" -B -pl "${modules%,}" -am "${tests[@]}" package ||
    die "Maven build failed (compilation or tests, see above): nothing was deployed"
  for s in "${plan[@]}"; do
    log "Building image $(image_of "$s")"
    "${DOCKER_CMD[@]}" build -f services/Dockerfile --build-arg "SERVICE=$s" ${JRE_IMAGE:+--build-arg "JRE_IMAGE=$JRE_IMAGE"} \
      -t "$(image_of "$s")" --label "org.opencontainers.image.revision=$HEAD_COMMIT" . ||
      die "docker build of $s failed: nothing was deployed"
  done
  for s in "${plan[@]}"; do
    log "Pushing $(image_of "$s")"
    "${DOCKER_CMD[@]}" push "$(image_of "$s")" || die "docker push of $(image_of "$s") failed: nothing was deployed"
  done
}

# A stack deploy needs its secrets and overlay: check them before spending time on a build.
if $stack_deploy && [[ $phase != build ]]; then prepare_stack_env; fi
if [[ $phase != deploy ]]; then build_and_push; fi
if [[ $phase == build ]]; then
  log "Images pushed; nothing deployed (--build-only)"
  exit 0
fi

declare -A before=()
if $stack_deploy; then
  for s in "${plan[@]}"; do before[$s]=$(update_status "${STACK}_$s" 2>/dev/null || true); done
  log "Deploying stack $STACK (docker stack deploy)"
  stack_files=(-c docker-compose.yml)
  for f in ${STACK_OVERRIDE:-}; do stack_files+=(-c "$f"); done
  swarm stack deploy --with-registry-auth --detach=true "${stack_files[@]}" "$STACK" ||
    die "docker stack deploy failed (see above)"
  for s in "${plan[@]}"; do await_convergence "$s" "${before[$s]}"; done
else
  for s in "${plan[@]}"; do
    before[$s]=$(update_status "${STACK}_$s")
    log "Updating ${STACK}_$s to $(image_of "$s")"
    swarm service update --detach --with-registry-auth --image "$(image_of "$s")" "${STACK}_$s" >/dev/null ||
      die "docker service update of ${STACK}_$s failed (see above); services after it were not updated"
    await_convergence "$s" "${before[$s]}"
  done
fi
log "Deployed ${plan[*]} at ${HEAD_COMMIT:0:12}"
