#!/usr/bin/env bash
# Dataplane scenario with real OVN and OVS (userspace datapath) and network namespaces as VMs:
# two ports get their fixed IPs by OVN's native DHCP, become ACTIVE with vif_type ovs (DOWN when
# unplugged, ACTIVE again when plugged back), and a
# security group without an ingress ICMP rule blocks ping until the rule is added, and again once it
# is deleted, and passes while the port's port security is off; `bin/neutrino probe` plugs a
# namespace in as a port of the network (DHCP, ping) and removes it. Prints "dataplane: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "dataplane: OVN could not be started"; exit 1; }
command -v udhcpc >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q udhcpc iputils-ping >/dev/null

name=dataplane
. scenario/lib.sh
vms=(vm1 vm2)
for vm in "${vms[@]}"; do ip netns del "$vm" 2>/dev/null; ovs-vsctl --if-exists del-port br-int "t-$vm"; done
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20; }
  for vm in "${vms[@]}"; do ip netns del "$vm" 2>/dev/null; ovs-vsctl --if-exists del-port br-int "t-$vm"; rm -rf "/etc/netns/$vm"; done
  [ -n "${probe:-}" ] && bin/neutrino probe delete --config-file "$state/neutron.conf" "$probe" >/dev/null 2>&1
  stop_server
  rm -rf "$state"
}
trap cleanup EXIT
start_server

host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"
net=$(api POST networks '{"network":{"name":"scenario"}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.123.0.0/24\",\"ip_version\":4}}" >/dev/null
sg=$(api POST security-groups '{"security_group":{"name":"no-icmp"}}' | jq_ 'd["security_group"]["id"]')

plug() { # name -> creates the port, the namespace, and runs DHCP in it; prints the port id
  local vm="$1"
  local p; p=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"$vm\",\"security_groups\":[\"$sg\"],\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"$vm\"}}")
  local id mac; id=$(echo "$p" | jq_ 'd["port"]["id"]'); mac=$(echo "$p" | jq_ 'd["port"]["mac_address"]')
  ip netns add "$vm"
  # udhcpc's script writes resolv.conf: give the namespace its own (ip netns exec mounts it over
  # /etc/resolv.conf), or the DHCP answer replaces the host's and the machine loses its DNS
  mkdir -p "/etc/netns/$vm" && : >"/etc/netns/$vm/resolv.conf"
  ip link add "t-$vm" type veth peer name "e-$vm"
  ip link set "e-$vm" netns "$vm"
  ip -n "$vm" link set "e-$vm" name eth0
  ip -n "$vm" link set eth0 address "$mac"
  ip -n "$vm" link set lo up; ip -n "$vm" link set eth0 up
  ovs-vsctl add-port br-int "t-$vm" -- set Interface "t-$vm" external-ids:iface-id="$id"
  ip link set "t-$vm" up
  echo "$id"
}
id1=$(plug vm1); id2=$(plug vm2)
ip1=$(api GET "ports/$id1" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
ip2=$(api GET "ports/$id2" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')

for _ in $(seq 1 60); do
  s1=$(api GET "ports/$id1" | jq_ 'd["port"]["status"]'); s2=$(api GET "ports/$id2" | jq_ 'd["port"]["status"]')
  [ "$s1" = ACTIVE ] && [ "$s2" = ACTIVE ] && break; sleep 0.5
done
expect "ports become ACTIVE when OVN reports them up ($s1, $s2)" '[ "$s1" = ACTIVE ] && [ "$s2" = ACTIVE ]'
[ "$s1" = ACTIVE ] || ovn-nbctl --columns=name,up list Logical_Switch_Port
vif=$(api GET "ports/$id1" | jq_ 'd["port"]["binding:vif_type"]')
expect "port bound with vif_type ovs ($vif)" '[ "$vif" = ovs ]'

for vm in vm1 vm2; do ip netns exec "$vm" udhcpc -i eth0 -n -q -t 10 -T 1 >/dev/null 2>&1; done
got1=$(ip -n vm1 -4 -o addr show eth0 | awk '{print $4}' | cut -d/ -f1)
got2=$(ip -n vm2 -4 -o addr show eth0 | awk '{print $4}' | cut -d/ -f1)
expect "vm1 got its fixed IP $ip1 by DHCP ($got1)" '[ "$got1" = "$ip1" ]'
expect "vm2 got its fixed IP $ip2 by DHCP ($got2)" '[ "$got2" = "$ip2" ]'

pings() { ip netns exec vm1 ping -c 1 -W 1 "$ip2" >/dev/null 2>&1; }
eventually() { for _ in $(seq 1 10); do pings && return 0; sleep 0.5; done; return 1; }
never() { for _ in $(seq 1 4); do pings && return 1; sleep 0.5; done; return 0; }
settle
expect "no ingress ICMP rule: ping is blocked" 'never'
rule=$(api POST security-group-rules "{\"security_group_rule\":{\"security_group_id\":\"$sg\",\"direction\":\"ingress\",\"protocol\":\"icmp\",\"ethertype\":\"IPv4\"}}" | jq_ 'd["security_group_rule"]["id"]')
settle
expect "ingress ICMP rule added: ping passes" 'eventually'
api DELETE "security-group-rules/$rule" >/dev/null
settle
expect "rule deleted: ping is blocked again" 'never'

# port security off (and no groups): OVN no longer filters vm2, so ping passes without any rule
api PUT "ports/$id2" '{"port":{"security_groups":[],"port_security_enabled":false}}' >/dev/null
settle
expect "vm2's port security disabled: ping passes without a rule" 'eventually'
# the probe (neutron-debug's): a namespace plugged in as a new port of the network, addressed by DHCP
out=$(bin/neutrino probe create --config-file "$state/neutron.conf" "$net" 2>"$state/probe.err")
probe=$(echo "$out" | awk '{print $2}')
pip=$(api GET "ports/$probe" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]' 2>/dev/null)
expect "probe create on the network: a network:probe port ($probe) got its fixed IP $pip by DHCP" \
  '[ -n "$probe" ] && [[ "$out" == *"inet $pip/"* ]] && [ "$(api GET "ports/$probe" | jq_ "d[\"port\"][\"device_owner\"]")" = network:probe ]'
[ -n "$probe" ] || cat "$state/probe.err"
expect "the probe pings vm2" '[ -n "$probe" ] && ip netns exec "qprobe-$probe" ping -c 1 -W 2 "$ip2" >/dev/null 2>&1'
expect "probe list shows it" 'bin/neutrino probe list | grep -q "qprobe-$probe port $probe"'
bin/neutrino probe create --config-file "$state/neutron.conf" no-such-thing >/dev/null 2>"$state/probe.err"
expect "probe create of an unknown id fails, saying so" 'grep -q "no port or network no-such-thing" "$state/probe.err"'
bin/neutrino probe delete --config-file "$state/neutron.conf" "$probe" >/dev/null 2>&1
expect "probe delete removes its namespace and its port" \
  '! ip netns list | grep -q "qprobe-$probe" && [ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/v2.0/ports/$probe")" = 404 ]'
api PUT "ports/$id2" "{\"port\":{\"port_security_enabled\":true,\"security_groups\":[\"$sg\"]}}" >/dev/null
settle
expect "port security and the group back: ping is blocked" 'never'

# the port goes DOWN when OVN reports its interface gone from br-int, and ACTIVE once it is back
status_is() { [ "$(api GET "ports/$1" | jq_ 'd["port"]["status"]')" = "$2" ]; }
within() { for _ in $(seq 1 60); do "$@" && return 0; sleep 0.5; done; return 1; }
ovs-vsctl del-port br-int t-vm2
expect "vm2's interface unplugged: its port goes DOWN" 'within status_is "$id2" DOWN'
ovs-vsctl add-port br-int t-vm2 -- set Interface t-vm2 external-ids:iface-id="$id2"
expect "vm2's interface plugged back: ACTIVE again" 'within status_is "$id2" ACTIVE'

host_resolv_kept
echo "dataplane: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
