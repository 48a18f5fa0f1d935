#!/usr/bin/env bash
# Makes sure every tool the build and the tests need is present, installing only what is
# missing. Safe to run again and again: each step checks first.
#
# These machines reach only crates.io, PyPI, npm and Debian's apt, so the usual
# `rustup target add wasm32-unknown-unknown` and cargo-leptos's tool downloads cannot work.
# The offline path: Debian's Rust toolchain, a wasm32 std built once from Debian's own
# Rust sources, cargo-leptos and wasm-bindgen-cli from crates.io, wasm-opt from npm.
#
# Usage: scripts/setup.sh [--for-tests]
#   --for-tests  also installs Chromium and the browser-test npm packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

FOR_TESTS=0
[[ "${1:-}" == "--for-tests" ]] && FOR_TESTS=1

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

apt_missing=()
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }

need_pkg rustc-web
need_pkg cargo-web
need_pkg rust-web-src
need_pkg rust-web-llvm
need_pkg lld-22
need_pkg rust-web-clippy
need_pkg rustfmt-web
need_pkg brotli
need_pkg pkg-config
# A node already on PATH (nvm, nodesource) is good enough; don't fight it.
if ! command -v npm >/dev/null 2>&1; then
  need_pkg nodejs
  need_pkg npm
fi
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need_pkg postgresql
fi
if [[ $FOR_TESTS -eq 1 ]]; then
  need_pkg chromium
fi

if ((${#apt_missing[@]})); then
  log "apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}"
fi

log "rustc: $(rustc --version)"

# --- wasm32 standard library, built once from Debian's rust-src -------------------------
SYSROOT="$(rustc --print sysroot)"
WASM_LIB="$SYSROOT/lib/rustlib/wasm32-unknown-unknown/lib"
if ! ls "$WASM_LIB"/libstd-*.rlib >/dev/null 2>&1; then
  log "building the wasm32 standard library from source (about 2 minutes)"
  tmp="$(mktemp -d)"
  mkdir -p "$tmp/src"
  cat >"$tmp/Cargo.toml" <<'TOML'
[package]
name = "wasm-std-build"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
TOML
  echo '#![no_std]' >"$tmp/src/lib.rs"
  (cd "$tmp" && CARGO_TARGET_DIR="$tmp/target" RUSTC_BOOTSTRAP=1 cargo build --release \
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort,panic_unwind,proc_macro)
  $SUDO mkdir -p "$WASM_LIB"
  find "$tmp/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' \
    ! -name 'libwasm_std_build-*' -exec $SUDO cp {} "$WASM_LIB/" \;
  rm -rf "$tmp"
fi

# --- cargo-leptos -------------------------------------------------------------------------
mkdir -p "$MUTAKHIR_TOOLS"
if ! cargo-leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 30 minutes on 2 cores, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked \
    --features no_downloads --root "$MUTAKHIR_TOOLS"
fi

# --- wasm-bindgen CLI, exactly the version in Cargo.lock ----------------------------------
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' "$ROOT/Cargo.lock")"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION\$"; then
  log "installing wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lock file names a crate version crates.io no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force --root "$MUTAKHIR_TOOLS"
fi

# --- wasm-opt from npm's binaryen ---------------------------------------------------------
if ! command -v wasm-opt >/dev/null 2>&1; then
  log "installing wasm-opt (npm binaryen)"
  mkdir -p "$MUTAKHIR_TOOLS/npm"
  (cd "$MUTAKHIR_TOOLS/npm" && { [[ -f package.json ]] || echo '{"private":true}' >package.json; } \
    && npm install --no-audit --no-fund --silent binaryen@"$BINARYEN_VERSION")
fi

# --- browser-test packages ----------------------------------------------------------------
if [[ $FOR_TESTS -eq 1 ]]; then
  if [[ ! -d "$ROOT/end2end/node_modules/playwright-core" ]] \
    || [[ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]]; then
    log "npm ci in end2end/"
    (cd "$ROOT/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
  fi
fi

log "ready: $(cargo-leptos --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
