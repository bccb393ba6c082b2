#!/usr/bin/env bash
# Starts a private PostgreSQL server for the store tests (own data folder and port, trust auth
# on 127.0.0.1 only) and prints its connection string. `postgres.sh stop` stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/system-deps.sh"

PG_PORT="${DELIVERY_PG_PORT:-55432}"
PG_DATA="${DELIVERY_PG_DATA:-/tmp/domain-delivery-pg-$PG_PORT}"
BIN="$(pg_bin_dir)"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

case "${1:-start}" in
  start)
    ensure_postgres
    BIN="$(pg_bin_dir)"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      mkdir -p "$PG_DATA"
      [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
      as_postgres "'$BIN/initdb' -D '$PG_DATA' -U postgres --auth=trust -E UTF8 >/dev/null"
    fi
    if ! as_postgres "'$BIN/pg_ctl' -D '$PG_DATA' status" >/dev/null 2>&1; then
      as_postgres "'$BIN/pg_ctl' -D '$PG_DATA' -l '$PG_DATA/server.log' -w -o \"-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off\" start" >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$PG_PORT"
    ;;
  stop)
    [ -n "$BIN" ] && as_postgres "'$BIN/pg_ctl' -D '$PG_DATA' -m fast stop" >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac
