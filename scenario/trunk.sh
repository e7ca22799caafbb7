#!/usr/bin/env bash
# Trunk scenario with real OVN and OVS (userspace datapath) and network namespaces as VMs. The trunk
# VM's NIC is a small userspace OVS bridge (br-tvm, datapath_type=netdev) plugged into br-int as the
# trunk's parent port: its eth0 leaves it untagged (the parent's network), its vlan101 leaves it
# tagged with VLAN 101 (this kernel has no 802.1Q module, so OVS tags what a guest's VLAN
# subinterface would). A subport with segmentation id 101 on a second network: vlan101 gets the
# subport's address by OVN's DHCP and pings a plain VM there; removing the subport stops it, adding
# it back brings it back. Also checks the API (trunk ACTIVE, the subport's trunk:subport owner and
# binding profile, trunk_details, the 409s) and the child Logical_Switch_Port in the northbound DB.
# Prints "trunk: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "trunk: OVN could not be started"; exit 1; }
command -v udhcpc >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q udhcpc iputils-ping >/dev/null
command -v ethtool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q ethtool >/dev/null

name=trunk
. scenario/lib.sh
started=$SECONDS
vms=(tvm pvm)
teardown() {
  local vm
  for vm in "${vms[@]}"; do ip netns del "$vm" 2>/dev/null; rm -rf "/etc/netns/$vm"; done
  ovs-vsctl --if-exists del-port br-int t-tvm -- --if-exists del-port br-int t-pvm \
    -- --if-exists del-br br-tvm
  ip link del t-tvm 2>/dev/null; ip link del b0-tvm 2>/dev/null; ip link del b101-tvm 2>/dev/null
}
teardown
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20; }
  teardown
  stop_server
  rm -rf "$state"
}
trap cleanup EXIT
start_server
# another Neutrino server on this OVN holds the repair lock and its repair pass deletes this one's
# rows as orphans: say so, since the checks below then fail for reasons of their own
for _ in $(seq 1 10); do grep -q "now the OVN repair worker" "$state/server.log" && break; sleep 0.5; done
grep -q "now the OVN repair worker" "$state/server.log" \
  || echo "trunk: note: another server holds the OVN repair lock; its repair passes may remove this scenario's rows"

host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"
net1=$(api POST networks '{"network":{"name":"trunk-parent"}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$net1\",\"cidr\":\"10.201.0.0/24\",\"ip_version\":4}}" >/dev/null
net2=$(api POST networks '{"network":{"name":"trunk-vlan101"}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$net2\",\"cidr\":\"10.202.0.0/24\",\"ip_version\":4}}" >/dev/null

new_port() { # network [extra json members] -> the port's JSON
  api POST ports "{\"port\":{\"network_id\":\"$1\"${2:+,$2}}}"
}
parent_json=$(new_port "$net1" "\"name\":\"tvm\",\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"tvm\"")
parent=$(echo "$parent_json" | jq_ 'd["port"]["id"]'); parent_mac=$(echo "$parent_json" | jq_ 'd["port"]["mac_address"]')
sub_json=$(new_port "$net2" '"name":"tvm-vlan101"')
sub=$(echo "$sub_json" | jq_ 'd["port"]["id"]'); sub_mac=$(echo "$sub_json" | jq_ 'd["port"]["mac_address"]')
sub_ip=$(echo "$sub_json" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
plain_json=$(new_port "$net2" "\"name\":\"pvm\",\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"pvm\"")
plain=$(echo "$plain_json" | jq_ 'd["port"]["id"]'); plain_mac=$(echo "$plain_json" | jq_ 'd["port"]["mac_address"]')
plain_ip=$(echo "$plain_json" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')

# --- the API
trunk_json=$(api POST trunks "{\"trunk\":{\"name\":\"t1\",\"port_id\":\"$parent\",\"sub_ports\":[{\"port_id\":\"$sub\",\"segmentation_type\":\"vlan\",\"segmentation_id\":101}]}}")
trunk=$(echo "$trunk_json" | jq_ 'd["trunk"]["id"]')
tstatus=$(echo "$trunk_json" | jq_ 'd["trunk"]["status"]')
expect "trunk created with the subport, ACTIVE ($tstatus)" '[ "$tstatus" = ACTIVE ]'
sub_view=$(api GET "ports/$sub" | jq_ '" ".join(str(x) for x in (d["port"]["device_owner"], d["port"]["binding:profile"].get("parent_name"), d["port"]["binding:profile"].get("tag"), d["port"]["binding:vif_type"]))')
expect "the subport is wired as ML2/OVN's trunk driver wires it ($sub_view)" \
  '[ "$sub_view" = "trunk:subport $parent 101 ovs" ]'
details=$(api GET "ports/$parent" | jq_ 'd["port"]["trunk_details"]["trunk_id"] + " " + d["port"]["trunk_details"]["sub_ports"][0]["mac_address"]')
expect "the parent port shows trunk_details with the subport's MAC" '[ "$details" = "$trunk $sub_mac" ]'
code() { curl -s -o /dev/null -w '%{http_code}' -X "$1" "http://127.0.0.1:$port/v2.0/$2" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
expect "deleting the parent port is refused (409)" '[ "$(code DELETE "ports/$parent")" = 409 ]'
expect "the parent cannot be the parent of a second trunk (409)" \
  '[ "$(code POST trunks "{\"trunk\":{\"port_id\":\"$parent\"}}")" = 409 ]'

# --- the northbound database: the subport is a child port of the parent, tagged 101
settle
lsp=$(ovn-nbctl --bare --columns=parent_name,tag find Logical_Switch_Port name="$sub" | xargs)
expect "its Logical_Switch_Port has parent_name and tag 101 ($lsp)" '[ "$lsp" = "$parent 101" ]'

# --- the VMs. tvm's NIC: br-tvm, uplink t-tvm (in br-int as the parent) <-> u-tvm (trunk port),
# eth0 untagged (VLAN 0 only) and vlan101 an access port of VLAN 101, each a veth into the namespace
ip netns add tvm; mkdir -p /etc/netns/tvm && : >/etc/netns/tvm/resolv.conf
ovs-vsctl add-br br-tvm -- set Bridge br-tvm datapath_type=netdev
ip link set br-tvm up
veth() { # outer inner -> a veth pair with checksum offload off on both ends
  ip link add "$1" type veth peer name "$2"
  ethtool -K "$1" tx off >/dev/null 2>&1; ethtool -K "$2" tx off >/dev/null 2>&1
  ip link set "$1" up
}
veth t-tvm u-tvm
ip link set u-tvm up
ovs-vsctl add-port br-int t-tvm -- set Interface t-tvm external-ids:iface-id="$parent"
ovs-vsctl add-port br-tvm u-tvm
veth b0-tvm e0-tvm
ovs-vsctl add-port br-tvm b0-tvm trunks=0
veth b101-tvm e101-tvm
ovs-vsctl add-port br-tvm b101-tvm tag=101
ip link set e0-tvm netns tvm; ip -n tvm link set e0-tvm name eth0
ip link set e101-tvm netns tvm; ip -n tvm link set e101-tvm name vlan101
ip -n tvm link set eth0 address "$parent_mac"; ip -n tvm link set vlan101 address "$sub_mac"
ip -n tvm link set lo up; ip -n tvm link set eth0 up; ip -n tvm link set vlan101 up

ip netns add pvm; mkdir -p /etc/netns/pvm && : >/etc/netns/pvm/resolv.conf
veth t-pvm e-pvm
ip link set e-pvm netns pvm; ip -n pvm link set e-pvm name eth0
ip -n pvm link set eth0 address "$plain_mac"; ip -n pvm link set lo up; ip -n pvm link set eth0 up
ovs-vsctl add-port br-int t-pvm -- set Interface t-pvm external-ids:iface-id="$plain"

status_is() { [ "$(api GET "ports/$1" | jq_ 'd["port"]["status"]')" = "$2" ]; }
within() { for _ in $(seq 1 60); do "$@" && return 0; sleep 0.5; done; return 1; }
expect "the parent port becomes ACTIVE" 'within status_is "$parent" ACTIVE'
expect "the subport becomes ACTIVE (OVN binds the child port with its parent)" 'within status_is "$sub" ACTIVE'

dhcp() { # namespace interface -> its IPv4 address after DHCP
  ip netns exec "$1" udhcpc -i "$2" -n -q -t 10 -T 1 >/dev/null 2>&1
  ip -n "$1" -4 -o addr show "$2" | awk '{print $4}' | cut -d/ -f1 | head -1
}
got_plain=$(dhcp pvm eth0)
expect "the plain VM got $plain_ip by DHCP ($got_plain)" '[ "$got_plain" = "$plain_ip" ]'
parent_ip=$(echo "$parent_json" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
got_parent=$(dhcp tvm eth0)
expect "the trunk VM's untagged eth0 got the parent's $parent_ip by DHCP ($got_parent)" '[ "$got_parent" = "$parent_ip" ]'
got_sub=$(dhcp tvm vlan101)
expect "VLAN 101 of the trunk VM got the subport's $sub_ip by DHCP ($got_sub)" '[ "$got_sub" = "$sub_ip" ]'

pings() { ip netns exec tvm ping -c 1 -W 1 -I vlan101 "$plain_ip" >/dev/null 2>&1; }
eventually() { for _ in $(seq 1 10); do pings && return 0; sleep 0.5; done; return 1; }
never() { for _ in $(seq 1 4); do pings && return 1; sleep 0.5; done; return 0; }
expect "VLAN 101 of the trunk VM pings the plain VM" 'eventually'

# --- the subport removed: its frames no longer reach the second network
removed=$(api PUT "trunks/$trunk/remove_subports" "{\"sub_ports\":[{\"port_id\":\"$sub\"}]}" | jq_ 'len(d["sub_ports"])')
expect "remove_subports answers the trunk without subports ($removed)" '[ "$removed" = 0 ]'
settle
lsp=$(ovn-nbctl --bare --columns=parent_name,tag find Logical_Switch_Port name="$sub" | xargs)
expect "its Logical_Switch_Port is no child port any more ('$lsp')" '[ -z "$lsp" ]'
expect "subport removed: the ping stops" 'never'
owner=$(api GET "ports/$sub" | jq_ 'd["port"]["device_owner"]')
expect "the removed subport's port is a plain port again (device_owner '$owner')" '[ -z "$owner" ]'

# --- and back
api PUT "trunks/$trunk/add_subports" "{\"sub_ports\":[{\"port_id\":\"$sub\",\"segmentation_type\":\"vlan\",\"segmentation_id\":101}]}" >/dev/null
settle
expect "subport added back: the ping passes again" 'eventually'
tstatus=$(api GET "trunks/$trunk" | jq_ 'd["trunk"]["status"]')
expect "the trunk is ACTIVE after add_subports ($tstatus)" '[ "$tstatus" = ACTIVE ]'

# --- the trunk deleted: the parent port may go
expect "the trunk is deleted (204)" '[ "$(code DELETE "trunks/$trunk")" = 204 ]'
expect "then the parent port can be deleted (204)" '[ "$(code DELETE "ports/$parent")" = 204 ]'
# leave nothing in OVN behind
for p in "$sub" "$plain"; do api DELETE "ports/$p" >/dev/null; done
for n in "$net1" "$net2"; do api DELETE "networks/$n" >/dev/null; done
settle
left=$(ovn-nbctl --bare --columns=name find Logical_Switch name="neutron-$net1" -- find Logical_Switch name="neutron-$net2" | xargs)
expect "ports and networks deleted: their switches are gone from OVN ('$left')" '[ -z "$left" ]'

host_resolv_kept
echo "trunk: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
