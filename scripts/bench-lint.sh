#!/usr/bin/env bash
# Lint benchmark: driftgate vs squawk (npm squawk-cli) on the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p driftgate --locked
# npm ci refuses this lock (squawk-cli lists platform packages as optional
# dependencies the lock does not pin); install from it instead.
npm install --prefix tools/bench --no-audit --no-fund --loglevel=error
exec python3 scripts/bench-lint.py
