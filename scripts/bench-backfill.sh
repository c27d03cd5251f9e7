#!/usr/bin/env bash
# Backfill benchmark: fill `email_lower = lower(email)` on a BENCH_ROWS-row
# PostgreSQL table (default 5,000,000) with
#   - one UPDATE of the whole table (the throughput ceiling; it holds its row
#     locks for its whole duration),
#   - a naive loop of fixed 1000-key id ranges, COMMIT after each, in one
#     session (a PL/pgSQL procedure; no throttle, no saved state),
#   - driftgate backfill with its defaults (--max-connections 2
#     --target-batch-ms 200), figures from its --format json summary,
# each on an identical fresh copy of the table (freshly vacuumed, no dead
# tuples), after a CHECKPOINT, interleaved over BENCH_RUNS runs (median).
# Targets: driftgate rows/s >= 0.60 x the single UPDATE's, driftgate p99
# batch <= 250 ms. Every contender's result is checked row by row.
#
# Usage: scripts/bench-backfill.sh            (starts the test servers itself)
#        BENCH_ROWS=200000 BENCH_RUNS=3 scripts/bench-backfill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

if [ -z "${DRIFTGATE_TEST_PG_URL:-}" ]; then
  exec scripts/with-db.sh "$0" "$@"
fi

ROWS="${BENCH_ROWS:-5000000}"
RUNS="${BENCH_RUNS:-1}"
case "$ROWS$RUNS" in *[!0-9]*) echo "bench-backfill: BENCH_ROWS and BENCH_RUNS must be numbers" >&2; exit 2 ;; esac
[ "$ROWS" -gt 0 ] && [ "$RUNS" -gt 0 ] || { echo "bench-backfill: BENCH_ROWS and BENCH_RUNS must be > 0" >&2; exit 2; }
CMDLINE="BENCH_ROWS=$ROWS BENCH_RUNS=$RUNS scripts/bench-backfill.sh${*:+ $*}"

cargo build --release -q -p driftgate
BIN="$ROOT/target/release/driftgate"
WORK="$(mktemp -d)"

PGPW="$(python3 -c 'import sys,urllib.parse as u; print(u.urlparse(sys.argv[1]).password or "")' "$DRIFTGATE_TEST_PG_URL")"
base="${DRIFTGATE_TEST_PG_URL%/*}"
DB_URL="$base/bench_backfill"
export PGOPTIONS="-c client_min_messages=warning"
admin() { PGPASSWORD="$PGPW" psql -X -q -o /dev/null -v ON_ERROR_STOP=1 "$DRIFTGATE_TEST_PG_URL" -c "$1" >/dev/null; }
# One statement (or several, separated by ;) in bench_backfill; -c with
# several statements would run them in one transaction, so -f from stdin.
db() { PGPASSWORD="$PGPW" psql -X -q -v ON_ERROR_STOP=1 "$DB_URL" -f - >/dev/null <<<"$1"; }
# A single value.
val() { PGPASSWORD="$PGPW" psql -X -q -At -v ON_ERROR_STOP=1 "$DB_URL" -c "$1"; }
now_ms() { date +%s%N | cut -b1-13; }
die() { printf '\nbench-backfill: FAILED: %s\n' "$*" >&2; exit 1; }

cleanup() {
  admin "DROP DATABASE IF EXISTS bench_backfill WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

admin "DROP DATABASE IF EXISTS bench_backfill WITH (FORCE)"
admin "CREATE DATABASE bench_backfill TEMPLATE template0"

echo "command:    $CMDLINE"
echo "machine:    $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, load $(uptime | sed 's/.*load average: //')"
echo "postgres:   $(val 'SELECT version()')"
echo "            shared_buffers=$(val 'SHOW shared_buffers') max_wal_size=$(val 'SHOW max_wal_size') fsync=$(val 'SHOW fsync') synchronous_commit=$(val 'SHOW synchronous_commit') autovacuum=$(val 'SHOW autovacuum')"
echo "driftgate:  $BIN backfill --database-url $base/bench_backfill --table bench --column email_lower --set 'lower(email)' --max-connections 2 --target-batch-ms 200 --format json" | sed "s/:$PGPW@/:***@/"
echo

# The template, built once: ids 1..ROWS in physical order, emails with mixed
# case (first.last<n>@Domain). The primary key is added after the load (as
# for every copy below), so all copies have the same compact index.
t0=$(now_ms)
db "
CREATE TABLE bench_template (id bigint NOT NULL, email text NOT NULL, amount int NOT NULL, email_lower text);
INSERT INTO bench_template
SELECT i,
       (ARRAY['Anna','bob','Carlos','DIANA','Erik','fatima','George','hana','Ivan','Julia','KENJI','laura','Mohammed','nina','Olga','Pierre'])[1 + i % 16]
       || (ARRAY['.','_','','.','-'])[1 + (i / 16) % 5]
       || (ARRAY['Smith','jones','GARCIA','Mueller','nguyen','Rossi','TANAKA','Okafor','kowalski','Silva','Dubois','OConnor'])[1 + (i / 80) % 12]
       || (i % 9973)::text
       || '@'
       || (ARRAY['Example.com','gmail.com','Outlook.COM','yahoo.co.uk','Company.io','MAIL.de','proton.me'])[1 + (i / 7) % 7],
       ((i::bigint * 7919) % 100000)::int,
       NULL
FROM generate_series(1, $ROWS) AS i;
ALTER TABLE bench_template ADD PRIMARY KEY (id);
VACUUM ANALYZE bench_template;
"
echo "template:   $ROWS rows, $(val "SELECT pg_size_pretty(pg_table_size('bench_template'))") table + $(val "SELECT pg_size_pretty(pg_indexes_size('bench_template'))") index, built in $(( ($(now_ms) - t0) / 1000 )) s"
echo "            e.g. $(val "SELECT string_agg(email, ', ' ORDER BY id) FROM bench_template WHERE id IN (1, 2, 3, 4)")"

# The naive loop as people write it, with the duration of each batch
# transaction (UPDATE + COMMIT) kept in an array and written out at the end.
db "
CREATE UNLOGGED TABLE naive_batches (ms float8 NOT NULL);
CREATE PROCEDURE naive_loop() LANGUAGE plpgsql AS \$\$
DECLARE
  lo bigint;
  hi bigint;
  t timestamptz;
  durations float8[] := '{}';
BEGIN
  SELECT min(id), max(id) INTO lo, hi FROM bench;
  WHILE lo <= hi LOOP
    t := clock_timestamp();
    UPDATE bench SET email_lower = lower(email) WHERE id >= lo AND id < lo + 1000 AND email_lower IS NULL;
    COMMIT;
    durations := array_append(durations, extract(epoch FROM clock_timestamp() - t)::float8 * 1000);
    lo := lo + 1000;
  END LOOP;
  INSERT INTO naive_batches SELECT unnest(durations);
  COMMIT;
END
\$\$;
"

# A fresh copy of the template: identical state for every contender.
reset() {
  db "
DROP TABLE IF EXISTS bench;
DROP TABLE IF EXISTS _driftgate_backfill;
TRUNCATE naive_batches;
CREATE TABLE bench (id bigint NOT NULL, email text NOT NULL, amount int NOT NULL, email_lower text);
INSERT INTO bench SELECT * FROM bench_template ORDER BY id;
ALTER TABLE bench ADD PRIMARY KEY (id);
VACUUM ANALYZE bench;
"
  local dead nulls
  dead=$(val "SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'bench'")
  nulls=$(val "SELECT count(*) FROM bench WHERE email_lower IS NULL")
  [ "$nulls" = "$ROWS" ] || die "reset: $nulls rows with email_lower NULL, expected $ROWS"
  [ "$dead" = "0" ] || die "reset: $dead dead tuples in bench after VACUUM"
  admin "CHECKPOINT"
}

verify() {
  local wrong
  wrong=$(val "SELECT count(*) FILTER (WHERE email_lower IS DISTINCT FROM lower(email)) FROM bench")
  [ "$wrong" = "0" ] || die "$1: $wrong of $ROWS rows have email_lower IS DISTINCT FROM lower(email)"
}

# Per contender and run: elapsed s, p99 and max batch ms (driftgate: also its
# rows/s and wall s); rows/s of the others = BENCH_ROWS / median elapsed.
declare -a S_EL S_P99 S_MAX N_EL N_P99 N_MAX D_EL D_RPS D_P99 D_MAX D_WALL D_BATCHES D_RETRIES D_PAUSED
for r in $(seq "$RUNS"); do
  # 1. one UPDATE: one batch, every row lock held until it commits.
  reset; t0=$(now_ms)
  db "UPDATE bench SET email_lower = lower(email) WHERE email_lower IS NULL"
  ms=$(( $(now_ms) - t0 ))
  verify "single UPDATE"
  S_EL+=("$(awk -v m="$ms" 'BEGIN {printf "%.3f", m / 1000}')")
  S_P99+=("$ms"); S_MAX+=("$ms")

  # 2. the naive loop.
  reset; t0=$(now_ms)
  db "CALL naive_loop()"
  ms=$(( $(now_ms) - t0 ))
  verify "naive loop"
  read -r nb p99 mx <<<"$(val "SELECT count(*), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1), round(max(ms)::numeric, 1) FROM naive_batches" | tr '|' ' ')"
  N_EL+=("$(awk -v m="$ms" 'BEGIN {printf "%.3f", m / 1000}')")
  N_P99+=("$p99"); N_MAX+=("$mx")

  # 3. driftgate backfill, defaults.
  reset; t0=$(now_ms)
  set +e
  "$BIN" backfill --database-url "$DB_URL" --table bench --column email_lower --set 'lower(email)' \
    --max-connections 2 --target-batch-ms 200 --format json >"$WORK/dg.json" 2>"$WORK/dg.err"
  status=$?
  set -e
  ms=$(( $(now_ms) - t0 ))
  if [ "$status" -ne 0 ]; then
    echo "driftgate backfill exited $status; stdout:" >&2; cat "$WORK/dg.json" >&2
    echo "stderr (last 20 lines):" >&2; tail -n 20 "$WORK/dg.err" >&2
    die "driftgate backfill exited $status"
  fi
  verify "driftgate backfill"
  read -r outcome upd el rps dp99 dmx batches retries paused <<<"$(python3 - "$WORK/dg.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print(s["outcome"], s["rowsUpdated"], s["elapsedSeconds"], s["rowsPerSecond"], s["p99BatchMs"], s["maxBatchMs"],
      s["batches"], s["retries"], s["pausedSeconds"])
EOF
)"
  [ "$outcome" = "complete" ] || die "driftgate backfill: outcome $outcome: $(cat "$WORK/dg.json")"
  [ "$upd" = "$ROWS" ] || die "driftgate backfill: rowsUpdated $upd, expected $ROWS"
  D_EL+=("$el"); D_RPS+=("$rps"); D_P99+=("$dp99"); D_MAX+=("$dmx"); D_BATCHES+=("$batches"); D_RETRIES+=("$retries"); D_PAUSED+=("$paused")
  D_WALL+=("$(awk -v m="$ms" 'BEGIN {printf "%.3f", m / 1000}')")

  printf 'run %d: single UPDATE %s s; naive loop %s s (%s batches, p99 %s ms, max %s ms); driftgate %s s (wall %s s, %s batches, %s retries, paused %s s, p99 %s ms, max %s ms)  [load %s]\n' \
    "$r" "${S_EL[-1]}" "${N_EL[-1]}" "$nb" "$p99" "$mx" "${D_EL[-1]}" "${D_WALL[-1]}" "$batches" "$retries" "$paused" "${D_P99[-1]}" "${D_MAX[-1]}" \
    "$(uptime | sed 's/.*load average: //')"
done

# The median; of an even count, the mean of the middle two.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
s_el=$(median "${S_EL[@]}"); s_rps=$(awk -v e="$s_el" -v n="$ROWS" 'BEGIN {printf "%.0f", n / e}'); s_p99=$(median "${S_P99[@]}"); s_max=$(median "${S_MAX[@]}")
n_el=$(median "${N_EL[@]}"); n_rps=$(awk -v e="$n_el" -v n="$ROWS" 'BEGIN {printf "%.0f", n / e}'); n_p99=$(median "${N_P99[@]}"); n_max=$(median "${N_MAX[@]}")
d_el=$(median "${D_EL[@]}"); d_rps=$(median "${D_RPS[@]}"); d_p99=$(median "${D_P99[@]}"); d_max=$(median "${D_MAX[@]}")
d_wall=$(median "${D_WALL[@]}")

echo
echo "backfill of $ROWS rows (email_lower = lower(email)), median of $RUNS run(s):"
printf '  %-28s %10s %12s %14s %20s\n' "" "elapsed s" "rows/s" "p99 batch ms" "longest lock held ms"
printf '  %-28s %10.2f %12.0f %14.1f %20.1f\n' "single UPDATE" "$s_el" "$s_rps" "$s_p99" "$s_max"
printf '  %-28s %10.2f %12.0f %14.1f %20.1f\n' "naive 1000-row loop" "$n_el" "$n_rps" "$n_p99" "$n_max"
printf '  %-28s %10.2f %12.0f %14.1f %20.1f\n' "driftgate backfill" "$d_el" "$d_rps" "$d_p99" "$d_max"
echo "  (driftgate figures from its JSON summary; its wall time including start-up: $d_wall s)"
awk -v d="$d_rps" -v s="$s_rps" -v p="$d_p99" -v w="$d_wall" -v n="$ROWS" 'BEGIN {
  r = d / s;
  printf "  driftgate rows/s / single UPDATE rows/s = %.2f  (target >= 0.60) %s   [by wall time: %.2f]\n", r, (r >= 0.60 ? "met" : "MISSED"), (n / w) / s;
  printf "  driftgate p99 batch                     = %.1f ms  (target <= 250) %s\n", p, (p <= 250 ? "met" : "MISSED") }'
echo "  load at the end: $(uptime | sed 's/.*load average: //')"
