#!/bin/sh
# Stand-in for the official postgres image's docker-entrypoint.sh, on Debian's PostgreSQL 15 (ops/swarm-local.sh):
# honours the variables the stack uses (POSTGRES_USER, POSTGRES_DB, POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE,
# PGDATA) and creates the cluster, the role and the database on the first start only, as the official image does.
set -eu
# the image's command is `postgres` (as the official image's); what follows it are server options
if [ "${1:-}" = postgres ]; then shift; fi
PGBIN=/usr/lib/postgresql/15/bin
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE"); fi
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /run/postgresql
  chown -R postgres:postgres "$PGDATA" /run/postgresql
  chmod 700 "$PGDATA"
  export PGDATA POSTGRES_USER POSTGRES_DB POSTGRES_PASSWORD
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" postgres "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE is required}" >"$pwfile"
  "$PGBIN/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  # its log on the container's output, as the official image's first start (Testcontainers waits for both "ready" lines)
  "$PGBIN/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$POSTGRES_DB" != postgres ]; then
    "$PGBIN/psql" -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -q -c "CREATE DATABASE \"$POSTGRES_DB\""
  fi
  "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
  echo "postgres stand-in: database $POSTGRES_DB and role $POSTGRES_USER created"
fi
exec "$PGBIN/postgres" -D "$PGDATA" -c listen_addresses='*' "$@"
