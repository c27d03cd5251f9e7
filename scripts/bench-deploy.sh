#!/usr/bin/env bash
# Deploy benchmark (issue 6): a generated 200-migration Drizzle history
# applied to a fresh PostgreSQL database by
#   - driftgate deploy (one transaction per migration, history rows written),
#   - psql -f of the same SQL (one session, no history: the floor),
#   - drizzle-kit migrate (the ORM's own migrator, pg driver),
# median wall time of BENCH_RUNS runs each, interleaved. Targets: driftgate
# within 1.3x of psql -f and faster than drizzle-kit.
#
# Usage: scripts/bench-deploy.sh            (starts the test servers itself)
#        BENCH_RUNS=7 BENCH_MIGRATIONS=200 scripts/bench-deploy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

if [ -z "${DRIFTGATE_TEST_PG_URL:-}" ]; then
  exec scripts/with-db.sh "$0" "$@"
fi

RUNS="${BENCH_RUNS:-5}"
N="${BENCH_MIGRATIONS:-200}"
cargo build --release -q -p driftgate
BIN="$ROOT/target/release/driftgate"
[ -d tools/drizzle-fixtures/node_modules/drizzle-kit ] || npm ci --prefix tools/drizzle-fixtures --no-audit --no-fund --loglevel=error
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The history: each migration creates a table with an index and a foreign
# key to the previous one, adds a column to an earlier table, and inserts a
# row — the mix of a real project's history.
python3 - "$WORK/history" "$N" <<'EOF'
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(out, "meta"))
entries = []
for i in range(n):
    tag = f"{i:04d}_step_{i}"
    stmts = [
        f'CREATE TABLE "t{i}" (\n\t"id" serial PRIMARY KEY NOT NULL,\n\t"name" text NOT NULL,\n\t"parent_id" integer,\n\t"created_at" timestamp DEFAULT now() NOT NULL\n);',
        f'CREATE INDEX "t{i}_name_idx" ON "t{i}" USING btree ("name");',
    ]
    if i > 0:
        stmts.append(f'ALTER TABLE "t{i}" ADD CONSTRAINT "t{i}_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."t{i-1}"("id") ON DELETE no action ON UPDATE no action;')
        stmts.append(f'ALTER TABLE "t{i // 2}" ADD COLUMN "extra_{i}" varchar(64);')
    stmts.append(f"INSERT INTO \"t{i}\" (\"name\") VALUES ('row {i}');")
    with open(os.path.join(out, f"{tag}.sql"), "w") as f:
        f.write("\n--> statement-breakpoint\n".join(stmts))
    entries.append({"idx": i, "version": "7", "when": 1700000000000 + i * 1000, "tag": tag, "breakpoints": True})
with open(os.path.join(out, "meta", "_journal.json"), "w") as f:
    json.dump({"version": "7", "dialect": "postgresql", "entries": entries}, f, indent=2)
EOF
cat "$WORK"/history/*.sql | sed 's/^--> statement-breakpoint$//' > "$WORK/all.sql"

PGPW="$(python3 -c 'import sys,urllib.parse as u; print(u.urlparse(sys.argv[1]).password or "")' "$DRIFTGATE_TEST_PG_URL")"
base="${DRIFTGATE_TEST_PG_URL%/*}"
admin() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$PGPW" psql -X -q -o /dev/null -v ON_ERROR_STOP=1 "$DRIFTGATE_TEST_PG_URL" -c "$1" >/dev/null; }
fresh() { admin "DROP DATABASE IF EXISTS bench_deploy WITH (FORCE)"; admin "CREATE DATABASE bench_deploy TEMPLATE template0"; }
now_ms() { date +%s%N | cut -b1-13; }

cat > "$WORK/drizzle.config.ts" <<EOF
export default { dialect: "postgresql", out: "$WORK/history", dbCredentials: { url: "$base/bench_deploy" } };
EOF

declare -a T_DG T_PSQL T_KIT
for r in $(seq "$RUNS"); do
  fresh; t0=$(now_ms)
  "$BIN" deploy "$WORK/history" --database-url "$base/bench_deploy" >/dev/null 2>&1
  T_DG+=($(( $(now_ms) - t0 )))
  fresh; t0=$(now_ms)
  PGPASSWORD="$PGPW" psql -X -q -v ON_ERROR_STOP=1 "$base/bench_deploy" -f "$WORK/all.sql" >/dev/null
  T_PSQL+=($(( $(now_ms) - t0 )))
  fresh; t0=$(now_ms)
  (cd tools/drizzle-fixtures && node node_modules/drizzle-kit/bin.cjs migrate --config "$WORK/drizzle.config.ts" >/dev/null 2>&1)
  T_KIT+=($(( $(now_ms) - t0 )))
  printf 'run %d: driftgate %d ms, psql -f %d ms, drizzle-kit %d ms\n' "$r" "${T_DG[-1]}" "${T_PSQL[-1]}" "${T_KIT[-1]}"
done
admin "DROP DATABASE IF EXISTS bench_deploy WITH (FORCE)"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
dg=$(median "${T_DG[@]}"); ps=$(median "${T_PSQL[@]}"); kit=$(median "${T_KIT[@]}")
echo
echo "deploy of $N migrations ($(grep -c . "$WORK/all.sql") lines of SQL), median of $RUNS runs:"
printf '  driftgate deploy    %6d ms\n' "$dg"
printf '  psql -f             %6d ms\n' "$ps"
printf '  drizzle-kit migrate %6d ms\n' "$kit"
awk -v a="$dg" -v b="$ps" -v c="$kit" 'BEGIN {
  printf "  driftgate / psql -f       = %.2f  (target <= 1.30)\n", a / b;
  printf "  driftgate / drizzle-kit   = %.2f  (target < 1.00)\n", a / c }'
