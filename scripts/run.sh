#!/usr/bin/env bash
# Sets everything up and runs Mutakhir with demo data at http://127.0.0.1:3000.
# No DATABASE_URL needed: without one it uses a local PostgreSQL or starts its own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
source scripts/db.sh

scripts/setup.sh

if [[ -z "${DATABASE_URL:-}" ]]; then
  DATABASE_URL="$(ensure_database mutakhir_demo)"
  export DATABASE_URL
fi

echo "[run] building the release site (first time: several minutes)"
# The server with the demo data built in (the `demo` feature), which MUTAKHIR_DEMO loads.
cargo leptos build --release --precompress --bin-features demo

ADDR="${MUTAKHIR_ADDR:-127.0.0.1:3000}"
leptos_site_env "$ADDR"
export MUTAKHIR_DEMO="${MUTAKHIR_DEMO:-true}"
# No SMTP server in development: emails are kept at /dev/surat instead.
[[ -n "${MUTAKHIR_SMTP_URL:-}" ]] || export MUTAKHIR_DEV_MAILBOX="${MUTAKHIR_DEV_MAILBOX:-true}"
echo "[run] Mutakhir on http://$ADDR (database: ${DATABASE_URL%%\?*})"
exec "$CARGO_TARGET_DIR/release/mutakhir"
