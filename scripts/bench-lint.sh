#!/usr/bin/env bash
# Lint benchmark: driftgate vs squawk (npm squawk-cli) on the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p driftgate --locked
npm ci --prefix tools/bench --no-audit --no-fund --loglevel=error
exec python3 scripts/bench-lint.py
