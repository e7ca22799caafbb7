#!/usr/bin/env bash
# The real openstack CLI (Debian python3-openstackclient) against a fresh noauth Neutrino, as a new
# user would try it: network, subnet, port, security group and rule create/list/show/set/unset/delete,
# tags, extension list, network segments. Prints "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
if ! command -v openstack >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-openstackclient >/dev/null
fi
# shellcheck source=lib/checks.sh
. scripts/lib/checks.sh
state="$(mktemp -d)"
port=$(free_port)
printf '[DEFAULT]\nbind_port = %s\nstate_path = %s\n' "$port" "$state" > "$state/neutron.conf"
bin/neutrino server --config-file "$state/neutron.conf" > "$state/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$state"' EXIT
wait_for_url "http://127.0.0.1:$port/"

os() { openstack --os-auth-type none --os-endpoint "http://127.0.0.1:$port" "$@"; }

check "network create" "ACTIVE" os network create net1 -f value -c status
check "network list" "net1" os network list -f value -c Name
run "network set" os network set --description hello --tag red net1
check "network show" "hello" os network show net1 -f value -c description
check "network tag filter" "net1" os network list --tags red -f value -c Name
absent "network tag filter excludes" "net1" os network list --tags blue -f value -c Name
run "network unset tag" os network unset --tag red net1
check "subnet create" "10.0.0.1" os subnet create --network net1 --subnet-range 10.0.0.0/24 sub1 -f value -c gateway_ip
check "subnet pools" "10.0.0.254" os subnet show sub1 -f value -c allocation_pools
run "subnet set dns" os subnet set --dns-nameserver 192.0.2.53 sub1
check "subnet show dns" "192.0.2.53" os subnet show sub1 -f value -c dns_nameservers
check "subnet unset dns" "[]" bash -c "openstack --os-auth-type none --os-endpoint http://127.0.0.1:$port subnet unset --dns-nameserver 192.0.2.53 sub1 && openstack --os-auth-type none --os-endpoint http://127.0.0.1:$port subnet show sub1 -f value -c dns_nameservers"
check "port create" "10.0.0." os port create --network net1 port1 -f value -c fixed_ips
check "port mac" "fa:16:3e:" os port show port1 -f value -c mac_address
check "port fixed ip" "10.0.0.77" os port create --network net1 --fixed-ip subnet=sub1,ip-address=10.0.0.77 port2 -f value -c fixed_ips
check "port ip in use" "409" os port create --network net1 --fixed-ip subnet=sub1,ip-address=10.0.0.77 port3
run "port set" os port set --name port1b port1
check "port list" "port1b" os port list -f value -c Name
check "sg create" "sg1" os security group create sg1 -f value -c name
check "sg rule create" "22" os security group rule create --protocol tcp --dst-port 22 sg1 -f value -c port_range_min
check "sg rule duplicate" "409" os security group rule create --protocol tcp --dst-port 22 sg1
check "sg rule list" "tcp" os security group rule list sg1 -f value -c "IP Protocol"
run "port set sg" os port set --security-group sg1 port1b
check "sg in use" "in use" os security group delete sg1
run "port unset sg" os port unset --security-group sg1 port1b
run "sg delete" os security group delete sg1
check "default sg" "default" os security group list -f value -c Name
check "extension list" "security-group" os extension list --network -f value -c Alias
check "network in use" "409" os network delete net1
run "port delete" os port delete port1b port2
run "subnet delete" os subnet delete sub1
run "network delete" os network delete net1
absent "network gone" "net1" os network list -f value -c Name
check "provider network" "physseg1" os network create pnet --provider-network-type flat --provider-physical-network physseg1 -f value -c provider:physical_network
check "segment create" "physseg2" os network segment create --network pnet --network-type flat --physical-network physseg2 seg1 -f value -c physical_network
check "segment list" "seg1" os network segment list --network pnet -f value -c Name
check "network segments" "physseg1" os network show pnet -f value -c segments
run "segment set" os network segment set --name seg1b --description edge seg1
check "segment show" "edge" os network segment show seg1b -f value -c description
check "subnet on segment" "$(openstack --os-auth-type none --os-endpoint "http://127.0.0.1:$port" network segment show seg1b -f value -c id 2>/dev/null)" os subnet create --network pnet --network-segment seg1b --subnet-range 10.9.0.0/24 psub -f value -c segment_id
check "segment in use" "409" os network segment delete seg1b
run "subnet on segment delete" os subnet delete psub
run "segment delete" os network segment delete seg1b
run "provider network delete" os network delete pnet

echo "cli-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
