#!/usr/bin/env bash
# Ensures a small real OpenStack compute cloud (Debian's Zed packages) runs on this machine, without
# systemd, beside the Keystone of scripts/keystone-services.sh (started first; it owns the accounts
# and the `network` endpoint, which is where Nova finds Neutrino):
#   - RabbitMQ (rabbitmq-server, node rabbit@localhost on 127.0.0.1:5672, guest/guest) and its epmd,
#     both in the foreground under our own pid files,
#   - MariaDB databases nova_api, nova, nova_cell0, placement, glance (users nova, placement, glance,
#     password = user name; MariaDB is started if needed, as scripts/db-services.sh does),
#   - Placement under uwsgi on 127.0.0.1:8778 (OS_PLACEMENT_CONFIG_DIR=/etc/placement),
#   - Glance (glance-api, file store in /var/lib/glance/images) on 127.0.0.1:9292, with a public raw
#     image `cirros` (1 MiB of zeros: the fake driver never reads it),
#   - nova-api (127.0.0.1:8774; its metadata API on 127.0.0.1:8775, shared secret $NOVA_METADATA_SECRET
#     or neutrino-metadata-secret), nova-conductor, nova-scheduler and two compute services from
#     python3-nova with compute_driver = fake.FakeLiveMigrateDriver and host names compute1 and
#     compute2 (or --compute-hosts), cells cell0 and cell1, both hosts discovered, a flavor m1.nano,
#   - Keystone users nova, placement, glance (password = name; roles admin and service in project
#     service) and the compute, placement and image services with public/internal/admin endpoints.
# nova.conf's [neutron] logs in as the service user neutron (from keystone-services.sh) and takes
# the network endpoint from the catalog. Nova keeps its token, and the catalog with it, for an hour:
# after the network endpoint moves (keystone-services.sh --neutrino-url), use --restart.
# Idempotent: quick when everything already runs with the same configuration. Files: configs in
# /etc/nova (nova.conf, nova-compute-HOST.conf), /etc/placement, /etc/glance (the packages' own as
# *.debian); pid files in /run/nova-neutrino; logs in /var/log/{nova,placement,glance,rabbitmq}.
#
#   scripts/nova-services.sh [--compute-hosts H1,H2] [--restart] [--stop]
#
#   --compute-hosts H1,H2  host names of the compute services (default $NOVA_COMPUTE_HOSTS or
#                          compute1,compute2); a port bound to a host is bound in OVN to the chassis
#                          whose hostname is that name
#   --restart              restart the Nova services (api, conductor, scheduler, computes) even when
#                          they run: after the network endpoint moved
#   --stop                 stop every process this script started, then exit
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
(( EUID == 0 )) || exec sudo "$0" "$@" # it starts services as their users and writes /etc, /run

KEYSTONE_URL="http://127.0.0.1:5000/v3"
KEYSTONE_BASE="http://127.0.0.1:5000"
ADMIN_PASSWORD="${KEYSTONE_ADMIN_PASSWORD:-admin}"
REGION=RegionOne
COMPUTE_HOSTS="${NOVA_COMPUTE_HOSTS:-compute1,compute2}"
RUN_DIR=/run/nova-neutrino
STAMP=/var/lib/nova/neutrino-setup.stamp
NOVA_URL=http://127.0.0.1:8774/v2.1
# the secret Nova's metadata API shares with neutron-ovn-metadata-agent
METADATA_SECRET="${NOVA_METADATA_SECRET:-neutrino-metadata-secret}"
PLACEMENT_URL=http://127.0.0.1:8778
GLANCE_URL=http://127.0.0.1:9292
DB_HOST=127.0.0.1
# the system's python, with the packages' modules (not a pyenv shim's)
PY=/usr/bin/python3

restart=false
stop_only=false
while (($#)); do
  case "$1" in
    --compute-hosts) COMPUTE_HOSTS="$2"; shift 2 ;;
    --restart) restart=true; shift ;;
    --stop) stop_only=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "nova-services: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
IFS=, read -r -a hosts <<<"$COMPUTE_HOSTS"
(( ${#hosts[@]} >= 1 )) || { echo "nova-services: --compute-hosts is empty" >&2; exit 2; }
for h in "${hosts[@]}"; do
  [[ "$h" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || { echo "nova-services: bad host name '$h'" >&2; exit 2; }
done

as_root() { if (( EUID == 0 )); then "$@"; else sudo "$@"; fi; }
log() { echo "nova-services: $*" >&2; }
fail() { log "$*"; exit 1; }
as_user() { local u="$1"; shift; as_root runuser -u "$u" -- "$@"; }
quiet() { # runs "$@", showing its output only when it fails
  local out rc=0
  out="$("$@" 2>&1)" || rc=$?
  (( rc == 0 )) || { printf '%s\n' "$out" >&2; fail "failed: $*"; }
}
http_up() { curl -s -o /dev/null -m 3 "$1"; }
tcp_up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- processes: each in its own session (pgid = pid) under $RUN_DIR/NAME.pid ---------------------
alive() { [[ -f "$RUN_DIR/$1.pid" ]] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }
stop_proc() { # names...: TERM to each one's process group, together; KILL what remains after 15 s
  local n f pid i pids=()
  for n in "$@"; do
    f="$RUN_DIR/$n.pid"
    [[ -f "$f" ]] || continue
    pid="$(cat "$f")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$f"
  done
  for ((i = 0; i < 60; i++)); do
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && break; pid=; done
    [[ -z "${pid:-}" ]] && return 0
    sleep 0.25
  done
  # (nova's services wait up to graceful_shutdown_timeout for their RPC work)
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
}
start_proc() { # name user logfile command...: started in its own session as user, output to logfile
  local name="$1" user="$2" logfile="$3"; shift 3
  [[ -f "$logfile.out" ]] || install -o "$user" -m 0640 /dev/null "$logfile.out"
  # (run directly, not through a shell function: $! must be the service itself; setsid execs it, as
  # a background job of a script is no process group leader)
  setsid setpriv --reuid "$user" --regid "$user" --init-groups -- "$@" </dev/null >>"$logfile.out" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
}
services=(nova-compute-"${hosts[0]}")
for h in "${hosts[@]:1}"; do services+=("nova-compute-$h"); done

stop_all() { # the services first (together), then RabbitMQ, then its epmd
  local f computes=()
  for f in "$RUN_DIR"/nova-compute-*.pid; do [[ -e "$f" ]] && computes+=("$(basename "$f" .pid)"); done
  stop_proc nova-api nova-conductor nova-scheduler "${computes[@]}" glance-api placement
  stop_proc rabbitmq
  stop_proc epmd
}

if $stop_only; then
  stop_all
  log "stopped"
  exit 0
fi

# --- install (only what is missing) ------------------------------------------------------------
missing=()
for pkg in rabbitmq-server placement-api glance-api nova-api nova-conductor nova-scheduler python3-nova \
           python3-openstackclient python3-pymysql mariadb-server uwsgi uwsgi-plugin-python3 curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  log "installing ${missing[*]}"
  policy_rc=/usr/sbin/policy-rc.d
  added_policy=false
  if [[ ! -e "$policy_rc" ]]; then # keep the packages' init scripts from starting anything
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy_rc" >/dev/null
    as_root chmod +x "$policy_rc"
    added_policy=true
  fi
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { $added_policy && as_root rm -f "$policy_rc"; exit 1; }
  $added_policy && as_root rm -f "$policy_rc"
fi
as_root install -d -m 0755 "$RUN_DIR"
curl -sf -m 5 -o /dev/null "$KEYSTONE_URL" \
  || fail "Keystone does not answer on $KEYSTONE_URL: run scripts/keystone-services.sh first"

# --- MariaDB ------------------------------------------------------------------------------------
if ! as_root mysqladmin ping >/dev/null 2>&1; then
  as_root /etc/init.d/mariadb start >/dev/null 2>&1 < /dev/null 7>&- 8>&- 9>&- || {
    as_root install -d -o mysql -g root /run/mysqld
    as_root setsid nohup mysqld_safe >/dev/null 2>&1 < /dev/null 7>&- 8>&- 9>&- &
  }
  for _ in $(seq 60); do as_root mysqladmin ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
as_root mysqladmin ping >/dev/null 2>&1 || fail "MariaDB did not start"
{
  for db in nova_api:nova nova:nova nova_cell0:nova placement:placement glance:glance; do
    echo "CREATE DATABASE IF NOT EXISTS ${db%%:*};"
  done
  for user in nova placement glance; do
    for h in localhost 127.0.0.1; do
      echo "CREATE USER IF NOT EXISTS '$user'@'$h' IDENTIFIED BY '$user';"
    done
  done
  for db in nova_api:nova nova:nova nova_cell0:nova placement:placement glance:glance; do
    for h in localhost 127.0.0.1; do echo "GRANT ALL PRIVILEGES ON ${db%%:*}.* TO '${db#*:}'@'$h';"; done
  done
  echo "FLUSH PRIVILEGES;"
} | as_root mysql -uroot
dburl() { echo "mysql+pymysql://$1:$1@$DB_HOST/$2?charset=utf8"; }

# --- configuration files (rewritten only when they differ; a change restarts the service) --------
changed=() # names of files that changed
write_conf() { # path owner-group mode: the text on stdin
  local path="$1" text
  text="$(cat)"
  if [[ -f "$path" && ! -f "$path.debian" ]] && ! grep -q 'nova-services.sh' "$path"; then
    as_root cp -p "$path" "$path.debian"
  fi
  if [[ ! -f "$path" ]] || [[ "$(as_root cat "$path")" != "$text" ]]; then
    printf '%s\n' "$text" | as_root tee "$path" >/dev/null
    as_root chown "root:$2" "$path"
    as_root chmod "$3" "$path"
    changed+=("$path")
  fi
}
authtoken() { # user: a [keystone_authtoken]-style login block for that service user
  cat <<EOF
www_authenticate_uri = $KEYSTONE_BASE
auth_url = $KEYSTONE_BASE
auth_type = password
username = $1
password = $1
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
EOF
}
login() { # user [password]: a keystoneauth password login (for [neutron], [placement], [nova] ...)
  cat <<EOF
auth_url = $KEYSTONE_BASE
auth_type = password
username = $1
password = ${2:-$1}
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = $REGION
EOF
}
header="# Written by Neutrino's scripts/nova-services.sh (the package's original: *.debian)."

as_root install -d -o placement -g placement -m 0750 /var/lib/placement /var/log/placement
write_conf /etc/placement/placement.conf placement 0640 <<EOF
$header
[DEFAULT]
debug = false

[api]
auth_strategy = keystone

[keystone_authtoken]
$(authtoken placement)

[placement_database]
connection = $(dburl placement placement)

[oslo_policy]
policy_dirs = /etc/placement/policy.d
EOF

as_root install -d -o glance -g glance -m 0750 /var/lib/glance /var/log/glance
as_root install -d -o glance -g glance -m 0755 /var/lib/glance/images /var/lib/glance/staging \
  /var/lib/glance/tasks_work_dir /var/lock/glance
write_conf /etc/glance/glance-api.conf glance 0640 <<EOF
$header
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9292
workers = 1
log_dir = /var/log/glance
log_file = glance-api.log
enabled_backends = fs:file

[database]
connection = $(dburl glance glance)

[glance_store]
default_backend = fs

[fs]
filesystem_store_datadir = /var/lib/glance/images/

[os_glance_staging_store]
filesystem_store_datadir = /var/lib/glance/staging/

[os_glance_tasks_store]
filesystem_store_datadir = /var/lib/glance/tasks_work_dir/

[keystone_authtoken]
$(authtoken glance)

[paste_deploy]
flavor = keystone

[oslo_concurrency]
lock_path = /var/lock/glance
EOF

as_root install -d -o nova -g nova -m 0755 /var/lib/nova /var/lib/nova/tmp
as_root install -d -o nova -g adm -m 0750 /var/log/nova
write_conf /etc/nova/nova.conf nova 0640 <<EOF
$header
[DEFAULT]
my_ip = 127.0.0.1
state_path = /var/lib/nova
log_dir = /var/log/nova
debug = false
transport_url = rabbit://guest:guest@127.0.0.1:5672/
enabled_apis = osapi_compute,metadata
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
# the metadata API, behind neutron-ovn-metadata-agent (scenario/nova.sh)
metadata_listen = 127.0.0.1
metadata_listen_port = 8775
metadata_workers = 1
compute_driver = fake.FakeLiveMigrateDriver
# the fake driver plugs nothing: do not wait for network-vif-plugged before ACTIVE
vif_plugging_is_fatal = false
vif_plugging_timeout = 0

[api]
auth_strategy = keystone

[api_database]
connection = $(dburl nova nova_api)

[database]
connection = $(dburl nova nova)

[keystone_authtoken]
$(authtoken nova)

[service_user]
send_service_user_token = true
$(login nova)

[placement]
$(login nova)
valid_interfaces = public

[glance]
valid_interfaces = public

[neutron]
# Neutron's service user; the endpoint is the catalog's network endpoint (Neutrino's URL)
$(login neutron)
valid_interfaces = public
service_metadata_proxy = true
metadata_proxy_shared_secret = $METADATA_SECRET

[conductor]
workers = 1

[scheduler]
workers = 1
discover_hosts_in_cells_interval = 10

[oslo_concurrency]
lock_path = /var/lib/nova/tmp

[oslo_messaging_notifications]
driver = noop

[wsgi]
api_paste_config = /etc/nova/api-paste.ini
EOF
for h in "${hosts[@]}"; do
  as_root install -d -o nova -g nova -m 0755 "/var/lib/nova/instances-$h"
  write_conf "/etc/nova/nova-compute-$h.conf" nova 0640 <<EOF
$header
# The compute service "$h" (python3 -c 'from nova.cmd.compute import main; main()'), read after nova.conf.
[DEFAULT]
host = $h
instances_path = /var/lib/nova/instances-$h
log_file = nova-compute-$h.log
EOF
done

# --- RabbitMQ (its epmd in the foreground too, so that it stops with it) ----------------------------
rabbit_env=(env HOME=/var/lib/rabbitmq RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
            ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_LOG_BASE=/var/log/rabbitmq RABBITMQ_MNESIA_BASE=/var/lib/rabbitmq/mnesia)
if ! alive rabbitmq || ! tcp_up 5672; then
  stop_proc rabbitmq
  if ! alive epmd; then
    stop_proc epmd
    tcp_up 4369 && fail "an epmd that this script did not start listens on 4369: stop it first"
    start_proc epmd rabbitmq /var/log/rabbitmq/epmd.log "${rabbit_env[@]}" epmd -address 127.0.0.1
    for _ in $(seq 20); do tcp_up 4369 && break; sleep 0.25; done
  fi
  tcp_up 5672 && fail "something that this script did not start listens on 5672: stop it first"
  log "starting RabbitMQ"
  start_proc rabbitmq rabbitmq /var/log/rabbitmq/neutrino.log "${rabbit_env[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server
fi

# --- Keystone accounts, services, endpoints (one Python process: the CLI costs seconds a call) ------
keystone_ready() { # every service user logs in and the catalog has all three services
  local body
  body="$(curl -sf -m 20 -H 'Content-Type: application/json' -d '{"auth": {"identity": {"methods": ["password"],
    "password": {"user": {"name": "nova", "domain": {"id": "default"}, "password": "nova"}}},
    "scope": {"project": {"name": "service", "domain": {"id": "default"}}}}}' "$KEYSTONE_URL/auth/tokens")" || return 1
  "$PY" -c '
import json, sys
c = {s["type"]: s["endpoints"] for s in json.load(sys.stdin)["token"]["catalog"]}
want = {"compute": sys.argv[1], "placement": sys.argv[2], "image": sys.argv[3]}
sys.exit(0 if all(t in c and {e["url"] for e in c[t]} == {u} and len(c[t]) == 3 for t, u in want.items()) else 1)
' "$NOVA_URL" "$PLACEMENT_URL" "$GLANCE_URL" <<<"$body"
}
if ! keystone_ready || [[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "glance", "domain": {"id": "default"}, "password": "glance"}}}, "scope": {"project": {"name": "service", "domain": {"id": "default"}}}}}' "$KEYSTONE_URL/auth/tokens")" != 201 ]]; then
  log "registering users nova, placement, glance and their services in Keystone"
  OS_PASSWORD="$ADMIN_PASSWORD" "$PY" - "$KEYSTONE_URL" "$REGION" "$NOVA_URL" "$PLACEMENT_URL" "$GLANCE_URL" <<'PY'
import os, sys
import openstack
auth_url, region, nova, placement, glance = sys.argv[1:]
c = openstack.connect(auth_url=auth_url, username="admin", password=os.environ["OS_PASSWORD"],
                      project_name="admin", user_domain_name="Default", project_domain_name="Default",
                      region_name=region, identity_api_version="3")
idn = c.identity
project = idn.find_project("service", domain_id="default", ignore_missing=False)
roles = {r.name: r for r in idn.roles()}
for name in ("admin", "service"):
    if name not in roles:
        roles[name] = idn.create_role(name=name)
for name in ("nova", "placement", "glance"):
    user = idn.find_user(name, domain_id="default")
    if user is None:
        user = idn.create_user(name=name, password=name, domain_id="default", default_project_id=project.id)
    else:
        idn.update_user(user, password=name)
    for role in ("admin", "service"):
        idn.assign_project_role_to_user(project, user, roles[role])
for name, kind, url, desc in (("nova", "compute", nova, "OpenStack Compute"),
                              ("placement", "placement", placement, "Placement API"),
                              ("glance", "image", glance, "OpenStack Image")):
    svc = next((s for s in idn.services() if s.type == kind), None)
    if svc is None:
        svc = idn.create_service(name=name, type=kind, description=desc, is_enabled=True)
    have = {e.interface: e for e in idn.endpoints(service_id=svc.id)}
    for iface in ("public", "internal", "admin"):
        e = have.get(iface)
        if e is None:
            idn.create_endpoint(service_id=svc.id, interface=iface, url=url, region_id=region)
        elif e.url != url:
            idn.update_endpoint(e, url=url)
PY
  keystone_ready || fail "the Keystone accounts or catalog are still not as expected"
fi

# --- databases (skipped when the stamp says this configuration and these packages were synced) -----
versions="$(dpkg-query -W -f '${Version} ' python3-nova python3-placement python3-glance 2>/dev/null || true)"
fingerprint="$(cat /etc/nova/nova.conf /etc/placement/placement.conf /etc/glance/glance-api.conf | sha256sum | cut -c1-16) $versions"
if [[ "$(as_root cat "$STAMP" 2>/dev/null)" != "$fingerprint" ]]; then
  log "syncing the databases (placement, glance, nova_api, cells, nova)"
  quiet as_user placement env OS_PLACEMENT_CONFIG_DIR=/etc/placement placement-manage db sync
  quiet as_user glance glance-manage --config-file /etc/glance/glance-api.conf db_sync
  quiet as_user nova nova-manage api_db sync
  quiet as_user nova nova-manage cell_v2 map_cell0 --database_connection "$(dburl nova nova_cell0)"
  as_user nova nova-manage cell_v2 list_cells 2>/dev/null | grep -q ' cell1 ' \
    || quiet as_user nova nova-manage cell_v2 create_cell --name cell1 --verbose
  quiet as_user nova nova-manage db sync
  printf '%s\n' "$fingerprint" | as_root tee "$STAMP" >/dev/null
fi

# --- services -------------------------------------------------------------------------------------
conf_changed() { local f; for f in "${changed[@]}"; do [[ "$f" == "$1" ]] && return 0; done; return 1; }
for _ in $(seq 120); do tcp_up 5672 && break; alive rabbitmq || break; sleep 0.5; done
tcp_up 5672 || { tail -n 30 /var/log/rabbitmq/neutrino.log.out >&2 || true; fail "RabbitMQ does not listen on 5672"; }

if alive placement && conf_changed /etc/placement/placement.conf; then stop_proc placement; fi
if ! alive placement; then
  stop_proc placement
  tcp_up 8778 && fail "something that this script did not start listens on 8778: stop it first"
  log "starting placement-api"
  start_proc placement placement /var/log/placement/placement-api.log env OS_PLACEMENT_CONFIG_DIR=/etc/placement \
    uwsgi --plugins python3 --master --die-on-term --lazy-apps --enable-threads \
    --http11-socket 127.0.0.1:8778 --wsgi-file /usr/bin/placement-api --processes 1 --threads 8 \
    --buffer-size 65535 --chdir /var/lib/placement --logto /var/log/placement/placement-api.log
fi
if alive glance-api && conf_changed /etc/glance/glance-api.conf; then stop_proc glance-api; fi
if ! alive glance-api; then
  tcp_up 9292 && fail "something that this script did not start listens on 9292: stop it first"
  log "starting glance-api"
  start_proc glance-api glance /var/log/glance/glance-api.log glance-api --config-file /etc/glance/glance-api.conf
fi
nova_changed=false; conf_changed /etc/nova/nova.conf && nova_changed=true
$restart && nova_changed=true
# what runs with an older configuration (or --restart), and computes of host names no longer asked
# for: stopped together
to_stop=()
for n in nova-api nova-conductor nova-scheduler; do $nova_changed && alive "$n" && to_stop+=("$n"); done
for f in "$RUN_DIR"/nova-compute-*.pid; do
  [[ -e "$f" ]] || continue
  n="$(basename "$f" .pid)"
  if [[ " ${services[*]} " != *" $n "* ]] || $nova_changed || conf_changed "/etc/nova/$n.conf"; then to_stop+=("$n"); fi
done
(( ${#to_stop[@]} )) && stop_proc "${to_stop[@]}"
for n in nova-api nova-conductor nova-scheduler; do
  if ! alive "$n"; then
    [[ "$n" == nova-api ]] && tcp_up 8774 && fail "something that this script did not start listens on 8774: stop it first"
    log "starting $n"
    start_proc "$n" nova "/var/log/nova/$n.log" "$n" --config-file /etc/nova/nova.conf --log-file "/var/log/nova/$n.log"
  fi
done
computes_from="$(as_root mysql -uroot -Nse 'SELECT UTC_TIMESTAMP()')"
computes_started=false
for h in "${hosts[@]}"; do
  n="nova-compute-$h"
  if ! alive "$n"; then
    computes_started=true
    log "starting $n"
    start_proc "$n" nova "/var/log/nova/$n.log" "$PY" -c 'from nova.cmd.compute import main; main()' \
      --config-file /etc/nova/nova.conf --config-file "/etc/nova/$n.conf"
  fi
done

# --- wait: APIs answer, every compute host is up and mapped to cell1 -------------------------------
for url in "$PLACEMENT_URL/" "$GLANCE_URL/" "$NOVA_URL/"; do
  for _ in $(seq 240); do http_up "$url" && break; sleep 0.5; done
  http_up "$url" || fail "nothing answers on $url (logs in /var/log/{placement,glance,nova})"
done
sql() { as_root mysql -uroot -Nse "$1"; }
missing_hosts() { # asked-for hosts without a compute node row (table $1: nova.compute_nodes / nova_api.host_mappings)
  local have h out=()
  have="$(sql "SELECT host FROM $1 ${2:-}")"
  for h in "${hosts[@]}"; do grep -qxF "$h" <<<"$have" || out+=("$h"); done
  echo "${out[*]:-}"
}
for _ in $(seq 240); do
  [[ -z "$(missing_hosts nova.compute_nodes 'WHERE deleted = 0')" ]] && break
  sleep 0.5
done
m="$(missing_hosts nova.compute_nodes 'WHERE deleted = 0')"
[[ -z "$m" ]] || fail "compute services did not register: $m (logs /var/log/nova/nova-compute-*.log)"
if [[ -n "$(missing_hosts nova_api.host_mappings)" ]]; then
  quiet as_user nova nova-manage cell_v2 discover_hosts
fi
m="$(missing_hosts nova_api.host_mappings)"
[[ -z "$m" ]] || fail "hosts not mapped to a cell: $m"
if $computes_started; then # every compute service has reported since it (re)started
  reported() {
    local h n=0
    for h in "${hosts[@]}"; do
      n=$((n + $(sql "SELECT COUNT(*) FROM nova.services WHERE \`binary\` = 'nova-compute' AND deleted = 0
                      AND host = '$h' AND updated_at >= '$computes_from'")))
    done
    (( n == ${#hosts[@]} ))
  }
  for _ in $(seq 240); do reported && break; sleep 0.5; done
  reported || fail "compute services did not report (logs /var/log/nova/nova-compute-*.log)"
fi

# --- the flavor and the image (admin, only when missing) ---------------------------------------------
admin_token() {
  curl -sf -m 20 -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"auth\": {\"identity\": {\"methods\": [\"password\"],
    \"password\": {\"user\": {\"name\": \"admin\", \"domain\": {\"id\": \"default\"}, \"password\": \"$ADMIN_PASSWORD\"}}},
    \"scope\": {\"project\": {\"name\": \"admin\", \"domain\": {\"id\": \"default\"}}}}}" "$KEYSTONE_URL/auth/tokens" \
    | awk 'tolower($1) == "x-subject-token:" {print $2}' | tr -d '\r'
}
token="$(admin_token)"
[[ -n "$token" ]] || fail "admin cannot log in to Keystone"
# compute services of host names no longer asked for leave Nova (else the scheduler may pick them
# while their service records look alive, and the build waits on a queue nobody reads)
stale="$(curl -sf -m 20 -H "X-Auth-Token: $token" -H 'OpenStack-API-Version: compute 2.53' \
  "$NOVA_URL/os-services?binary=nova-compute" | "$PY" -c '
import json, sys
keep = set(sys.argv[1].split(","))
print(" ".join(s["id"] for s in json.load(sys.stdin)["services"] if s["host"] not in keep))' "$COMPUTE_HOSTS")" \
  || fail "nova-api does not list compute services"
for id in $stale; do
  log "deleting compute service $id (a host name no longer asked for)"
  curl -sf -m 60 -o /dev/null -X DELETE -H "X-Auth-Token: $token" -H 'OpenStack-API-Version: compute 2.53' \
    "$NOVA_URL/os-services/$id" || log "could not delete compute service $id (instances on it?)"
done
flavors="$(curl -sf -m 20 -H "X-Auth-Token: $token" "$NOVA_URL/flavors")" || fail "nova-api does not list flavors"
if ! grep -q '"name": "m1.nano"' <<<"$flavors"; then
  curl -sf -m 30 -o /dev/null -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
    -d '{"flavor": {"name": "m1.nano", "id": "42", "ram": 64, "vcpus": 1, "disk": 1}}' "$NOVA_URL/flavors" \
    || fail "could not create flavor m1.nano"
fi
images="$(curl -sf -m 20 -H "X-Auth-Token: $token" "$GLANCE_URL/v2/images?name=cirros&status=active")" \
  || fail "glance-api does not list images"
if ! grep -q '"name": "cirros"' <<<"$images"; then
  log "uploading image cirros (raw, 1 MiB of zeros)"
  id="$(curl -sf -m 30 -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
    -d '{"name": "cirros", "disk_format": "raw", "container_format": "bare", "visibility": "public"}' \
    "$GLANCE_URL/v2/images" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["id"])')" \
    || fail "could not create image cirros"
  head -c 1048576 /dev/zero | curl -sf -m 60 -o /dev/null -X PUT -H "X-Auth-Token: $token" \
    -H 'Content-Type: application/octet-stream' --data-binary @- "$GLANCE_URL/v2/images/$id/file" \
    || fail "could not upload image cirros"
fi

cat <<SUMMARY
nova-services: Nova ready
  compute:    $NOVA_URL (nova-api pid $(cat "$RUN_DIR/nova-api.pid")), hosts ${hosts[*]} (fake.FakeLiveMigrateDriver), flavor m1.nano, image cirros
  placement:  $PLACEMENT_URL, image: $GLANCE_URL, rabbitmq: 127.0.0.1:5672
  network:    the catalog's network endpoint (scripts/keystone-services.sh --neutrino-url URL, then --restart here)
  pid files:  $RUN_DIR; logs: /var/log/{nova,placement,glance,rabbitmq}
SUMMARY
