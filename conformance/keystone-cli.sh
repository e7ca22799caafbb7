#!/usr/bin/env bash
# Neutrino behind a real Keystone, driven by the real openstack CLI with password logins (issue 3's
# "must show"): admin and two members (demo, alt; from scripts/keystone-services.sh) create and list
# networks, subnets and ports; a member cannot see another project's network (404) nor set provider
# attributes (403); then the error paths: a bad token is 401 with WWW-Authenticate, an unreachable
# Keystone is 503, a broken policy file stops the server at start with a clear message.
# Prints "keystone-cli: N passed, M failed"; exits non-zero on any failure.
#
#   conformance/keystone-cli.sh [--port 9696]
#
# Keystone's network endpoint is pointed at the port (as conformance/tempest/run.sh does), so both
# take the same lock and do not run at the same time.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
port=9696
[[ "${1:-}" == --port ]] && port="$2"
# shellcheck source=../scripts/lib/checks.sh
. scripts/lib/checks.sh
command -v openstack >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-openstackclient >/dev/null

exec 9>/tmp/neutrino-conformance.run.lock
flock -w 1800 9 || { echo "keystone-cli: another conformance run holds the lock"; exit 4; }
url="http://127.0.0.1:$port"
bash scripts/keystone-services.sh --neutrino-url "$url" >/tmp/keystone-cli-services.log 2>&1 9>&- \
  || { tail -20 /tmp/keystone-cli-services.log; echo "keystone-cli: Keystone setup failed"; exit 4; }

state="$(mktemp -d)"
pids=()
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; tail -20 "$state/server.log"; }
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$state"
}
trap cleanup EXIT

conf() { # file port keystone-url [extra DEFAULT lines]
  cat >"$1" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $2
auth_strategy = keystone
state_path = $state/$(basename "$1" .conf)
${4:-}
[keystone_authtoken]
www_authenticate_uri = $3
auth_url = $3
auth_type = password
username = neutron
password = neutron
project_name = service
user_domain_name = Default
project_domain_name = Default
CONF
}

conf "$state/main.conf" "$port" http://127.0.0.1:5000 "[ml2_type_vlan]
network_vlan_ranges = public"
bin/neutrino server --config-file "$state/main.conf" >"$state/server.log" 2>&1 9>&- &
pids+=($!)
wait_for_url "$url/" || { echo "keystone-cli: Neutrino did not start"; cat "$state/server.log"; exit 1; }

as() { # user, openstack args...: the CLI with that user's password login
  local user="$1"; shift
  ( . "/etc/keystone/openrc/$user" && openstack "$@" )
}

suffix=$RANDOM
check "demo creates a network" "ACTIVE" as demo network create "kc-demo-$suffix" -f value -c status
check "demo creates a subnet" "10.77.0.1" as demo subnet create --network "kc-demo-$suffix" --subnet-range 10.77.0.0/24 "kc-sub-$suffix" -f value -c gateway_ip
check "demo creates a port" "10.77.0." as demo port create --network "kc-demo-$suffix" "kc-port-$suffix" -f value -c fixed_ips
check "demo lists its port" "kc-port-$suffix" as demo port list -f value -c Name
demo_project=$(as admin project show demo -f value -c id)
check "the network belongs to demo's project" "$demo_project" as demo network show "kc-demo-$suffix" -f value -c project_id
net_id=$(as demo network show "kc-demo-$suffix" -f value -c id)
check "alt cannot find demo's network" "No Network found" as alt network show "$net_id"
alt_token=$(as alt token issue -f value -c id)
check "alt gets 404 for demo's network over HTTP" "404" curl -s -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $alt_token" "$url/v2.0/networks/$net_id"
absent "alt does not list it" "kc-demo-$suffix" as alt network list -f value -c Name
check "demo may not set provider attributes" "403" as demo network create --provider-network-type geneve "kc-prov-$suffix"
port_id=$(as demo port show "kc-port-$suffix" -f value -c id)
demo_token=$(as demo token issue -f value -c id)
check "demo reads its port over HTTP" "$port_id" curl -s -H "X-Auth-Token: $demo_token" "$url/v2.0/ports/$port_id"
absent "binding:host_id is hidden from demo" "binding:host_id" curl -s -H "X-Auth-Token: $demo_token" "$url/v2.0/ports/$port_id"
check "admin sees demo's network" "kc-demo-$suffix" as admin network list -f value -c Name
check "admin creates for demo's project" "$demo_project" as admin network create --project demo "kc-admin-$suffix" -f value -c project_id
check "admin sets provider attributes" "vlan" as admin network create --provider-network-type vlan --provider-physical-network public --provider-segment 3001 "kc-vlan-$suffix" -f value -c provider:network_type

code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
check "no token is 401" "401" code "$url/v2.0/networks"
check "a bad token is 401" "401" code -H 'X-Auth-Token: not-a-token' "$url/v2.0/networks"
check "401 says where to log in" 'Keystone uri="http://127.0.0.1:5000"' curl -s -D - -o /dev/null -H 'X-Auth-Token: x' "$url/v2.0/networks"
check "401 has keystonemiddleware's body" "requires authentication" curl -s -H 'X-Auth-Token: x' "$url/v2.0/networks"

# a second server whose Keystone is unreachable (nothing listens on the port): 503, not 500
down_port=$(free_port)
other=$(free_port)
conf "$state/down.conf" "$other" "http://127.0.0.1:$down_port"
bin/neutrino server --config-file "$state/down.conf" >"$state/down.log" 2>&1 9>&- &
pids+=($!)
wait_for_url "http://127.0.0.1:$other/"
check "Keystone unreachable is 503" "503" code -H "X-Auth-Token: $demo_token" "http://127.0.0.1:$other/v2.0/networks"

# a policy file that does not parse: the server refuses to start and says why
printf 'get_network: "rule:admin_only or (\n' >"$state/broken-policy.yaml"
conf "$state/broken.conf" "$(free_port)" http://127.0.0.1:5000 "[oslo_policy]
policy_file = $state/broken-policy.yaml"
out="$(timeout 120 bin/neutrino server --config-file "$state/broken.conf" 2>&1 9>&-)"; rc=$?
[[ $rc -ne 0 && $rc -ne 124 && "$out" == *broken-policy.yaml* ]]
result "a broken policy file stops the server with its name in the message" $? "exit $rc: $(tail -3 <<<"$out")"

as demo port delete "kc-port-$suffix" >/dev/null 2>&1
as demo subnet delete "kc-sub-$suffix" >/dev/null 2>&1
as demo network delete "kc-demo-$suffix" >/dev/null 2>&1
echo "keystone-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
