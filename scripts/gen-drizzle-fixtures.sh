#!/usr/bin/env bash
# Regenerate the real drizzle-kit migration fixtures in fixtures/drizzle/.
#
#   scripts/gen-drizzle-fixtures.sh            # all histories
#   scripts/gen-drizzle-fixtures.sh pg-shop    # only some
#
# Run from anywhere (it cd's to the repo root). No database is needed.
#
# For every history fixtures/drizzle/<history>/ it deletes migrations/, then for
# each schema version schema/vNN_<name>.ts (in order) copies it to
# tools/drizzle-fixtures/work/<history>/schema.ts (the path the history's
# drizzle config points at) and runs `drizzle-kit generate --name <name>`.
# drizzle-kit's interactive "created or renamed?" prompts are answered from
# fixtures/drizzle/<history>/answers.txt by tools/drizzle-fixtures/drive.py,
# which runs drizzle-kit under a pseudo-terminal with python3 `pexpect`
# (installed below with `python3 -m pip install pexpect` if it is missing).
#
# Output is byte-for-byte reproducible: tools/drizzle-fixtures/preload.cjs is
# loaded into drizzle-kit to pin Date (journal "when" = a fixed base + one day
# per migration) and to seed crypto.randomUUID (snapshot id/prevId) and
# Math.random (drizzle-kit 0.20's random migration names).
#
# Requirements: node >= 20, npm (registry access only for the first `npm ci`),
# python3 + pexpect.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TOOLS="$ROOT/tools/drizzle-fixtures"
FIX="$ROOT/fixtures/drizzle"
DAY_MS=86400000

# history     kit      journal "when" of the first migration (ms since epoch)
HISTORIES=(
  "pg-shop    current  1735722000000" # 2025-01-01T09:00:00Z
  "pg-saas    current  1738400400000" # 2025-02-01T09:00:00Z
  "pg-legacy  legacy   1704099600000" # 2024-01-01T09:00:00Z
  "mysql-blog current  1740819600000" # 2025-03-01T09:00:00Z
)

# --- dependencies -----------------------------------------------------------
if [ ! -f "$TOOLS/node_modules/.package-lock.json" ] ||
  [ "$TOOLS/package-lock.json" -nt "$TOOLS/node_modules/.package-lock.json" ]; then
  echo "==> npm ci in tools/drizzle-fixtures"
  (cd "$TOOLS" && npm ci --no-audit --no-fund)
fi
if ! python3 -c 'import pexpect' 2>/dev/null; then
  echo "==> python3 -m pip install pexpect"
  python3 -m pip install --quiet pexpect
fi

KIT_CURRENT="$TOOLS/node_modules/drizzle-kit/bin.cjs"
KIT_LEGACY="$TOOLS/node_modules/drizzle-kit-legacy/bin.cjs"

# --- generation -------------------------------------------------------------
selected=("$@")

want() {
  [ ${#selected[@]} -eq 0 ] && return 0
  local s
  for s in "${selected[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}

generate_history() {
  local h=$1 kit=$2 base=$3
  local dir="$FIX/$h" work="$TOOLS/work/$h"
  local answers="$dir/answers.txt"
  [ -f "$answers" ] || answers=-
  echo "==> $h ($kit drizzle-kit)"
  rm -rf "$dir/migrations" "$work"
  mkdir -p "$work"

  local idx=0 file v name
  for file in "$dir"/schema/v[0-9][0-9]_*.ts; do
    v=$(basename "$file" .ts) # v03_add_addresses
    name=${v#v[0-9][0-9]_}    # add_addresses
    v=${v%%_*}                # v03
    cp "$file" "$work/schema.ts"
    echo "  -- $v $name"
    local -a cmd env=(
      "DGFX_NOW=$((base + idx * DAY_MS))"
      "DGFX_SEED=$h/$v"
      "NODE_OPTIONS=--require $TOOLS/preload.cjs"
    )
    if [ "$kit" = legacy ]; then
      # drizzle-kit 0.20 has no --name: its random adjective_hero names are
      # made stable by the seeded Math.random instead.
      env+=("DGFX_LEGACY_ORM=1")
      cmd=(node "$KIT_LEGACY" generate:pg --config "configs/$h.config.ts")
    else
      cmd=(node "$KIT_CURRENT" generate --config "configs/$h.config.ts" --name "$name")
    fi
    (cd "$TOOLS" && env "${env[@]}" python3 "$TOOLS/drive.py" "$answers" "$v" -- "${cmd[@]}") >"$work/$v.log" 2>&1 || {
      cat "$work/$v.log" >&2
      echo "drizzle-kit failed for $h $v" >&2
      exit 1
    }
    grep '^  \[v' "$work/$v.log" || true # the prompt answers
    idx=$((idx + 1))
    local n
    n=$(find "$dir/migrations" -maxdepth 1 -name '*.sql' | wc -l)
    if [ "$n" -ne "$idx" ]; then
      cat "$work/$v.log" >&2
      echo "$h $v: expected $idx migrations, found $n (no schema change?)" >&2
      exit 1
    fi
  done
  rm -rf "$work"
  verify_history "$dir/migrations"
}

# Every .sql file has a journal entry and a snapshot, and vice versa.
verify_history() {
  node - "$1" <<'EOF'
const fs = require('fs');
const path = require('path');
const out = process.argv[2];
const journal = JSON.parse(fs.readFileSync(path.join(out, 'meta/_journal.json'), 'utf8'));
const sql = fs.readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
const tags = journal.entries.map((e) => e.tag);
const fail = (m) => { console.error(`${out}: ${m}`); process.exit(1); };
if (JSON.stringify(sql) !== JSON.stringify(tags.map((t) => `${t}.sql`))) fail(`journal ${tags} vs files ${sql}`);
let prevWhen = 0;
let prevId = '00000000-0000-0000-0000-000000000000';
journal.entries.forEach((e, i) => {
  if (e.idx !== i) fail(`entry ${i} has idx ${e.idx}`);
  if (!(e.when > prevWhen)) fail(`entry ${i} when not increasing`);
  prevWhen = e.when;
  const snap = JSON.parse(fs.readFileSync(path.join(out, 'meta', `${e.tag.slice(0, 4)}_snapshot.json`), 'utf8'));
  if (snap.prevId !== prevId) fail(`snapshot ${i} prevId ${snap.prevId} != ${prevId}`);
  prevId = snap.id;
});
console.log(`  ok: ${sql.length} migrations, journal version ${journal.version}, dialect ${journal.dialect}`);
EOF
}

for line in "${HISTORIES[@]}"; do
  read -r h kit base <<<"$line"
  want "$h" && generate_history "$h" "$kit" "$base"
done
rmdir "$TOOLS/work" 2>/dev/null || true
echo "done"
