#!/usr/bin/env bash
# Host benchmark (issue 5): lint latency of a 2,000-line Postgres migration
# through the napi addon and through the wasm package in Node (median of
# repeated lint() calls), and the addon's load time (fresh `node -e
# "require(…)"` processes, median, minus the median of `node -e ""`).
# Targets: <= 5 ms addon, <= 10 ms wasm, <= 30 ms load.
#
#   scripts/bench-hosts.sh              BENCH_PROCS (processes, default 5) x
#                                       BENCH_RUNS (lint calls each, default 51),
#                                       BENCH_LOADS (load-time processes, default 31)
# The wasm package is (re)built with scripts/build-wasm.sh when wasm/pkg/node
# is missing or older than the core/wasm sources; BENCH_BUILD_WASM=0 skips that.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked -p driftgate-node
cp target/release/libdriftgate_node.so target/release/driftgate.node

pkg=wasm/pkg/node/driftgate_wasm_bg.wasm
if [ "${BENCH_BUILD_WASM:-1}" = 1 ] && { [ ! -f "$pkg" ] || [ -n "$(find core/src wasm/src core/Cargo.toml wasm/Cargo.toml -newer "$pkg" -print -quit)" ]; }; then
    scripts/build-wasm.sh
fi

exec node scripts/bench-hosts.mjs "$PWD/target/release/driftgate.node" "$PWD/wasm/pkg/node/driftgate_wasm.js"
