#!/usr/bin/env bash
# National-scale benchmark: load N synthetic employees (default 4,300,000, the size
# of Indonesia's civil service) with all their histories into a fresh database
# `mutakhir_bench`, and report the time and table sizes. The database is left in
# place for the profile-latency half of the benchmark (see the end of this file).
#
#   scripts/bench-national.sh [N]
#
# Extra loader flags via MUTAKHIR_GENERATE_FLAGS (default: --bulk).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/db.sh

N="${1:-4300000}"
FLAGS="${MUTAKHIR_GENERATE_FLAGS:---bulk}"

cargo build --release -p generator --bin mutakhir-generate
BIN="$CARGO_TARGET_DIR/release/mutakhir-generate"

ADMIN="$(pg_admin_url)"
psql "$ADMIN" -qAtc 'DROP DATABASE IF EXISTS mutakhir_bench WITH (FORCE)'
psql "$ADMIN" -qAtc 'CREATE DATABASE mutakhir_bench'
BENCH_URL="${ADMIN%/postgres}/mutakhir_bench"

# Migrations first, so the timing covers only the load.
DATABASE_URL="$BENCH_URL" "$BIN" --employees 0 >/dev/null

start=$(date +%s%N)
# shellcheck disable=SC2086
DATABASE_URL="$BENCH_URL" "$BIN" --employees "$N" $FLAGS
end=$(date +%s%N)
printf 'load: %s employees in %d s\n' "$N" $(((end - start) / 1000000000))

psql "$BENCH_URL" -P pager=off -c "
  SELECT c.relname AS table,
         c.reltuples::bigint AS rows,
         pg_size_pretty(pg_table_size(c.oid)) AS data,
         pg_size_pretty(pg_indexes_size(c.oid)) AS indexes
    FROM pg_class c
   WHERE c.relkind = 'r' AND (c.relname = 'pegawai' OR c.relname LIKE 'riwayat\_%')
   ORDER BY pg_total_relation_size(c.oid) DESC"
psql "$BENCH_URL" -qAtc "SELECT 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"

# Profile latency at this scale: 200 concurrent requests for random employees.
scripts/bench-profile.sh "$BENCH_URL" 200 30
