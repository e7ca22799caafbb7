#!/usr/bin/env bash
# Floating IP port forwarding with real OVN and OVS (userspace datapath) and network namespaces as
# VMs: a router with its gateway on the flat external network (physical network "public", bridged
# by scripts/ovn-services.sh) and an interface on a project network with two VMs; one floating IP,
# not associated with any port, forwards TCP 2201 to vm1's port 22 and TCP 2202 to vm2's port 22, and
# a UDP range 5000:5002 to vm1's 6000:6002. The "host" namespace on the external network reaches
# each service through floating-IP:port (ML2/OVN's pf-floatingip-<fip>-<proto>[-<port>] load
# balancers on the router and the interface's switch), and so does the other VM; deleting a
# forwarding stops it while the others go on; ovn-db-sync finds nothing to repair. Prints "port-forwarding: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "port-forwarding: OVN could not be started"; exit 1; }
physnet="${OVN_PHYSNET:-public}"
bridge="$(ovs-vsctl get open . external-ids:ovn-bridge-mappings | tr -d '"' | tr ',' '\n' \
  | sed -n "s/^$physnet://p")"
[ -n "$bridge" ] || { echo "port-forwarding: no ovn-bridge-mappings for $physnet"; exit 1; }

name=port-forwarding
. scenario/lib.sh
nss=(pf-vm1 pf-vm2 pf-host)
teardown() {
  for ns in "${nss[@]}"; do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
    ip netns del "$ns" 2>/dev/null
    ovs-vsctl --if-exists del-port "t-$ns"
  done
}
teardown
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20
                           echo "--- ovn-nbctl lb-list"; ovn-nbctl lb-list; }
  teardown
  if [ -n "${router:-}" ]; then
    if [ -n "${fip:-}" ]; then
      for p in "${pf1:-}" "${pf2:-}" "${pf3:-}"; do
        [ -n "$p" ] && api DELETE "floatingips/$fip/port_forwardings/$p" >/dev/null
      done
      api DELETE "floatingips/$fip" >/dev/null
    fi
    [ -n "${sub1:-}" ] && api PUT "routers/$router/remove_router_interface" "{\"subnet_id\":\"$sub1\"}" >/dev/null
    api DELETE "routers/$router" >/dev/null
  fi
  for p in "${vmports[@]}"; do api DELETE "ports/$p" >/dev/null; done
  [ -n "${sg:-}" ] && api DELETE "security-groups/$sg" >/dev/null
  for n in "${net1:-}" "${ext:-}"; do [ -n "$n" ] && api DELETE "networks/$n" >/dev/null; done
  settle >/dev/null 2>&1
  stop_server
  rm -rf "$state"
}
trap cleanup EXIT
start_server
eventually() { for _ in $(seq 1 30); do "$@" && return 0; sleep 0.5; done; return 1; }
never() { for _ in $(seq 1 6); do "$@" && return 1; sleep 0.5; done; return 0; }

# --- Neutron resources ----------------------------------------------------------------------
host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"
ext=$(api POST networks "{\"network\":{\"name\":\"pf-public\",\"router:external\":true,\"provider:network_type\":\"flat\",\"provider:physical_network\":\"$physnet\"}}" | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$ext\",\"cidr\":\"172.24.45.0/24\",\"ip_version\":4,\"gateway_ip\":\"172.24.45.1\",\"enable_dhcp\":false}}" >/dev/null
net1=$(api POST networks '{"network":{"name":"pf-net1"}}' | jq_ 'd["network"]["id"]')
sub1=$(api POST subnets "{\"subnet\":{\"network_id\":\"$net1\",\"cidr\":\"10.132.1.0/24\",\"ip_version\":4}}" | jq_ 'd["subnet"]["id"]')
router=$(api POST routers "{\"router\":{\"name\":\"pf-router\",\"external_gateway_info\":{\"network_id\":\"$ext\"}}}" | jq_ 'd["router"]["id"]')
api PUT "routers/$router/add_router_interface" "{\"subnet_id\":\"$sub1\"}" >/dev/null
sg=$(api POST security-groups '{"security_group":{"name":"pf-open"}}' | jq_ 'd["security_group"]["id"]')
for proto in icmp tcp udp; do
  api POST security-group-rules "{\"security_group_rule\":{\"security_group_id\":\"$sg\",\"direction\":\"ingress\",\"protocol\":\"$proto\",\"ethertype\":\"IPv4\"}}" >/dev/null
done

# TCP and UDP through conntrack and OVN's load balancers need real checksums: the userspace
# datapath does not complete what veth's TX checksum offload leaves out (../shared/README.md)
csum_off() { ethtool -K "$1" tx off >/dev/null 2>&1 || ip netns exec "$2" ethtool -K "$1" tx off >/dev/null; }

vmports=()
plug() { # namespace network -> the port, its namespace with its fixed IP and default route; prints "id ip"
  local ns="$1" net="$2"
  local p; p=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"$ns\",\"security_groups\":[\"$sg\"],\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"$ns\"}}")
  local id mac ip
  id=$(echo "$p" | jq_ 'd["port"]["id"]'); mac=$(echo "$p" | jq_ 'd["port"]["mac_address"]')
  ip=$(echo "$p" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
  ip netns add "$ns"
  ip link add "t-$ns" type veth peer name "e-$ns"
  ip link set "e-$ns" netns "$ns"
  ip -n "$ns" link set "e-$ns" name eth0
  ip -n "$ns" link set eth0 address "$mac"
  ip -n "$ns" link set lo up; ip -n "$ns" link set eth0 up
  ip -n "$ns" addr add "$ip/24" dev eth0
  ip -n "$ns" route add default via 10.132.1.1
  ip netns exec "$ns" ethtool -K eth0 tx off >/dev/null
  ethtool -K "t-$ns" tx off >/dev/null
  ovs-vsctl add-port br-int "t-$ns" -- set Interface "t-$ns" external-ids:iface-id="$id"
  ip link set "t-$ns" up
  echo "$id $ip"
}
read -r id1 ip1 < <(plug pf-vm1 "$net1"); vmports+=("$id1")
read -r id2 ip2 < <(plug pf-vm2 "$net1"); vmports+=("$id2")
ip netns add pf-host
ip link add t-pf-host type veth peer name e-pf-host
ip link set e-pf-host netns pf-host
ip -n pf-host link set e-pf-host name eth0
ip -n pf-host link set lo up; ip -n pf-host link set eth0 up
ip -n pf-host addr add 172.24.45.1/24 dev eth0
ip netns exec pf-host ethtool -K eth0 tx off >/dev/null
ethtool -K t-pf-host tx off >/dev/null
ovs-vsctl add-port "$bridge" t-pf-host
ip link set t-pf-host up

# the services: each VM answers TCP on port 22 with its name; vm1 answers UDP on 6000-6002 with
# its name and the port the datagram reached
for ns in pf-vm1 pf-vm2; do
  ip netns exec "$ns" "$py" -u -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 22)); s.listen(8)
while True:
    c, a = s.accept(); c.sendall((sys.argv[1] + "\n").encode()); c.close()' "$ns" >/dev/null 2>&1 &
done
ip netns exec pf-vm1 "$py" -u -c '
import select, socket
socks = []
for p in (6000, 6001, 6002):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("0.0.0.0", p)); socks.append(s)
while True:
    for s in select.select(socks, [], [])[0]:
        data, a = s.recvfrom(100); s.sendto(("pf-vm1:%d" % s.getsockname()[1]).encode(), a)' >/dev/null 2>&1 &
tcp_says() { # host port -> what the service there answers over TCP (empty: nothing)
  ip netns exec pf-host "$py" -c '
import socket, sys
try:
    c = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2); print(c.recv(100).decode().strip())
except OSError:
    pass' "$1" "$2" 2>/dev/null
}
udp_says() { # host port -> what the service there answers to a datagram (empty: nothing)
  ip netns exec pf-host "$py" -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(2)
try:
    s.sendto(b"hello", (sys.argv[1], int(sys.argv[2]))); print(s.recvfrom(100)[0].decode())
except OSError:
    pass' "$1" "$2" 2>/dev/null
}
answers() { [ "$(tcp_says "$1" "$2")" = "$3" ]; }
udp_answers() { [ "$(udp_says "$1" "$2")" = "$3" ]; }

for _ in $(seq 1 60); do
  s1=$(api GET "ports/$id1" | jq_ 'd["port"]["status"]'); s2=$(api GET "ports/$id2" | jq_ 'd["port"]["status"]')
  [ "$s1" = ACTIVE ] && [ "$s2" = ACTIVE ] && break; sleep 0.5
done
expect "VM ports become ACTIVE ($s1, $s2)" '[ "$s1" = ACTIVE ] && [ "$s2" = ACTIVE ]'

# --- 1. a floating IP with forwardings to two VMs ----------------------------------------------
f=$(api POST floatingips "{\"floatingip\":{\"floating_network_id\":\"$ext\"}}")
fip=$(echo "$f" | jq_ 'd["floatingip"]["id"]'); fipip=$(echo "$f" | jq_ 'd["floatingip"]["floating_ip_address"]')
pf() { # port ip protocol extra-json -> the forwarding's id
  api POST "floatingips/$fip/port_forwardings" "{\"port_forwarding\":{\"internal_port_id\":\"$1\",\"internal_ip_address\":\"$2\",\"protocol\":\"$3\",$4}}" \
    | jq_ 'd["port_forwarding"]["id"]'
}
pf1=$(pf "$id1" "$ip1" tcp '"internal_port":22,"external_port":2201')
pf2=$(pf "$id2" "$ip2" tcp '"internal_port":22,"external_port":2202')
pf3=$(pf "$id1" "$ip1" udp '"internal_port_range":"6000:6002","external_port_range":"5000:5002"')
expect "three forwardings created on floating IP $fipip" '[ ${#pf1} = 36 ] && [ ${#pf2} = 36 ] && [ ${#pf3} = 36 ]'
st=$(api GET "floatingips/$fip" | jq_ 'd["floatingip"]["status"] + " " + str(d["floatingip"]["router_id"]) + " " + str(len(d["floatingip"]["port_forwardings"]))')
expect "the floating IP is ACTIVE on the router and shows its forwardings ($st)" '[ "$st" = "ACTIVE $router 3" ]'
settle
lbs=$(ovn-nbctl --bare --columns=name find Load_Balancer "external_ids:\"neutron:fip_id\"=\"$fip\"" | grep . | sort | tr '\n' ' ')
want="pf-floatingip-$fip-tcp pf-floatingip-$fip-udp-5000 pf-floatingip-$fip-udp-5001 pf-floatingip-$fip-udp-5002 "
expect "ML2/OVN's load balancers: pf-floatingip-<fip>-tcp and one per port of the UDP range" '[ "$lbs" = "$want" ]'
[ "$lbs" = "$want" ] || echo "  (have: $lbs)"
vips=$(ovn-nbctl --bare --columns=vips list Load_Balancer "pf-floatingip-$fip-tcp" | tr -d '"')
expect "the tcp one's vips: $fipip:2201 -> $ip1:22 and $fipip:2202 -> $ip2:22" \
  '[[ "$vips" == *"$fipip:2201=$ip1:22"* && "$vips" == *"$fipip:2202=$ip2:22"* ]]'
[[ "$vips" == *"$fipip:2201=$ip1:22"* ]] || echo "  (vips: $vips)"
onrouter=$(ovn-nbctl --bare --columns=load_balancer list Logical_Router "neutron-$router" | wc -w)
expect "the router has the four load balancers ($onrouter)" '[ "$onrouter" = 4 ]'
onswitch=$(ovn-nbctl --bare --columns=load_balancer list Logical_Switch "neutron-$net1" | wc -w)
expect "and so has the switch of its interface, as ML2/OVN ($onswitch)" '[ "$onswitch" = 4 ]'

# --- 2. packets -----------------------------------------------------------------------------
expect "the host reaches pf-vm1's TCP service through $fipip:2201" 'eventually answers "$fipip" 2201 pf-vm1'
expect "the host reaches pf-vm2's TCP service through $fipip:2202" 'eventually answers "$fipip" 2202 pf-vm2'
expect "UDP $fipip:5001 reaches pf-vm1's port 6001 (the range, port by port)" \
  'eventually udp_answers "$fipip" 5001 pf-vm1:6001'
expect "UDP $fipip:5002 reaches pf-vm1's port 6002" 'eventually udp_answers "$fipip" 5002 pf-vm1:6002'
expect "nothing answers on a port without a forwarding ($fipip:2203)" 'never answers "$fipip" 2203 pf-vm1'
vm_says() { # namespace host port -> what the service there answers over TCP, from a VM
  ip netns exec "$1" "$py" -c '
import socket, sys
try:
    c = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2); print(c.recv(100).decode().strip())
except OSError:
    pass' "$2" "$3" 2>/dev/null
}
vm_reaches() { [ "$(vm_says "$1" "$2" "$3")" = "$4" ]; }
expect "pf-vm2 reaches pf-vm1's service through $fipip:2201 too (the switch's load balancer)" \
  'eventually vm_reaches pf-vm2 "$fipip" 2201 pf-vm1'

# --- 3. an update moves the external port; a delete stops the forwarding ------------------------
api PUT "floatingips/$fip/port_forwardings/$pf1" '{"port_forwarding":{"external_port":2211}}' >/dev/null
expect "after the update pf-vm1 answers on $fipip:2211" 'eventually answers "$fipip" 2211 pf-vm1'
expect "and no longer on $fipip:2201" 'never answers "$fipip" 2201 pf-vm1'
api DELETE "floatingips/$fip/port_forwardings/$pf2" >/dev/null
settle
expect "the deleted forwarding stops: $fipip:2202 no longer reaches pf-vm2" 'never answers "$fipip" 2202 pf-vm2'
expect "the other forwardings go on ($fipip:2211 TCP, 5000 UDP)" \
  'answers "$fipip" 2211 pf-vm1 && eventually udp_answers "$fipip" 5000 pf-vm1:6000'
api DELETE "floatingips/$fip/port_forwardings/$pf3" >/dev/null
settle
expect "the UDP range deleted: its three load balancers are gone" \
  '[ -z "$(ovn-nbctl --bare --columns=name find Load_Balancer "external_ids:\"neutron:fip_id\"=\"$fip\"" | grep udp)" ]'
expect "and $fipip:5001 no longer answers" 'never udp_answers "$fipip" 5001 pf-vm1:6001'

# --- 4. the offline comparison agrees ---------------------------------------------------------
stop_server
report=$(sync_report)
expect "ovn-db-sync finds nothing to repair ($report)" '[[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]]'
[[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]] \
  || bin/neutrino ovn-db-sync --config-file "$state/neutron.conf" --mode log 2>/dev/null | sed 's/^/  /'
start_server
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "http://127.0.0.1:$port/v2.0/floatingips/$fip")
expect "a floating IP with a forwarding is not deleted (409, as Zed)" '[ "$code" = 409 ]'
api DELETE "floatingips/$fip/port_forwardings/$pf1" >/dev/null
settle
expect "its last forwarding deleted: no load balancer of the floating IP is left" \
  '[ -z "$(ovn-nbctl --bare --columns=name find Load_Balancer | grep pf-floatingip)" ]'
st=$(api GET "floatingips/$fip" | jq_ 'd["floatingip"]["status"] + " " + str(d["floatingip"]["router_id"])')
expect "and the floating IP is DOWN without a router ($st)" '[ "$st" = "DOWN None" ]'
api DELETE "floatingips/$fip" >/dev/null; fip=
settle
expect "the floating IP deleted: no load balancer is left" \
  '[ -z "$(ovn-nbctl --bare --columns=name find Load_Balancer | grep pf-floatingip)" ]'

echo "port-forwarding: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
