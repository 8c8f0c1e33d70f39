#!/bin/sh
# The one-shot schema job of docker-compose.yml (runs in temporalio/admin-tools, Temporal's replacement for what
# temporalio/auto-setup did at every server start): creates Temporal's two databases on the compose PostgreSQL and
# brings their schemas to the pinned version. Safe to run again: an existing schema only gets the newer steps.
set -eu
: "${POSTGRES_SEEDS:?set POSTGRES_SEEDS to the PostgreSQL host}"
: "${POSTGRES_USER:?set POSTGRES_USER}"
: "${POSTGRES_PWD:?set POSTGRES_PWD}"
export SQL_PASSWORD="$POSTGRES_PWD"

sql() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "${DB_PORT:-5432}" -u "$POSTGRES_USER" "$@"; }

# The database names temporalio/server reads by default (DBNAME, VISIBILITY_DBNAME) and their schema directories.
for pair in temporal:temporal temporal_visibility:visibility; do
  db=${pair%%:*}
  dir=/etc/temporal/schema/postgresql/v12/${pair#*:}/versioned
  if sql --db "$db" update-schema -d "$dir"; then
    echo "schema of $db is current"
    continue
  fi
  # update-schema fails when the database or its schema_version table is missing: a first start.
  sql --db "$db" create || echo "database $db exists; setting up its schema"
  sql --db "$db" setup-schema -v 0.0
  sql --db "$db" update-schema -d "$dir"
done
