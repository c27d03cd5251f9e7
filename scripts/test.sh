#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need,
# builds every crate (native and the core for wasm32) and runs every test.
# Usage: scripts/test.sh            (CI runs exactly this via .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "driftgate: cargo not found. Install Rust (https://rustup.rs) and re-run." >&2
  exit 2
fi

step "database servers (PostgreSQL 15, MariaDB, PgBouncer in transaction mode) for the live tests"
scripts/db-servers.sh start
trap 'scripts/db-servers.sh stop' EXIT
eval "$(scripts/db-servers.sh env)"

step "toolchain for the wasm32 build"
scripts/install-wasm-toolchain.sh

step "Node packages the tests use (SARIF schema validation)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "driftgate: node and npm are needed by the tests (Node 20). Install them and re-run." >&2
  exit 2
fi
npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
# drizzle-kit + drizzle-orm with the pg and mysql2 drivers: the live tests
# prove that `drizzle-kit migrate` and driftgate agree on what is applied.
npm ci --prefix tools/drizzle-fixtures --no-audit --no-fund --loglevel=error

step "build (workspace, all crates)"
cargo build --workspace --all-targets --locked

step "tests (core, cli, cross-host)"
cargo test --workspace --locked

step "WebAssembly package (wasm32 build, wasm-bindgen, wasm-opt)"
scripts/build-wasm.sh
node wasm/test/smoke.mjs

step "cross-host conformance: native core, wasm package and napi addon agree"
cargo build --locked -p driftgate-tests --example api_dump
cargo build --locked -p driftgate-node
cp target/debug/libdriftgate_node.so target/debug/driftgate.node
node tests/node/conformance.mjs target/debug/examples/api_dump "$PWD/target/debug/driftgate.node"

step "napi host conveniences: lintFiles / checkProject (async) = the CLI's JSON; typings (node-binding/test.mjs)"
DRIFTGATE_NODE_ADDON="$PWD/target/debug/driftgate.node" node node-binding/test.mjs target/debug/driftgate wasm/pkg/node/driftgate_wasm.d.ts

step "Node examples (examples/node: drizzle-kit project with the addon and with wasm, Prisma project with checkProject)"
DRIFTGATE_NODE_ADDON="$PWD/target/debug/driftgate.node" examples/node/run-all.sh

step "fuzz corpus, fixtures and mutated SQL through the wasm build: no trap"
node tests/node/wasm-fuzz.mjs wasm/pkg/node/driftgate_wasm.js

step "browser playground end-to-end (wasm/playground/ in headless Debian Chromium)"
# playwright-core drives Debian's chromium; Playwright's own browser download
# does not work here. CI runs as root; elsewhere sudo is used when present.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "driftgate: the playground test needs Debian's chromium (/usr/bin/chromium) and installing it needs root or sudo: run 'apt-get install -y chromium' as root and re-run." >&2
    exit 2
  fi
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
node tests/e2e/playground.mjs

step "all tests passed"
