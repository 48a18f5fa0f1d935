# Sourced by the other scripts: one place for tool locations and pinned versions.
# Debian's Rust (1.96, with a wasm32 std we build) must win over any rustup proxies.
export MUTAKHIR_CACHE="${MUTAKHIR_CACHE:-$HOME/.cache/mutakhir}"
export MUTAKHIR_TOOLS="${MUTAKHIR_TOOLS:-$MUTAKHIR_CACHE/tools}"
# Outside the clone, so a fresh clone (and CI) reuses earlier builds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$MUTAKHIR_CACHE/target}"
export PATH="/usr/bin:$MUTAKHIR_TOOLS/bin:$MUTAKHIR_TOOLS/npm/node_modules/.bin:$PATH"
export CARGO_LEPTOS_VERSION="0.3.11"
export BINARYEN_VERSION="132.0.0"
# sqlx macros check against the committed .sqlx data, so a build needs no database.
export SQLX_OFFLINE="${SQLX_OFFLINE:-true}"
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"  # incremental caches grew to tens of GB; whole-crate rebuilds are fine here

# The environment the release server binary reads its site from (what `cargo leptos
# serve` would set). Usage: leptos_site_env ADDR
leptos_site_env() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  export LEPTOS_OUTPUT_NAME=mutakhir LEPTOS_SITE_ROOT="$root/target/site" LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_SITE_ADDR="$1" LEPTOS_HASH_FILES=true LEPTOS_ENV=PROD
}
