#!/usr/bin/env bash
# Ensures PostgreSQL 15 and MariaDB are installed and running (no systemd needed),
# each with database `neutrino` and user neutrino/neutrino on 127.0.0.1, where the
# user may also create/drop databases named neutrino_* (tests use one per run).
# Idempotent: safe on a fresh machine and on one where everything already runs.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PG_VERSION="${PG_VERSION:-15}"

as_root() { if (( EUID == 0 )); then "$@"; else sudo "$@"; fi; }
as_postgres() { (cd / && as_root runuser -u postgres -- "$@"); }

# --- install (only what is missing) -------------------------------------------
missing=()
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
installed "postgresql-$PG_VERSION" || missing+=(postgresql)
installed mariadb-server || missing+=(mariadb-server)
if (( ${#missing[@]} )); then
  echo "db-services: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- PostgreSQL -----------------------------------------------------------------
pg_lsclusters -h | grep -q "^$PG_VERSION main " || as_root pg_createcluster "$PG_VERSION" main >/dev/null
as_root pg_ctlcluster "$PG_VERSION" main status >/dev/null 2>&1 || as_root pg_ctlcluster "$PG_VERSION" main start
for _ in $(seq 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "db-services: PostgreSQL not reachable on 127.0.0.1:5432" >&2; exit 1; }
as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'neutrino') THEN CREATE ROLE neutrino; END IF;
END $$;
ALTER ROLE neutrino LOGIN CREATEDB PASSWORD 'neutrino';
SELECT 'CREATE DATABASE neutrino OWNER neutrino'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'neutrino') \gexec
SQL

# --- MariaDB --------------------------------------------------------------------
if ! as_root mysqladmin ping >/dev/null 2>&1; then
  # The Debian init script starts mysqld_safe in the background; no systemd needed.
  as_root /etc/init.d/mariadb start >/dev/null 2>&1 < /dev/null 7>&- 8>&- 9>&- || {
    as_root install -d -o mysql -g root /run/mysqld
    as_root setsid nohup mysqld_safe >/dev/null 2>&1 < /dev/null 7>&- 8>&- 9>&- &
  }
  for _ in $(seq 60); do as_root mysqladmin ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
as_root mysqladmin ping >/dev/null 2>&1 || { echo "db-services: MariaDB did not start" >&2; exit 1; }
as_root mysql -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS neutrino;
CREATE USER IF NOT EXISTS 'neutrino'@'localhost' IDENTIFIED BY 'neutrino';
CREATE USER IF NOT EXISTS 'neutrino'@'127.0.0.1' IDENTIFIED BY 'neutrino';
ALTER USER 'neutrino'@'localhost' IDENTIFIED BY 'neutrino';
ALTER USER 'neutrino'@'127.0.0.1' IDENTIFIED BY 'neutrino';
GRANT ALL PRIVILEGES ON `neutrino%`.* TO 'neutrino'@'localhost';
GRANT ALL PRIVILEGES ON `neutrino%`.* TO 'neutrino'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL

# --- verify as the application user -----------------------------------------------
PGPASSWORD=neutrino psql -qAt "postgresql://neutrino@127.0.0.1:5432/neutrino" -c 'select 1' >/dev/null
mysql -h127.0.0.1 -P3306 -uneutrino -pneutrino neutrino -Nse 'select 1' >/dev/null
echo "db-services: PostgreSQL $PG_VERSION on 127.0.0.1:5432 and MariaDB on 127.0.0.1:3306 ready (db/user/password: neutrino)"
