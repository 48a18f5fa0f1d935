#!/usr/bin/env bash
# Profile-page latency under concurrent load, against an already loaded database
# (default: mutakhir_bench from scripts/bench-national.sh).
#
#   scripts/bench-profile.sh [DATABASE_URL] [CONNECTIONS=200] [SECONDS=30]
#
# Starts the release server in demo mode (profiles readable without sign-in) and
# drives GET /profil/{NIP} for 10,000 random employees with wrk, printing wrk's
# latency distribution (p50, p90, p99) for two loads:
#   1. saturation: CONNECTIONS requests always in flight (closed loop): latency is
#      then CONNECTIONS / throughput, whatever the code does (Little's law);
#   2. users: CONNECTIONS users, each pausing 0 to 2 x THINK_MS (default 400, so
#      400 ms on average) between pages, so the server sees what CONNECTIONS people
#      reading profiles at the same time cause (a fixed pause would march them in step).
# Also the JSON read (/api/profil) at saturation, to tell database from rendering.
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
# Demo mode needs the server built with the demo data (`--bin-features demo`, as
# scripts/run.sh and scripts/test.sh build it); a server built without refuses to start.
[[ -x "$CARGO_TARGET_DIR/release/mutakhir" && -d target/site/pkg ]] ||
  cargo leptos build --release --precompress --bin-features demo

work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
psql "$URL" -qAtc "SELECT nomor_induk FROM pegawai TABLESAMPLE SYSTEM (1) WHERE nomor_induk IS NOT NULL LIMIT 10000" >"$work/nips"
echo "sampled $(wc -l <"$work/nips") employees"

leptos_site_env "127.0.0.1:$PORT"
DATABASE_URL="$URL" MUTAKHIR_DEMO=true MUTAKHIR_DEV_MAILBOX=true MUTAKHIR_DB_MAX_CONNECTIONS="${MUTAKHIR_DB_MAX_CONNECTIONS:-32}" RUST_LOG=warn \
  "$CARGO_TARGET_DIR/release/mutakhir" &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.2; done
kill -0 "$server" 2>/dev/null || { echo "error: the server did not start (its message is above)" >&2; exit 1; }


THINK_MS="${THINK_MS:-400}"
base="http://127.0.0.1:$PORT"
lua() { # $1: path prefix; $2: mean think time in ms (0: none)
  cat <<LUA
local nips = {}
for line in io.lines("$work/nips") do nips[#nips + 1] = line end
math.randomseed(42)
request = function()
  return wrk.format("GET", "$1" .. nips[math.random(#nips)])
end
function delay() if $2 == 0 then return 0 end return math.random(0, 2 * $2) end
response = function(status)
  if status ~= 200 then io.stderr:write("status " .. status .. "\\n") end
end
LUA
}
lua /profil/ 0 >"$work/page.lua"
lua /profil/ "$THINK_MS" >"$work/users.lua"
lua "/api/profil?nomor_induk=" 0 >"$work/json.lua"
report() { grep -E 'Latency Distribution|50%|90%|99%|Requests/sec|Non-2xx|timeout'; }

echo "cores: $(nproc)"
# Warm the caches once, then measure.
wrk -t2 -c"$CONNS" -d5s -s "$work/page.lua" "$base" >/dev/null
echo "== 1. saturation: $CONNS page requests always in flight, ${SECS}s"
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$work/page.lua" "$base" | report
echo "== 2. users: $CONNS users, ${THINK_MS} ms between pages, ${SECS}s"
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$work/users.lua" "$base" | report
echo "== 3. the JSON read alone (/api/profil), saturation"
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$work/json.lua" "$base" | report
