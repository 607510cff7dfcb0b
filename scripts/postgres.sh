#!/usr/bin/env bash
# A local PostgreSQL server for the tests marked `postgres` (tests/pg/), on a Debian machine.
#   export THIDUA_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"
# Installs Debian's `postgresql` package when no server is there, starts the newest cluster
# (creating `main` if the package left none), and makes the role `thidua` (allowed to create
# databases: every test gets a database of its own) and its database `thidua_test`. Only the URL
# goes to stdout; progress goes to stderr. Idempotent: a second run takes well under a second.
# THIDUA_PG_PASSWORD sets the role's password (default "thidua": a throwaway server bound to
# localhost, never the office's).
set -euo pipefail

ROLE=thidua
DATABASE=thidua_test
PASSWORD="${THIDUA_PG_PASSWORD:-thidua}"

say() { echo "postgres.sh: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    say "needs root (or sudo) to run: $*"; return 1; fi
}

# A command as the server's superuser (peer authentication over the Unix socket), run from /
# so psql does not warn that it cannot enter the caller's home folder.
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@";
  elif [ "$(id -u)" = 0 ]; then (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")");
  else (cd / && sudo -u postgres "$@"); fi
}

# Debian's server binaries live in /usr/lib/postgresql/<version>/bin; pg_ctlcluster comes
# with postgresql-common. Either missing means the server is not installed.
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls -d /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || { say "no PostgreSQL server and no apt-get: install PostgreSQL by hand"; exit 1; }
  say "installing Debian's postgresql package…"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
# The package creates the cluster `main`; an image built with create_main_cluster=false has none.
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {found=1} END {exit !found}'; then
  say "creating the cluster $VERSION/main…"
  as_root pg_createcluster "$VERSION" main >&2
fi
# Columns of `pg_lsclusters -h`: version cluster port status owner datadir logfile.
read -r PORT STATUS < <(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3, $4}')
if [ "$STATUS" != online ]; then
  say "starting the cluster $VERSION/main…"
  as_root pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 50); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 0.2
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { say "the server on port $PORT does not answer"; exit 1; }

# The role (re)gets its password each run, so a changed THIDUA_PG_PASSWORD takes effect.
# Dollar-quoting keeps a quote in the password from ending the literal.
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres >&2 <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEDB', '$ROLE')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') \gexec
ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD \$pw\$$PASSWORD\$pw\$;
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', '$DATABASE', '$ROLE')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DATABASE') \gexec
SQL

# psycopg takes a URL-encoded password; the default needs no encoding.
ENCODED=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$PASSWORD")
echo "postgresql+psycopg://$ROLE:$ENCODED@127.0.0.1:$PORT/$DATABASE"
