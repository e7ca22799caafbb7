#!/usr/bin/env bash
# QoS scenario with real OVN and OVS (userspace datapath) and network namespaces as VMs: a QoS
# policy with an egress bandwidth limit of 10 Mbit/s on a port makes OVN limit what the VM sends
# (iperf3 over UDP, measured at the receiver within 25% of 10 Mbit/s, while the same VM sends well
# above it without the policy); a DSCP marking rule added to the policy marks the VM's packets
# (tcpdump sees the TOS); the policy taken off the port lifts the limit again. The policy also
# reaches the port from its network. An ingress limit on the receiving VM's port limits what it
# receives likewise. Then through a router: a floating IP with the policy (qos-fip)
# limits what the VM sends out through it to a host on the external network, the same policy on the
# router's gateway (qos-gateway-ip) limits it too, and taken off both lifts the limit.
# Prints "qos: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "qos: OVN could not be started"; exit 1; }
command -v iperf3 >/dev/null && command -v tcpdump >/dev/null \
  || DEBIAN_FRONTEND=noninteractive apt-get install -y -q iperf3 tcpdump >/dev/null

name=qos
. scenario/lib.sh
vms=(qos-vm1 qos-vm2)
for vm in "${vms[@]}" qos-host; do ip netns del "$vm" 2>/dev/null; ovs-vsctl --if-exists del-port "t-$vm"; done
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20; }
  [ -n "${iperf_server:-}" ] && kill "$iperf_server" 2>/dev/null
  [ -n "${iperf_host:-}" ] && kill "$iperf_host" 2>/dev/null
  if [ -n "${router:-}" ]; then
    [ -n "${fip:-}" ] && api DELETE "floatingips/$fip" >/dev/null
    api PUT "routers/$router/remove_router_interface" "{\"subnet_id\":\"$sub\"}" >/dev/null
    api DELETE "routers/$router" >/dev/null
  fi
  [ -n "${ext:-}" ] && api DELETE "networks/$ext" >/dev/null
  for vm in "${vms[@]}" qos-host; do ip netns del "$vm" 2>/dev/null; ovs-vsctl --if-exists del-port "t-$vm"; done
  stop_server
  rm -rf "$state"
}
trap cleanup EXIT
start_server 'enable_distributed_floating_ip = false' '[ml2]' 'extension_drivers = port_security,qos'

host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"
net=$(api POST networks '{"network":{"name":"qos-scenario"}}' | jq_ 'd["network"]["id"]')
sub=$(api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.124.0.0/24\",\"ip_version\":4,\"enable_dhcp\":false}}" | jq_ 'd["subnet"]["id"]')

plug() { # name -> creates the port (no port security: no ACLs, no conntrack) and the namespace; prints the port id
  local vm="$1"
  local p; p=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"$vm\",\"port_security_enabled\":false,\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"$vm\"}}")
  local id mac ip; id=$(echo "$p" | jq_ 'd["port"]["id"]'); mac=$(echo "$p" | jq_ 'd["port"]["mac_address"]')
  ip=$(echo "$p" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
  ip netns add "$vm"
  ip link add "t-$vm" type veth peer name "e-$vm"
  ip link set "e-$vm" netns "$vm"
  ip -n "$vm" link set "e-$vm" name eth0
  ip -n "$vm" link set eth0 address "$mac"
  ip -n "$vm" addr add "$ip/24" dev eth0
  ip -n "$vm" link set lo up; ip -n "$vm" link set eth0 up
  ip netns exec "$vm" ethtool -K eth0 tx off >/dev/null 2>&1
  ovs-vsctl add-port br-int "t-$vm" -- set Interface "t-$vm" external-ids:iface-id="$id"
  ip link set "t-$vm" up
  ethtool -K "t-$vm" tx off >/dev/null 2>&1
  echo "$id"
}
id1=$(plug qos-vm1); id2=$(plug qos-vm2)
ip2=$(api GET "ports/$id2" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
status_is() { [ "$(api GET "ports/$1" | jq_ 'd["port"]["status"]')" = "$2" ]; }
within() { for _ in $(seq 1 60); do "$@" && return 0; sleep 0.5; done; return 1; }
expect "both ports ACTIVE" 'within status_is "$id1" ACTIVE && within status_is "$id2" ACTIVE'
settle
expect "vm1 pings vm2" 'within ip netns exec qos-vm1 ping -c 1 -W 1 "$ip2" >/dev/null 2>&1'

ip netns exec qos-vm2 iperf3 -s -D -I "$state/iperf.pid" >/dev/null 2>&1
sleep 1
iperf_server=$(cat "$state/iperf.pid" 2>/dev/null)
mbits() { # what vm2 received from vm1 over UDP offered at 30 Mbit/s, in Mbit/s
  ip netns exec qos-vm1 iperf3 -u -b 30M -t 4 -c "$ip2" -J 2>/dev/null | "$py" -c '
import json, sys
d = json.load(sys.stdin)["end"]["sum"]
print("%.1f" % (d["bits_per_second"] * (1 - d.get("lost_percent", 0) / 100) / 1e6))'
}
between() { [ -n "$1" ] && awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }
free=$(mbits)
expect "without a policy vm1 sends well above 10 Mbit/s (${free} Mbit/s)" 'between "$free" 15 100000'

policy=$(api POST qos/policies '{"policy":{"name":"ten-mbit"}}' | jq_ 'd["policy"]["id"]')
api POST "qos/policies/$policy/bandwidth_limit_rules" \
  '{"bandwidth_limit_rule":{"max_kbps":10000,"max_burst_kbps":1000,"direction":"egress"}}' >/dev/null
api PUT "ports/$id1" "{\"port\":{\"qos_policy_id\":\"$policy\"}}" >/dev/null
settle
rows=$(ovn-nbctl --bare --columns=match,direction,priority,bandwidth find QoS "external_ids:neutron\\:port_id=$id1" | tr '\n' ' ')
expect "a QoS row as ML2/OVN's: $rows" '[[ "$rows" == *"inport == \"$id1\""*"from-lport"*"2002"*"rate=10000"* ]]'
limited=$(mbits)
expect "with the 10 Mbit/s egress limit vm2 receives 7.5-12.5 Mbit/s (${limited})" \
  'between "$limited" 7.5 12.5'

api POST "qos/policies/$policy/dscp_marking_rules" '{"dscp_marking_rule":{"dscp_mark":26}}' >/dev/null
settle
ip netns exec qos-vm2 timeout 5 tcpdump -l -n -v -c 3 -i eth0 icmp > "$state/tcpdump.out" 2>/dev/null &
dump=$!
sleep 1
ip netns exec qos-vm1 ping -c 3 -i 0.3 "$ip2" >/dev/null 2>&1
wait "$dump"
expect "DSCP 26 marks vm1's packets (tos 0x68)" 'grep -q "tos 0x68" "$state/tcpdump.out"'

# off the port, onto its network: the port follows its network's policy
api PUT "ports/$id1" '{"port":{"qos_policy_id":null}}' >/dev/null
settle
lifted=$(mbits)
expect "the policy off the port: above 10 Mbit/s again (${lifted})" 'between "$lifted" 15 100000'
api PUT "networks/$net" "{\"network\":{\"qos_policy_id\":\"$policy\"}}" >/dev/null
settle
bynet=$(mbits)
expect "the policy on the network limits the port (${bynet})" 'between "$bynet" 7.5 12.5'
expect "a policy in use cannot be deleted (409)" \
  '[ "$(curl -s -o /dev/null -w "%{http_code}" -X DELETE "http://127.0.0.1:$port/v2.0/qos/policies/$policy")" = 409 ]'
api PUT "networks/$net" '{"network":{"qos_policy_id":null}}' >/dev/null
settle
expect "no QoS rows left for the port" '[ -z "$(ovn-nbctl --bare --columns=_uuid find QoS "external_ids:neutron\\:port_id=$id1")" ]'

# --- an ingress limit: on the receiving port (a to-lport QoS row, OVN's meter on delivery to vm2)
inpolicy=$(api POST qos/policies '{"policy":{"name":"ten-mbit-in"}}' | jq_ 'd["policy"]["id"]')
api POST "qos/policies/$inpolicy/bandwidth_limit_rules" \
  '{"bandwidth_limit_rule":{"max_kbps":10000,"max_burst_kbps":1000,"direction":"ingress"}}' >/dev/null
api PUT "ports/$id2" "{\"port\":{\"qos_policy_id\":\"$inpolicy\"}}" >/dev/null
settle
rows=$(ovn-nbctl --bare --columns=match,direction,bandwidth find QoS "external_ids:neutron\\:port_id=$id2" | tr '\n' ' ')
expect "an ingress QoS row as ML2/OVN's: $rows" '[[ "$rows" == *"outport == \"$id2\""*"to-lport"*"rate=10000"* ]]'
inlimited=$(mbits)
expect "with a 10 Mbit/s ingress limit on vm2's port vm2 receives 7.5-12.5 Mbit/s (${inlimited})" \
  'between "$inlimited" 7.5 12.5'
api PUT "ports/$id2" '{"port":{"qos_policy_id":null}}' >/dev/null
settle
inlifted=$(mbits)
expect "the ingress policy off the port: above 10 Mbit/s again (${inlifted})" 'between "$inlifted" 15 100000'

# --- a floating IP's limit (qos-fip) and the router gateway's (qos-gateway-ip) ------------------
physnet="${OVN_PHYSNET:-public}"
bridge="$(ovs-vsctl get open . external-ids:ovn-bridge-mappings | tr -d '"' | tr ',' '\n' | sed -n "s/^$physnet://p")"
ext=$(api POST networks "{\"network\":{\"name\":\"qos-public\",\"router:external\":true,\"provider:network_type\":\"flat\",\"provider:physical_network\":\"$physnet\"}}" | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$ext\",\"cidr\":\"172.24.47.0/24\",\"ip_version\":4,\"gateway_ip\":\"172.24.47.1\",\"enable_dhcp\":false}}" >/dev/null
router=$(api POST routers "{\"router\":{\"name\":\"qos-router\",\"external_gateway_info\":{\"network_id\":\"$ext\"}}}" | jq_ 'd["router"]["id"]')
api PUT "routers/$router/add_router_interface" "{\"subnet_id\":\"$sub\"}" >/dev/null
ip -n qos-vm1 route add default via 10.124.0.1
ip netns add qos-host
ip link add t-qos-host type veth peer name e-qos-host
ip link set e-qos-host netns qos-host
ip -n qos-host link set e-qos-host name eth0
ip -n qos-host link set lo up; ip -n qos-host link set eth0 up
ip -n qos-host addr add 172.24.47.1/24 dev eth0
ip netns exec qos-host ethtool -K eth0 tx off >/dev/null 2>&1
ovs-vsctl add-port "$bridge" t-qos-host
ip link set t-qos-host up
ethtool -K t-qos-host tx off >/dev/null 2>&1
f=$(api POST floatingips "{\"floatingip\":{\"floating_network_id\":\"$ext\",\"port_id\":\"$id1\"}}")
fip=$(echo "$f" | jq_ 'd["floatingip"]["id"]'); fipip=$(echo "$f" | jq_ 'd["floatingip"]["floating_ip_address"]')
settle
ip netns exec qos-host iperf3 -s -D -I "$state/iperf-host.pid" >/dev/null 2>&1
sleep 1
iperf_host=$(cat "$state/iperf-host.pid" 2>/dev/null)
out_mbits() { # what the external host received from vm1 (through its floating IP) at 30 Mbit/s offered
  ip netns exec qos-vm1 iperf3 -u -b 30M -t 4 -c 172.24.47.1 -J 2>/dev/null | "$py" -c '
import json, sys
d = json.load(sys.stdin)["end"]["sum"]
print("%.1f" % (d["bits_per_second"] * (1 - d.get("lost_percent", 0) / 100) / 1e6))'
}
expect "vm1 pings the external host through its floating IP $fipip" \
  'within ip netns exec qos-vm1 ping -c 1 -W 1 172.24.47.1 >/dev/null 2>&1'
fipfree=$(out_mbits)
expect "through the floating IP without a policy: well above 10 Mbit/s (${fipfree})" 'between "$fipfree" 15 100000'
api PUT "floatingips/$fip" "{\"floatingip\":{\"qos_policy_id\":\"$policy\"}}" >/dev/null
settle
rows=$(ovn-nbctl --bare --columns=match,direction,bandwidth find QoS "external_ids:neutron\\:fip_id=$fip" | tr '\n' ' ')
expect "the floating IP's QoS row as ML2/OVN's: $rows" \
  '[[ "$rows" == *"&& ip4.src == $fipip && is_chassis_resident(\"cr-lrp-"*"from-lport"*"rate=10000"* ]]'
fiplimited=$(out_mbits)
expect "with the policy on the floating IP the host receives 7.5-12.5 Mbit/s (${fiplimited})" \
  'between "$fiplimited" 7.5 12.5'
api PUT "floatingips/$fip" '{"floatingip":{"qos_policy_id":null}}' >/dev/null
api PUT "routers/$router" "{\"router\":{\"external_gateway_info\":{\"network_id\":\"$ext\",\"qos_policy_id\":\"$policy\"}}}" >/dev/null
settle
expect "the floating IP's rows are gone, the gateway's are there" \
  '[ -z "$(ovn-nbctl --bare --columns=_uuid find QoS "external_ids:neutron\\:fip_id=$fip")" ] && [ -n "$(ovn-nbctl --bare --columns=_uuid find QoS "external_ids:neutron\\:router_id=$router")" ]'
gwlimited=$(out_mbits)
expect "with the policy on the router gateway the host receives 7.5-12.5 Mbit/s (${gwlimited})" \
  'between "$gwlimited" 7.5 12.5'
api PUT "routers/$router" "{\"router\":{\"external_gateway_info\":{\"network_id\":\"$ext\",\"qos_policy_id\":null}}}" >/dev/null
settle
fiplifted=$(out_mbits)
expect "both policies off: above 10 Mbit/s again (${fiplifted})" 'between "$fiplifted" 15 100000'
expect "no QoS rows left for the floating IP or the gateway" \
  '[ -z "$(ovn-nbctl --bare --columns=_uuid find QoS "external_ids:neutron\\:router_id=$router")$(ovn-nbctl --bare --columns=_uuid find QoS "external_ids:neutron\\:fip_id=$fip")" ]'
api DELETE "floatingips/$fip" >/dev/null; fip=
api PUT "routers/$router/remove_router_interface" "{\"subnet_id\":\"$sub\"}" >/dev/null
api DELETE "routers/$router" >/dev/null; router=
api DELETE "networks/$ext" >/dev/null; ext=

for id in "$id1" "$id2"; do api DELETE "ports/$id" >/dev/null; done
api DELETE "qos/policies/$policy" >/dev/null
api DELETE "networks/$net" >/dev/null

echo "qos: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
