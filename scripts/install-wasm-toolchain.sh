#!/usr/bin/env bash
# Make sure a Rust toolchain that can build for wasm32-unknown-unknown exists.
#
# Idempotent. Does nothing when either
#   - rustup has the wasm32-unknown-unknown target installed, or
#   - the Debian "web" Rust toolchain is present: /usr/bin/rustc and
#     /usr/bin/cargo at least the workspace's rust-version, with wasm32 in
#     the target list, the std sources (for -Z build-std) and wasm-ld.
# Otherwise installs the Debian packages rustc-web cargo-web rust-web-src lld
# (apt-get update first). Needs root, or sudo when not root. CI runs it as
# root with CI=true.
#
# scripts/build-wasm.sh calls this before using the Debian toolchain; it then
# builds std itself (-Z build-std), as Debian ships no precompiled wasm32 std.
#
# Where rustup can download, `rustup target add wasm32-unknown-unknown` is the
# simpler route; this script does not attempt it (it hangs without network).
set -euo pipefail

TARGET=wasm32-unknown-unknown
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGES=(rustc-web cargo-web rust-web-src lld)
RUST_SRC=/usr/lib/rustlib/src/rust/library

say() { printf 'install-wasm-toolchain: %s\n' "$*" >&2; }

# The workspace's rust-version (e.g. 1.95) from the root Cargo.toml.
min_version() {
    sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n1
}

# version_ge A B: true when dotted version A >= B.
version_ge() {
    [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

rustup_has_target() {
    command -v rustup >/dev/null 2>&1 &&
        rustup target list --installed 2>/dev/null | grep -qx "$TARGET"
}

# Why the Debian toolchain is not usable (empty output: it is usable).
debian_toolchain_problem() {
    local want have
    want="$(min_version)"
    [ -x /usr/bin/rustc ] || { echo "no /usr/bin/rustc"; return; }
    [ -x /usr/bin/cargo ] || { echo "no /usr/bin/cargo"; return; }
    have="$(/usr/bin/rustc --version 2>/dev/null | awk '{print $2}')"
    if [ -n "$want" ] && ! version_ge "${have%%-*}" "$want"; then
        echo "/usr/bin/rustc is ${have:-unknown}, the workspace needs >= $want"
        return
    fi
    have="$(/usr/bin/cargo --version 2>/dev/null | awk '{print $2}')"
    if [ -n "$want" ] && ! version_ge "${have%%-*}" "$want"; then
        echo "/usr/bin/cargo is ${have:-unknown}, the workspace needs >= $want"
        return
    fi
    /usr/bin/rustc --print target-list 2>/dev/null | grep -qx "$TARGET" ||
        { echo "/usr/bin/rustc has no $TARGET target"; return; }
    [ -f "$RUST_SRC/Cargo.lock" ] || { echo "no std sources in $RUST_SRC"; return; }
    command -v wasm-ld >/dev/null 2>&1 || { echo "no wasm-ld"; return; }
}

if rustup_has_target; then
    say "rustup target $TARGET is installed; nothing to do"
    exit 0
fi

problem="$(debian_toolchain_problem)"
if [ -z "$problem" ]; then
    say "Debian web toolchain present ($(/usr/bin/rustc --version)); nothing to do"
    exit 0
fi

say "$problem; installing ${PACKAGES[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get: install the wasm target with 'rustup target add $TARGET' instead"
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    say "need root (or sudo) to install ${PACKAGES[*]}"
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y "${PACKAGES[@]}"

problem="$(debian_toolchain_problem)"
if [ -n "$problem" ]; then
    say "still unusable after installing: $problem"
    exit 1
fi
say "installed $(/usr/bin/rustc --version)"
