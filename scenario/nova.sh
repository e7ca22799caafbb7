#!/usr/bin/env bash
# A real Nova (scripts/nova-services.sh: Debian's Zed nova-api, conductor, scheduler and two compute
# services with the fake live-migration driver) on Neutrino with the OVN mechanism driver behind the
# real Keystone (scripts/keystone-services.sh), and OVN/OVS with a namespace as the VM's NIC:
#   - `openstack server create --network N --wait` (as the member demo) reaches ACTIVE, and its port
#     has device_id = the server, device_owner compute:nova, binding:host_id = the server's host,
#     a vif_type other than binding_failed/unbound, and is a Logical_Switch_Port in OVN NB with
#     options:requested-chassis = that host;
#   - `server add port` binds a port to the server's host, `server remove port` unbinds it (no
#     device_id, no binding:host_id);
#   - the port bound to this machine's OVN chassis (the first compute host is named after the
#     chassis' hostname), plugged as a namespace (veth in br-int, external-ids:iface-id = port id),
#     becomes ACTIVE and Nova receives `network-vif-plugged` for it (nova-api's log of external
#     events); unplugged, it goes DOWN and Nova receives `network-vif-unplugged`;
#   - plugged, the VM takes DHCP (with the route to 169.254.169.254 through the network's metadata
#     port) and gets its metadata from Nova's metadata API through Debian's neutron-ovn-metadata-agent
#     (`[ovn] ovn_metadata_enabled = true` on both servers): meta_data.json's uuid is the server's;
#   - `server migrate --live-migration --host compute2` (admin) moves the server and its port's
#     binding:host_id to compute2 (with or without binding-extended: Nova picks the flow);
#   - `server delete` leaves no port with the server's device_id.
# compute2 is given an OVN chassis of its own in SB (a Chassis with is-remote=true, so that northd's
# hv_cfg and `ovn-nbctl --wait=hv` ignore it, and a Chassis_Private whose nb_cfg this script keeps
# current, as an ovn-controller would): ML2/OVN refuses to bind a port to a host without a live
# chassis. It is removed at the end. compute2 is disabled in Nova while the server is created, so
# that the scheduler deterministically picks the chassis' host.
# Prints one PASS/FAIL line per check with its time, then "nova: N passed, M failed" and the figures;
# exits non-zero on any failure. Kept for comparing the two servers' answers: the server's port and
# Nova's network_info in /var/tmp/nova-scenario/{neutrino,neutron}-{port,network-info}.json, and the
# network server's log there when a check failed.
#
#   scenario/nova.sh [--peer]
#
#   --peer   run the same checks against the real neutron-server 21 with ML2/OVN
#            (bench/peer/setup-neutron.sh) instead of Neutrino: validates the scenario itself
#
# Keystone's network endpoint is pointed at the server under test (and the Nova services restarted,
# since Nova keeps the catalog for an hour), under the lock conformance/keystone-cli.sh and
# conformance/tempest/run.sh take.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
peer=false
case "${1:-}" in
  --peer) peer=true ;;
  "") ;;
  *) echo "nova: unknown argument '$1' (usage: scenario/nova.sh [--peer])"; exit 2 ;;
esac
scenario_start=$(date +%s%N)
scripts/ovn-services.sh >/dev/null || { echo "nova: OVN could not be started"; exit 1; }
need=()
for tool in neutron-ovn-metadata-agent:neutron-ovn-metadata-agent haproxy:haproxy udhcpc:udhcpc ethtool:ethtool \
    curl:curl; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if ((${#need[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 "${need[@]}" >/dev/null \
    || { echo "nova: cannot install ${need[*]}"; exit 1; }
fi

name=nova
. scenario/lib.sh
# every check prints PASS or FAIL with the seconds since its step began (mark)
mark() { t0=$(date +%s%N); }
since() { awk -v n="$(( $(date +%s%N) - $1 ))" 'BEGIN { printf "%.1f s", n / 1e9 }'; }
ok() { passed=$((passed+1)); echo "PASS: $1 ($(since "$t0"))"; }
fail() { failed=$((failed+1)); echo "FAIL: $1 ($(since "$t0"))"; }
mark
figures=()
figure() { figures+=("$1"); }
# "$@" succeeds within $tries half-seconds (default 60)
eventually() { local i; for ((i = 0; i < ${tries:-60}; i++)); do "$@" && return 0; sleep 0.5; done; return 1; }
wait_eq() { # description expected command...: PASS once the command prints what is expected (within $tries half-seconds)
  local what="$1" want="$2" got i; shift 2
  for ((i = 0; i < ${tries:-60}; i++)); do got="$("$@")"; [ "$got" = "$want" ] && break; sleep 0.5; done
  if [ "$got" = "$want" ]; then ok "$what ($got)"; else fail "$what (got '$got', want '$want')"; fi
}

exec 7>/tmp/neutrino-conformance.run.lock # fd 9 holds the OVN lock (scenario/lib.sh)
flock -w 1800 7 || { echo "nova: another conformance run holds the lock"; exit 4; }

keystone=http://127.0.0.1:5000
url="http://127.0.0.1:$port"
nova_url=http://127.0.0.1:8774/v2.1
nova_api_log=/var/log/nova/nova-api.log
chassis="$(ovs-vsctl get open . external-ids:system-id | tr -d '"')"
chassis_host="$(ovn-sbctl --bare --columns=hostname find Chassis name="$chassis")"
[ -n "$chassis_host" ] || { echo "nova: no chassis $chassis in OVN SB"; exit 1; }
host1="$chassis_host" host2=compute2
fake_chassis=nova-scenario-compute2
ns=nova-vm1
suffix=$RANDOM

# --- cleanup: what this run created, whatever step it stopped at --------------------------------
heartbeat=
peer_dir="$state/neutron"
peer_db=neutrino_nova_peer
remove_fake_chassis() {
  local cp; cp="$(ovn-sbctl --bare --columns=_uuid find Chassis_Private name="$fake_chassis")"
  [ -n "$cp" ] && ovn-sbctl destroy Chassis_Private "$cp"
  ovn-sbctl --if-exists chassis-del "$fake_chassis"
}
unplug() { ip netns del "$ns" 2>/dev/null; ovs-vsctl --if-exists del-port br-int "t-$ns"; }
cleanup() {
  [ -n "$heartbeat" ] && kill "$heartbeat" 2>/dev/null
  [ -n "${agent:-}" ] && { kill "$agent" 2>/dev/null; wait "$agent" 2>/dev/null; }
  pkill -f "haproxy -f $state/agent/" 2>/dev/null
  [ -n "${net1:-}" ] && ip netns del "ovnmeta-$net1" 2>/dev/null
  unplug
  if [ -n "${admin_token:-}" ]; then
    set_compute "$host2" enabled >/dev/null 2>&1
    [ -n "${server_id:-}" ] || server_id="$(nova GET "/servers?all_tenants=1&name=nova-scn-$suffix" \
      | jq_ '" ".join(s["id"] for s in d["servers"])' 2>/dev/null)"
    if [ -n "${server_id:-}" ] && [ "$(nova GET "/servers/$server_id" -o /dev/null -w '%{http_code}')" = 200 ]; then
      nova DELETE "/servers/$server_id" >/dev/null
      tries=60 eventually server_gone
    fi
  fi
  if [ -n "${demo_token:-}" ]; then
    [ -n "${port2:-}" ] && net DELETE "ports/$port2" >/dev/null
    [ -n "${net1:-}" ] && net DELETE "networks/$net1" >/dev/null
    # the security groups (projects' defaults) too: their OVN port groups would outlive the server
    for sg in $(anet GET security-groups | jq_ '" ".join(g["id"] for g in d["security_groups"])' 2>/dev/null); do
      anet DELETE "security-groups/$sg" >/dev/null
    done
  fi
  if [ "$failed" -gt 0 ] && [ -f "${server_log:-}" ]; then # kept for a look after the run
    mkdir -p /var/tmp/nova-scenario
    cp "$server_log" "/var/tmp/nova-scenario/$($peer && echo neutron || echo neutrino)-server.log"
    echo "nova: the network server's log: /var/tmp/nova-scenario/$($peer && echo neutron || echo neutrino)-server.log"
  fi
  if $peer; then
    bench/peer/stop-neutron.sh --dir "$peer_dir" --drop-db mariadb --database "$peer_db" >/dev/null 2>&1
  else
    [ "$failed" -gt 0 ] && { echo "--- server log (warnings and errors)"; grep -E " (WARN|ERROR) " "$state/server.log" | tail -20; }
    stop_server
  fi
  remove_fake_chassis
  rm -rf "$state"
}
trap cleanup EXIT
unplug
remove_fake_chassis

# --- the second compute host's chassis -------------------------------------------------------------
ovn-sbctl chassis-add "$fake_chassis" geneve 127.0.0.2 -- set Chassis "$fake_chassis" hostname="$host2" \
  other_config:is-remote=true
ovn-sbctl create Chassis_Private name="$fake_chassis" chassis="$(ovn-sbctl --bare --columns=_uuid find Chassis name="$fake_chassis")" \
  nb_cfg="$(ovn-nbctl get NB_Global . nb_cfg)" nb_cfg_timestamp="$(date +%s%3N)" >/dev/null
( while sleep 3; do
    ovn-sbctl set Chassis_Private "$fake_chassis" nb_cfg="$(ovn-nbctl get NB_Global . nb_cfg)" \
      nb_cfg_timestamp="$(date +%s%3N)" 2>/dev/null
  done ) 7>&- 9>&- &
heartbeat=$!

# --- the network server under test, behind Keystone, notifying Nova ---------------------------------
nova_section=("[nova]" "auth_url = $keystone" "auth_type = password" "username = nova" "password = nova"
  "project_name = service" "user_domain_name = Default" "project_domain_name = Default" "region_name = RegionOne")
auth_lines=("[DEFAULT]" "auth_strategy = keystone" "notify_nova_on_port_status_changes = true"
  "notify_nova_on_port_data_changes = true" "send_events_interval = 1"
  "[keystone_authtoken]" "www_authenticate_uri = $keystone" "auth_url = $keystone" "auth_type = password"
  "username = neutron" "password = neutron" "project_name = service" "user_domain_name = Default"
  "project_domain_name = Default" "${nova_section[@]}"
  "[ovn]" "ovn_metadata_enabled = true")
mark
if $peer; then
  what="neutron-server 21 (ML2/OVN)"
  mkdir -p "$peer_dir"
  printf '%s\n' "# scenario/nova.sh: the peer behind Keystone, notifying Nova" "${auth_lines[@]}" >"$state/peer.conf"
  out="$(bench/peer/setup-neutron.sh --dir "$peer_dir" --port "$port" --database "$peer_db" --api-workers 1 \
    --service-plugins ovn-router --ovn unix:/var/run/ovn/ovnnb_db.sock,unix:/var/run/ovn/ovnsb_db.sock \
    --extra-config "$state/peer.conf" 2>&1 7>&- 9>&-)" || { echo "$out" | tail -20; echo "nova: the peer did not start"; exit 1; }
  server_log="$peer_dir/neutron-server.log"
else
  what="Neutrino (OVN)"
  start_server "${auth_lines[@]}" 7>&- 9>&-
  server_log="$state/server.log"
fi
figure "network server start: $(since "$t0")"
echo "nova: network server: $what on $url"

mark
scripts/keystone-services.sh --neutrino-url "$url" >"$state/keystone.log" 2>&1 7>&- 9>&- \
  || { tail -20 "$state/keystone.log"; echo "nova: Keystone setup failed"; exit 1; }
figure "keystone endpoint: $(since "$t0")"
mark
scripts/nova-services.sh --compute-hosts "$host1,$host2" --restart >"$state/nova-services.log" 2>&1 7>&- 9>&- \
  || { tail -20 "$state/nova-services.log"; echo "nova: Nova setup failed"; exit 1; }
figure "nova (re)start: $(since "$t0")"

# --- neutron-ovn-metadata-agent on this chassis, proxying to Nova's metadata API ------------------------
start_metadata_agent 8775 "${NOVA_METADATA_SECRET:-neutrino-metadata-secret}"

# --- API helpers: tokens by curl (the CLI only for the operations under test) -------------------------
token() { # user password project
  curl -sf -m 20 -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"auth\": {\"identity\": {\"methods\": [\"password\"],
    \"password\": {\"user\": {\"name\": \"$1\", \"domain\": {\"id\": \"default\"}, \"password\": \"$2\"}}},
    \"scope\": {\"project\": {\"name\": \"$3\", \"domain\": {\"id\": \"default\"}}}}}" "$keystone/v3/auth/tokens" \
    | awk 'tolower($1) == "x-subject-token:" {print $2}' | tr -d '\r'
}
admin_token="$(token admin admin admin)"
demo_token="$(token demo demo demo)"
[ -n "$admin_token" ] && [ -n "$demo_token" ] || { echo "nova: cannot log in to Keystone"; exit 1; }
net() { # method path [json]: the network API as demo
  curl -s -m 30 -X "$1" "$url/v2.0/$2" -H "X-Auth-Token: $demo_token" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
anet() { # method path: the network API as admin
  curl -s -m 30 -X "$1" "$url/v2.0/$2" -H "X-Auth-Token: $admin_token" -H 'Content-Type: application/json'
}
nova() { # method path [curl args...]: the compute API as admin, microversion 2.79
  local m="$1" p="$2"; shift 2
  curl -s -m 60 -X "$m" "$nova_url$p" -H "X-Auth-Token: $admin_token" -H 'OpenStack-API-Version: compute 2.79' \
    -H 'Content-Type: application/json' "$@"
}
osc() { # user, openstack arguments: the real CLI with that user's password login
  local user="$1"; shift
  ( . "/etc/keystone/openrc/$user" && timeout 300 openstack "$@" ) 7>&- 9>&-
}
set_compute() { # host enabled|disabled: the nova-compute service's status
  local id; id=$(nova GET "/os-services?binary=nova-compute&host=$1" | jq_ 'd["services"][0]["id"]')
  nova PUT "/os-services/$id" -d "{\"status\": \"$2\"}" | jq_ 'd["service"]["status"]'
}
server_field() { nova GET "/servers/$server_id" | jq_ "d['server'].get('$1')"; }
server_gone() { [ "$(nova GET "/servers/$server_id" -o /dev/null -w '%{http_code}')" = 404 ]; }
port_field() { anet GET "ports/$1" | jq_ "d['port'].get('$2')"; }
lsp_field() { ovn-nbctl --bare --columns="$2" find Logical_Switch_Port name="$1"; }

# servers an interrupted run left behind (their ports were in a server that is gone): deleted now
# that Nova reaches a network server, else they would hold the compute hosts' resources
for old in $(nova GET "/servers?all_tenants=1&name=^nova-scn-" | jq_ '" ".join(s["id"] for s in d["servers"])'); do
  echo "nova: deleting server $old, left by an earlier run"
  nova DELETE "/servers/$old" >/dev/null
done

aliases="$(anet GET extensions | jq_ '" ".join(sorted(e["alias"] for e in d["extensions"]))')"
case " $aliases " in
  *" binding-extended "*) echo "nova: the server advertises binding-extended: Nova live-migrates with multiple port bindings" ;;
  *) echo "nova: the server does not advertise binding-extended: Nova live-migrates with the old flow (binding:host_id set after)" ;;
esac

net1=$(net POST networks "{\"network\": {\"name\": \"nova-net1-$suffix\"}}" | jq_ 'd["network"]["id"]')
net POST subnets "{\"subnet\": {\"network_id\": \"$net1\", \"cidr\": \"10.140.1.0/24\", \"ip_version\": 4}}" >/dev/null
case "$net1" in ????????-*) ;; *) echo "nova: demo could not create a network"; net1=; exit 1 ;; esac

# --- 1. boot ------------------------------------------------------------------------------------------------
# on the chassis host: the other host is disabled in Nova meanwhile
mark
[ "$(set_compute "$host2" disabled)" = disabled ] || echo "nova: could not disable $host2 (the server may land there)"
# (--wait writes "Progress: N" lines to stdout before the id)
server_id=$(osc demo server create --flavor m1.nano --image cirros --network "$net1" --wait \
  "nova-scn-$suffix" -f value -c id 2>"$state/create.err" | tr '\r' '\n' | grep -Eox '[0-9a-f-]{36}' | tail -n 1)
active_time="$(since "$t0")"
set_compute "$host2" enabled >/dev/null
status="$(server_field status)"
expect "server create --wait reaches ACTIVE (status $status, $active_time)" '[ "$status" = ACTIVE ]'
figure "server create --wait to ACTIVE: $active_time (CLI), created to launched_at: $(nova GET "/servers/$server_id" | jq_ '__import__("datetime").datetime.fromisoformat(d["server"]["OS-SRV-USG:launched_at"]).timestamp() - __import__("datetime").datetime.fromisoformat(d["server"]["created"].replace("Z", "")).timestamp()' 2>/dev/null) s"
if [ "$status" != ACTIVE ]; then
  cat "$state/create.err"; nova GET "/servers/$server_id" | jq_ 'd["server"].get("fault")'
  echo "nova: $what: $passed passed, $failed failed (the other checks need an ACTIVE server)"
  exit 1
fi
shost="$(server_field OS-EXT-SRV-ATTR:host)"

mark
ports_of() { anet GET "ports?device_id=$1" | jq_ '" ".join(p["id"] for p in d["ports"])'; }
port1="$(ports_of "$server_id")"
expect "the server has one port ($port1)" '[[ "$port1" =~ ^[0-9a-f-]{36}$ ]]'
port1="${port1%% *}"
p() { port_field "$port1" "$1"; }
wait_eq "its device_owner" compute:nova p device_owner
expect "the server is on $host1 ($shost)" '[ "$shost" = "$host1" ]'
wait_eq "its binding:host_id is the server's host" "$shost" p binding:host_id
vif="$(p binding:vif_type)"
expect "its vif_type is bound ($vif)" '[ -n "$vif" ] && [ "$vif" != binding_failed ] && [ "$vif" != unbound ] && [ "$vif" != None ]'
expect "it is a Logical_Switch_Port in OVN NB" '[ -n "$(lsp_field "$port1" _uuid)" ]'
rc() { lsp_field "$port1" options | tr ' ' '\n' | sed -n 's/^requested-chassis=//p'; }
tries=20 wait_eq "its LSP's options:requested-chassis" "$host1" rc

# what Nova was told, kept to compare the two servers' answers: the port, and Nova's network_info
side="$($peer && echo neutron || echo neutrino)"
mkdir -p /var/tmp/nova-scenario
anet GET "ports/$port1" | "$py" -m json.tool --sort-keys >"/var/tmp/nova-scenario/$side-port.json" 2>/dev/null
mysql -uroot -Nse "SELECT network_info FROM nova.instance_info_caches WHERE instance_uuid = '$server_id'" 2>/dev/null \
  | "$py" -m json.tool --sort-keys >"/var/tmp/nova-scenario/$side-network-info.json" 2>/dev/null

# --- 2. the VM's NIC plugged into br-int: network-vif-plugged, then -unplugged ----------------------------
mark
mac="$(p mac_address)"
status0="$(p status)"
log_from=$(( $(stat -c %s "$nova_api_log") + 1 ))
ip netns add "$ns"
ip link add "t-$ns" type veth peer name "e-$ns"
ip link set "e-$ns" netns "$ns"
ip -n "$ns" link set "e-$ns" name eth0
ip -n "$ns" link set eth0 address "$mac"
ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up
ovs-vsctl add-port br-int "t-$ns" -- set Interface "t-$ns" external-ids:iface-id="$port1"
ip link set "t-$ns" up
wait_eq "the plugged port becomes ACTIVE (was $status0)" ACTIVE p status
event() { tail -c "+$log_from" "$nova_api_log" | grep -q "Creating event $1:$port1 for instance $server_id"; }
expect "Nova receives network-vif-plugged for the port" 'tries=40 eventually event network-vif-plugged'
figure "plug to network-vif-plugged: $(since "$t0")"

# the VM asks for its metadata: DHCP (applying option 121, as a guest does), then 169.254.169.254
# through the network's metadata port and neutron-ovn-metadata-agent to Nova's metadata API
mark
ip netns exec "$ns" ethtool -K eth0 tx off >/dev/null 2>&1; ethtool -K "t-$ns" tx off >/dev/null 2>&1
dhcp_with_routes "$ns"
meta() { ip netns exec "$ns" curl -s -m 2 http://169.254.169.254/openstack/latest/meta_data.json 2>/dev/null \
  | "$py" -c 'import json,sys; print(json.load(sys.stdin).get("uuid", ""))' 2>/dev/null; }
tries=60 wait_eq "the VM gets its metadata from Nova at 169.254.169.254 (the server's uuid)" "$server_id" meta
figure "DHCP to metadata: $(since "$t0")"
rm -rf "/etc/netns/$ns"
mark
unplug
wait_eq "the unplugged port goes DOWN" DOWN p status
expect "Nova receives network-vif-unplugged for the port" 'tries=40 eventually event network-vif-unplugged'

# --- 3. server add port / remove port ------------------------------------------------------------------------
mark
port2=$(net POST ports "{\"port\": {\"network_id\": \"$net1\", \"name\": \"nova-extra-$suffix\"}}" | jq_ 'd["port"]["id"]')
out="$(osc demo server add port "$server_id" "$port2" 2>&1)"
[ -z "$out" ] || echo "$out" | tail -3
q() { port_field "$port2" "$1"; }
tries=20 wait_eq "server add port: the port's device_id is the server" "$server_id" q device_id
wait_eq "the added port's binding:host_id is the server's host" "$host1" q binding:host_id
wait_eq "the added port's device_owner" compute:nova q device_owner
vif="$(q binding:vif_type)"
expect "the added port's vif_type is bound ($vif)" '[ "$vif" != binding_failed ] && [ "$vif" != unbound ] && [ "$vif" != None ]'
mark
out="$(osc demo server remove port "$server_id" "$port2" 2>&1)"
[ -z "$out" ] || echo "$out" | tail -3
wait_eq "server remove port: the port's device_id is empty" "" q device_id
hostless() { q binding:host_id | sed 's/^None$//'; }
wait_eq "the removed port's binding:host_id is empty" "" hostless

# --- 4. live migration -------------------------------------------------------------------------------------
mark
out="$(osc admin --os-compute-api-version 2.30 server migrate --live-migration --host "$host2" --wait "$server_id" 2>&1)"
[ -z "$out" ] || echo "$out" | tail -3
where() { echo "$(server_field status) on $(server_field OS-EXT-SRV-ATTR:host)"; }
tries=40 wait_eq "server migrate --live-migration --host $host2: the server" "ACTIVE on $host2" where
figure "live migration: $(since "$t0")"
tries=20 wait_eq "the port's binding:host_id follows" "$host2" p binding:host_id
vif="$(p binding:vif_type)"
expect "the migrated port's vif_type is bound ($vif)" '[ "$vif" != binding_failed ] && [ "$vif" != unbound ]'
tries=20 wait_eq "its LSP's options:requested-chassis" "$host2" rc

# --- 5. delete ---------------------------------------------------------------------------------------------
mark
out="$(osc demo server delete --wait "$server_id" 2>&1)"
[ -z "$out" ] || echo "$out" | tail -3
expect "server delete: the server is gone" 'tries=20 eventually server_gone'
no_ports() { [ -z "$(ports_of "$server_id")" ]; }
expect "server delete leaves no port with its device_id" 'eventually no_ports'
gone_lsp() { [ -z "$(lsp_field "$port1" _uuid)" ]; }
expect "nor its Logical_Switch_Port" 'eventually gone_lsp'

host_resolv_kept
echo "nova: $what: $passed passed, $failed failed"
figure "whole scenario (after installs): $(since "$scenario_start")"
printf '  %s\n' "${figures[@]}"
[ "$failed" -eq 0 ]
