#!/usr/bin/env bash
# Profile-page latency under concurrent load, against an already loaded database
# (default: mutakhir_bench from scripts/bench-national.sh).
#
#   scripts/bench-profile.sh [DATABASE_URL] [CONNECTIONS=200] [SECONDS=30]
#
# Starts the release server in demo mode (profiles readable without sign-in) and
# drives GET /profil/{NIP} for 10,000 random employees with wrk, 200 connections at
# once, printing wrk's latency distribution (p50, p90, p99).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
source scripts/db.sh

URL="${1:-$(pg_admin_url | sed 's#/postgres$#/mutakhir_bench#')}"
CONNS="${2:-200}"
SECS="${3:-30}"
PORT="${MUTAKHIR_BENCH_PORT:-3900}"

command -v wrk >/dev/null || { sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo; $sudo apt-get install -y -qq wrk; }
[[ -x "$CARGO_TARGET_DIR/release/mutakhir" && -d target/site/pkg ]] || cargo leptos build --release --precompress

work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
psql "$URL" -qAtc "SELECT nomor_induk FROM pegawai TABLESAMPLE SYSTEM (1) WHERE nomor_induk IS NOT NULL LIMIT 10000" >"$work/nips"
echo "sampled $(wc -l <"$work/nips") employees"

leptos_site_env "127.0.0.1:$PORT"
DATABASE_URL="$URL" MUTAKHIR_DEMO=true MUTAKHIR_DEV_MAILBOX=true MUTAKHIR_DB_MAX_CONNECTIONS="${MUTAKHIR_DB_MAX_CONNECTIONS:-32}" RUST_LOG=warn \
  "$CARGO_TARGET_DIR/release/mutakhir" &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.2; done

cat >"$work/profile.lua" <<LUA
local nips = {}
for line in io.lines("$work/nips") do nips[#nips + 1] = line end
math.randomseed(42)
request = function()
  return wrk.format("GET", "/profil/" .. nips[math.random(#nips)])
end
response = function(status)
  if status ~= 200 then io.stderr:write("status " .. status .. "\n") end
end
LUA
# Warm the caches once, then measure.
wrk -t2 -c"$CONNS" -d5s -s "$work/profile.lua" "http://127.0.0.1:$PORT" >/dev/null
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$work/profile.lua" "http://127.0.0.1:$PORT"
