# Sourced: finds a PostgreSQL server to use, and starts a private one if there is none.
#
# `pg_admin_url` prints an admin URL (user postgres, database postgres):
#  - $MUTAKHIR_PG_ADMIN_URL if set;
#  - else a server on 127.0.0.1:5432 that lets user postgres in;
#  - else a private cluster in .data/pg of this checkout, run by Debian's PostgreSQL
#    binaries on port $MUTAKHIR_PG_PORT (54329), started now and left running.
# `ensure_database NAME` creates NAME if missing and prints its URL.

MUTAKHIR_PG_PORT="${MUTAKHIR_PG_PORT:-54329}"

_pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [[ -n "$dir" ]] || { echo "PostgreSQL binaries not found; run scripts/setup.sh" >&2; return 1; }
  echo "$dir"
}

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
_as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_embedded_pg() {
  local root bin data
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  bin="$(_pg_bin)" || return 1
  data="$root/.data/pg"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    mkdir -p "$data"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$data"
    _as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! _as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "[db] starting a private PostgreSQL in $data on port $MUTAKHIR_PG_PORT" >&2
    _as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $MUTAKHIR_PG_PORT -k $data -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  echo "postgres://postgres@127.0.0.1:$MUTAKHIR_PG_PORT/postgres"
}

pg_admin_url() {
  if [[ -n "${MUTAKHIR_PG_ADMIN_URL:-}" ]]; then
    echo "$MUTAKHIR_PG_ADMIN_URL"
  elif psql "postgres://postgres@127.0.0.1:5432/postgres" -qAtc 'select 1' >/dev/null 2>&1; then
    echo "postgres://postgres@127.0.0.1:5432/postgres"
  else
    _embedded_pg
  fi
}

ensure_database() {
  local name="$1" admin
  admin="$(pg_admin_url)" || return 1
  if [[ "$(psql "$admin" -qAtc "select 1 from pg_database where datname = '$name'")" != "1" ]]; then
    psql "$admin" -qAtc "create database \"$name\"" >/dev/null
  fi
  echo "${admin%/postgres}/$name"
}
