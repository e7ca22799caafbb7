#!/usr/bin/env bash
# Ensures a local OpenStack Keystone (Debian's `keystone`, Zed) answers on 127.0.0.1:5000, without
# systemd, with the accounts Neutrino, tempest and the openstack CLI need:
#   - keystone.conf with fernet tokens and a MariaDB database `keystone` (user keystone/keystone on
#     localhost; MariaDB is installed and started if needed) -- or, with --db sqlite, SQLite at
#     /var/lib/keystone/keystone.db (fine for a single client, but concurrent writers such as
#     tempest's dynamic credentials get "database is locked" from uwsgi's workers),
#   - db_sync, fernet_setup, credential_setup and bootstrap (admin/admin, region RegionOne),
#   - uwsgi serving keystone-wsgi-public in the background (--http11-socket 127.0.0.1:5000), one
#     process with an in-memory cache and cheap bcrypt: fast enough for tempest on 2 cores,
#   - projects service/demo/alt, users neutron/neutron (roles admin and service in project service),
#     demo/demo and alt/alt (member of their projects), roles admin/member/reader/service,
#   - the `network` service with public/internal/admin endpoints at NEUTRINO_URL.
# Idempotent: quick when everything is already there. Files: openrc files for admin, demo, alt
# and neutron in /etc/keystone/openrc/ (source one to use the openstack CLI).
#
#   scripts/keystone-services.sh [--neutrino-url URL] [--db mariadb|sqlite] [--restart] [--stop]
#
#   --db KIND           Keystone's own database (default $KEYSTONE_DB or mariadb)
#   --neutrino-url URL  where the network endpoints point (default $NEUTRINO_URL or
#                       http://127.0.0.1:9696); an existing endpoint is updated when it differs
#   --restart           restart uwsgi even when Keystone already answers (after a config change)
#   --stop              stop the uwsgi this script started, then exit
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

NEUTRINO_URL="${NEUTRINO_URL:-http://127.0.0.1:9696}"
KEYSTONE_HOST="${KEYSTONE_HOST:-127.0.0.1}"
KEYSTONE_PORT="${KEYSTONE_PORT:-5000}"
KEYSTONE_URL="http://$KEYSTONE_HOST:$KEYSTONE_PORT/v3"
ADMIN_PASSWORD="${KEYSTONE_ADMIN_PASSWORD:-admin}"
REGION=RegionOne
CONF=/etc/keystone/keystone.conf
DB=/var/lib/keystone/keystone.db
RUN_DIR=/run/keystone-neutrino
PIDFILE="$RUN_DIR/uwsgi.pid"
UWSGI_LOG=/var/log/keystone/uwsgi.log
OPENRC_DIR=/etc/keystone/openrc

KEYSTONE_DB="${KEYSTONE_DB:-mariadb}"
restart=false
stop_only=false
while (($#)); do
  case "$1" in
    --neutrino-url) NEUTRINO_URL="$2"; shift 2 ;;
    --db) KEYSTONE_DB="$2"; shift 2 ;;
    --restart) restart=true; shift ;;
    --stop) stop_only=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "keystone-services: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

# one run at a time: concurrent runs raced to create the network service twice
exec 8>/tmp/keystone-services.lock
flock -w 900 8 || { echo "keystone-services: another run holds /tmp/keystone-services.lock" >&2; exit 1; }

as_root() { if (( EUID == 0 )); then "$@"; else sudo "$@"; fi; }
log() { echo "keystone-services: $*" >&2; }
fail() { log "$*"; exit 1; }
as_keystone() { as_root runuser -u keystone -- "$@"; }
keystone_up() { curl -sf -m 3 -o /dev/null "$KEYSTONE_URL"; }

stop_uwsgi() {
  [[ -f "$PIDFILE" ]] || return 0
  local pid i
  pid="$(cat "$PIDFILE")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    as_root kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    as_root kill -KILL "$pid" 2>/dev/null || true
  fi
  as_root rm -f "$PIDFILE"
}

case "$KEYSTONE_DB" in
  mariadb) DB_CONNECTION="mysql+pymysql://keystone:keystone@localhost/keystone?charset=utf8" ;;
  sqlite) DB_CONNECTION="sqlite:///$DB" ;;
  *) fail "--db must be mariadb or sqlite" ;;
esac

if $stop_only; then
  stop_uwsgi
  log "stopped"
  exit 0
fi

# --- install (only what is missing) ------------------------------------------------------------
missing=()
pkgs=(keystone python3-openstackclient uwsgi uwsgi-plugin-python3 curl)
[[ "$KEYSTONE_DB" == mariadb ]] && pkgs+=(mariadb-server python3-pymysql)
for pkg in "${pkgs[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  log "installing ${missing[*]}"
  # Keep the package's own init script from starting a Keystone on :5000 (ours runs there).
  policy_rc=/usr/sbin/policy-rc.d
  added_policy=false
  if [[ ! -e "$policy_rc" ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy_rc" >/dev/null
    as_root chmod +x "$policy_rc"
    added_policy=true
  fi
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null || { $added_policy && as_root rm -f "$policy_rc"; exit 1; }
  $added_policy && as_root rm -f "$policy_rc"
fi
getent passwd keystone >/dev/null || fail "the keystone package did not create the keystone user"

# --- MariaDB (started without systemd, as scripts/db-services.sh does) ----------------------------
if [[ "$KEYSTONE_DB" == mariadb ]]; then
  if ! as_root mysqladmin ping >/dev/null 2>&1; then
    as_root /etc/init.d/mariadb start >/dev/null 2>&1 < /dev/null 8>&- || {
      as_root install -d -o mysql -g root /run/mysqld
      as_root setsid nohup mysqld_safe >/dev/null 2>&1 < /dev/null 8>&- &
    }
    for _ in $(seq 60); do as_root mysqladmin ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  as_root mysqladmin ping >/dev/null 2>&1 || fail "MariaDB did not start"
  as_root mysql -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS keystone;
CREATE USER IF NOT EXISTS 'keystone'@'localhost' IDENTIFIED BY 'keystone';
CREATE USER IF NOT EXISTS 'keystone'@'127.0.0.1' IDENTIFIED BY 'keystone';
GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'localhost';
GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
fi

# --- keystone.conf ----------------------------------------------------------------------------
as_root install -d -o keystone -g keystone -m 0750 /var/lib/keystone /var/log/keystone
as_root install -d -o keystone -g keystone -m 0750 /etc/keystone/fernet-keys /etc/keystone/credential-keys
as_root install -d -m 0755 "$RUN_DIR"
[[ -f /var/log/keystone/keystone.log ]] || as_root install -o keystone -g keystone -m 0640 /dev/null /var/log/keystone/keystone.log
if [[ -f "$CONF" && ! -f "$CONF.debian" ]] && ! grep -q 'keystone-services.sh' "$CONF"; then
  as_root cp -p "$CONF" "$CONF.debian"
fi
conf_text="$(cat <<CONFEOF
# Written by Neutrino's scripts/keystone-services.sh (the package's original: keystone.conf.debian).
[DEFAULT]
log_dir = /var/log/keystone
log_file = keystone.log
debug = false

[database]
connection = $DB_CONNECTION

[token]
provider = fernet
expiration = 3600

[fernet_tokens]
key_repository = /etc/keystone/fernet-keys/

[credential]
key_repository = /etc/keystone/credential-keys/

[catalog]
driver = sql

[identity]
# bcrypt's cheapest cost: every password authentication and user creation hashes, and tempest
# creates and authenticates users for each test class (the default, 12, costs ~250 ms of CPU each).
password_hash_rounds = 4

[cache]
# In-process cache (one uwsgi process, so it is never stale): tokens, roles, assignments. Without it
# every request re-reads them from the database, and Keystone is the bottleneck of a tempest run.
enabled = true
backend = dogpile.cache.memory
expiration_time = 600

[oslo_policy]
policy_dirs = /etc/keystone/policy.d
CONFEOF
)"
conf_changed=false
if [[ ! -f "$CONF" ]] || [[ "$(cat "$CONF")" != "$conf_text" ]]; then
  printf '%s\n' "$conf_text" | as_root tee "$CONF" >/dev/null
  as_root chown root:keystone "$CONF"
  as_root chmod 0640 "$CONF"
  conf_changed=true
fi

# Role names (one a line) of a token for user $1 / password $2 scoped to project $3, in domain
# Default; nothing when that authentication fails. One HTTP call: a quick check of what exists.
token_roles() {
  local body
  body="$(curl -sf -m 20 -H 'Content-Type: application/json' -d "{\"auth\": {\"identity\": {\"methods\": [\"password\"],
    \"password\": {\"user\": {\"name\": \"$1\", \"domain\": {\"id\": \"default\"}, \"password\": \"$2\"}}},
    \"scope\": {\"project\": {\"name\": \"$3\", \"domain\": {\"id\": \"default\"}}}}}" \
    "$KEYSTONE_URL/auth/tokens" 2>/dev/null)" || return 0
  python3 -c 'import json,sys; [print(r["name"]) for r in json.load(sys.stdin)["token"]["roles"]]' <<<"$body"
}
ours_running() { [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

# Already set up and serving with this configuration: skip keystone-manage (slow to start).
settled=false
if ours_running && ! $restart && ! $conf_changed && keystone_up \
   && grep -qx admin <<<"$(token_roles admin "$ADMIN_PASSWORD" admin)"; then
  settled=true
fi

# --- database, keys, bootstrap -------------------------------------------------------------------
if ! $settled; then
  # All four are idempotent in keystone-manage itself; they run as the keystone user so that the
  # files they create belong to the account uwsgi serves with.
  as_keystone keystone-manage db_sync >/dev/null 2>&1 || {
    as_keystone keystone-manage db_sync; fail "keystone-manage db_sync failed"; }
  quiet() { # runs "$@", showing its output only when it fails
    local out rc=0
    out="$("$@" 2>&1)" || rc=$?
    (( rc == 0 )) || { printf '%s\n' "$out" >&2; fail "failed: $*"; }
  }
  if ! as_root test -f /etc/keystone/fernet-keys/0; then
    quiet as_root keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone
  fi
  if ! as_root test -f /etc/keystone/credential-keys/0; then
    quiet as_root keystone-manage credential_setup --keystone-user keystone --keystone-group keystone
  fi
  as_keystone keystone-manage bootstrap \
    --bootstrap-password "$ADMIN_PASSWORD" \
    --bootstrap-username admin --bootstrap-project-name admin --bootstrap-role-name admin \
    --bootstrap-service-name keystone --bootstrap-region-id "$REGION" \
    --bootstrap-admin-url "$KEYSTONE_URL/" \
    --bootstrap-public-url "$KEYSTONE_URL/" \
    --bootstrap-internal-url "$KEYSTONE_URL/" >/dev/null 2>&1 || {
    as_keystone keystone-manage bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
      --bootstrap-region-id "$REGION" --bootstrap-admin-url "$KEYSTONE_URL/" \
      --bootstrap-public-url "$KEYSTONE_URL/" --bootstrap-internal-url "$KEYSTONE_URL/"
    fail "keystone-manage bootstrap failed"; }
fi

# --- uwsgi -----------------------------------------------------------------------------------------
if ours_running && { $restart || $conf_changed; }; then
  log "restarting uwsgi"
  stop_uwsgi
fi
if ! ours_running; then
  if keystone_up; then
    # Something else (e.g. the package's init script) serves :5000; ours replaces it.
    as_root /etc/init.d/keystone stop >/dev/null 2>&1 || true
    sleep 1
    keystone_up && fail "something that this script did not start answers on $KEYSTONE_URL: stop it first"
  fi
  as_root rm -f "$PIDFILE"
  # --http11-socket: keep-alive and correct handling of bodiless PUTs (--http-socket resets them).
  # One process (its in-memory cache must be the only one) with 16 threads.
  as_root uwsgi --plugins python3 --master --die-on-term --lazy-apps --enable-threads \
    --http11-socket "$KEYSTONE_HOST:$KEYSTONE_PORT" --wsgi-file /usr/bin/keystone-wsgi-public \
    --processes 1 --threads 16 --buffer-size 65535 --listen 100 \
    --uid keystone --gid keystone --chdir /var/lib/keystone \
    --pidfile "$PIDFILE" --daemonize "$UWSGI_LOG" >/dev/null 8>&-
fi
for _ in $(seq 120); do keystone_up && break; sleep 0.5; done
keystone_up || { tail -n 30 "$UWSGI_LOG" >&2 || true; fail "Keystone does not answer on $KEYSTONE_URL (log: $UWSGI_LOG)"; }

# --- accounts, service, endpoints (openstack CLI as admin) -------------------------------------
export OS_AUTH_URL="$KEYSTONE_URL" OS_IDENTITY_API_VERSION=3 OS_REGION_NAME="$REGION" \
  OS_USERNAME=admin OS_PASSWORD="$ADMIN_PASSWORD" OS_PROJECT_NAME=admin \
  OS_USER_DOMAIN_NAME=Default OS_PROJECT_DOMAIN_NAME=Default OS_INTERFACE=public
unset OS_CLOUD OS_TOKEN OS_AUTH_TYPE OS_PROJECT_ID OS_TENANT_NAME OS_TENANT_ID 2>/dev/null || true
osc() { openstack "$@"; }

# The CLI starts slowly (2-20 s a call on a busy 2-core machine): one listing per kind tells what
# already exists, and only what is missing is created.
projects="$(osc project list -f value -c Name)"
users="$(osc user list -f value -c Name)"
roles="$(osc role list -f value -c Name)"
has() { grep -qxF "$2" <<<"$1"; }

for role in admin member reader service; do
  has "$roles" "$role" || osc role create "$role" >/dev/null
done
ensure_project() {
  has "$projects" "$1" || osc project create --domain default --description "$2" "$1" >/dev/null
}
ensure_user() { # name password project role...
  local name="$1" password="$2" project="$3" role have
  shift 3
  if has "$users" "$name"; then
    have="$(token_roles "$name" "$password" "$project")"
    [[ -n "$have" ]] || osc user set --password "$password" --project "$project" "$name" >/dev/null
  else
    osc user create --domain default --password "$password" --project "$project" "$name" >/dev/null
    have=""
  fi
  for role in "$@"; do
    has "$have" "$role" || osc role add --project "$project" --user "$name" "$role" >/dev/null
  done
}
ensure_project service "Service accounts"
ensure_project demo "Demo project"
ensure_project alt "Alternate demo project"
ensure_user neutron neutron service admin service
ensure_user demo demo demo member
ensure_user alt alt alt member

network_services() { osc service list -f value -c ID -c Type | awk '$2 == "network" {print $1}'; }
services="$(network_services)"
if [[ -z "$services" ]]; then
  osc service create --name neutron --description "OpenStack Networking (Neutrino)" network >/dev/null
  services="$(network_services)"
fi
# two runs that raced (before the lock above existed) each created one: keep the first; a service's
# endpoints go with it
service="$(head -n 1 <<<"$services")"
for extra in $(tail -n +2 <<<"$services"); do osc service delete "$extra" >/dev/null; done
endpoints="$(osc endpoint list --service "$service" -f value -c ID -c Interface -c URL)"
for iface in public internal admin; do
  line="$(awk -v i="$iface" '$2 == i' <<<"$endpoints" | head -n 1)"
  if [[ -z "$line" ]]; then
    osc endpoint create --region "$REGION" "$service" "$iface" "$NEUTRINO_URL" >/dev/null
  elif [[ "$(awk '{print $3}' <<<"$line")" != "$NEUTRINO_URL" ]]; then
    osc endpoint set --url "$NEUTRINO_URL" "$(awk '{print $1}' <<<"$line")" >/dev/null
  fi
done

# --- openrc files -------------------------------------------------------------------------------------
as_root install -d -m 0755 "$OPENRC_DIR"
write_openrc() { # user password project
  cat <<RC | as_root tee "$OPENRC_DIR/$1" >/dev/null
export OS_AUTH_URL=$KEYSTONE_URL
export OS_IDENTITY_API_VERSION=3
export OS_REGION_NAME=$REGION
export OS_INTERFACE=public
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_USERNAME=$1
export OS_PASSWORD=$2
export OS_PROJECT_NAME=$3
RC
}
write_openrc admin "$ADMIN_PASSWORD" admin
write_openrc neutron neutron service
write_openrc demo demo demo
write_openrc alt alt alt

cat <<SUMMARY
keystone-services: Keystone ready
  identity:      $KEYSTONE_URL (uwsgi pid $(cat "$PIDFILE"), log $UWSGI_LOG, db ${DB_CONNECTION%%\?*})
  admin:         admin / $ADMIN_PASSWORD, project admin (domain Default)
  service user:  neutron / neutron, project service, roles admin + service
  demo users:    demo / demo in project demo, alt / alt in project alt (role member)
  roles:         admin member reader service
  network:       endpoints public/internal/admin -> $NEUTRINO_URL (region $REGION)
  openrc files:  $OPENRC_DIR/{admin,neutron,demo,alt}
SUMMARY
