#!/usr/bin/env bash
# Security group logging, with real OVN and OVS (userspace datapath) and network namespaces as VMs.
# A server VM whose group lets ICMP and UDP 5001 in, a client VM. With a log object (event ALL) on
# the group, the client's allowed ping and its dropped UDP to port 5002 appear in ovn-controller's log
# as acl_log lines with the log's name (neutron-<log id>) and verdict allow / drop; a burst of dropped
# packets is capped by the fair meter ([network_log] rate_limit 100, burst_limit 25, Zed's minimums):
# the lines are counted against burst + rate x seconds, and the meter's band shows what it dropped.
# A DROP log logs the drops only; disabled, nothing. Also checks the northbound rows: the ACLs' log,
# name, severity and meter, and the Meter with its band (gone with the last log).
# Prints "logging: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "logging: OVN could not be started"; exit 1; }
command -v ethtool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q ethtool >/dev/null

name=logging
. scenario/lib.sh
started=$SECONDS
vms=(lgsrv lgc)
ovnlog=/var/log/ovn/ovn-controller.log
rate=100
burst=25
vm_teardown
trap vm_cleanup EXIT
start_server '[network_log]' "rate_limit = $rate" "burst_limit = $burst"
host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"

net=$(api POST networks '{"network":{"name":"lg-net"}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.204.0.0/24\",\"ip_version\":4}}" >/dev/null
sg=$(api POST security-groups '{"security_group":{"name":"lg-server"}}' | jq_ 'd["security_group"]["id"]')
for rule in '"protocol":"icmp"' '"protocol":"udp","port_range_min":5001,"port_range_max":5001'; do
  api POST security-group-rules "{\"security_group_rule\":{\"security_group_id\":\"$sg\",\"direction\":\"ingress\",$rule}}" >/dev/null
done

declare -A ip mac port
vm_plug lgc
vm_plug lgsrv "[\"$sg\"]"
vms_active

log_json=$(api POST log/logs "{\"log\":{\"name\":\"lg-all\",\"resource_type\":\"security_group\",\"resource_id\":\"$sg\",\"event\":\"ALL\"}}")
log=$(echo "$log_json" | jq_ 'd["log"]["id"]')
settle

# --- the northbound rows
pg="pg_${sg//-/_}"
acl_cols() { # port group -> one "log name severity meter" line per ACL
  local u
  for u in $(ovn-nbctl --bare --columns=acls find Port_Group name="$1"); do
    ovn-nbctl --bare --columns=log,name,severity,meter list ACL "$u" | xargs
  done
}
want="true neutron-$log info acl_log_meter"
have=$(acl_cols "$pg" | sort -u)
expect "the group's ACLs: log, name, severity, meter = $want ($have)" '[ "$have" = "$want" ]'
have=$(acl_cols neutron_pg_drop | sort -u)
expect "neutron_pg_drop's drop ACLs too, for an ALL log ($have)" '[ "$have" = "$want" ]'
meter=$(ovn-nbctl --bare --columns=unit,fair list Meter acl_log_meter | xargs)
band=$(ovn-nbctl --bare --columns=action,rate,burst_size list Meter_Band "$(ovn-nbctl --bare --columns=bands list Meter acl_log_meter)" | xargs)
expect "the NB Meter acl_log_meter: pktps, fair ($meter)" '[ "$meter" = "pktps true" ]'
expect "its band: drop, rate $rate, burst $burst ($band)" '[ "$band" = "drop $rate $burst" ]'

# --- packets: ovn-controller's acl_log lines of this log, after line $1 of its log
mark() { wc -l <"$ovnlog"; }
lines() { # after-mark grep-pattern...
  local n=$1; shift
  local out; out=$(tail -n +"$((n + 1))" "$ovnlog" | grep 'acl_log' | grep -F "name=\"neutron-$log\"")
  local p; for p in "$@"; do out=$(grep -- "$p" <<<"$out"); done
  [ -n "$out" ] && wc -l <<<"$out" || echo 0
}
udp() { # count port [interval]
  ip netns exec lgc "$py" -c "
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); t = time.time()
for _ in range(int(sys.argv[1])): s.sendto(b'x' * 16, ('${ip[lgsrv]}', int(sys.argv[2]))); time.sleep(float(sys.argv[3]))
print('%.2f' % (time.time() - t))" "$1" "$2" "${3:-0}"
}
m=$(mark)
ip netns exec lgc ping -c 1 -W 1 "${ip[lgsrv]}" >/dev/null 2>&1
expect "the client pings the server (allowed)" 'ip netns exec lgc ping -c 1 -W 1 "${ip[lgsrv]}" >/dev/null 2>&1'
udp 3 5002 0.2 >/dev/null
sleep 1
allow=$(lines "$m" 'verdict=allow' 'icmp')
drop=$(lines "$m" 'verdict=drop' 'tp_dst=5002')
expect "the allowed ping is an acl_log line name=\"neutron-$log\", verdict=allow ($allow)" '[ "$allow" -ge 1 ]'
expect "each of 3 dropped UDP packets to port 5002 is a verdict=drop line ($drop)" '[ "$drop" = 3 ]'
tail -n +"$((m + 1))" "$ovnlog" | grep acl_log | head -2 | sed 's/^/  /'

# a burst: dropped packets as fast as the client sends them, counted against the meter
# what the meters' bands dropped so far (ovn-controller's OpenFlow meters on br-int)
band_drops() { ovs-ofctl -O OpenFlow13 meter-stats br-int 2>/dev/null | tr ' ' '\n' \
  | awk '/^bands:/ {b = 1} /^meter:/ {b = 0} b && /^packet_count:/ {split($0, a, ":"); s += a[2]} END {print s + 0}'; }
before=$(band_drops)
m=$(mark)
sent=3000
secs=$(udp "$sent" 5002)
sleep 2
burst_lines=$(lines "$m" 'verdict=drop' 'tp_dst=5002')
bound=$("$py" -c "import math; print(int($burst + $rate * math.ceil($secs + 1)))")
expect "a burst of $sent dropped packets in $secs s: $burst_lines lines, fewer than sent" '[ "$burst_lines" -lt "$sent" ]'
expect "and at most burst + rate x (seconds + 1) = $bound" '[ "$burst_lines" -ge 1 ] && [ "$burst_lines" -le "$bound" ]'
dropped=$(( $(band_drops) - before ))
expect "the userspace datapath's meter band dropped the rest: $dropped + $burst_lines lines = $sent" \
  '[ "$((dropped + burst_lines))" = "$sent" ]'

# the offline comparison (the repair pass's) agrees with what the write path wrote, meter included
# (the embedded H2 database is single-process: the server stops for it, then comes back)
stop_server
report=$(sync_report)
expect "ovn-db-sync finds nothing to repair ($report)" '[[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]]'
start_server '[network_log]' "rate_limit = $rate" "burst_limit = $burst"

# --- a DROP log: drops only
api DELETE "log/logs/$log" >/dev/null
log=$(api POST log/logs "{\"log\":{\"name\":\"lg-drop\",\"resource_type\":\"security_group\",\"resource_id\":\"$sg\",\"event\":\"DROP\"}}" | jq_ 'd["log"]["id"]')
settle
have=$(acl_cols "$pg" | sort -u)
expect "a DROP log leaves the group's allow ACLs unlogged ($have)" '[ "$have" = "false" ]'
m=$(mark)
ip netns exec lgc ping -c 2 -W 1 "${ip[lgsrv]}" >/dev/null 2>&1
udp 3 5001 0.2 >/dev/null
udp 3 5002 0.2 >/dev/null
sleep 1
allow=$(lines "$m" 'verdict=allow')
drop=$(lines "$m" 'verdict=drop' 'tp_dst=5002')
expect "event DROP: no allow lines for the ping and UDP 5001 ($allow)" '[ "$allow" = 0 ]'
expect "and the 3 drops to port 5002, name=\"neutron-$log\" ($drop)" '[ "$drop" = 3 ]'

# --- disabled: nothing
api PUT "log/logs/$log" '{"log":{"enabled":false}}' >/dev/null
settle
m=$(mark)
ip netns exec lgc ping -c 2 -W 1 "${ip[lgsrv]}" >/dev/null 2>&1
udp 3 5002 0.2 >/dev/null
sleep 1
any=$(lines "$m")
expect "disabled: no lines ($any)" '[ "$any" = 0 ]'
have=$(acl_cols neutron_pg_drop | sort -u)
expect "the drop ACLs keep the log's name with log=false, as Zed leaves them ($have)" \
  '[ "$have" = "false neutron-$log info acl_log_meter" ]'

# the last log deleted: no log columns and no meter left
api DELETE "log/logs/$log" >/dev/null
settle
have=$(acl_cols neutron_pg_drop | sort -u)
meters=$(ovn-nbctl --bare --columns=name list Meter | xargs)
expect "the last log deleted: the ACLs are clean ($have) and the meter is gone ('$meters')" \
  '[ "$have" = "false" ] && [ -z "$meters" ]'

for vm in "${vms[@]}"; do api DELETE "ports/${port[$vm]}" >/dev/null; done
api DELETE "security-groups/$sg" >/dev/null
api DELETE "networks/$net" >/dev/null
settle
left=$(ovn-nbctl --bare --columns=name find Port_Group name="$pg" -- find Logical_Switch name="neutron-$net" | xargs)
expect "deleted: the port group and the switch are gone from OVN ('$left')" '[ -z "$left" ]'

host_resolv_kept
echo "logging: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
