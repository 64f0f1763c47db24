#!/usr/bin/env bash
# What PostgreSQL alone reaches with the intake's SQL on this machine, for comparison with
# bench-intake. Runs pgbench against a scratch database on the running embedded PostgreSQL
# (its port is in data/postgres.port), migrated by the service's own `db migrate`, then drops it.
# Usage: bench/pgbench-intake.sh [clients=32] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-32}
SECONDS_=${2:-30}
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
[ -n "$PGBENCH" ] || { echo "pgbench not found: apt-get install postgresql-client (or postgresql-contrib)"; exit 2; }
PORT=$(cat "${DOSSIERPOST_DATA_DIR:-./data}/postgres.port")
DB=dossierpost_pgbench
psql() { command psql -h 127.0.0.1 -p "$PORT" -U postgres -qAt "$@"; }
psql -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
trap 'psql -c "DROP DATABASE IF EXISTS $DB"' EXIT
DATABASE_URL="jdbc:postgresql://127.0.0.1:$PORT/$DB" java -jar target/dossierpost.jar db migrate config.yml >/dev/null
"$PGBENCH" -h 127.0.0.1 -p "$PORT" -U postgres -n -f bench/intake.pgbench.sql -c "$CLIENTS" -j 2 -T "$SECONDS_" "$DB" \
  | grep -E "number of transactions actually processed|latency average|tps ="
