#!/usr/bin/env bash
# Runs the examples as a user would, inside copies of the fixture projects,
# and checks what they report (part of scripts/test.sh):
#   drizzle-addon.mjs  pg-shop as is: the last migration removes an enum value -> exit 1
#   drizzle-wasm.mjs   pg-shop as is -> exit 0; with a migration the snapshot lacks -> exit 1
#   prisma-addon.mjs   pg-blog, new = the last migration -> exit 0; schema.prisma ahead -> exit 1
# Uses target/debug/driftgate.node (DRIFTGATE_NODE_ADDON) and wasm/pkg/node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export DRIFTGATE_NODE_ADDON="${DRIFTGATE_NODE_ADDON:-$root/target/debug/driftgate.node}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# check NAME DIR STATUS 'PATTERN|…' -- node SCRIPT ARGS…: run in DIR, expect STATUS and every pattern.
check() {
  local name="$1" dir="$2" want="$3" patterns="$4"
  shift 5
  local status=0
  (cd "$dir" && "$@") >"$tmp/out" 2>&1 || status=$?
  local missing=""
  IFS='|' read -ra pats <<<"$patterns"
  for p in "${pats[@]}"; do grep -qF -- "$p" "$tmp/out" || missing="$missing [$p]"; done
  if [ "$status" != "$want" ] || [ -n "$missing" ]; then
    echo "example $name: exit $status (expected $want), missing:${missing:- nothing}" >&2
    sed 's/^/  | /' "$tmp/out" >&2
    exit 1
  fi
  echo "ok - $name (exit $status)"
}

cp -r "$root/fixtures/drizzle/pg-shop" "$tmp/shop"
check "drizzle + addon" "$tmp/shop" 1 "[enum-value-removed]|replay = latest snapshot (6 tables)|FAILED" \
  -- node "$here/drizzle-addon.mjs"
check "drizzle + wasm" "$tmp/shop" 0 "0008_drop_processing_status.sql|replay = latest snapshot (6 tables)|ok" \
  -- node "$here/drizzle-wasm.mjs"
printf '%s\n' '--> statement-breakpoint' 'ALTER TABLE "products" ADD COLUMN "rating" integer;' >>"$tmp/shop/migrations/0008_drop_processing_status.sql"
check "drizzle + wasm, migration without snapshot" "$tmp/shop" 1 "column public.products.rating: produced by the migrations, not in the snapshot|FAILED" \
  -- node "$here/drizzle-wasm.mjs"

cp -r "$root/fixtures/prisma/pg-blog" "$tmp/blog"
check "prisma + addon" "$tmp/blog" 0 "the migrations produce exactly prisma/schema.prisma|linted 20240420120000_comment_moderation|ok" \
  -- node "$here/prisma-addon.mjs" --after 20240405100000_remove_guest_role
sed -i 's/^  name  String @unique @db.VarChar(64)$/&\n  color String?/' "$tmp/blog/prisma/schema.prisma"
check "prisma + addon, schema.prisma ahead of the migrations" "$tmp/blog" 1 'in schema.prisma but not produced by the migrations: column Tag.color|ADD COLUMN "color"|FAILED' \
  -- node "$here/prisma-addon.mjs" --after 20240405100000_remove_guest_role
