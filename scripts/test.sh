#!/usr/bin/env bash
# Sets everything up and runs every check and test: formatting, lints, the offline
# SQL data, unit and property tests, database and HTTP tests on real PostgreSQL, the
# generator's tests, the WASM and production-server dependency guards, the release
# build (with the demo data built in) with its size, and the browser tests in Debian's
# Chromium. CI runs exactly this (.ci/run).
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

step "lint (server side, generator, browser side)"
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
cargo clippy -p server --all-targets --features demo -- -D warnings
cargo clippy -p generator --all-targets -- -D warnings
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

step "production server does not link the generator"
# As above: `cargo tree -i` prints nothing when the crate is not in the graph, so the
# test is on what it prints; the `demo` build proves the probe itself works.
links_generator() {
  cargo tree -p server -e normal "$@" -i generator 2>/dev/null | grep -q .
}
links_generator --features demo || { echo "error: the generator probe is broken" >&2; exit 1; }
if links_generator; then
  echo "error: the server links the generator without the demo feature:" >&2
  cargo tree -p server -e normal -i generator >&2
  exit 1
fi
echo "ok: the generator only with --features demo"

step "unit, property and database tests"
cargo test -p app --features ssr
# Without the demo feature, as in production (MUTAKHIR_DEMO is refused); the tests load
# the demo set themselves through the generator, a dev-dependency.
cargo test -p server
# The pseudo-locale render of every route runs alone (see its comment): under the
# suite's load a page read of it has hung.
cargo test -p server --test api page_text -- --ignored

step "generator tests (golden seed, lists, database loads)"
cargo test -p generator

step "release build"
# With the demo data built in: the browser tests start it with MUTAKHIR_DEMO=true.
cargo leptos build --release --precompress --bin-features demo

step "WASM size"
scripts/wasm-size.sh --no-build

step "browser tests (Chromium, JavaScript on and off)"
(cd end2end && npm test)

step "all green"
