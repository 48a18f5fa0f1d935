#!/usr/bin/env bash
# The verifier queue at national scale: 1,000,000 pending proposals in database
# `mutakhir_bench_queue` (made and filled with EMPLOYEES synthetic employees, default
# 100,000, when it is missing), then queue pages under concurrent load.
#
#   scripts/bench-queue.sh [PROPOSALS=1000000] [CONCURRENCY=16] [REQUESTS=4000]
#
# Prints p50/p90/p99/max per kind of read (an agency's first and deep page, BKN
# Pusat's first and deep page, BKN Pusat's queue filtered by history). Reads go
# through the queue's own code (app::verification::store::page) on a pool of
# CONCURRENCY connections, each read in its own transaction, as the server does.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/db.sh

PROPOSALS="${1:-1000000}"
CONCURRENCY="${2:-16}"
REQUESTS="${3:-4000}"
EMPLOYEES="${EMPLOYEES:-100000}"

cargo build --release -p generator --bin mutakhir-generate
cargo build --release -p server --bin mutakhir-bench-queue
ADMIN="$(pg_admin_url)"
URL="${ADMIN%/postgres}/mutakhir_bench_queue"
if ! psql "$ADMIN" -qAtc "SELECT 1 FROM pg_database WHERE datname = 'mutakhir_bench_queue'" | grep -q 1; then
  psql "$ADMIN" -qAtc 'CREATE DATABASE mutakhir_bench_queue'
  DATABASE_URL="$URL" "$CARGO_TARGET_DIR/release/mutakhir-generate" --employees "$EMPLOYEES" --bulk
fi
DATABASE_URL="$URL" "$CARGO_TARGET_DIR/release/mutakhir-bench-queue" \
  --proposals "$PROPOSALS" --concurrency "$CONCURRENCY" --requests "$REQUESTS"
