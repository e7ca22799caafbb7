#!/usr/bin/env bash
# L3 dataplane scenario with real OVN and OVS (userspace datapath) and network namespaces as VMs:
# two geneve networks on one router route between each other; the router's gateway on a flat
# external network (physical network "public", bridged to br-ex by scripts/ovn-services.sh) SNATs a
# VM without a floating IP to the gateway address (and does not once enable_snat is false); a
# floating IP answers from the external "host" namespace and stops answering once disassociated,
# then again distributed (enable_distributed_floating_ip); a VM configures its IPv6 address by SLAAC
# from the router's advertisements. Prints "l3: N passed, M failed"; exits
# non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "l3: OVN could not be started"; exit 1; }
physnet="${OVN_PHYSNET:-public}"
bridge="$(ovs-vsctl get open . external-ids:ovn-bridge-mappings | tr -d '"' | tr ',' '\n' \
  | sed -n "s/^$physnet://p")"
[ -n "$bridge" ] || { echo "l3: no ovn-bridge-mappings for $physnet"; exit 1; }

name=l3
. scenario/lib.sh
# namespaces and their OVS ports: l3-vm1, l3-vm2 on br-int, l3-host on the provider bridge
nss=(l3-vm1 l3-vm2 l3-host)
teardown() {
  for ns in "${nss[@]}"; do
    ip netns del "$ns" 2>/dev/null
    ovs-vsctl --if-exists del-port "t-$ns"
  done
}
teardown
listener=
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20
                           echo "--- ovn-nbctl show"; ovn-nbctl show; }
  [ -n "$listener" ] && kill "$listener" 2>/dev/null
  teardown
  # the Neutron resources, so OVN keeps no rows of this run once the server is gone
  if [ -n "${router:-}" ]; then
    [ -n "${fip:-}" ] && api DELETE "floatingips/$fip" >/dev/null
    for s in "${sub1:-}" "${sub2:-}" "${sub6:-}"; do
      [ -n "$s" ] && api PUT "routers/$router/remove_router_interface" "{\"subnet_id\":\"$s\"}" >/dev/null
    done
    api DELETE "routers/$router" >/dev/null
  fi
  for p in "${vmports[@]}"; do api DELETE "ports/$p" >/dev/null; done
  for n in "${net1:-}" "${net2:-}" "${ext:-}"; do [ -n "$n" ] && api DELETE "networks/$n" >/dev/null; done
  settle >/dev/null 2>&1
  stop_server
  rm -rf "$state"
}
trap cleanup EXIT
start_server "enable_distributed_floating_ip = false"
# "$@" succeeds within 30 tries (half a minute or more on a busy machine) / keeps failing 6 times
eventually() { for _ in $(seq 1 30); do "$@" && return 0; sleep 0.5; done; return 1; }
never() { for _ in $(seq 1 6); do "$@" && return 1; sleep 0.5; done; return 0; }
pings() { ip netns exec "$1" ping -c 1 -W 2 "$2" >/dev/null 2>&1; }
# the NAT row of an external IP as "logical_port external_mac" (empty parts dropped)
nat_of() { ovn-nbctl --bare --columns=logical_port,external_mac find NAT external_ip="$1" | tr '\n' ' ' | xargs; }
nat_is() { [ "$(nat_of "$1")" = "$2" ]; }

# --- Neutron resources ----------------------------------------------------------------------
host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"
ext=$(api POST networks "{\"network\":{\"name\":\"l3-public\",\"router:external\":true,\"provider:network_type\":\"flat\",\"provider:physical_network\":\"$physnet\"}}" | jq_ 'd["network"]["id"]')
extsub=$(api POST subnets "{\"subnet\":{\"network_id\":\"$ext\",\"cidr\":\"172.24.44.0/24\",\"ip_version\":4,\"gateway_ip\":\"172.24.44.1\",\"enable_dhcp\":false}}" | jq_ 'd["subnet"]["id"]')
net1=$(api POST networks '{"network":{"name":"l3-net1"}}' | jq_ 'd["network"]["id"]')
net2=$(api POST networks '{"network":{"name":"l3-net2"}}' | jq_ 'd["network"]["id"]')
sub1=$(api POST subnets "{\"subnet\":{\"network_id\":\"$net1\",\"cidr\":\"10.131.1.0/24\",\"ip_version\":4}}" | jq_ 'd["subnet"]["id"]')
sub2=$(api POST subnets "{\"subnet\":{\"network_id\":\"$net2\",\"cidr\":\"10.131.2.0/24\",\"ip_version\":4}}" | jq_ 'd["subnet"]["id"]')
router=$(api POST routers '{"router":{"name":"l3-router"}}' | jq_ 'd["router"]["id"]')
api PUT "routers/$router/add_router_interface" "{\"subnet_id\":\"$sub1\"}" >/dev/null
api PUT "routers/$router/add_router_interface" "{\"subnet_id\":\"$sub2\"}" >/dev/null
gw=$(api PUT "routers/$router" "{\"router\":{\"external_gateway_info\":{\"network_id\":\"$ext\",\"enable_snat\":true}}}")
gwip=$(echo "$gw" | jq_ 'd["router"]["external_gateway_info"]["external_fixed_ips"][0]["ip_address"]')
expect "router has a gateway on the external network ($gwip)" '[[ "$gwip" == 172.24.44.* ]]'
# a security group that lets ICMP and TCP in (the default group only admits its own members)
sg=$(api POST security-groups '{"security_group":{"name":"l3-open"}}' | jq_ 'd["security_group"]["id"]')
for proto in icmp tcp; do
  api POST security-group-rules "{\"security_group_rule\":{\"security_group_id\":\"$sg\",\"direction\":\"ingress\",\"protocol\":\"$proto\",\"ethertype\":\"IPv4\"}}" >/dev/null
done

# The userspace datapath takes packets off a veth by AF_PACKET and does not complete checksums the
# kernel left to the NIC (TX checksum offload): TCP and UDP would arrive with bad checksums and only
# ping would work. What `ethtool -K eth0 tx off` does, by the ETHTOOL_STXCSUM ioctl.
txcsum_off() { # namespace
  ip netns exec "$1" "$py" -c '
import ctypes, fcntl, socket, struct
val = ctypes.create_string_buffer(struct.pack("II", 0x17, 0))  # ETHTOOL_STXCSUM, off
fcntl.ioctl(socket.socket(), 0x8946, struct.pack("16sP", b"eth0", ctypes.addressof(val)) + bytes(16))'
}

vmports=()
plug() { # namespace network -> the port, its namespace with its fixed IP and default route; prints "id ip"
  local ns="$1" net="$2"
  local p; p=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"$ns\",\"security_groups\":[\"$sg\"],\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"$ns\"}}")
  local id mac ip gwip
  id=$(echo "$p" | jq_ 'd["port"]["id"]'); mac=$(echo "$p" | jq_ 'd["port"]["mac_address"]')
  ip=$(echo "$p" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
  gwip=$(api GET "subnets/$(echo "$p" | jq_ 'd["port"]["fixed_ips"][0]["subnet_id"]')" | jq_ 'd["subnet"]["gateway_ip"]')
  ip netns add "$ns"
  ip link add "t-$ns" type veth peer name "e-$ns"
  ip link set "e-$ns" netns "$ns"
  ip -n "$ns" link set "e-$ns" name eth0
  ip -n "$ns" link set eth0 address "$mac"
  ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up
  ip -n "$ns" addr add "$ip/24" dev eth0
  ip -n "$ns" route add default via "$gwip"
  txcsum_off "$ns"
  ovs-vsctl add-port br-int "t-$ns" -- set Interface "t-$ns" external-ids:iface-id="$id"
  ip link set "t-$ns" up
  echo "$id $ip"
}
read -r id1 ip1 < <(plug l3-vm1 "$net1"); vmports+=("$id1")
read -r id2 ip2 < <(plug l3-vm2 "$net2"); vmports+=("$id2")
# the "host" on the external network: the upstream gateway address of the external subnet
ip netns add l3-host
ip link add t-l3-host type veth peer name e-l3-host
ip link set e-l3-host netns l3-host
ip -n l3-host link set e-l3-host name eth0
ip -n l3-host link set lo up; ip -n l3-host link set eth0 up
ip -n l3-host addr add 172.24.44.1/24 dev eth0
txcsum_off l3-host
ovs-vsctl add-port "$bridge" t-l3-host
ip link set t-l3-host up

for _ in $(seq 1 60); do
  s1=$(api GET "ports/$id1" | jq_ 'd["port"]["status"]'); s2=$(api GET "ports/$id2" | jq_ 'd["port"]["status"]')
  [ "$s1" = ACTIVE ] && [ "$s2" = ACTIVE ] && break; sleep 0.5
done
expect "VM ports become ACTIVE ($s1, $s2)" '[ "$s1" = ACTIVE ] && [ "$s2" = ACTIVE ]'
settle

# router interfaces are ACTIVE once OVN reports their switch ports up (northd does, for router ports)
rif_active() { [ "$(api GET "ports?device_owner=network:router_interface&device_id=$router&status=ACTIVE" \
  | jq_ 'len(d["ports"])')" = 2 ]; }
expect "both router interfaces become ACTIVE" 'eventually rif_active'

# --- 1. east-west through the router ----------------------------------------------------------
expect "l3-vm1 ($ip1) pings l3-vm2 ($ip2) across the router" 'eventually pings l3-vm1 "$ip2"'
expect "l3-vm2 pings l3-vm1 back" 'eventually pings l3-vm2 "$ip1"'

# --- 2. SNAT to the gateway address -----------------------------------------------------------
# the gateway port is scheduled on this chassis (flagged as gateway, bridged to $physnet) and
# ovn-controller claimed its chassisredirect port there
chassis="$(ovs-vsctl get open . external-ids:system-id | tr -d '"')"
gwport=$(api GET "ports?device_owner=network:router_gateway&device_id=$router" | jq_ 'd["ports"][0]["id"]')
crbound() { [ "$(ovn-sbctl --bare --columns=chassis find Port_Binding logical_port="cr-lrp-$gwport")" = \
  "$(ovn-sbctl --bare --columns=_uuid find Chassis name="$chassis")" ]; }
expect "the gateway port lrp-$gwport is bound to gateway chassis $chassis" 'eventually crbound'
expect "l3-vm1 (no floating IP) pings the external host 172.24.44.1" 'eventually pings l3-vm1 172.24.44.1'
# the host prints the source address of each TCP connection it accepts
ip netns exec l3-host "$py" -u -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("172.24.44.1", 7777)); s.listen(8)
while True:
    c, a = s.accept(); print(a[0], flush=True); c.close()' >> "$state/peers" 2>&1 &
listener=$!
connects() { # namespace -> one TCP connection to the host's listener
  ip netns exec "$1" "$py" -c 'import socket; socket.create_connection(("172.24.44.1", 7777), timeout=2).close()' 2>/dev/null
}
source_seen() { # namespace -> the source address the host saw for a connection from it (empty: none)
  : > "$state/peers"
  eventually connects "$1" && sleep 0.2 && tail -1 "$state/peers"
}
seen=$(source_seen l3-vm1)
expect "the host sees the router gateway $gwip as source (SNAT), not $ip1 (saw '$seen')" '[ -n "$seen" ] && [ "$seen" = "$gwip" ]'
# enable_snat false (ext-gw-mode): the same gateway, no SNAT rows; the host, given a route back to
# the project networks through the gateway, sees the VM's own address
ip -n l3-host route add 10.131.0.0/16 via "$gwip"
gwinfo() { echo "{\"router\":{\"external_gateway_info\":{\"network_id\":\"$ext\",\"enable_snat\":$1}}}"; }
api PUT "routers/$router" "$(gwinfo false)" >/dev/null
snats_are() { [ "$(ovn-nbctl --bare --columns=_uuid find NAT type=snat external_ip="$gwip" | grep -c .)" = "$1" ]; }
expect "enable_snat false: no snat rows left for $gwip" 'eventually snats_are 0'
settle
seen=$(source_seen l3-vm1)
expect "enable_snat false: the host sees l3-vm1's own address $ip1 (saw '$seen')" '[ -n "$seen" ] && [ "$seen" = "$ip1" ]'
api PUT "routers/$router" "$(gwinfo true)" >/dev/null
expect "enable_snat true again: one snat row per interface subnet" 'eventually snats_are 2'
settle
seen=$(source_seen l3-vm1)
expect "enable_snat true again: the host sees $gwip (saw '$seen')" '[ -n "$seen" ] && [ "$seen" = "$gwip" ]'

# --- 3. a floating IP -------------------------------------------------------------------------
f=$(api POST floatingips "{\"floatingip\":{\"floating_network_id\":\"$ext\",\"port_id\":\"$id2\"}}")
fip=$(echo "$f" | jq_ 'd["floatingip"]["id"]'); fipip=$(echo "$f" | jq_ 'd["floatingip"]["floating_ip_address"]')
settle
fport=$(api GET "ports?device_owner=network:floatingip&network_id=$ext" | jq_ 'd["ports"][0]["id"]')
expect "centralized: the NAT of $fipip names l3-vm2's port, no external_mac" 'eventually nat_is "$fipip" "$id2"'
[ "$(nat_of "$fipip")" = "$id2" ] || echo "  (NAT: $(nat_of "$fipip"))"
# (checked once the NAT row is there, so the pass that wrote it is over)
expect "the floating IP's port has no switch port in OVN (as ML2/OVN)" \
  '[ -n "$fport" ] && [ -z "$(ovn-nbctl --bare --columns=name find Logical_Switch_Port name="$fport")" ]'
expect "the host pings floating IP $fipip of l3-vm2" 'eventually pings l3-host "$fipip"'
expect "l3-vm1 reaches l3-vm2 by its floating IP too (through the gateway)" 'eventually pings l3-vm1 "$fipip"'
seen=$(source_seen l3-vm2)
expect "l3-vm2 goes out with its floating IP $fipip (saw '$seen')" '[ -n "$seen" ] && [ "$seen" = "$fipip" ]'
api PUT "floatingips/$fip" '{"floatingip":{"port_id":null}}' >/dev/null
settle
expect "floating IP disassociated: $fipip no longer answers" '[ -n "$fipip" ] && never pings l3-host "$fipip"'
seen=$(source_seen l3-vm2)
expect "l3-vm2 goes out through SNAT again, as $gwip (saw '$seen')" '[ -n "$seen" ] && [ "$seen" = "$gwip" ]'

# --- 4. a distributed floating IP ([ovn] enable_distributed_floating_ip) ------------------------
# the same server and database, restarted with distributed floating IPs: the NAT row gets the
# associated port and the floating IP port's MAC, and OVN NATs on the port's chassis
stop_server
start_server "enable_distributed_floating_ip = true"
api PUT "floatingips/$fip" "{\"floatingip\":{\"port_id\":\"$id1\"}}" >/dev/null
fmac=$(api GET "ports/$fport" | jq_ 'd["port"]["mac_address"]')
settle
expect "distributed: the NAT of $fipip names l3-vm1's port and MAC $fmac" 'eventually nat_is "$fipip" "$id1 $fmac"'
[ "$(nat_of "$fipip")" = "$id1 $fmac" ] || echo "  (NAT: $(nat_of "$fipip"))"
expect "distributed: the host pings floating IP $fipip, now of l3-vm1" 'eventually pings l3-host "$fipip"'
seen=$(source_seen l3-vm1)
expect "distributed: l3-vm1 goes out with its floating IP $fipip (saw '$seen')" '[ -n "$seen" ] && [ "$seen" = "$fipip" ]'

# --- 5. IPv6: addresses by the router's advertisements (SLAAC) ------------------------------------
# a SLAAC subnet added to net1 gives l3-vm1's port its EUI-64 address at once; on the router it makes
# OVN answer router solicitations (ipv6_ra_configs), so the VM configures that same address itself
sub6=$(api POST subnets "{\"subnet\":{\"network_id\":\"$net1\",\"cidr\":\"fd00:131:1::/64\",\"ip_version\":6,\"ipv6_ra_mode\":\"slaac\",\"ipv6_address_mode\":\"slaac\"}}" | jq_ 'd["subnet"]["id"]')
ip6=$(api GET "ports/$id1" | jq_ '[f["ip_address"] for f in d["port"]["fixed_ips"] if ":" in f["ip_address"]][0]')
expect "l3-vm1's port has its SLAAC address from the new subnet ($ip6)" '[[ "$ip6" == fd00:131:1:* ]]'
rif6=$(api PUT "routers/$router/add_router_interface" "{\"subnet_id\":\"$sub6\"}" | jq_ 'd["port_id"]')
rip6=$(api GET "ports/$rif6" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
ra_slaac() { [ "$(ovn-nbctl --bare get Logical_Router_Port "lrp-$rif6" ipv6_ra_configs:address_mode 2>/dev/null)" = slaac ]; }
expect "the router port lrp-$rif6 ($rip6) advertises: ipv6_ra_configs address_mode slaac" \
  '[ -n "$rif6" ] && eventually ra_slaac'
settle
# re-enabling IPv6 on eth0 sends router solicitations again (IPv4 stays as it is)
ip netns exec l3-vm1 sysctl -qw net.ipv6.conf.eth0.accept_ra=1 net.ipv6.conf.eth0.autoconf=1
ip netns exec l3-vm1 sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
ip netns exec l3-vm1 sysctl -qw net.ipv6.conf.eth0.disable_ipv6=0
has_ip6() { ip -n l3-vm1 -6 addr show dev eth0 scope global | grep -q " $ip6/64 "; }
expect "l3-vm1 configures $ip6 by SLAAC from OVN's advertisement" 'eventually has_ip6'
pings6() { ip netns exec "$1" ping -6 -c 1 -W 2 "$2" >/dev/null 2>&1; }
expect "l3-vm1 pings the router's IPv6 address $rip6" '[ -n "$rip6" ] && eventually pings6 l3-vm1 "$rip6"'

# --- 6. the offline comparison agrees -----------------------------------------------------------
# (the embedded H2 database is single-process: the server stops for it, then serves the cleanup)
stop_server
report=$(sync_report)
expect "ovn-db-sync finds nothing to repair, gateway chassis and distributed NAT included ($report)" \
  '[[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]]'
[[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]] \
  || bin/neutrino ovn-db-sync --config-file "$state/neutron.conf" --mode log 2>/dev/null | sed 's/^/  /'
start_server "enable_distributed_floating_ip = true"

echo "l3: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
