#!/usr/bin/env bash
# Build driftgate-wasm (and so driftgate-core) for wasm32-unknown-unknown.
#
#   scripts/build-wasm.sh --check   release build of the wasm crate only; prints
#                                   the size of the .wasm (what CI runs)
#   scripts/build-wasm.sh           also wasm-bindgen (wasm/pkg/ for bundlers,
#                                   wasm/pkg/node/ for Node, wasm/pkg/web/ for
#                                   browsers without a bundler) and wasm-opt -O3;
#                                   prints raw and gzipped sizes (fails over the
#                                   1 MB gzipped budget)
#
# Toolchain: rustup's target when `rustup target list --installed` has
# wasm32-unknown-unknown; otherwise Debian's rustc-web/cargo-web
# (scripts/install-wasm-toolchain.sh installs them), which ship no wasm32 std,
# so std is built from rust-web-src with -Z build-std, into its own target dir
# (target/wasm-build-std) so it never invalidates the main one.
#
# Tools: wasm-bindgen-cli exactly at Cargo.lock's wasm-bindgen version
# (`cargo install --locked` when the installed one differs); wasm-opt from the
# npm package binaryen pinned in tools/wasm/ (installed there with `npm ci`).
set -euo pipefail

TARGET=wasm32-unknown-unknown
CRATE=driftgate-wasm
ARTIFACT=driftgate_wasm
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

usage() { sed -n '2,10s/^# \{0,1\}//p' "$0"; }

check=0
case "${1:-}" in
    --check) check=1 ;;
    "") ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac

say() { printf 'build-wasm: %s\n' "$*" >&2; }

size_line() { # size_line LABEL FILE
    local raw gz
    raw=$(wc -c <"$2" | tr -d ' ')
    gz=$(gzip -9c "$2" | wc -c | tr -d ' ')
    printf '%-28s %10d bytes raw  %10d bytes gzip -9   %s\n' "$1" "$raw" "$gz" "${2#"$ROOT"/}"
}

# ---- 1. cargo build for wasm32 ------------------------------------------------
# Speed within the size budget (1 MB gzipped) for the browser/editor package:
# opt-level "s" (lint() of the bench-hosts migration: 7.5-9 ms, about 1.6x
# faster than at "z"; 940 KB gzipped, about 120 KB more than "z"; "s" with the
# core at 2 or 3, or a higher inline threshold, is over budget), one codegen
# unit, fat LTO.
# Set here, not in Cargo.toml, so native builds keep their own profile.
# Over budget, build with CARGO_PROFILE_RELEASE_OPT_LEVEL=z WASM_OPT=-Oz.
export CARGO_PROFILE_RELEASE_OPT_LEVEL="${CARGO_PROFILE_RELEASE_OPT_LEVEL:-s}"
export CARGO_PROFILE_RELEASE_LTO="${CARGO_PROFILE_RELEASE_LTO:-fat}"
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS="${CARGO_PROFILE_RELEASE_CODEGEN_UNITS:-1}"
target_base="${CARGO_TARGET_DIR:-$ROOT/target}"
start=$(date +%s)
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    say "toolchain: rustup ($(rustc --version)) with target $TARGET"
    cargo build -p "$CRATE" --release --target "$TARGET"
    out="$target_base/$TARGET/release"
else
    "$ROOT/scripts/install-wasm-toolchain.sh"
    say "toolchain: Debian $(/usr/bin/rustc --version) with -Z build-std"
    # std's own dependencies resolve from the std sources' Cargo.lock (our
    # Cargo.lock is untouched) and download from the same registry into the
    # same CARGO_HOME as the workspace's; after one online build, --offline works.
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
        /usr/bin/cargo build -p "$CRATE" --release --target "$TARGET" \
        -Z build-std=std,panic_abort --target-dir "$target_base/wasm-build-std"
    out="$target_base/wasm-build-std/$TARGET/release"
fi
wasm="$out/$ARTIFACT.wasm"
[ -f "$wasm" ] || { say "no $wasm after the build"; exit 1; }
say "cargo build took $(($(date +%s) - start))s"

size_line "cargo build (release)" "$wasm"
[ "$check" = 1 ] && exit 0

# ---- 2. wasm-bindgen ------------------------------------------------------------
want=$(awk '$1 == "name" && $3 == "\"wasm-bindgen\"" { found = 1; next }
            found && $1 == "version" { gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$want" ] || { say "no wasm-bindgen in Cargo.lock"; exit 1; }
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none})"
    if ! cargo install wasm-bindgen-cli --version "=$want" --locked; then
        # wasm-bindgen-cli's own lock file can name a version the registry
        # (or a mirror of it) lacks, e.g. a yanked or not yet mirrored crate.
        say "cargo install --locked failed; retrying with fresh resolution"
        cargo install wasm-bindgen-cli --version "=$want"
    fi
fi

pkg="$ROOT/wasm/pkg"
rm -rf "$pkg"
wasm-bindgen --target bundler --out-dir "$pkg" "$wasm"
wasm-bindgen --target nodejs --out-dir "$pkg/node" "$wasm"
# ES module with an `init()` that fetches the .wasm itself: what a plain
# <script type="module"> page (wasm/playground/) imports.
wasm-bindgen --target web --out-dir "$pkg/web" "$wasm"

# ---- 3. wasm-opt -O3 (binaryen from tools/wasm) -------------------------------
# -O3 on an opt-level "s" module: a tenth faster than -Os/-Oz, 3 KB larger.
opt="${WASM_OPT:--O3}"
tools="$ROOT/tools/wasm"
wasm_opt="$tools/node_modules/.bin/wasm-opt"
want_binaryen=$(node -p "require('$tools/package-lock.json').packages['node_modules/binaryen'].version")
have_binaryen=$(node -p "try { require('$tools/node_modules/binaryen/package.json').version } catch { '' }")
if [ ! -x "$wasm_opt" ] || [ "$have_binaryen" != "$want_binaryen" ]; then
    say "installing binaryen $want_binaryen into tools/wasm"
    npm ci --prefix "$tools" --no-audit --no-fund
fi

bg="$pkg/${ARTIFACT}_bg.wasm"
node_bg="$pkg/node/${ARTIFACT}_bg.wasm"
web_bg="$pkg/web/${ARTIFACT}_bg.wasm"
size_line "wasm-bindgen" "$bg"
# wasm-opt picks up the features rustc used (bulk memory, reference types, ...)
# from the module's target_features section. binaryen's npm build is JS/wasm,
# so this is the slow step (about a minute and a half); the bundler, nodejs
# and web modules are normally byte-identical, so optimise once and copy.
same=0
cmp -s "$bg" "$node_bg" && same=1
same_web=0
cmp -s "$bg" "$web_bg" && same_web=1
start=$(date +%s)
"$wasm_opt" "$opt" "$bg" -o "$bg.opt" && mv "$bg.opt" "$bg"
if [ "$same" = 1 ]; then
    cp "$bg" "$node_bg"
else
    "$wasm_opt" "$opt" "$node_bg" -o "$node_bg.opt" && mv "$node_bg.opt" "$node_bg"
fi
if [ "$same_web" = 1 ]; then
    cp "$bg" "$web_bg"
else
    say "the --target web module differs from the bundler one; optimising it separately"
    "$wasm_opt" "$opt" "$web_bg" -o "$web_bg.opt" && mv "$web_bg.opt" "$web_bg"
fi
say "wasm-opt took $(($(date +%s) - start))s"
size_line "wasm-bindgen + wasm-opt $opt" "$bg"
budget=1000000
gz=$(gzip -9c "$bg" | wc -c | tr -d ' ')
if [ "$gz" -gt "$budget" ]; then
    say "over the size budget: $gz bytes gzipped > $budget (build with CARGO_PROFILE_RELEASE_OPT_LEVEL=z WASM_OPT=-Oz)"
    exit 1
fi
say "size budget: $gz of $budget bytes gzipped"
say "wrote wasm/pkg/ (--target bundler), wasm/pkg/node/ (--target nodejs) and wasm/pkg/web/ (--target web)"
