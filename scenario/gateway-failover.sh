#!/usr/bin/env bash
# Gateway chassis failover with packets: two gateway chassis, each its own ovsdb-server, ovs-vswitchd
# (userspace datapath) and ovn-controller in its own network namespace (as OVN's sandbox tests run
# them), beside the system chassis, which hosts the VMs. The router's gateway is scheduled on both
# (Gateway_Chassis rows with priorities 2 and 1, the router's availability zone hint keeping the system
# chassis out); geneve tunnels between the three chassis run over a small underlay bridge, and BFD on
# them decides which gateway is alive. The "external host" namespace is the upstream L2 segment both
# gateways' br-ex reach. An external host pings a floating IP and a VM pings the external host through
# SNAT, every 0.2 s; the active gateway chassis (the one the chassisredirect port is bound to) loses its
# ovn-controller and ovs-vswitchd (kill -9): the other claims the port, the outage is measured from the
# ping logs and printed ("gateway-failover: outage N s"). Restarted, the first chassis takes the
# gateway back (OVN preempts to the higher priority), with its own blip measured too. Losing only its
# ovn-controller moves nothing: ovs-vswitchd keeps forwarding and answering BFD (checked first).
# Finally the first chassis leaves on purpose (ovn-controller's exit deletes its Chassis row): Neutrino
# reschedules the gateway on the second alone, and adds the first back at the lowest priority when it
# registers again, so the gateway stays where it is (ML2/OVN's rescheduling).
# GWF_DEBUG=1 prints each chassis' BFD, tunnel routes and neighbours once BFD is up.
# Prints "gateway-failover: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "gateway-failover: OVN could not be started"; exit 1; }
physnet="${OVN_PHYSNET:-public}"

name=gateway-failover
. scenario/lib.sh

az=gwf                  # the availability zone of the two gateway chassis (and the router's hint)
underlay=192.168.251    # the tunnel underlay: .1 the system chassis, .2 and .3 the gateway chassis
extnet=172.24.46        # the external network: .1 the external host
gws=(gwf-gw1 gwf-gw2)   # the gateway chassis: namespace = chassis name = hostname
nss=(gwf-vm gwf-host "${gws[@]}")
encap_before="$(ovs-vsctl --if-exists get open . external-ids:ovn-encap-ip | tr -d '"')"
pingers=()

vsctl_of() { local gw="$1"; shift; ovs-vsctl --db="unix:$state/$gw/db.sock" --timeout=10 "$@"; }
pid_of() { cat "$state/$1/$2.pid" 2>/dev/null; }
stop_chassis() { # gw [signal]: its ovn-controller, ovs-vswitchd, ovsdb-server
  local d p
  for d in ovn-controller ovs-vswitchd ovsdb-server; do
    p=$(pid_of "$1" "$d"); [ -n "$p" ] && kill "-${2:-TERM}" "$p" 2>/dev/null
  done
}
teardown() {
  local gw p
  for p in "${pingers[@]}"; do kill "$p" 2>/dev/null; done
  for gw in "${gws[@]}"; do stop_chassis "$gw"; done
  sleep 0.5
  for gw in "${gws[@]}"; do stop_chassis "$gw" KILL; ovn-sbctl --if-exists chassis-del "$gw" 2>/dev/null; done
  for ns in "${nss[@]}"; do ip netns del "$ns" 2>/dev/null; done
  ovs-vsctl --if-exists del-port br-int t-gwf-vm -- --if-exists del-br br-gwf
  # the system chassis' tunnel endpoint as it was (other scenarios rely on it)
  [ -n "$encap_before" ] && ovs-vsctl set open . external-ids:ovn-encap-ip="$encap_before"
}
teardown
cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20
                           echo "--- ovn-sbctl show"; ovn-sbctl show
                           for gw in "${gws[@]}"; do echo "--- $gw ovn-controller"; tail -5 "$state/$gw/ovn-controller.log"; done; }
  if [ -n "${router:-}" ]; then
    [ -n "${fip:-}" ] && api DELETE "floatingips/$fip" >/dev/null
    [ -n "${sub:-}" ] && api PUT "routers/$router/remove_router_interface" "{\"subnet_id\":\"$sub\"}" >/dev/null
    api DELETE "routers/$router" >/dev/null
  fi
  [ -n "${vmport:-}" ] && api DELETE "ports/$vmport" >/dev/null
  [ -n "${sg:-}" ] && api DELETE "security-groups/$sg" >/dev/null
  for n in "${net:-}" "${ext:-}"; do [ -n "$n" ] && api DELETE "networks/$n" >/dev/null; done
  settle >/dev/null 2>&1
  stop_server
  teardown
  rm -rf "$state"
}
trap cleanup EXIT

# "$@" succeeds within N tries of half a second
eventually() { local n="$1"; shift; for _ in $(seq 1 "$n"); do "$@" && return 0; sleep 0.5; done; return 1; }
pings() { ip netns exec "$1" ping -c 1 -W 2 "$2" >/dev/null 2>&1; }
# TX checksum offload off on a veth end (the userspace datapath would pass TCP/UDP with bad checksums)
txoff() { # namespace|"" device
  if [ -n "$1" ]; then ip netns exec "$1" ethtool -K "$2" tx off >/dev/null 2>&1; else ethtool -K "$2" tx off >/dev/null 2>&1; fi
}
veth() { # name-here peer-name namespace-of-peer: a veth pair, the peer moved into the namespace, both up
  ip link add "$1" type veth peer name "$1-p"
  ip link set "$1-p" netns "$3"
  ip -n "$3" link set "$1-p" name "$2"
  ip link set "$1" up; ip -n "$3" link set "$2" up
  txoff "" "$1"; txoff "$3" "$2"
}

# --- the underlay: a bridge of the system's Open vSwitch holding the system chassis' tunnel address -
# (the userspace datapath sends and receives tunnel packets through the bridge whose port holds the
# address; 127.0.0.1, which a single chassis gets by, reaches no other chassis)
ovs-vsctl --may-exist add-br br-gwf -- set bridge br-gwf datapath_type=netdev
ip addr add "$underlay.1/24" dev br-gwf; ip link set br-gwf up
ovs-vsctl set open . external-ids:ovn-encap-ip="$underlay.1"

# --- the external segment: the "external host" namespace with a Linux bridge both br-ex reach -------
ip netns add gwf-host
ip -n gwf-host link set lo up
ip -n gwf-host link add br0 type bridge
ip -n gwf-host link set br0 up
ip -n gwf-host addr add "$extnet.1/24" dev br0

# --- two gateway chassis, each in its own namespace -------------------------------------------------
start_vswitchd() { # gw index: ovs-vswitchd on the chassis' database, its underlay address on br-phy
  local gw="$1" i="$2" d="$state/$1"
  ip netns exec "$gw" env OVS_RUNDIR="$d" OVS_LOGDIR="$d" OVS_DBDIR="$d" ovs-vswitchd "unix:$d/db.sock" \
    --unixctl="$d/ovs-vswitchd.ctl" --pidfile="$d/ovs-vswitchd.pid" --log-file="$d/ovs-vswitchd.log" \
    -vconsole:off --no-chdir --detach 9>&-
  eventually 40 ip -n "$gw" link show br-phy >/dev/null 2>&1
  ip -n "$gw" addr replace "$underlay.$((i+2))/24" dev br-phy; ip -n "$gw" link set br-phy up
}
start_controller() { # gw
  local gw="$1" d="$state/$1"
  ip netns exec "$gw" env OVS_RUNDIR="$d" OVN_RUNDIR="$d" OVN_LOGDIR="$d" ovn-controller "unix:$d/db.sock" \
    --pidfile="$d/ovn-controller.pid" --log-file="$d/ovn-controller.log" -vconsole:off --no-chdir --detach 9>&-
}
for i in 0 1; do
  gw=${gws[$i]}; d="$state/$gw"; mkdir -p "$d"
  ip netns add "$gw"; ip -n "$gw" link set lo up
  ovsdb-tool create "$d/conf.db" /usr/share/openvswitch/vswitch.ovsschema
  ip netns exec "$gw" env OVS_RUNDIR="$d" OVS_DBDIR="$d" ovsdb-server "$d/conf.db" --remote="punix:$d/db.sock" \
    --unixctl="$d/ovsdb-server.ctl" --pidfile="$d/ovsdb-server.pid" --log-file="$d/ovsdb-server.log" \
    -vconsole:off --no-chdir --detach 9>&-
  vsctl_of "$gw" --no-wait init
  vsctl_of "$gw" --no-wait set open . external-ids:system-id="$gw" external-ids:hostname="$gw" \
    external-ids:ovn-remote=unix:/var/run/ovn/ovnsb_db.sock external-ids:ovn-encap-type=geneve \
    external-ids:ovn-encap-ip="$underlay.$((i+2))" external-ids:ovn-bridge-datapath-type=netdev \
    external-ids:ovn-bridge-mappings="$physnet:br-ex" \
    external-ids:ovn-cms-options="enable-chassis-as-gw,availability-zones=$az"
  vsctl_of "$gw" --no-wait add-br br-int -- set bridge br-int datapath_type=netdev fail-mode=secure \
    -- add-br br-ex -- set bridge br-ex datapath_type=netdev \
    -- add-br br-phy -- set bridge br-phy datapath_type=netdev
  # underlay: a veth from the system's br-gwf to the chassis' br-phy
  veth "gwf-u$i" u0 "$gw"
  ovs-vsctl add-port br-gwf "gwf-u$i"
  vsctl_of "$gw" --no-wait add-port br-phy u0
  # external: a veth from the chassis' br-ex to the external host's bridge
  ip link add "gwf-x$i" type veth peer name x0
  ip link set x0 netns "$gw"; ip link set "gwf-x$i" netns gwf-host
  ip -n gwf-host link set "gwf-x$i" master br0 up; ip -n "$gw" link set x0 up
  txoff gwf-host "gwf-x$i"; txoff "$gw" x0
  vsctl_of "$gw" --no-wait add-port br-ex x0
  start_vswitchd "$gw" "$i"
  start_controller "$gw"
done
chassis_registered() { # both gateway chassis in the southbound with their encap addresses
  for i in 0 1; do
    ovn-sbctl --bare --columns=ip find Encap chassis_name="${gws[$i]}" | grep -qx "$underlay.$((i+2))" || return 1
  done
}
expect "both gateway chassis registered in the southbound (encap $underlay.2, $underlay.3)" 'eventually 60 chassis_registered'
tunnels_up() { # the system chassis has geneve tunnels to both
  [ "$(ovs-vsctl --bare --columns=name find Interface type=geneve | grep -c .)" -ge 2 ]
}
expect "the system chassis has geneve tunnels to both gateway chassis" 'eventually 60 tunnels_up'
pings_underlay() { ip netns exec gwf-gw1 ping -c 1 -W 1 "$underlay.3" >/dev/null 2>&1 && pings gwf-gw2 "$underlay.1"; }
expect "the underlay carries packets between the chassis" 'eventually 20 pings_underlay'

# --- Neutron resources ----------------------------------------------------------------------------
start_server "enable_distributed_floating_ip = false"
host="$(ovs-vsctl get open . external-ids:hostname | tr -d '"')"
ext=$(api POST networks "{\"network\":{\"name\":\"gwf-public\",\"router:external\":true,\"provider:network_type\":\"flat\",\"provider:physical_network\":\"$physnet\"}}" | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$ext\",\"cidr\":\"$extnet.0/24\",\"ip_version\":4,\"gateway_ip\":\"$extnet.1\",\"enable_dhcp\":false}}" >/dev/null
net=$(api POST networks '{"network":{"name":"gwf-net"}}' | jq_ 'd["network"]["id"]')
sub=$(api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.132.1.0/24\",\"ip_version\":4}}" | jq_ 'd["subnet"]["id"]')
zones=$(api GET "availability_zones?resource=router" | jq_ '" ".join(z["name"] for z in d["availability_zones"])')
expect "GET /v2.0/availability_zones lists the gateway chassis' zone $az ($zones)" '[[ " $zones " == *" $az "* ]]'
router=$(api POST routers "{\"router\":{\"name\":\"gwf-router\",\"availability_zone_hints\":[\"$az\"]}}" | jq_ 'd["router"]["id"]')
api PUT "routers/$router/add_router_interface" "{\"subnet_id\":\"$sub\"}" >/dev/null
gwip=$(api PUT "routers/$router" "{\"router\":{\"external_gateway_info\":{\"network_id\":\"$ext\",\"enable_snat\":true}}}" \
  | jq_ 'd["router"]["external_gateway_info"]["external_fixed_ips"][0]["ip_address"]')
expect "the router has a gateway on the external network ($gwip)" '[[ "$gwip" == $extnet.* ]]'
sg=$(api POST security-groups '{"security_group":{"name":"gwf-open"}}' | jq_ 'd["security_group"]["id"]')
api POST security-group-rules "{\"security_group_rule\":{\"security_group_id\":\"$sg\",\"direction\":\"ingress\",\"protocol\":\"icmp\",\"ethertype\":\"IPv4\"}}" >/dev/null

# the VM on the system chassis
p=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"gwf-vm\",\"security_groups\":[\"$sg\"],\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"gwf-vm\"}}")
vmport=$(echo "$p" | jq_ 'd["port"]["id"]'); mac=$(echo "$p" | jq_ 'd["port"]["mac_address"]')
vmip=$(echo "$p" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
ip netns add gwf-vm
veth t-gwf-vm eth0 gwf-vm
ip -n gwf-vm link set eth0 address "$mac"; ip -n gwf-vm link set lo up
ip -n gwf-vm addr add "$vmip/24" dev eth0
ip -n gwf-vm route add default via 10.132.1.1
ovs-vsctl add-port br-int t-gwf-vm -- set Interface t-gwf-vm external-ids:iface-id="$vmport"
f=$(api POST floatingips "{\"floatingip\":{\"floating_network_id\":\"$ext\",\"port_id\":\"$vmport\"}}")
fip=$(echo "$f" | jq_ 'd["floatingip"]["id"]'); fipip=$(echo "$f" | jq_ 'd["floatingip"]["floating_ip_address"]')
active() { [ "$(api GET "ports/$vmport" | jq_ 'd["port"]["status"]')" = ACTIVE ]; }
expect "the VM's port becomes ACTIVE" 'eventually 60 active'
settle

# --- 1. the gateway is scheduled on both gateway chassis, by priority --------------------------------
gwport=$(api GET "ports?device_owner=network:router_gateway&device_id=$router" | jq_ 'd["ports"][0]["id"]')
lrp="lrp-$gwport"
gcs() { # "chassis:priority" of the gateway port's Gateway_Chassis rows, highest first
  local u; for u in $(ovn-nbctl --bare get Logical_Router_Port "$lrp" gateway_chassis 2>/dev/null | tr -d '[],'); do
    echo "$(ovn-nbctl --bare get Gateway_Chassis "$u" chassis_name):$(ovn-nbctl --bare get Gateway_Chassis "$u" priority)"
  done | sort -t: -k2 -rn | xargs
}
rows=$(gcs)
echo "  Gateway_Chassis of $lrp: $rows"
expect "the gateway port's Gateway_Chassis rows name both gateway chassis with priorities 2 and 1 ($rows)" \
  '[ "$rows" = "gwf-gw1:2 gwf-gw2:1" ] || [ "$rows" = "gwf-gw2:2 gwf-gw1:1" ]'
names=$(ovn-nbctl --bare --columns=name list Gateway_Chassis | grep "^${lrp}_" | sort | xargs)
expect "named as ML2/OVN names them: ${lrp}_<chassis> ($names)" '[ "$names" = "${lrp}_gwf-gw1 ${lrp}_gwf-gw2" ]'
first=${rows%%:*}
[ "$first" = gwf-gw1 ] && second=gwf-gw2 || second=gwf-gw1
bound_to() { # the chassis the chassisredirect port is bound to
  local u; u=$(ovn-sbctl --bare --columns=chassis find Port_Binding logical_port="cr-$lrp")
  [ -n "$u" ] && ovn-sbctl --bare --columns=name list Chassis "$u"
}
bound_is() { [ "$(bound_to)" = "$1" ]; }
expect "the chassisredirect port cr-$lrp is bound to the priority-2 chassis $first" 'eventually 60 bound_is "$first"'
bfd_up() { # gw: BFD on its tunnels is up towards the other two chassis
  [ "$(ovs-appctl -t "$state/$1/ovs-vswitchd.ctl" bfd/show 2>/dev/null | grep -c 'Local Session State: up')" -ge 2 ]
}
expect "BFD is up on both gateway chassis' tunnels" 'eventually 60 bfd_up gwf-gw1 && eventually 60 bfd_up gwf-gw2'
if [ -n "${GWF_DEBUG:-}" ] || [ "$failed" -gt 0 ]; then  # the tunnels as each chassis sees them
  for gw in "${gws[@]}"; do
    echo "--- $gw"; ovs-appctl -t "$state/$gw/ovs-vswitchd.ctl" bfd/show
    ovs-appctl -t "$state/$gw/ovs-vswitchd.ctl" ovs/route/show | grep -v 127.0; ovs-appctl -t "$state/$gw/ovs-vswitchd.ctl" tnl/neigh/show
    vsctl_of "$gw" show
  done
  echo "--- system"; ovs-appctl bfd/show; ovs-appctl ovs/route/show | grep 192.168; ovs-appctl tnl/neigh/show; ovs-vsctl show
fi

# --- 2. traffic through the gateway ---------------------------------------------------------------
expect "the external host pings floating IP $fipip" 'eventually 60 pings gwf-host "$fipip"'
expect "the VM pings the external host $extnet.1" 'eventually 60 pings gwf-vm "$extnet.1"'
# the source the external host sees: the floating IP (the VM has one; SNAT to it)
seen=$( (ip netns exec gwf-host timeout 5 tcpdump -l -n -c 1 -i br0 "icmp[icmptype] == icmp-echo" 2>/dev/null &
         sleep 1; pings gwf-vm "$extnet.1"; wait) | sed -n 's/.* IP \([0-9.]*\) > .*/\1/p')
expect "the external host sees the VM as $fipip (saw '$seen')" '[ "$seen" = "$fipip" ]'

# --- 3. the active gateway chassis lost -----------------------------------------------------------
# pings every 0.2 s both ways, timestamped: the external host to the floating IP, the VM to the host
ip netns exec gwf-host ping -D -i 0.2 -W 1 "$fipip" > "$state/ping-fip.log" 2>&1 9>&- & pingers+=($!)
ip netns exec gwf-vm ping -D -i 0.2 -W 1 "$extnet.1" > "$state/ping-snat.log" 2>&1 9>&- & pingers+=($!)
sleep 3
outage() { # log since: the longest time between two answers after epoch SINCE, in seconds
  "$py" - "$1" "$2" <<'EOF'
import re, sys
since = float(sys.argv[2]); t = []
for line in open(sys.argv[1]):
    m = re.match(r"\[(\d+\.\d+)\] \d+ bytes from", line)
    if m: t.append(float(m.group(1)))
before = [x for x in t if x <= since]; after = [x for x in t if x > since]
if not before or not after: print("none"); sys.exit()
seq = [before[-1]] + after
print("%.1f" % max(b - a for a, b in zip(seq, seq[1:])))
EOF
}
# first its ovn-controller alone: the flows it installed stay in ovs-vswitchd, which also runs BFD,
# so nothing notices; the gateway stays and forwards (OVN's "headless" chassis)
headless_at=$(date +%s.%N)
kill -9 "$(pid_of "$first" ovn-controller)"
echo "  killed ovn-controller of $first"
sleep 6
gap=$(outage "$state/ping-fip.log" "$headless_at")
expect "without its ovn-controller, $first keeps the gateway: still bound there, BFD up" 'bound_is "$first" && bfd_up "$second"'
expect "and it still forwards (longest gap between answers $gap s)" '[ "$gap" != none ] && awk "BEGIN{exit !($gap < 1)}"'
# then its ovs-vswitchd: the datapath and BFD are gone
killed_at=$(date +%s.%N)
kill -9 "$(pid_of "$first" ovs-vswitchd)"
echo "  killed ovs-vswitchd of $first"
expect "the chassisredirect port moves to $second" 'eventually 60 bound_is "$second"'
moved_at=$(date +%s.%N)
echo "  (bound to $second $(awk "BEGIN{printf \"%.1f\", $moved_at - $killed_at}") s after the kill)"
answers_after() { # log: an answer after the kill was seen, and the last 2 s answered
  "$py" - "$1" "$killed_at" <<'EOF'
import re, sys, time
t = [float(m.group(1)) for m in (re.match(r"\[(\d+\.\d+)\] \d+ bytes from", l) for l in open(sys.argv[1])) if m]
sys.exit(0 if t and t[-1] > time.time() - 1 and len([x for x in t if x > float(sys.argv[2])]) >= 5 else 1)
EOF
}
expect "floating IP traffic flows again through $second" 'eventually 60 answers_after "$state/ping-fip.log"'
expect "SNAT traffic flows again through $second" 'eventually 60 answers_after "$state/ping-snat.log"'
fip_out=$(outage "$state/ping-fip.log" "$killed_at"); snat_out=$(outage "$state/ping-snat.log" "$killed_at")
echo "gateway-failover: outage $fip_out s (floating IP, external host -> VM), $snat_out s (SNAT, VM -> external host)"
expect "the outage was measured ($fip_out s, $snat_out s)" '[ "$fip_out" != none ] && [ "$snat_out" != none ]'
rows_after=$(gcs)
expect "the Gateway_Chassis rows are unchanged while $first's chassis row stays ($rows_after)" '[ "$rows_after" = "$rows" ]'

# --- 4. the first chassis back: OVN preempts to the higher priority --------------------------------
back_at=$(date +%s.%N)
start_vswitchd "$first" "$(( ${first#gwf-gw} - 1 ))"
start_controller "$first"
echo "  restarted ovs-vswitchd and ovn-controller of $first"
expect "the chassisredirect port goes back to $first (priority 2, OVN's preemption)" 'eventually 120 bound_is "$first"'
killed_at=$back_at
expect "floating IP traffic flows through $first" 'eventually 60 answers_after "$state/ping-fip.log"'
expect "SNAT traffic flows through $first" 'eventually 60 answers_after "$state/ping-snat.log"'
sleep 2
fip_back=$(outage "$state/ping-fip.log" "$back_at"); snat_back=$(outage "$state/ping-snat.log" "$back_at")
echo "gateway-failover: preemption back to $first: longest gap $fip_back s (floating IP), $snat_back s (SNAT)"
expect "the external host pings floating IP $fipip" 'eventually 20 pings gwf-host "$fipip"'
expect "the VM pings the external host" 'eventually 20 pings gwf-vm "$extnet.1"'

# --- 5. the first chassis leaves on purpose (its Chassis row deleted): Neutrino reschedules ----------
# ovn-controller's "exit" deletes its Chassis row, as a maintenance would; Neutrino drops the chassis
# from the gateway (ML2/OVN reschedules on Chassis deletion) and, when it registers again, adds it at
# the lowest priority (ML2/OVN keeps the chassis that host the gateway first): the gateway stays
left_at=$(date +%s.%N)
ovs-appctl -t "$state/$first/ovn-controller.$(pid_of "$first" ovn-controller).ctl" exit >/dev/null 2>&1
rows_are() { [ "$(gcs)" = "$1" ]; }
expect "$first's Chassis row deleted: the gateway is rescheduled on $second alone" \
  'eventually 60 rows_are "$second:1"'
expect "the chassisredirect port moves to $second" 'eventually 60 bound_is "$second"'
killed_at=$left_at
expect "floating IP and SNAT traffic flow through $second" \
  'eventually 60 answers_after "$state/ping-fip.log" && eventually 60 answers_after "$state/ping-snat.log"'
fip_left=$(outage "$state/ping-fip.log" "$left_at"); snat_left=$(outage "$state/ping-snat.log" "$left_at")
echo "gateway-failover: chassis $first deleted: longest gap $fip_left s (floating IP), $snat_left s (SNAT)"
start_controller "$first"
echo "  restarted ovn-controller of $first"
registered_again() { ovn-sbctl --bare --columns=name find Chassis name="$first" | grep -qx "$first"; }
expect "$first registers again" 'eventually 60 registered_again'
expect "$first comes back at the lowest priority, after $second (no flap back)" \
  'eventually 60 rows_are "$second:2 $first:1"'
sleep 5
expect "the chassisredirect port stays on $second" 'bound_is "$second"'
expect "traffic flows through $second" 'pings gwf-host "$fipip" && pings gwf-vm "$extnet.1"'
for p in "${pingers[@]}"; do kill "$p" 2>/dev/null; done; pingers=()
host_resolv_kept

echo "gateway-failover: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
