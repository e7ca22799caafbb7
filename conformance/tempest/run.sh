#!/usr/bin/env bash
# Runs OpenStack tempest's networking API tests against Neutrino or against the real Neutron, both
# behind a local Keystone, and prints passed/failed/skipped with the most common failure reasons.
#
#   conformance/tempest/run.sh [--target neutrino|neutron] [--regex R | --quick] [--concurrency N]
#                              [--workdir DIR] [--port 9696] [--keep-running] [--list]
#                              [--known-failures FILE] [--with-nova] [--ovn]
#
#   --target T       neutrino (default): bin/neutrino server with auth_strategy = keystone;
#                    neutron: Debian's neutron-server (Zed, ML2 without agents, MariaDB;
#                    ML2/OVN with --with-nova)
#   --regex R        tests to run (default: ^tempest\.api\.network, the 264 core network API tests)
#   --quick          a ~10 minute subset that touches every resource and the RBAC tests (see README)
#   --concurrency N  tempest workers (default 2)
#   --workdir DIR    where configs, logs and the tempest workspace go
#                    (default /tmp/neutrino-conformance/<target>)
#   --port P         port the target listens on; Keystone's network endpoint is pointed at it
#   --keep-running   leave the target running afterwards (Keystone is always left running)
#   --list           only list the tests the regex selects (no server needed)
#   --known-failures F  tests expected to fail (one id per line, reasons as # comments, see
#                    known-failures.txt): the run then fails only on a test outside the list, and
#                    prints the listed tests that pass now
#   --with-nova      a real Nova beside the target (scripts/nova-services.sh: Debian's Zed Nova with
#                    two fake-driver computes compute1/compute2, Placement, Glance image cirros, flavor
#                    m1.nano) and tempest.conf with nova = true, glance = true: for the compute tests
#                    that exercise networking. Both targets then run ML2/OVN on this machine's OVN
#                    (scripts/ovn-services.sh) and notify Nova; compute1 and compute2 get OVN chassis
#                    of their own (remote chassis with those hostnames, kept alive and claiming the
#                    ports bound to them as an ovn-controller would, so that ports go ACTIVE), the
#                    technique of scenario/nova.sh. Takes /tmp/neutrino-ovn-scenario.lock (waits for
#                    it) for the whole run. Default workdir /tmp/neutrino-conformance/<target>-nova.
#                    Nova is left running: scripts/nova-services.sh --stop.
#   --ovn            both targets run ML2/OVN on this machine's OVN (scripts/ovn-services.sh), without
#                    Nova: the real server with service plugins ovn-router, segments, qos, trunk,
#                    port_forwarding, log (Zed's trunk plugin needs the ovn mechanism driver), and
#                    neutron-tempest-plugin told the type drivers (flat, vlan, geneve). For the API
#                    tests of QoS, trunks and port forwarding. Takes /tmp/neutrino-ovn-scenario.lock.
#                    Default workdir /tmp/neutrino-conformance/<target>-ovn.
#
# Both targets load the ML2 extension drivers port_security, qos and dns_domain_keywords, with
# [DEFAULT] dns_domain = openstackgate.local (as the upstream gate: neutron-tempest-plugin's DNS tests
# expect a domain under which ports keep their dns_name).
#
# Installs what is missing (tempest, neutron-tempest-plugin, Keystone via scripts/keystone-services.sh,
# neutron-server for --target neutron). Exit status: 0 when no test failed (or, with
# --known-failures, none outside the list), 1 when some failed,
# 2 for usage errors, 3 when the target cannot run behind Keystone (e.g. Neutrino refusing
# auth_strategy = keystone), 4 for other setup failures.
# The whole script is one { ... } block: bash parses it completely before running it, so editing
# this file while a (long) run is in progress cannot derail that run.
{
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY=/usr/bin/python3 # Debian's python: tempest, stestr and subunit live there

QUICK_REGEX='^tempest\.api\.network\.(test_networks\.NetworksTest|test_ports\.PortsTestJSON|test_security_groups\.SecGroupTest|test_routers\.RoutersTest|test_floating_ips\.FloatingIPTestJSON|test_subnetpools_extensions|test_allowed_address_pair\.AllowedAddressPairTestJSON|test_extra_dhcp_options\.ExtraDHCPOptionsTestJSON|test_extensions|test_versions|test_service_providers|test_tags|admin\.test_quotas|admin\.test_external_network_extension)\.|^neutron_tempest_plugin\.api\.(admin\.test_shared_network_extension\.RBACSharedNetworksTest|admin\.test_external_network_extension\.ExternalNetworksRBACTestJSON|test_subnetpools\.RbacSubnetPoolTest|test_address_scopes\.RbacAddressScopeTest|test_security_groups\.RbacSharedSecurityGroupTest|test_address_groups\.RbacSharedAddressGroupTest|test_qos\.RbacSharedQosPoliciesTest|test_network_ip_availability\.NetworksIpAvailabilityIPv[46]Test|admin\.test_logging|admin\.test_logging_negative|test_ports\.PortsTestJSON\.test_create_update_port_with_(dns_name|no_dns_name|dns_domain)|test_networks\.NetworksTestJSON\.test_create_update_network_dns_domain|test_revisions\.TestRevisions\.test_update_dns_domain_bumps_revision)\b'

target=neutrino
regex='^tempest\.api\.network'
concurrency=2
workdir=""
port=9696
keep=false
list_only=false
known=""
with_nova=false
use_ovn=false
while (($#)); do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --regex) regex="$2"; shift 2 ;;
    --quick) regex="$QUICK_REGEX"; shift ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --workdir) workdir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --keep-running) keep=true; shift ;;
    --list) list_only=true; shift ;;
    --known-failures) known="$(readlink -f "$2")"; shift 2 ;;
    --with-nova) with_nova=true; use_ovn=true; shift ;;
    --ovn) use_ovn=true; shift ;;
    -h|--help) sed -n '2,/^{$/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$target" in neutrino|neutron) ;; *) echo "run.sh: --target must be neutrino or neutron" >&2; exit 2 ;; esac
[[ "$concurrency" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --concurrency must be a positive number" >&2; exit 2; }
suffix=""; $use_ovn && suffix=-ovn; $with_nova && suffix=-nova
workdir="${workdir:-/tmp/neutrino-conformance/$target$suffix}"
url="http://127.0.0.1:$port"

say() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { local code="$1"; shift; echo "run.sh: $*" >&2; exit "$code"; }
http_up() { curl -s -o /dev/null -m 3 "$1"; }

# --- install (only what is missing) ---------------------------------------------------------------
need=(tempest neutron-tempest-plugin curl python3-subunit)
[[ "$target" == neutron ]] && need+=(neutron-server python3-pymysql mariadb-server)
missing=()
for pkg in "${need[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- tempest workspace ----------------------------------------------------------------------------------
mkdir -p "$workdir"
ws="$workdir/tempest"
new_workspace() { # name
  rm -rf "$ws"
  tempest workspace remove --name "$1" >/dev/null 2>&1 || true
  tempest init --name "$1" "$ws" >/dev/null
}
if $list_only; then
  ws="$(mktemp -d)/tempest"
  new_workspace "neutrino-list-$$"
  (cd "$ws" && tempest run --list-tests --regex "$regex" 2>/dev/null | grep -E '^(tempest|neutron_tempest_plugin)\.' ) || true
  tempest workspace remove --name "neutrino-list-$$" >/dev/null 2>&1 || true
  rm -rf "$(dirname "$ws")"
  exit 0
fi

# With Nova, the machine's OVN (NB, SB, chassis) is used: one OVN scenario at a time (scenario/lib.sh
# takes the same lock), waited for. Taken before the conformance lock (a run without Nova never takes it, so no two runs wait on each other).
if $use_ovn; then
  exec 8>/tmp/neutrino-ovn-scenario.lock
  flock -n 8 || { say "waiting for /tmp/neutrino-ovn-scenario.lock (an OVN scenario runs)"; flock 8; }
fi

# One run at a time: each run points Keystone's network endpoint at its own target; a second run
# waits for the first.
# (fds 8 and 9 are closed for every daemon started below, or Keystone, MariaDB or the server would
# hold the locks for as long as they live)
lockfile=/tmp/neutrino-conformance.run.lock
exec 9>"$lockfile"
if ! flock -n 9; then
  say "another conformance run holds $lockfile: waiting for it (up to an hour)"
  flock -w 3600 9 || die 4 "another conformance run still holds $lockfile after an hour"
fi

# --- Keystone ---------------------------------------------------------------------------------------------
say "Keystone: scripts/keystone-services.sh (network endpoint $url)"
NEUTRINO_URL="$url" bash "$ROOT/scripts/keystone-services.sh" --neutrino-url "$url" >"$workdir/keystone-services.log" 2>&1 8>&- 9>&- \
  || { tail -n 30 "$workdir/keystone-services.log" >&2; die 4 "Keystone setup failed (log: $workdir/keystone-services.log)"; }

# --- with Nova: OVN, and a chassis for each compute host --------------------------------------------------
nova_hosts=(compute1 compute2)
heartbeat_pid=""
ovn_nb=unix:/var/run/ovn/ovnnb_db.sock
ovn_sb=unix:/var/run/ovn/ovnsb_db.sock
remove_fake_chassis() {
  local h cp
  [[ -n "$heartbeat_pid" ]] && { kill "$heartbeat_pid" 2>/dev/null; wait "$heartbeat_pid" 2>/dev/null || true; }
  heartbeat_pid=""
  for h in "${nova_hosts[@]}"; do
    cp="$(ovn-sbctl --bare --columns=_uuid find Chassis_Private name="tempest-$h" 2>/dev/null)" || true
    [[ -n "$cp" ]] && ovn-sbctl destroy Chassis_Private "$cp" 2>/dev/null
    ovn-sbctl --if-exists chassis-del "tempest-$h" 2>/dev/null || true
  done
}
# An ovn-controller per compute host, as far as the servers can see: a remote chassis (is-remote, so
# that northd's hv_cfg and --wait=hv ignore it) whose hostname is the host, a Chassis_Private whose
# nb_cfg follows NB_Global's (ML2/OVN binds only to a live chassis), and the claim of each port whose
# requested chassis it is, and of the child ports of those (Port_Binding chassis and up, which northd
# turns into the LSP's up = true and the servers into status ACTIVE). The fake driver plugs nothing;
# this stands in for the plug.
fake_ovn_controllers() {
  local nbcfg cmds uuid lport parent req ch up h want rows row
  declare -A fake=() # chassis uuid -> 1
  for h in "${nova_hosts[@]}"; do fake["$(ovn-sbctl --bare --columns=_uuid find Chassis name="tempest-$h")"]=1; done
  while sleep 1; do
    nbcfg="$(ovn-nbctl --timeout=5 get NB_Global . nb_cfg 2>/dev/null)" || continue
    cmds=()
    for h in "${nova_hosts[@]}"; do
      cmds+=(-- set Chassis_Private "tempest-$h" nb_cfg="$nbcfg" nb_cfg_timestamp="$(date +%s%3N)")
    done
    mapfile -t rows < <(ovn-sbctl --timeout=5 --format=csv --data=bare --no-headings \
      --columns=_uuid,logical_port,parent_port,requested_chassis,chassis,up list Port_Binding 2>/dev/null)
    declare -A requested=() # logical port -> its fake requested chassis
    for row in "${rows[@]}"; do
      IFS=, read -r uuid lport parent req ch up <<<"$row"
      [[ -n "$req" && -n "${fake[$req]:-}" ]] && requested["$lport"]="$req"
    done
    for row in "${rows[@]}"; do
      IFS=, read -r uuid lport parent req ch up <<<"$row"
      # a port asking for a fake chassis is claimed there; a child port (a trunk's subport: parent_port
      # set) on its parent's chassis, as ovn-controller claims the child ports of a local VIF
      want="${requested[$lport]:-}"
      [[ -z "$want" && -n "$parent" ]] && want="${requested[$parent]:-}"
      if [[ -n "$want" && -n "$ch" && "$ch" != "$want" && -n "${fake[$ch]:-}" ]]; then
        # moved (a live migration): released here first, claimed on the next round, as the VIF
        # unplugged from the source and plugged on the destination goes down and up again
        cmds+=(-- clear Port_Binding "$uuid" chassis -- set Port_Binding "$uuid" up=false)
      elif [[ -n "$want" ]]; then
        [[ "$ch" == "$want" && "$up" == true ]] || cmds+=(-- set Port_Binding "$uuid" chassis="$want" up=true)
      elif [[ -n "$ch" && -n "${fake[$ch]:-}" ]]; then
        cmds+=(-- clear Port_Binding "$uuid" chassis -- set Port_Binding "$uuid" up=false)
      fi
    done
    unset requested
    ovn-sbctl --timeout=5 "${cmds[@]}" >/dev/null 2>&1 || true
  done
}
if $use_ovn && ! $with_nova; then
  say "OVN: scripts/ovn-services.sh"
  bash "$ROOT/scripts/ovn-services.sh" >"$workdir/ovn-services.log" 2>&1 8>&- 9>&- \
    || { tail -n 30 "$workdir/ovn-services.log" >&2; die 4 "OVN setup failed (log: $workdir/ovn-services.log)"; }
fi
if $with_nova; then
  say "OVN: scripts/ovn-services.sh; chassis tempest-compute1, tempest-compute2 (hostnames ${nova_hosts[*]})"
  bash "$ROOT/scripts/ovn-services.sh" >"$workdir/ovn-services.log" 2>&1 8>&- 9>&- \
    || { tail -n 30 "$workdir/ovn-services.log" >&2; die 4 "OVN setup failed (log: $workdir/ovn-services.log)"; }
  remove_fake_chassis
  for i in "${!nova_hosts[@]}"; do
    h="${nova_hosts[$i]}"
    ovn-sbctl chassis-add "tempest-$h" geneve "127.0.0.$((11 + i))" \
      -- set Chassis "tempest-$h" hostname="$h" other_config:is-remote=true
    ovn-sbctl create Chassis_Private name="tempest-$h" \
      chassis="$(ovn-sbctl --bare --columns=_uuid find Chassis name="tempest-$h")" \
      nb_cfg="$(ovn-nbctl get NB_Global . nb_cfg)" nb_cfg_timestamp="$(date +%s%3N)" >/dev/null
  done
  fake_ovn_controllers 8>&- 9>&- &
  heartbeat_pid=$!
fi

# --- the target -------------------------------------------------------------------------------------------
pidfile="$workdir/server.pid"
stop_target() {
  [[ -f "$pidfile" ]] || return 0
  local pid i
  pid="$(cat "$pidfile")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 80; i++)); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
stop_target
http_up "$url/" && die 4 "something already answers on $url: stop it or use --port"
on_exit() {
  if $use_ovn && ! $keep; then
    # the public network prepare.py made (tempest deletes what it creates): no OVN rows left behind
    [[ -n "${PUBLIC_NETWORK_ID:-}" ]] && "$PY" "$HERE/lib/prepare.py" --keystone http://127.0.0.1:5000/v3 \
      --network-url "$url" --delete-public >/dev/null 2>&1
  fi
  $keep || { stop_target; remove_fake_chassis; }
}
trap on_exit EXIT

keystone_section() {
  cat <<CONF
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:5000
auth_url = http://127.0.0.1:5000
auth_type = password
username = neutron
password = neutron
project_name = service
user_domain_name = Default
project_domain_name = Default
CONF
}

# with Nova: ML2/OVN on this machine's OVN, and Nova told of port events (as scenario/nova.sh does)
ovn_section() {
  $use_ovn || return 0
  cat <<CONF
[ovn]
ovn_nb_connection = $ovn_nb
ovn_sb_connection = $ovn_sb
ovn_metadata_enabled = false
CONF
  $with_nova || return 0
  cat <<CONF

[nova]
auth_url = http://127.0.0.1:5000
auth_type = password
username = nova
password = nova
project_name = service
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
CONF
}
notify_nova=false; $with_nova && notify_nova=true

log="$workdir/server.log"
: >"$log"
case "$target" in
  neutrino)
    rm -rf "$workdir/state"
    mkdir -p "$workdir/state"
    cat >"$workdir/neutrino.conf" <<CONF
# Written by conformance/tempest/run.sh
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $port
auth_strategy = keystone
state_path = $workdir/state
core_plugin = ml2
service_plugins = router,segments
debug = false
dns_domain = openstackgate.local
notify_nova_on_port_status_changes = $notify_nova
notify_nova_on_port_data_changes = $notify_nova
send_events_interval = 1

[ml2]
type_drivers = flat,vlan,geneve
tenant_network_types = geneve
mechanism_drivers = $($use_ovn && echo ovn || true)
extension_drivers = port_security,qos,dns_domain_keywords

[ml2_type_flat]
flat_networks = *

[ml2_type_vlan]
network_vlan_ranges = public

$(keystone_section)

$(ovn_section)
CONF
    say "building Neutrino if needed (bin/neutrino --version)"
    "$ROOT/bin/neutrino" --version >"$workdir/build.log" 2>&1 \
      || { tail -n 40 "$workdir/build.log" >&2; die 4 "Neutrino does not build (log: $workdir/build.log)"; }
    say "starting Neutrino: bin/neutrino server --config-file $workdir/neutrino.conf"
    setsid "$ROOT/bin/neutrino" server --config-file "$workdir/neutrino.conf" </dev/null >"$log" 2>&1 8>&- 9>&- &
    echo $! >"$pidfile"
    ;;
  neutron)
    say "neutron: fresh MariaDB database neutron_conformance"
    if ! mysqladmin ping >/dev/null 2>&1; then
      /etc/init.d/mariadb start >/dev/null 2>&1 8>&- 9>&- || { install -d -o mysql -g root /run/mysqld;
        setsid nohup mysqld_safe >/dev/null 2>&1 </dev/null 8>&- 9>&- & }
      for _ in $(seq 60); do mysqladmin ping >/dev/null 2>&1 && break; sleep 0.5; done
    fi
    mysql -uroot <<'SQL'
DROP DATABASE IF EXISTS neutron_conformance;
CREATE DATABASE neutron_conformance;
CREATE USER IF NOT EXISTS 'neutron'@'localhost' IDENTIFIED BY 'neutron';
GRANT ALL PRIVILEGES ON neutron_conformance.* TO 'neutron'@'localhost';
FLUSH PRIVILEGES;
SQL
    mkdir -p "$workdir/state/lock"
    cat >"$workdir/neutron.conf" <<CONF
# Written by conformance/tempest/run.sh: API-only Neutron (ML2, no agents, no Nova) behind Keystone.
[DEFAULT]
core_plugin = ml2
service_plugins = ${NEUTRON_SERVICE_PLUGINS:-$($with_nova && echo ovn-router,segments,qos,trunk || { $use_ovn && echo ovn-router,segments,qos,trunk,port_forwarding,log; } || echo router,segments,qos,metering)}
auth_strategy = keystone
bind_host = 127.0.0.1
bind_port = $port
state_path = $workdir/state
api_paste_config = /etc/neutron/api-paste.ini
transport_url = fake:/
api_workers = 2
rpc_workers = 0
rpc_state_report_workers = 0
dhcp_agent_notification = false
dns_domain = openstackgate.local
notify_nova_on_port_status_changes = $notify_nova
notify_nova_on_port_data_changes = $notify_nova
send_events_interval = 1
debug = false
use_stderr = false

[database]
connection = mysql+pymysql://neutron:neutron@localhost/neutron_conformance?charset=utf8

[ml2]
type_drivers = flat,vlan,geneve
tenant_network_types = geneve
mechanism_drivers = $($use_ovn && echo ovn || true)
extension_drivers = port_security,qos,dns_domain_keywords

[ml2_type_flat]
flat_networks = *

[ml2_type_vlan]
network_vlan_ranges = public

[ml2_type_geneve]
vni_ranges = 1:65536
max_header_size = 38

[oslo_concurrency]
lock_path = $workdir/state/lock

[agent]
root_helper = sudo

$(keystone_section)

$(ovn_section)
CONF
    say "neutron-db-manage upgrade heads"
    neutron-db-manage --config-file "$workdir/neutron.conf" upgrade heads >"$workdir/db-manage.log" 2>&1 \
      || { tail -n 30 "$workdir/db-manage.log" >&2; die 4 "neutron-db-manage failed (log: $workdir/db-manage.log)"; }
    say "starting neutron-server"
    setsid neutron-server --config-file "$workdir/neutron.conf" --log-file "$log" \
      </dev/null >"$workdir/server.out" 2>&1 8>&- 9>&- &
    echo $! >"$pidfile"
    ;;
esac

pid="$(cat "$pidfile")"
for ((i = 0; i < 600; i++)); do
  http_up "$url/" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if ! http_up "$url/"; then
  tail -n 40 "$log" "$workdir/server.out" 2>/dev/null >&2 || true
  if [[ "$target" == neutrino ]] && grep -qi "auth_strategy" "$log"; then
    die 3 "Neutrino refused auth_strategy = keystone at start-up (see above; its Keystone support is not" \
      "integrated yet). Nothing was tested."
  fi
  die 4 "$target did not start on $url (log: $log)"
fi
say "$target answers on $url"

# Behind Keystone the API must refuse a request without a token; a server that lets it through is
# not running with keystone auth, and tempest's numbers would mean nothing.
code="$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$url/v2.0/networks")"
if [[ "$code" != 401 ]]; then
  die 3 "$target answered $code (not 401) to GET /v2.0/networks without a token: it is not enforcing Keystone auth"
fi

# --- public network, extensions, tempest.conf ---------------------------------------------------------
eval "$("$PY" "$HERE/lib/prepare.py" --keystone http://127.0.0.1:5000/v3 --network-url "$url")" \
  || die 4 "preparing $target for tempest failed"
say "public network $PUBLIC_NETWORK_ID; $(tr ',' '\n' <<<"$API_EXTENSIONS" | wc -l) extensions"

nova_conf=""
if $with_nova; then
  # Nova keeps its token and the catalog (the network endpoint) for an hour: restarted
  say "Nova: scripts/nova-services.sh --compute-hosts $(IFS=,; echo "${nova_hosts[*]}") --restart"
  bash "$ROOT/scripts/nova-services.sh" --compute-hosts "$(IFS=,; echo "${nova_hosts[*]}")" --restart \
    >"$workdir/nova-services.log" 2>&1 8>&- 9>&- \
    || { tail -n 30 "$workdir/nova-services.log" >&2; die 4 "Nova setup failed (log: $workdir/nova-services.log)"; }
  eval "$("$PY" "$HERE/lib/prepare_nova.py" --keystone http://127.0.0.1:5000/v3 \
    --hosts "$(IFS=,; echo "${nova_hosts[*]}")")" || die 4 "preparing Nova for tempest failed"
  say "Nova: image cirros $IMAGE_REF, flavors $FLAVOR_REF (m1.nano) and $FLAVOR_REF_ALT (m1.micro)"
  # What the fake driver (fake.FakeLiveMigrateDriver) can do: no consoles but its canned console
  # output, no snapshot (it uploads no image data, so images stay queued: no create image, backup
  # or shelve), live migration, block migration included (tempest runs its plain live migration
  # tests only with block_migration_for_live_migration; the driver copies nothing either way),
  # interface attach and detach, resize and cold migration.
  nova_conf="$(cat <<CONF

[compute]
image_ref = $IMAGE_REF
image_ref_alt = $IMAGE_REF
flavor_ref = $FLAVOR_REF
flavor_ref_alt = $FLAVOR_REF_ALT
min_compute_nodes = 2
min_microversion = 2.1
max_microversion = latest
build_timeout = 180
endpoint_type = publicURL
region = RegionOne

[compute-feature-enabled]
console_output = true
vnc_console = false
spice_console = false
serial_console = false
snapshot = false
shelve = false
shelve_migrate = false
live_migration = true
block_migration_for_live_migration = true
volume_backed_live_migration = false
live_migrate_back_and_forth = false
can_migrate_between_any_hosts = true
cold_migration = true
resize = true
interface_attach = true
pause = true
suspend = true
rescue = false
change_password = false
personality = false
config_drive = true
metadata_service = false
attach_encrypted_volume = false

[image]
region = RegionOne
endpoint_type = publicURL
CONF
)"
fi

new_workspace "neutrino-$target"
cat >"$ws/etc/tempest.conf" <<CONF
# Written by conformance/tempest/run.sh for target $target
[DEFAULT]
log_dir = $ws
log_file = tempest.log
debug = false

[oslo_concurrency]
lock_path = $ws/tempest_lock

[auth]
admin_username = admin
admin_password = admin
admin_project_name = admin
admin_domain_name = Default
use_dynamic_credentials = true
# with Nova: each test project gets a network, subnet and router (servers need a network)
create_isolated_networks = $with_nova

[identity]
uri_v3 = http://127.0.0.1:5000/v3
auth_version = v3
region = RegionOne
v3_endpoint_type = public

[identity-feature-enabled]
api_v2 = false
api_v3 = true

[service_available]
neutron = true
nova = $with_nova
glance = $with_nova
cinder = false
swift = false

[network]
public_network_id = $PUBLIC_NETWORK_ID
floating_network_name = public
project_network_cidr = 10.100.0.0/16
project_network_mask_bits = 28
project_network_v6_cidr = 2001:db8::/48
project_network_v6_mask_bits = 64
project_networks_reachable = false
endpoint_type = publicURL
region = RegionOne
build_timeout = 60

[network-feature-enabled]
api_extensions = $API_EXTENSIONS
ipv6 = true
ipv6_subnet_attributes = true
port_security = $([[ ",$API_EXTENSIONS," == *,port-security,* ]] && echo true || echo false)

[validation]
run_validation = false

[neutron_plugin_options]
provider_vlans = public
$($use_ovn && echo "available_type_drivers = flat,vlan,geneve")
$nova_conf
CONF

# --- run ---------------------------------------------------------------------------------------------------
say "tempest run --regex '$regex' --concurrency $concurrency (output: $workdir/tempest-run.log)"
start=$(date +%s)
set +e
(cd "$ws" && tempest run --regex "$regex" --concurrency "$concurrency") >"$workdir/tempest-run.log" 2>&1
rc=$?
set -e
say "tempest finished in $(( $(date +%s) - start )) s (exit $rc)"
grep -E '^(Ran|Totals| - (Passed|Skipped|Failed|Expected Fail|Unexpected Success))' "$workdir/tempest-run.log" >&2 || true

echo "== tempest against $target ($url), regex '$regex'"
set +e
"$PY" "$HERE/lib/summarize.py" --workspace "$ws" --failures "$workdir/failures.txt" \
    --json "$workdir/summary.json" ${known:+--known "$known"} | tee "$workdir/summary.txt"
summary_rc=${PIPESTATUS[0]}
set -e
if [[ "$summary_rc" != 0 && "$summary_rc" != 5 ]]; then
  tail -n 30 "$workdir/tempest-run.log" >&2
  die 4 "no tempest results to summarise (log: $workdir/tempest-run.log)"
fi
read -r passed failed skipped < <("$PY" -c 'import json,sys; s = json.load(open(sys.argv[1]));
print(s["passed"], s["failed"], s["skipped"])' "$workdir/summary.json")
(( passed + failed + skipped > 0 )) || die 4 "tempest ran no test (log: $workdir/tempest-run.log)"
[[ -n "$known" ]] && exit $(( summary_rc == 5 ? 1 : 0 ))
[[ "$failed" == 0 ]]
exit $?
}
