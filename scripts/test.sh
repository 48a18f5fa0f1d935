#!/usr/bin/env bash
# Sets everything up and runs every check and test: formatting, lints, the offline
# SQL data, unit and property tests, database and HTTP tests on real PostgreSQL, the
# WASM dependency guard, the release build with its size, and the browser tests in
# Debian's Chromium. CI runs exactly this (.ci/run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
source scripts/db.sh

# Each step's wall time, printed at the end (and when a step fails), so a slow CI
# run says where its minutes went.
STEP_NAMES=()
STEP_STARTS=()
step() {
  STEP_NAMES+=("$*")
  STEP_STARTS+=("$(date +%s)")
  printf '\n\033[1;32m==> %s\033[0m\n' "$*"
}
step_times() {
  local status=$? now i next
  now="$(date +%s)"
  printf '\n%-60s %8s\n' "step" "seconds"
  for i in "${!STEP_NAMES[@]}"; do
    next="${STEP_STARTS[$((i + 1))]:-$now}"
    printf '%-60s %8d\n' "${STEP_NAMES[$i]}" "$((next - STEP_STARTS[i]))"
  done
  printf '%-60s %8d\n' "total" "$((now - ${STEP_STARTS[0]:-$now}))"
  return "$status"
}
trap step_times EXIT

step "setup"
scripts/setup.sh --for-tests

step "database"
ADMIN_URL="$(pg_admin_url)"
export MUTAKHIR_TEST_ADMIN_URL="$ADMIN_URL"
# #[sqlx::test] creates one database per test on this server.
DATABASE_URL="$(ensure_database mutakhir_test)"
export DATABASE_URL
echo "PostgreSQL: ${ADMIN_URL%/postgres}"

step "format"
cargo fmt --all -- --check

step "lint (server side, browser side)"
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "WASM bundle holds no server-only crate"
# `cargo tree -i` prints nothing (and may still exit 0) when the crate is not in the
# graph, so the test is on what it prints. wasm-bindgen proves the probe itself works.
reaches_wasm() {
  cargo tree -p frontend --target wasm32-unknown-unknown -e normal -i "$1" 2>/dev/null | grep -q .
}
reaches_wasm wasm-bindgen || { echo "error: the dependency-tree probe is broken" >&2; exit 1; }
for crate in sqlx sqlx-core tokio argon2 axum tower-sessions mio; do
  if reaches_wasm "$crate"; then
    echo "error: $crate reaches the WASM bundle:" >&2
    cargo tree -p frontend --target wasm32-unknown-unknown -e normal -i "$crate" >&2
    exit 1
  fi
  echo "ok: no $crate"
done

step "unit, property and database tests"
cargo test -p app --features ssr
cargo test -p server

step "release build"
cargo leptos build --release --precompress

step "WASM size"
scripts/wasm-size.sh --no-build

step "browser tests (Chromium, JavaScript on and off)"
(cd end2end && npm test)

step "all green"
