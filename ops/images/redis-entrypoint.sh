#!/bin/sh
# Stand-in for the official redis image's docker-entrypoint.sh, on Debian's redis-server 7 (ops/swarm-local.sh):
# the stack runs `docker-entrypoint.sh redis-server ...`; like the official one, it runs the server as the redis
# user in /data (the volume) and passes the arguments through (`-` reads extra configuration from stdin).
# Protected mode is off, as the official image builds its server (it would refuse every client from outside the
# container that has no password: Testcontainers' Redis in dev-infra); the stack sets a password anyway.
set -eu
if [ "${1:-}" = redis-server ] && [ "$(id -u)" = 0 ]; then
  shift
  mkdir -p /data
  chown -R redis:redis /data
  cd /data
  exec setpriv --reuid=redis --regid=redis --init-groups redis-server --protected-mode no "$@"
fi
exec "$@"
