#!/usr/bin/env bash
# Starts the real Python Neutron server (Debian's neutron-server, OpenStack Zed 21) for the
# benchmark: installs it if missing, writes a config under --dir, creates a fresh database of the
# chosen kind, runs `neutron-db-manage upgrade heads` (or restores its cached result, see below),
# starts `neutron-server` in the background (its own process group, no systemd) and waits until
# GET / answers. Stop it with stop-neutron.sh.
#
#   bench/peer/setup-neutron.sh [--db mariadb|postgresql] [--port 29696] [--dir DIR]
#                               [--api-workers 2] [--service-plugins LIST] [--database NAME]
#                               [--no-schema-cache] [--ovn NB_REMOTE,SB_REMOTE]
#                               [--extra-config FILE]
#
# --extra-config FILE is given to neutron-server as a second --config-file: its options override
# the written ones (e.g. auth_strategy = keystone with [keystone_authtoken], or a [nova] section
# with notify_nova_on_port_*_changes = true, as scenario/nova.sh does).
#
# Idempotent: a server still running from the same --dir is stopped first; the database is
# always recreated empty. Prints "PID URL" on stdout.
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../lib.sh"

db=mariadb
port=29696
dir="${TMPDIR:-/tmp}/neutrino-bench/neutron"
# 2 API workers: one per core of the 2-core benchmark machine (what Neutron's default,
# api_workers = number of CPUs, would pick here too).
api_workers=2
service_plugins=""
database=neutrino_bench_peer
schema_cache="${BENCH_SCHEMA_CACHE:-/var/tmp/neutrino-bench}"
use_cache=1
ovn=""
extra_config=""
while (($#)); do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --api-workers) api_workers="$2"; shift 2 ;;
    --service-plugins) service_plugins="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --no-schema-cache) use_cache=0; shift ;;
    --ovn) ovn="$2"; shift 2 ;;
    --extra-config) extra_config="$(readlink -f "$2")"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
case "$db" in mariadb|postgresql) ;; *) die "--db must be mariadb or postgresql" ;; esac
[[ -z "$extra_config" || -r "$extra_config" ]] || die "--extra-config: cannot read '$extra_config'"

# --- install (only what is missing) ------------------------------------------------------
missing=()
for pkg in neutron-server python3-pymysql python3-psycopg2; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
fi
# The packages' init scripts may have started a system neutron-server; ours uses its own port.

db_services

# --- config -----------------------------------------------------------------------------
mkdir -p "$dir/state/lock"
stop_group "$dir/neutron-server.pid"
url="http://127.0.0.1:$port"
http_up "$url/" && die "something already answers on $url: stop it or choose --port"

case "$db" in
  mariadb) connection="$(db_url mariadb "$database")" ;;
  postgresql) connection="$(db_url postgresql "$database")" ;;
esac
cat >"$dir/neutron.conf" <<CONF
# Written by bench/peer/setup-neutron.sh: API-only Neutron for the side-by-side benchmark.
[DEFAULT]
core_plugin = ml2
service_plugins = $service_plugins
auth_strategy = noauth
bind_host = 127.0.0.1
bind_port = $port
state_path = $dir/state
api_paste_config = /etc/neutron/api-paste.ini
transport_url = fake:/
api_workers = $api_workers
rpc_workers = 0
rpc_state_report_workers = 0
# No agents and no Nova here: do not look up DHCP agents or notify Nova on every port change.
dhcp_agent_notification = false
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
debug = false
use_stderr = false

[database]
connection = $connection

[ml2]
type_drivers = flat,geneve
tenant_network_types = geneve
# No mechanism driver (no OVN): ports are created and stay unbound; --ovn: ML2/OVN.
mechanism_drivers = ${ovn:+ovn}
extension_drivers = port_security

[ml2_type_geneve]
vni_ranges = 1:65536
max_header_size = 38

[ovn]
ovn_nb_connection = ${ovn%%,*}
ovn_sb_connection = ${ovn#*,}
ovn_metadata_enabled = false

[oslo_concurrency]
lock_path = $dir/state/lock

[agent]
root_helper = sudo

[quotas]
# Unlimited, as in Neutrino's benchmark config: the workload creates thousands of ports.
default_quota = -1
quota_network = -1
quota_subnet = -1
quota_port = -1
quota_router = -1
quota_floatingip = -1
quota_security_group = -1
quota_security_group_rule = -1
CONF

# --- database ---------------------------------------------------------------------------
# `neutron-db-manage upgrade heads` takes 10-40 s here, so its result (schema and the few rows
# the migrations insert) is dumped once per Neutron version and database kind and restored into
# the fresh database next time: the same starting state, in a few seconds. --no-schema-cache
# always runs the migrations.
version="$(dpkg-query -W -f '${Version}' neutron-common | tr -c 'A-Za-z0-9.+-' '_')"
cache="$schema_cache/neutron-$version-$db.sql"
db_fresh "$db" "$database"
if [[ -s "$cache" && "$use_cache" == 1 ]]; then
  say "neutron: fresh $db database $database from the schema of neutron-db-manage upgrade heads ($cache)"
  db_restore "$db" "$database" "$cache"
else
  say "neutron: fresh $db database $database, neutron-db-manage upgrade heads"
  if ! neutron-db-manage --config-file "$dir/neutron.conf" upgrade heads >"$dir/db-manage.log" 2>&1; then
    tail -n 30 "$dir/db-manage.log" >&2
    die "neutron-db-manage failed (log: $dir/db-manage.log)"
  fi
  mkdir -p "$schema_cache"
  db_dump "$db" "$database" >"$cache.tmp" && mv "$cache.tmp" "$cache"
fi

# --- start ------------------------------------------------------------------------------
: >"$dir/neutron-server.log"
setsid neutron-server --config-file "$dir/neutron.conf" ${extra_config:+--config-file "$extra_config"} --log-file "$dir/neutron-server.log" \
  </dev/null >"$dir/neutron-server.out" 2>&1 &
pid=$!
echo "$pid" >"$dir/neutron-server.pid"
if ! wait_http "$url/" 120 "$pid"; then
  tail -n 40 "$dir/neutron-server.log" "$dir/neutron-server.out" >&2 || true
  stop_group "$dir/neutron-server.pid"
  die "neutron-server did not answer on $url"
fi
say "neutron-server pid $pid listening on $url (config $dir/neutron.conf)"
echo "$pid $url"
