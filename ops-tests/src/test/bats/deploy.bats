#!/usr/bin/env bats
# deploy.sh against a fake docker and a fake Maven: what it builds, pushes and deploys.

load test_helper

setup() {
  setup_repo
}

@test "a change in one service builds, pushes and updates only that service" {
  deployed_at_head
  change services/blog/file.txt
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [ "$(mvn_calls)" = "-B -pl services/blog -am package" ]
  [ "$(built)" = "blog" ]
  [ "$(pushed)" = "blog" ]
  [ "$(updated)" = "blog" ]
  docker_calls | grep -qx "service update --detach --with-registry-auth --image $REGISTRY_PREFIX/blog:$(head_tag) roseash_blog"
  refute_stack_deployed
  [[ $output == *"market      up to date"* ]]
  [[ $output == *"Deployed blog at"* ]]
}

@test "a change in shared-lib rebuilds and updates every service" {
  deployed_at_head
  change shared-lib/file.txt
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [ "$(mvn_calls)" = "-B -pl services/blog,services/market,services/cart,services/events,services/federation,services/account -am package" ]
  [ "$(built)" = "blog market cart events federation account" ]
  [ "$(pushed)" = "blog market cart events federation account" ]
  [ "$(updated)" = "blog market cart events federation account" ]
  refute_stack_deployed
}

@test "a change to the services' one Dockerfile rebuilds and updates every service, each with its SERVICE" {
  deployed_at_head
  change services/Dockerfile
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [ "$(grep -c "(services/Dockerfile changed since" <<<"$output")" -eq 6 ]
  [ "$(built)" = "blog market cart events federation account" ]
  local s
  for s in "${SERVICES[@]}"; do
    docker_calls | grep -q "^build -f services/Dockerfile --build-arg SERVICE=$s -t $REGISTRY_PREFIX/$s:$(head_tag) " ||
      { echo "no build of $s from services/Dockerfile with SERVICE=$s"; false; }
  done
  [ "$(updated)" = "blog market cart events federation account" ]
  refute_stack_deployed
}

@test "the services' parent pom means every service; a service's own pom only that service" {
  deployed_at_head
  change services/pom.xml
  run ./deploy.sh --dry-run
  echo "$output"
  [ "$status" -eq 0 ]
  [ "$(grep -c "(services/pom.xml changed since" <<<"$output")" -eq 6 ]
  deployed_at_head
  change services/blog/pom.xml
  run ./deploy.sh --dry-run
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"blog        $REGISTRY_PREFIX/blog:$(head_tag)  (services/blog/pom.xml changed since"* ]]
  [ "$(grep -c "up to date" <<<"$output")" -eq 5 ]
}

@test "sx-kernel, migrations, dev-infra and the root pom each mean every service" {
  local path
  for path in sx-kernel/file.txt migrations/file.txt dev-infra/file.txt pom.xml; do
    deployed_at_head
    change "$path"
    rm -f "$FAKE_SWARM/calls"
    run ./deploy.sh --dry-run
    [ "$status" -eq 0 ]
    [ "$(grep -c "($path changed since" <<<"$output")" -eq 6 ] || { echo "$path: $output"; false; }
  done
}

@test "a change in the stack file redeploys the whole stack with docker stack deploy" {
  deployed_at_head
  echo "# a comment is a change too" >>docker-compose.yml
  commit_all "stack file edit"
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [ "$(built)" = "blog market cart events federation account" ]
  docker_calls | grep -qx "stack deploy --with-registry-auth --detach=true -c docker-compose.yml roseash"
  [ -z "$(updated)" ]
  grep -qx "TAG=$(head_tag)" "$FAKE_SWARM/stack-env"
  grep -qx "DB_PASSWORD_VERSION=1" "$FAKE_SWARM/stack-env"
  grep -q "public-url: https://blog.example.coop" "$FAKE_SWARM/overlay.yaml"
  grep -q "internal-url: http://federation:8080" "$FAKE_SWARM/overlay.yaml"
}

@test "the variables deploy.sh sets make the real stack file valid (docker stack config)" {
  [ -n "$REAL_DOCKER" ] || skip "no docker client installed"
  echo roseash_device_id_secret_v4 >>"$FAKE_SWARM/secrets"
  run ./deploy.sh --all --deploy-only
  echo "$output"
  [ "$status" -eq 0 ]
  grep -q "image: $REGISTRY_PREFIX/federation:$(head_tag)" "$FAKE_SWARM/stack-config.yml"
  grep -q "name: roseash_device_id_secret_v4" "$FAKE_SWARM/stack-config.yml"
  grep -q "name: roseash_app_config_overlay_[0-9a-f]\{12\}$" "$FAKE_SWARM/stack-config.yml"
}

@test "the production overlay carries the public URLs, OAuth redirects, admins and SMTP" {
  export SMTP_HOST=smtp.example.coop SMTP_USERNAME=roseash MAIL_FROM='Rose "Ash" <no-reply@example.coop>'
  export ADMIN_EMAILS=ada@example.coop,bob@example.coop
  run ./deploy.sh --all --deploy-only
  [ "$status" -eq 0 ]
  local overlay=$FAKE_SWARM/overlay.yaml
  cat "$overlay"
  grep -qx "      public-url: https://account.example.coop" "$overlay"
  grep -qx "        redirect-uris: \[https://cart.example.coop/auth/callback\]" "$overlay"
  grep -qx "        backchannel-logout-uri: http://events:8080/auth/backchannel-logout" "$overlay"
  grep -qx '    sink-dir: ""' "$overlay"
  grep -qx '    from: "Rose \\"Ash\\" <no-reply@example.coop>"' "$overlay"
  grep -qx '    - "bob@example.coop"' "$overlay"
  grep -qx '    host: "smtp.example.coop"' "$overlay"
  grep -qx '    port: 587' "$overlay"
  # Federation is the provider, not one of its OAuth clients (grep: 1 = not found, 2 = no file).
  run grep -q "id: federation" "$overlay"
  [ "$status" -eq 1 ]
}

@test "a DOMAIN that is not a host name is refused" {
  export DOMAIN='example.coop/evil'
  run ./deploy.sh --all --deploy-only
  [ "$status" -ne 0 ]
  [[ $output == *"DOMAIN 'example.coop/evil' is not a host name"* ]]
  assert_nothing_deployed
}

@test "services deployed at different commits are each compared with their own commit" {
  deployed_at_head
  change services/market/file.txt
  echo "$REGISTRY_PREFIX/market:$(head_tag)@sha256:2222" >"$FAKE_SWARM/images/roseash_market"
  change services/cart/file.txt
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [ "$(updated)" = "cart" ]
}

@test "changes outside the services and shared modules deploy nothing" {
  deployed_at_head
  change launcher/file.txt docs/file.txt
  run ./deploy.sh
  [ "$status" -eq 0 ]
  [[ $output == *"Nothing to deploy"* ]]
  [ -z "$(mvn_calls)" ]
  [ -z "$(built)" ]
  assert_nothing_deployed
}

@test "the first deploy builds everything and runs docker stack deploy" {
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"first deploy of stack 'roseash'"* ]]
  [ "$(built)" = "blog market cart events federation account" ]
  stack_deployed
}

@test "STACK_OVERRIDE adds stack files to the stack deploy and JRE_IMAGE names the base image (the test swarm)" {
  mkdir -p "$REPO/ops"
  cp "$ROOT/ops/swarm-local.override.yml" "$REPO/ops/"
  commit_all "the test swarm's override"
  export STACK_OVERRIDE=ops/swarm-local.override.yml JRE_IMAGE=127.0.0.1:5000/stand-in/jre:17
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  docker_calls | grep -qx "stack deploy --with-registry-auth --detach=true -c docker-compose.yml -c ops/swarm-local.override.yml roseash"
  [ "$(docker_calls | grep '^build ' | grep -c -- '--build-arg JRE_IMAGE=127.0.0.1:5000/stand-in/jre:17 ')" -eq 6 ]
}

@test "without JRE_IMAGE the images build from the Dockerfile's own base" {
  run ./deploy.sh
  [ "$status" -eq 0 ]
  [ "$(docker_calls | grep -c -- '^build .*JRE_IMAGE')" -eq 0 ]
}

@test "a first deploy that never becomes healthy fails without a rollback (there is nothing to go back to)" {
  echo 1 >"$FAKE_SWARM/running/roseash_blog"
  export DEPLOY_TIMEOUT=0
  run ./deploy.sh
  echo "$output"
  [ "$status" -ne 0 ]
  [[ $output == *"blog: starting 1/2"* ]]
  [[ $output == *"blog did not become healthy in 0s and has no previous version to roll back to"* ]]
  [ -z "$(rolled_back)" ]
}

@test "a service waits until all its replicas run" {
  deployed_at_head
  change services/blog/file.txt
  echo 1 >"$FAKE_SWARM/running/roseash_blog"
  export DEPLOY_TIMEOUT=0
  run ./deploy.sh
  echo "$output"
  [ "$status" -ne 0 ]
  [ "$(rolled_back)" = "blog" ]
  [[ $output == *"update of blog timed out and was rolled back"* ]]
}

@test "the first deploy stops before building when a Swarm secret is missing" {
  grep -vx roseash_signing_key_v1 "$FAKE_SWARM/secrets" >"$FAKE_SWARM/secrets.new"
  mv "$FAKE_SWARM/secrets.new" "$FAKE_SWARM/secrets"
  run ./deploy.sh
  echo "$output"
  [ "$status" -ne 0 ]
  [[ $output == *"missing Swarm secrets: roseash_signing_key_v1"* ]]
  [ -z "$(mvn_calls)" ]
  [ -z "$(built)" ]
  assert_nothing_deployed
}

@test "the newest version of a rotated secret is used" {
  echo roseash_internal_hmac_secret_v2 >>"$FAKE_SWARM/secrets"
  run ./deploy.sh --all --deploy-only
  [ "$status" -eq 0 ]
  grep -qx "INTERNAL_HMAC_SECRET_VERSION=2" "$FAKE_SWARM/stack-env"
  grep -qx "SIGNING_KEY_VERSION=1" "$FAKE_SWARM/stack-env"
}

@test "named services are deployed whether or not they changed" {
  deployed_at_head
  run ./deploy.sh blog market
  [ "$status" -eq 0 ]
  [ "$(mvn_calls)" = "-B -pl services/blog,services/market -am package" ]
  [ "$(updated)" = "blog market" ]
}

@test "--all deploys the whole stack" {
  deployed_at_head
  run ./deploy.sh --all
  [ "$status" -eq 0 ]
  [ "$(built)" = "blog market cart events federation account" ]
  stack_deployed
}

@test "a failing Maven build (or failing tests) deploys nothing" {
  deployed_at_head
  change services/blog/file.txt
  touch "$FAKE_SWARM/fail-mvn"
  run ./deploy.sh
  echo "$output"
  [ "$status" -ne 0 ]
  [[ $output == *"Maven build failed (compilation or tests, see above): nothing was deployed"* ]]
  [ -z "$(built)" ]
  assert_nothing_deployed
}

@test "a failing image build deploys nothing" {
  deployed_at_head
  change shared-lib/file.txt
  touch "$FAKE_SWARM/fail-build"
  run ./deploy.sh
  [ "$status" -ne 0 ]
  [[ $output == *"docker build of blog failed: nothing was deployed"* ]]
  assert_nothing_deployed
}

@test "--skip-tests tells Maven to skip the tests" {
  deployed_at_head
  run ./deploy.sh --skip-tests blog
  [ "$status" -eq 0 ]
  [ "$(mvn_calls)" = "-B -pl services/blog -am -DskipTests package" ]
}

@test "a paused update is rolled back and stops the deploy" {
  deployed_at_head
  change shared-lib/file.txt
  printf 'updating\npaused\n' >"$FAKE_SWARM/outcome/roseash_market"
  run ./deploy.sh
  echo "$output"
  [ "$status" -ne 0 ]
  [ "$(updated)" = "blog market" ]
  [ "$(rolled_back)" = "market" ]
  [[ $output == *"update of market failed (Swarm paused it) and was rolled back"* ]]
}

@test "an update that never converges is rolled back after the timeout" {
  deployed_at_head
  change services/events/file.txt
  echo updating >"$FAKE_SWARM/outcome/roseash_events"
  export DEPLOY_TIMEOUT=0
  run ./deploy.sh
  echo "$output"
  [ "$status" -ne 0 ]
  [ "$(rolled_back)" = "events" ]
  [[ $output == *"update of events timed out and was rolled back"* ]]
}

@test "until Swarm starts the update, the previous completed update does not count as done" {
  deployed_at_head
  change services/blog/file.txt
  echo "completed 1000" >"$FAKE_SWARM/status/roseash_blog"
  printf 'pending\npending\nupdating\ncompleted\n' >"$FAKE_SWARM/outcome/roseash_blog"
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"blog: starting 0/2"*"blog: updating"*"blog: converged, 2/2 replicas running $REGISTRY_PREFIX/blog:$(head_tag)"* ]]
}

@test "a rollback left over from an earlier deploy does not fail this one" {
  deployed_at_head
  change services/market/file.txt
  echo "rollback_completed 1000" >"$FAKE_SWARM/status/roseash_market"
  printf 'pending\ncompleted\n' >"$FAKE_SWARM/outcome/roseash_market"
  run ./deploy.sh
  echo "$output"
  [ "$status" -eq 0 ]
  [ -z "$(rolled_back)" ]
  [[ $output == *"market: converged"* ]]
}

@test "an update Swarm already rolled back is reported, not rolled back again" {
  deployed_at_head
  change services/cart/file.txt
  printf 'updating\nrollback_started\nrollback_completed\n' >"$FAKE_SWARM/outcome/roseash_cart"
  run ./deploy.sh
  echo "$output"
  [ "$status" -ne 0 ]
  [ -z "$(rolled_back)" ]
  [[ $output == *"update of cart failed its health checks; Swarm rolled it back"* ]]
}

@test "--dry-run prints the plan and does nothing" {
  deployed_at_head
  change services/blog/file.txt services/cart/file.txt
  run ./deploy.sh --dry-run
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"blog        $REGISTRY_PREFIX/blog:$(head_tag)  (services/blog/file.txt changed since"* ]]
  [[ $output == *"cart        $REGISTRY_PREFIX/cart:$(head_tag)"* ]]
  [[ $output == *"Dry run: nothing was built, pushed or deployed"* ]]
  [ -z "$(mvn_calls)" ]
  [ -z "$(built)" ]
  assert_nothing_deployed
}

@test "an unknown service name is a clear error and nothing runs" {
  run ./deploy.sh blog shop
  [ "$status" -ne 0 ]
  [[ $output == *"unknown service 'shop'; the services are: blog market cart events federation account"* ]]
  [ -z "$(docker_calls)" ]
  [ -z "$(mvn_calls)" ]
}

@test "a Docker engine that is not a Swarm manager is a clear error, not a first deploy" {
  touch "$FAKE_SWARM/not-a-manager"
  run ./deploy.sh
  [ "$status" -ne 0 ]
  [[ $output == *"the local engine is not a Swarm manager (state: inactive false)"* ]]
  [ -z "$(mvn_calls)" ]
  assert_nothing_deployed
}

@test "an unknown option is a clear error" {
  run ./deploy.sh --fast
  [ "$status" -ne 0 ]
  [[ $output == *"unknown option '--fast'"* ]]
}

@test "a missing REGISTRY is a clear error" {
  unset REGISTRY
  run ./deploy.sh --all
  [ "$status" -ne 0 ]
  [[ $output == *"REGISTRY is not set"* ]]
}

@test "naming services before the stack exists asks for a first full deploy" {
  run ./deploy.sh blog
  [ "$status" -ne 0 ]
  [[ $output == *"not deployed yet; the first deploy needs every service: ./deploy.sh --all"* ]]
  assert_nothing_deployed
}

@test "uncommitted changes stop the build" {
  deployed_at_head
  echo "work in progress" >>services/blog/file.txt
  run ./deploy.sh blog
  [ "$status" -ne 0 ]
  [[ $output == *"uncommitted changes"* ]]
  [ -z "$(mvn_calls)" ]
  assert_nothing_deployed
}

@test "--build-only pushes images and deploys nothing; --deploy-only deploys without building" {
  deployed_at_head
  change services/account/file.txt
  run ./deploy.sh --skip-tests --build-only
  [ "$status" -eq 0 ]
  [ "$(pushed)" = "account" ]
  [ -z "$(updated)" ]
  rm "$FAKE_SWARM/calls" "$FAKE_SWARM/mvn-calls"
  run ./deploy.sh --deploy-only
  [ "$status" -eq 0 ]
  [ -z "$(mvn_calls)" ]
  [ -z "$(built)" ]
  [ "$(updated)" = "account" ]
}

@test "SWARM_HOST sends Swarm commands to the remote manager, builds stay local" {
  deployed_at_head
  change services/blog/file.txt
  export SWARM_HOST=ssh://deploy@swarm.example.coop
  run ./deploy.sh
  [ "$status" -eq 0 ]
  docker_calls | grep -q "^-H ssh://deploy@swarm.example.coop service update .* roseash_blog$"
  docker_calls | grep -q "^build -f services/Dockerfile --build-arg SERVICE=blog "
}

@test "--local builds everything without tests and starts the launcher" {
  run ./deploy.sh --local
  [ "$status" -eq 0 ]
  [ "$(mvn_calls)" = "-B -DskipTests package" ]
  [ "$(cat "$FAKE_SWARM/java-calls")" = "-jar launcher/target/launcher.jar up" ]
  [ -z "$(docker_calls)" ]
}

@test "--local --no-demo starts the launcher without the demo site" {
  run ./deploy.sh --local --no-demo
  [ "$status" -eq 0 ]
  [ "$(cat "$FAKE_SWARM/java-calls")" = "-jar launcher/target/launcher.jar up --no-demo" ]
}

@test "--local --replicas starts the launcher with replicas behind Caddy" {
  mkdir -p "$BATS_TEST_TMPDIR/bin" && printf '#!/bin/sh\n' > "$BATS_TEST_TMPDIR/bin/caddy" && chmod +x "$BATS_TEST_TMPDIR/bin/caddy"
  PATH="$BATS_TEST_TMPDIR/bin:$PATH" run ./deploy.sh --local --no-demo --replicas blog=2,cart=2
  [ "$status" -eq 0 ]
  [ "$(cat "$FAKE_SWARM/java-calls")" = "-jar launcher/target/launcher.jar up --no-demo --replicas blog=2,cart=2" ]
}

@test "--replicas refuses a malformed value and applies only to --local" {
  run ./deploy.sh --local --replicas blog=two
  [ "$status" -ne 0 ]
  [[ $output == *"--replicas takes SERVICE=N"* ]]
  run ./deploy.sh --replicas blog=2 blog
  [ "$status" -ne 0 ]
  [[ $output == *"--replicas only applies to --local"* ]]
  [ -z "$(mvn_calls)" ]
  [ -z "$(docker_calls)" ]
}

@test "--no-demo applies only to --local" {
  run ./deploy.sh --no-demo blog
  [ "$status" -ne 0 ]
  [[ $output == *"--no-demo only applies to --local"* ]]
  [ -z "$(mvn_calls)" ]
  [ -z "$(docker_calls)" ]
}

@test "--local --stop stops the launcher without building" {
  mkdir -p launcher/target && touch launcher/target/launcher.jar
  run ./deploy.sh --local --stop
  [ "$status" -eq 0 ]
  [ -z "$(mvn_calls)" ]
  [ "$(cat "$FAKE_SWARM/java-calls")" = "-jar launcher/target/launcher.jar stop" ]
}

@test "--local takes no service names" {
  run ./deploy.sh --local blog
  [ "$status" -ne 0 ]
  [[ $output == *"--local runs every service on this machine"* ]]
  [ -z "$(mvn_calls)" ]
}
