#!/usr/bin/env bash
# Introspection benchmark: `driftgate introspect` of a 2,000-table database
# (each table: five columns, a primary key, an index, a foreign key to the
# table before it) on PostgreSQL 15 and on MariaDB. Prints the wall time of
# the whole command (process start, connect, the catalog queries, decoding,
# JSON output; median of BENCH_RUNS, default 7) and how many catalog queries
# it ran, for an empty database and for the 2,000 tables. Target: under 1 s.
#
#   scripts/with-db.sh scripts/bench-introspect.sh      (starts and stops the servers)
#   scripts/bench-introspect.sh                         (servers already up: their env set)
#
#   BENCH_TABLES=N   tables (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DRIFTGATE_TEST_PG_URL:?run through scripts/with-db.sh (or eval \"\$(scripts/db-servers.sh env)\")}"
: "${DRIFTGATE_TEST_MYSQL_URL:?run through scripts/with-db.sh}"
TABLES=${BENCH_TABLES:-2000}
RUNS=${BENCH_RUNS:-7}
PSQL=${PG_BIN:+$PG_BIN/}psql

cargo build --release --quiet -p driftgate
BIN=target/release/driftgate

db_url() { # db_url URL DB: the URL with another database
  local base=${1%%\?*}
  printf '%s/%s' "${base%/*}" "$2"
}

# my URL [ARGS…]: the mariadb client on a mysql:// URL's database.
my() {
  local rest=${1#*://} auth hostport db
  shift
  auth=${rest%%@*}; rest=${rest#*@}
  hostport=${rest%%/*}; db=${rest#*/}
  MYSQL_PWD=${auth#*:} mariadb --no-defaults --batch --protocol=TCP --user="${auth%%:*}" --host="${hostport%:*}" --port="${hostport##*:}" "$@" "$db"
}

schema_sql() { # schema_sql N TIMESTAMP_TYPE
  local i
  for ((i = 0; i < $1; i++)); do
    local fk=""
    ((i > 0)) && fk=", CONSTRAINT t${i}_prev_fk FOREIGN KEY (prev_id) REFERENCES t$((i - 1)) (id)"
    printf 'CREATE TABLE t%d (id bigint NOT NULL, prev_id bigint, name varchar(100) NOT NULL DEFAULT %s, amount numeric(10,2) DEFAULT 0, created %s, CONSTRAINT t%d_pk PRIMARY KEY (id)%s);\n' "$i" "''" "$2" "$i" "$fk"
    printf 'CREATE INDEX t%d_name_idx ON t%d (name);\n' "$i" "$i"
  done
}

# median wall time (ms) of `driftgate introspect URL --format json`
time_introspect() {
  local url=$1 times=() i s e
  "$BIN" introspect "$url" --format json >/tmp/bench-introspect.$$.json # warm-up, and the figures
  for ((i = 0; i < RUNS; i++)); do
    s=$(date +%s%N)
    "$BIN" introspect "$url" --format json >/dev/null
    e=$(date +%s%N)
    times+=($(((e - s) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

figures() { # figures LABEL URL
  local ms queries tables
  ms=$(time_introspect "$2")
  queries=$(grep -m1 '"catalogQueries"' /tmp/bench-introspect.$$.json | tr -dc '0-9')
  tables=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["schema"]["tables"]))' /tmp/bench-introspect.$$.json)
  printf '%-10s %6s tables  %4s ms  %2s catalog queries\n' "$1" "$tables" "$ms" "$queries"
}

name=bench_introspect_$$
pg_admin=$DRIFTGATE_TEST_PG_URL
my_admin=$DRIFTGATE_TEST_MYSQL_URL
cleanup() {
  "$PSQL" -X -q "$pg_admin" -c "DROP DATABASE IF EXISTS ${name}_empty WITH (FORCE)" -c "DROP DATABASE IF EXISTS ${name} WITH (FORCE)" >/dev/null 2>&1 || true
  my "$my_admin" -e "DROP DATABASE IF EXISTS ${name}_empty; DROP DATABASE IF EXISTS ${name}" >/dev/null 2>&1 || true
  rm -f /tmp/bench-introspect.$$.json
}
trap cleanup EXIT

echo "introspection benchmark: $TABLES tables (5 columns, primary key, index, foreign key each), median of $RUNS runs of \`driftgate introspect URL --format json\`"

"$PSQL" -X -q "$pg_admin" -c "CREATE DATABASE ${name}_empty" -c "CREATE DATABASE ${name}" >/dev/null
schema_sql "$TABLES" timestamptz | "$PSQL" -X -q -v ON_ERROR_STOP=1 "$(db_url "$pg_admin" "$name")" >/dev/null
"$PSQL" -X -q "$(db_url "$pg_admin" "$name")" -c "ANALYZE" >/dev/null
figures "postgres" "$(db_url "$pg_admin" "${name}_empty")"
figures "postgres" "$(db_url "$pg_admin" "$name")"

my "$my_admin" -e "CREATE DATABASE ${name}_empty; CREATE DATABASE ${name}"
schema_sql "$TABLES" 'datetime(3)' | my "$(db_url "$my_admin" "$name")"
figures "mariadb" "$(db_url "$my_admin" "${name}_empty")"
figures "mariadb" "$(db_url "$my_admin" "$name")"
