#!/usr/bin/env bash
# Installs (if needed) and starts Debian's PostgreSQL, and makes the role and database the tests use.
# Prints the URL to put in TEST_DATABASE_URL. Run as root on Debian.
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $2}')
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  cluster=main
  pg_createcluster "$version" "$cluster" >/dev/null
fi
if ! pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi
port=$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')

su postgres -c "psql -q -p $port" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'civic') THEN
    CREATE ROLE civic LOGIN PASSWORD 'civic';
  END IF;
END \$\$;
SQL
if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'civic_comments_test'\"" | grep -q 1; then
  su postgres -c "createdb -p $port -O civic civic_comments_test"
fi
echo "postgres://civic:civic@127.0.0.1:$port/civic_comments_test"
