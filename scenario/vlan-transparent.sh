#!/usr/bin/env bash
# VLAN transparency and QinQ with real OVN and OVS (userspace datapath) and network namespaces as VMs.
# A VM sends raw Ethernet frames through an AF_PACKET socket (this kernel has no 802.1Q module, and a
# guest's VLAN subinterface sends exactly such frames): an 802.1Q frame tagged 42 from its own MAC, and
# an untagged one, both of an experimental ethertype (0x88b5) that no port security or ACL filters.
#   - vlan_transparent network (geneve): the other VM receives the frame with tag 42 (tcpdump -e);
#   - a plain network: the untagged frame arrives, the tagged one does not (OVN drops tagged frames
#     unless the switch has vlan-passthru);
#   - qinq network (vlan 142 on the physical network "public"): the other VM receives tag 42 intact,
#     and on the physical network (a namespace on br-ex) the frame carries an 802.1ad outer tag 142
#     around the VM's 802.1Q tag 42.
# Also checks the API (the attributes, 400 for both at once, for a flat transparent network and a
# geneve QinQ network) and the northbound rows (vlan-passthru, the localnet port's ethtype).
# Prints "vlan-transparent: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "vlan-transparent: OVN could not be started"; exit 1; }
command -v tcpdump >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q tcpdump >/dev/null
command -v ethtool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q ethtool >/dev/null

name=vlan-transparent
. scenario/lib.sh
started=$SECONDS
physnet="${OVN_PHYSNET:-public}"
bridge="$(ovs-vsctl get open . external-ids:ovn-bridge-mappings | tr -d '"' | tr ',' '\n' \
  | sed -n "s/^$physnet://p")"
[ -n "$bridge" ] || { echo "vlan-transparent: no ovn-bridge-mappings for $physnet"; exit 1; }
vms=(vta vtb pla plb qqa qqb)
teardown() {
  local vm
  for vm in "${vms[@]}" vtphys; do
    ip netns del "$vm" 2>/dev/null; rm -rf "/etc/netns/$vm"
    ovs-vsctl --if-exists del-port br-int "t-$vm" -- --if-exists del-port "$bridge" "t-$vm"
    ip link del "t-$vm" 2>/dev/null
  done
}
teardown
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20; }
  teardown
  stop_server
  rm -rf "$state"
}
trap cleanup EXIT
start_server '[ml2]' 'mechanism_drivers = ovn' '[ml2_type_vlan]' "network_vlan_ranges = $physnet:100:199"
host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"
code() { curl -s -o /dev/null -w '%{http_code}' -X "$1" "http://127.0.0.1:$port/v2.0/$2" -H 'Content-Type: application/json' ${3:+-d "$3"}; }

# --- the API
expect "vlan_transparent and qinq together are refused (400)" \
  '[ "$(code POST networks "{\"network\":{\"vlan_transparent\":true,\"qinq\":true}}")" = 400 ]'
expect "a flat network cannot be VLAN transparent with ML2/OVN (400)" \
  '[ "$(code POST networks "{\"network\":{\"vlan_transparent\":true,\"provider:network_type\":\"flat\",\"provider:physical_network\":\"$physnet\"}}")" = 400 ]'
expect "a geneve network cannot be QinQ (400)" \
  '[ "$(code POST networks "{\"network\":{\"qinq\":true}}")" = 400 ]'
vt=$(api POST networks '{"network":{"name":"vt","vlan_transparent":true}}' | jq_ 'd["network"]["id"]')
pl=$(api POST networks '{"network":{"name":"plain"}}' | jq_ 'd["network"]["id"]')
qq_json=$(api POST networks "{\"network\":{\"name\":\"qq\",\"qinq\":true,\"provider:network_type\":\"vlan\",\"provider:physical_network\":\"$physnet\",\"provider:segmentation_id\":142}}")
qq=$(echo "$qq_json" | jq_ 'd["network"]["id"]')
expect "the QinQ network shows qinq true, vlan_transparent false" \
  '[ "$(echo "$qq_json" | jq_ "(d[\"network\"][\"qinq\"], d[\"network\"][\"vlan_transparent\"])")" = "(True, False)" ]'

# --- the VMs: one port each, bound here, plugged as a veth with the port's MAC
declare -A mac
plug() { # vm network -> the port in ports[], its MAC in mac[vm]
  local json id
  json=$(api POST ports "{\"port\":{\"network_id\":\"$2\",\"name\":\"$1\",\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"$1\"}}")
  id=$(echo "$json" | jq_ 'd["port"]["id"]'); mac[$1]=$(echo "$json" | jq_ 'd["port"]["mac_address"]')
  ip netns add "$1"; mkdir -p "/etc/netns/$1" && : >"/etc/netns/$1/resolv.conf"
  ip link add "t-$1" type veth peer name "e-$1"
  ip link set "e-$1" netns "$1"; ip -n "$1" link set "e-$1" name eth0
  ip -n "$1" link set eth0 address "${mac[$1]}"; ip -n "$1" link set lo up; ip -n "$1" link set eth0 up
  ip link set "t-$1" up
  ovs-vsctl add-port br-int "t-$1" -- set Interface "t-$1" external-ids:iface-id="$id"
  ports+=("$id")
}
ports=()
for vm in vta vtb; do plug "$vm" "$vt"; done
for vm in pla plb; do plug "$vm" "$pl"; done
for vm in qqa qqb; do plug "$vm" "$qq"; done
# the physical network "public": a namespace on the provider bridge sees what leaves the localnet port
ip netns add vtphys
ip link add t-vtphys type veth peer name e-vtphys
ip link set e-vtphys netns vtphys; ip -n vtphys link set e-vtphys name eth0; ip -n vtphys link set eth0 up
ip link set t-vtphys up; ovs-vsctl add-port "$bridge" t-vtphys
status_is() { [ "$(api GET "ports/$1" | jq_ 'd["port"]["status"]')" = "$2" ]; }
within() { for _ in $(seq 1 60); do "$@" && return 0; sleep 0.5; done; return 1; }
for p in "${ports[@]}"; do within status_is "$p" ACTIVE || fail "port $p did not become ACTIVE"; done
settle

# --- the northbound rows
passthru() { ovn-nbctl --bare get Logical_Switch "neutron-$1" other_config:vlan-passthru | tr -d '"'; }
expect "the transparent network's switch has vlan-passthru=true" '[ "$(passthru "$vt")" = true ]'
expect "the QinQ network's switch has vlan-passthru=true" '[ "$(passthru "$qq")" = true ]'
expect "the plain network's switch has vlan-passthru=false" '[ "$(passthru "$pl")" = false ]'
ethtype=$(ovn-nbctl --bare --columns=options find Logical_Switch_Port type=localnet "options:network_name=$physnet" tag=142)
expect "the QinQ network's localnet port tags 142 with ethtype 802.11ad ($ethtype)" '[[ "$ethtype" == *"ethtype=802.11ad"* ]]'

# --- frames: broadcast, ethertype 0x88b5 (local experimental), tagged 42 or not
send() { # vm tagged|untagged
  ip netns exec "$1" "$py" - "${mac[$1]}" "$2" <<'EOF'
import socket, sys, time
src = bytes.fromhex(sys.argv[1].replace(":", ""))
tag = b"\x81\x00\x00\x2a" if sys.argv[2] == "tagged" else b""
frame = b"\xff" * 6 + src + tag + b"\x88\xb5" + b"neutrino-vlan-transparency".ljust(46, b".")
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("eth0", 0))
for _ in range(6):
    s.send(frame)
    time.sleep(0.2)
EOF
}
capture() { # vm pcap-filter -> tcpdump -e's first matching line, within 4 s
  ip netns exec "$1" timeout 4 tcpdump -e -n -l -c 1 -i eth0 "$2" 2>/dev/null
}
seen() { # receiver filter sender tagged|untagged [where]
  local out="$state/capture"
  capture "${5:-$1}" "$2" > "$out" & local pid=$!
  sleep 1; send "$3" "$4"; wait "$pid"
  cat "$out"
}

got=$(seen vtb 'vlan 42' vta tagged)
echo "  vtb: $got"
expect "transparent network: the other VM receives the 802.1Q frame with tag 42" '[[ "$got" == *"vlan 42"* ]]'
got=$(seen plb 'ether proto 0x88b5' pla untagged)
expect "plain network: the other VM receives the untagged frame" '[[ "$got" == *"0x88b5"* ]]'
got=$(seen plb 'vlan' pla tagged)
expect "plain network: the tagged frame does not arrive ('$got')" '[ -z "$got" ]'
got=$(seen qqb 'vlan 42' qqa tagged)
echo "  qqb: $got"
expect "QinQ network: the other VM receives the frame with its tag 42 intact" '[[ "$got" == *"vlan 42"* && "$got" != *"vlan 142"* ]]'
got=$(seen vtphys 'vlan 142 and vlan 42' qqa tagged vtphys)
echo "  public: $got"
expect "QinQ network: on the physical network the frame is 802.1ad tag 142 around 802.1Q tag 42" \
  '[[ "$got" == *"0x88a8"*"vlan 142"*"vlan 42"* ]]'

# leave nothing in OVN behind
for p in "${ports[@]}"; do api DELETE "ports/$p" >/dev/null; done
for n in "$vt" "$pl" "$qq"; do api DELETE "networks/$n" >/dev/null; done
settle
left=$(ovn-nbctl --bare --columns=name find Logical_Switch name="neutron-$vt" -- find Logical_Switch name="neutron-$pl" -- find Logical_Switch name="neutron-$qq" | xargs)
expect "networks deleted: their switches are gone from OVN ('$left')" '[ -z "$left" ]'

host_resolv_kept
echo "vlan-transparent: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
