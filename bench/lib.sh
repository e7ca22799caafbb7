# Shared helpers of the bench scripts (sourced, not run).
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
DB_USER=neutrino
DB_PASS=neutrino

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Recreates database $2 (a neutrino_* name, which user neutrino may create) of kind $1: empty.
db_fresh() {
  local kind="$1" name="$2"
  [[ "$name" =~ ^neutrino_[a-z0-9_]+$ ]] || die "bad database name '$name'"
  case "$kind" in
    mariadb)
      mysql -h127.0.0.1 -P3306 -u"$DB_USER" -p"$DB_PASS" -e \
        "DROP DATABASE IF EXISTS \`$name\`; CREATE DATABASE \`$name\`" ;;
    postgresql)
      PGPASSWORD="$DB_PASS" PGOPTIONS="-c client_min_messages=warning" \
        dropdb -h 127.0.0.1 -U "$DB_USER" --if-exists --force "$name"
      PGPASSWORD="$DB_PASS" createdb -h 127.0.0.1 -U "$DB_USER" "$name" ;;
    *) die "unknown database kind '$kind' (mariadb or postgresql)" ;;
  esac
}

db_drop() {
  local kind="$1" name="$2"
  case "$kind" in
    mariadb) mysql -h127.0.0.1 -P3306 -u"$DB_USER" -p"$DB_PASS" -e "DROP DATABASE IF EXISTS \`$name\`" ;;
    postgresql) PGPASSWORD="$DB_PASS" PGOPTIONS="-c client_min_messages=warning" \
        dropdb -h 127.0.0.1 -U "$DB_USER" --if-exists --force "$name" ;;
  esac
}

# Dumps database $2 of kind $1 (schema and rows) as SQL on stdout.
db_dump() {
  case "$1" in
    mariadb) mysqldump -h127.0.0.1 -P3306 -u"$DB_USER" -p"$DB_PASS" --single-transaction --skip-lock-tables \
               --skip-comments "$2" ;;
    postgresql) PGPASSWORD="$DB_PASS" pg_dump -h 127.0.0.1 -U "$DB_USER" --no-owner --no-privileges "$2" ;;
  esac
}

# Loads SQL file $3 into database $2 of kind $1.
db_restore() {
  case "$1" in
    mariadb) mysql -h127.0.0.1 -P3306 -u"$DB_USER" -p"$DB_PASS" "$2" <"$3" ;;
    postgresql) PGPASSWORD="$DB_PASS" psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "$DB_USER" -d "$2" \
                  -f "$3" >/dev/null ;;
  esac
}

# The SQLAlchemy URL both servers accept for database $2 of kind $1.
db_url() {
  case "$1" in
    mariadb) echo "mysql+pymysql://$DB_USER:$DB_PASS@127.0.0.1:3306/$2?charset=utf8" ;;
    postgresql) echo "postgresql+psycopg2://$DB_USER:$DB_PASS@127.0.0.1:5432/$2" ;;
    *) die "unknown database kind '$1'" ;;
  esac
}

# Makes sure PostgreSQL and MariaDB are up (the project's script; idempotent, quick when running).
db_services() {
  if mysqladmin -h127.0.0.1 -u"$DB_USER" -p"$DB_PASS" ping >/dev/null 2>&1 \
      && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    return 0
  fi
  bash "$ROOT_DIR/scripts/db-services.sh" >&2
}

# True when something answers HTTP on $1.
http_up() { curl -s -o /dev/null -m 2 "$1"; }

# Waits up to $2 seconds for GET $1 to answer while process $3 lives.
wait_http() {
  local url="$1" limit="$2" pid="$3" i
  for ((i = 0; i < limit * 4; i++)); do
    http_up "$url" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.25
  done
  return 1
}

# Stops the process group started by setsid whose leader's pid is in file $1 (TERM, then KILL).
stop_group() {
  local pidfile="$1" pid i
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

java_home() { bash "$ROOT_DIR/scripts/java-home.sh" 21; }

# Prints the comment block at the top of the calling script (its usage).
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
