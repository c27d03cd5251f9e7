#!/usr/bin/env bash
# Diff / check benchmark (issue 4): prints medians; targets in the output.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p driftgate
cargo build --release --locked -p driftgate-tests --example bench_diff
exec target/release/examples/bench_diff "$PWD/target/release/driftgate"
