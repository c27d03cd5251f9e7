#!/usr/bin/env bash
# Run a command with the live-test database servers (PostgreSQL 15, MariaDB,
# PgBouncer in transaction mode) up and their URLs in the environment; stop
# the servers afterwards, whatever happens; exit with the command's status.
#
# Usage: scripts/with-db.sh CMD [ARGS...]
#   e.g. scripts/with-db.sh cargo test -p driftgate-tests --test live_harness
#
# When DRIFTGATE_TEST_PG_URL is already set the caller runs the servers (say
# scripts/test.sh, or `eval "$(scripts/db-servers.sh env)"` in a shell kept
# open while iterating): then the command just runs, and nothing is stopped.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

if [ -n "${DRIFTGATE_TEST_PG_URL:-}" ]; then
  exec "$@"
fi

servers=$(cd "$(dirname "$0")" && pwd)/db-servers.sh

# EXIT runs on normal exit, on failure (set -e) and after the INT/TERM traps,
# so the servers stop even when start fails halfway or on Ctrl-C. Bash keeps
# the status passed to `exit` through the EXIT trap.
trap '"$servers" stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$servers" start
eval "$("$servers" env)"

set +e
"$@"
status=$?
exit "$status"
