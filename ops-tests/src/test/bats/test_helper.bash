# Shared set-up for the deploy.sh tests: a throw-away git repository with the monorepo's layout,
# deploy.sh, the real stack file and services' Dockerfile, and fake docker/mvn/java first on PATH.
#
# Bats runs tests under `set -e`, which ignores a command negated with `!`: a bare `! cmd` in the
# middle of a test can never fail it. Assert that something did not happen with `run` and $status,
# or with a helper that returns 1 (refute_stack_deployed); BatsLintTest rejects a bare `!`.

ROOT=$(cd "$BATS_TEST_DIRNAME/../../../.." && pwd)
SERVICES=(blog market cart events federation account)
REGISTRY_PREFIX=registry.test/roseash

setup_repo() {
  REPO=$BATS_TEST_TMPDIR/repo
  export FAKE_SWARM=$BATS_TEST_TMPDIR/swarm
  mkdir -p "$REPO/config" "$FAKE_SWARM"/{images,tasks,status,outcome,running,previous,queue}
  cp "$ROOT/deploy.sh" "$ROOT/docker-compose.yml" "$ROOT/.dockerignore" "$REPO/"
  cp "$ROOT/config/app-config.yaml" "$REPO/config/"
  mkdir -p "$REPO/services"
  cp "$ROOT/services/Dockerfile" "$REPO/services/"
  echo "<project/>" >"$REPO/services/pom.xml"
  local dir
  for dir in "${SERVICES[@]/#/services/}" shared-lib sx-kernel migrations dev-infra launcher docs; do
    mkdir -p "$REPO/$dir" && echo "v1" >"$REPO/$dir/file.txt"
  done
  echo "<project/>" >"$REPO/pom.xml"
  echo "target/" >"$REPO/.gitignore"
  git -C "$REPO" init -q -b main
  git -C "$REPO" config user.email ops@test
  git -C "$REPO" config user.name ops-test
  commit_all "base"
  grep -oE 'roseash_[a-z0-9_]+_v\$\{' "$REPO/docker-compose.yml" | sed 's/\${$/1/' | sort -u >"$FAKE_SWARM/secrets"

  REAL_DOCKER=$(command -v docker || true)
  export REAL_DOCKER
  export PATH="$BATS_TEST_DIRNAME/fake:$PATH"
  export REGISTRY=$REGISTRY_PREFIX DOMAIN=example.coop POLL_SECONDS=0 DEPLOY_TIMEOUT=60
  unset TAG SWARM_HOST ROSEASH_OVERLAY_FILE MVN DOCKER JAVA STACK STACK_OVERRIDE JRE_IMAGE
  cd "$REPO" || return 1
}

commit_all() { git -C "$REPO" add -A && git -C "$REPO" commit -q -m "$1"; }

# change PATH...: edit files and commit
change() {
  local path
  for path; do echo "changed" >>"$REPO/$path"; done
  commit_all "change $*"
}

head_tag() { git -C "$REPO" rev-parse --short=12 HEAD; }

# Pretend every service runs the image built from the current commit.
deployed_at_head() {
  local s tag
  tag=$(head_tag)
  for s in "${SERVICES[@]}"; do
    echo "$REGISTRY_PREFIX/$s:$tag@sha256:1111" >"$FAKE_SWARM/images/roseash_$s"
  done
}

docker_calls() { cat "$FAKE_SWARM/calls" 2>/dev/null || true; }
mvn_calls() { cat "$FAKE_SWARM/mvn-calls" 2>/dev/null || true; }

# The services whose images were built, pushed or updated, in order.
built() { docker_calls | sed -n 's#^build .* -t [^ ]*/\([a-z]*\):.*#\1#p' | xargs; }
pushed() { docker_calls | sed -n 's#^push [^ ]*/\([a-z]*\):.*#\1#p' | xargs; }
updated() { docker_calls | sed -n 's#^service update .* roseash_\([a-z]*\)$#\1#p' | xargs; }
rolled_back() { docker_calls | sed -n 's#^service rollback .* roseash_\([a-z]*\)$#\1#p' | xargs; }
stack_deployed() { docker_calls | grep -q '^stack deploy '; }
refute_stack_deployed() {
  if stack_deployed; then
    echo "expected no docker stack deploy, but docker was called with:" >&2
    docker_calls | grep '^stack deploy ' >&2
    return 1
  fi
}
# Nothing that changes the Swarm or the registry was called.
assert_nothing_deployed() {
  if docker_calls | grep -E '^(push|stack deploy|service update|service rollback)'; then
    echo "expected no deploy, but docker was asked to do the above" >&2
    return 1
  fi
}
