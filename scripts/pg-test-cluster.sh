#!/usr/bin/env bash
# A private, throwaway PostgreSQL cluster for tests and CI (durable runs, SPEC section 9):
# initdb in a temporary folder, a free port on 127.0.0.1, trust authentication on loopback only,
# no fsync (the data is thrown away).
#
#   scripts/pg-test-cluster.sh exec <command...>  start, run the command with ICEOSC_DATABASE_URL
#                                                 exported, stop; exits with the command's status
#   scripts/pg-test-cluster.sh start              start; print ICEOSC_DATABASE_URL=... and
#                                                 ICEOSC_PG_CLUSTER=<dir> (for stop)
#   scripts/pg-test-cluster.sh stop <dir>         stop the cluster started in <dir> and delete it
#
# Binaries: $PG_BIN, else the newest /usr/lib/postgresql/*/bin, else initdb on PATH. As root the
# server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

find_bin() {
  if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/initdb" ]]; then echo "$PG_BIN"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg-test-cluster: no PostgreSQL binaries (install Debian's 'postgresql' or set PG_BIN)" >&2
  exit 3
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local bin dir port
  bin=$(find_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/iceosc-pg-XXXXXX")
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      echo "$bin" >"$dir/bin"
      echo "ICEOSC_DATABASE_URL=postgresql://postgres@127.0.0.1:$port/iceosc"
      echo "ICEOSC_PG_CLUSTER=$dir"
      return
    fi
  done
  cat "$dir/server.log" >&2
  exit 1
}

stop() {
  local dir=$1
  [[ -f "$dir/bin" ]] || { echo "pg-test-cluster: $dir is not a cluster folder" >&2; exit 2; }
  as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: pg-test-cluster.sh stop <dir>}" ;;
  exec)
    shift
    [[ $# -gt 0 ]] || { echo "usage: pg-test-cluster.sh exec <command...>" >&2; exit 2; }
    vars=$(start)
    cluster=$(sed -n 's/^ICEOSC_PG_CLUSTER=//p' <<<"$vars")
    trap 'stop "$cluster"' EXIT
    export ICEOSC_DATABASE_URL
    ICEOSC_DATABASE_URL=$(sed -n 's/^ICEOSC_DATABASE_URL=//p' <<<"$vars")
    echo "pg-test-cluster: PostgreSQL at $ICEOSC_DATABASE_URL" >&2
    set +e
    "$@"
    status=$?
    set -e
    exit $status
    ;;
  *)
    echo "usage: pg-test-cluster.sh exec <command...> | start | stop <dir>" >&2
    exit 2
    ;;
esac
