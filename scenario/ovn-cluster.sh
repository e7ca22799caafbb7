#!/usr/bin/env bash
# Neutrino against a clustered OVN. Beside the system's OVN (left alone), this starts its own
# three-member Raft clusters for the northbound and southbound databases, an ovn-northd on both, a
# sandboxed chassis (ovn-controller on its own ovsdb-server and a dummy-datapath ovs-vswitchd, as
# OVN's sandbox does), and three Neutrino servers on one PostgreSQL database, each given the
# clusters as comma-separated remotes. A mixed burst of creates, updates and deletes runs over the
# three servers; during it the northbound leader is killed, then (kill -9) the Neutrino server that
# holds the repair lock. Then: every answer was 2xx or a retryable 503/409 (only the killed server
# left requests unanswered), the repair lock moved, ovn-db-sync finds nothing to repair, every
# northbound row that mirrors a Neutron resource carries its latest revision, every port's status
# follows OVN's up, and router gateways are scheduled on the chassis of the clustered southbound.
# Prints figures (requests per server, statuses, when the new leader took writes, when the lock
# moved, the drift the write path left) and "ovn-cluster: N passed, M failed". About 1.5 minutes.
#
# OVN_CLUSTER_KEEP=1 keeps the logs and databases of the run.
# Ports (all on 127.0.0.1, checked free first): northbound 6651-6653 (raft 6661-6663), southbound
# 6671-6673 (raft 6681-6683), Neutrino on three free ports. BURST_SECONDS (default 60) sets the burst's length.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
name=ovn-cluster
burst_seconds="${BURST_SECONDS:-60}"
export DEBIAN_FRONTEND=noninteractive

# --- what it needs from Debian (the binaries only: the system's OVN is not started or touched here)
installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }
missing=()
for pkg in ovn-central ovn-host openvswitch-switch; do installed "$pkg" || missing+=("$pkg"); done
if (( ${#missing[@]} )); then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "$name: could not install ${missing[*]}"; exit 1; }
fi
scripts/db-services.sh >/dev/null || { echo "$name: PostgreSQL could not be started"; exit 1; }

. scenario/lib.sh   # ok/fail/expect, $py, $state (our temporary directory)
dir="$state"
nb_ports=(6651 6652 6653); nb_raft=(6661 6662 6663)
sb_ports=(6671 6672 6673); sb_raft=(6681 6682 6683)
# the API ports are picked free: fixed ones in the ephemeral range (32768-60999) were once taken by an
# outgoing connection between the check below and a server's start (CI: "Address already in use")
api_ports=()
while ((${#api_ports[@]} < 3)); do
  p=$(free_port); [[ " ${api_ports[*]} " == *" $p "* ]] || api_ports+=("$p")
done
for p in "${nb_ports[@]}" "${nb_raft[@]}" "${sb_ports[@]}" "${sb_raft[@]}" "${api_ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "$name: port $p is in use (another run?)"; rm -rf "$dir"; exit 1
  fi
done
remotes() { local IFS=,; local r=(); for p in "$@"; do r+=("tcp:127.0.0.1:$p"); done; echo "${r[*]}"; }
nb_remotes=$(remotes "${nb_ports[@]}")
sb_remotes=$(remotes "${sb_ports[@]}")
dbname=neutrino_cluster
pg() { PGPASSWORD=neutrino psql -qAt -h 127.0.0.1 -U neutrino -d postgres -c "$1"; }
hv="$dir/hv"   # the sandboxed chassis: its own ovsdb-server, ovs-vswitchd and ovn-controller
hv_env=(env OVS_RUNDIR="$hv" OVS_LOGDIR="$hv" OVS_DBDIR="$hv" OVS_SYSCONFDIR="$hv" OVN_RUNDIR="$hv" OVN_LOGDIR="$hv"
        OVN_DBDIR="$hv" OVN_SYSCONFDIR="$hv")

pids=()        # everything started here, stopped by pid on exit
declare -A nb_pid sb_pid neutrino_pid
cleanup() {
  local p
  [ "$failed" -gt 0 ] && for i in 0 1 2; do
    echo "--- neutrino server $((i+1)) (warnings and errors)"
    grep -E " (WARN|ERROR) " "$dir/n$i/server.log" 2>/dev/null | tail -15
  done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for _ in $(seq 20); do
    local alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break; sleep 0.25
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  pg "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null 2>&1
  if [ -n "${OVN_CLUSTER_KEEP:-}" ]; then echo "$name: logs kept in $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT

# --- the Raft clusters ---------------------------------------------------------------------------
start_cluster() { # prefix (nb|sb) database schema ports... -- raft ports...
  local prefix=$1 database=$2 schema=$3; shift 3
  local -a ports=("${@:1:3}") raft=("${@:4:3}")
  local i
  ovsdb-tool create-cluster "$dir/${prefix}1.db" "$schema" "tcp:127.0.0.1:${raft[0]}" 2>/dev/null
  for i in 1 2; do
    ovsdb-tool join-cluster "$dir/${prefix}$((i+1)).db" "$database" "tcp:127.0.0.1:${raft[$i]}" \
      "tcp:127.0.0.1:${raft[0]}"
  done
  for i in 0 1 2; do
    ovsdb-server --remote="ptcp:${ports[$i]}:127.0.0.1" --unixctl="$dir/${prefix}$((i+1)).ctl" \
      --pidfile="$dir/${prefix}$((i+1)).pid" --log-file="$dir/${prefix}$((i+1)).log" -vconsole:off -vfile:info \
      --no-chdir "$dir/${prefix}$((i+1)).db" >/dev/null 2>&1 &
    pids+=($!)
    if [ "$prefix" = nb ]; then nb_pid[$i]=$!; else sb_pid[$i]=$!; fi
  done
}
role() { # prefix member(1-3) database -> leader/follower/candidate
  ovs-appctl -t "$dir/$1$2.ctl" cluster/status "$3" 2>/dev/null | sed -n 's/^Role: //p'
}
cluster_ready() { # prefix database: one leader, every member in the cluster
  local i roles=""
  for i in 1 2 3; do roles+="$(role "$1" "$i" "$2") "; done
  [ "$(echo "$roles" | grep -o leader | wc -l)" = 1 ] && [ "$(echo "$roles" | grep -o follower | wc -l)" = 2 ]
}
leader_of() { # prefix database -> the leader's member number
  local i; for i in 1 2 3; do [ "$(role "$1" "$i" "$2")" = leader ] && { echo "$i"; return; }; done
}
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
eventually() { # tries(0.25 s) command...
  local n=$1; shift; for _ in $(seq "$n"); do "$@" && return 0; sleep 0.25; done; return 1
}

start_cluster nb OVN_Northbound /usr/share/ovn/ovn-nb.ovsschema "${nb_ports[@]}" "${nb_raft[@]}"
start_cluster sb OVN_Southbound /usr/share/ovn/ovn-sb.ovsschema "${sb_ports[@]}" "${sb_raft[@]}"
expect "the northbound cluster has a leader and two followers" 'eventually 80 cluster_ready nb OVN_Northbound'
expect "the southbound cluster has a leader and two followers" 'eventually 80 cluster_ready sb OVN_Southbound'
ovn-northd --ovnnb-db="$nb_remotes" --ovnsb-db="$sb_remotes" --unixctl="$dir/northd.ctl" \
  --pidfile="$dir/northd.pid" --log-file="$dir/northd.log" -vconsole:off --no-chdir >/dev/null 2>&1 &
pids+=($!)
northd_active() { ovs-appctl -t "$dir/northd.ctl" status 2>/dev/null | grep -q active; }
expect "ovn-northd is active on both clusters" 'eventually 80 northd_active'

# --- a chassis in a sandbox: a dummy datapath, nothing of the host's OVS or kernel is used -----------
mkdir -p "$hv"
ovsdb-tool create "$hv/conf.db" /usr/share/openvswitch/vswitch.ovsschema
"${hv_env[@]}" ovsdb-server --remote="punix:$hv/db.sock" --unixctl="$hv/ovsdb-server.ctl" \
  --pidfile="$hv/ovsdb-server.pid" --log-file="$hv/ovsdb-server.log" -vconsole:off --no-chdir "$hv/conf.db" \
  >/dev/null 2>&1 &
pids+=($!)
hv_vsctl() { "${hv_env[@]}" ovs-vsctl --db="unix:$hv/db.sock" --timeout=10 "$@"; }
eventually 40 hv_vsctl --no-wait init 2>/dev/null
"${hv_env[@]}" ovs-vswitchd --enable-dummy=override "unix:$hv/db.sock" --unixctl="$hv/ovs-vswitchd.ctl" \
  --pidfile="$hv/ovs-vswitchd.pid" --log-file="$hv/ovs-vswitchd.log" -vconsole:off --no-chdir >/dev/null 2>&1 &
pids+=($!)
hv_vsctl set open . external-ids:system-id=neutrino-cluster-hv1 external-ids:hostname=neutrino-cluster-hv1 \
  external-ids:ovn-remote="$sb_remotes" external-ids:ovn-encap-type=geneve external-ids:ovn-encap-ip=127.0.0.1 \
  external-ids:ovn-bridge-mappings=public:br-ex external-ids:ovn-cms-options=enable-chassis-as-gw
hv_vsctl --may-exist add-br br-ex
# (ovn-controller has no --unixctl: its control socket goes to $OVN_RUNDIR)
"${hv_env[@]}" ovn-controller "unix:$hv/db.sock" --pidfile="$hv/ovn-controller.pid" --log-file="$hv/ovn-controller.log" -vconsole:off --no-chdir >/dev/null 2>&1 &
pids+=($!)
chassis_seen() { ovn-sbctl --db="$sb_remotes" --timeout=5 --bare --columns=name list Chassis | grep -qx neutrino-cluster-hv1; }
expect "the sandboxed ovn-controller registered its chassis in the clustered southbound" 'eventually 120 chassis_seen'

# --- three Neutrino servers on one PostgreSQL database -------------------------------------------
pg "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null 2>&1
pg "CREATE DATABASE $dbname OWNER neutrino" >/dev/null || { echo "$name: cannot create database $dbname"; exit 1; }
start_member() { # index(0-2): writes its configuration and starts it; waits for it to answer
  local i=$1 d="$dir/n$1"
  mkdir -p "$d"
  cat > "$d/neutron.conf" <<EOF
[DEFAULT]
bind_port = ${api_ports[$i]}
state_path = $d
[database]
connection = postgresql://neutrino:neutrino@127.0.0.1:5432/$dbname
[ml2]
mechanism_drivers = ovn
[ovn]
ovn_nb_connection = $nb_remotes
ovn_sb_connection = $sb_remotes
db_sync_interval = 5
[quotas]
quota_network = -1
quota_subnet = -1
quota_port = -1
quota_security_group = -1
quota_security_group_rule = -1
quota_router = -1
quota_floatingip = -1
EOF
  bin/neutrino server --config-file "$d/neutron.conf" >> "$d/server.log" 2>&1 &
  neutrino_pid[$i]=$!
  pids+=($!)
  local t
  for ((t = 0; t < 600; t++)); do
    curl -sf "http://127.0.0.1:${api_ports[$i]}/" >/dev/null && return 0
    kill -0 "${neutrino_pid[$i]}" 2>/dev/null || { echo "$name: server $((i+1)) exited"; tail -30 "$d/server.log"; exit 1; }
    sleep 0.5
  done
  echo "$name: server $((i+1)) did not answer"; exit 1
}
# one after the other: the first creates the schema (and bin/neutrino may build the jar first)
for i in 0 1 2; do start_member "$i"; done
ok "three Neutrino servers answer on ${api_ports[*]}"
port="${api_ports[0]}"   # lib.sh's api() talks to $port
holders() { local i; for i in $(lock_holder); do printf '%d ' $((i + 1)); done; }
lock_holder() { # the server (0-2) whose log last says it became the repair worker, among the living
  local i
  for i in 0 1 2; do
    kill -0 "${neutrino_pid[$i]}" 2>/dev/null || continue
    [ "$(grep -E 'is (now|no longer) the OVN repair worker' "$dir/n$i/server.log" | tail -1 | grep -c ' now ')" = 1 ] \
      && echo "$i"
  done
}
one_lock_holder() { [ "$(lock_holder | wc -l)" = 1 ]; }
eventually 40 one_lock_holder
expect "exactly one server holds the repair lock (server $(holders | xargs))" one_lock_holder

ext=$(api POST networks '{"network":{"name":"cluster-public","router:external":true,"provider:network_type":"flat","provider:physical_network":"public"}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$ext\",\"cidr\":\"172.30.0.0/22\",\"ip_version\":4,\"gateway_ip\":\"172.30.0.1\",\"enable_dhcp\":false}}" >/dev/null
expect "the flat external network exists ($ext)" '[[ "$ext" =~ ^[0-9a-f-]{36}$ ]]'

# --- the burst --------------------------------------------------------------------------------------
# Each client loop starts on one server and moves to the next when its server stops answering (as
# a load balancer would). Every request is recorded: start end server method collection status.
cat > "$dir/burst.py" <<'PY'
import http.client, json, sys, time
ports = [int(p) for p in sys.argv[1].split(",")]
idx, loop, until, ext = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[6]
out = open(sys.argv[5], "a", buffering=1)
project = "cluster-%d" % loop

class Failed(Exception):
    pass

def call(method, path, body=None):
    global idx
    port = ports[idx]
    t0 = time.time()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request(method, "/v2.0/" + path, json.dumps(body) if body is not None else None,
                  {"Content-Type": "application/json", "X-Project-Id": project})
        r = c.getresponse()
        data, status = r.read(), r.status
        c.close()
    except (OSError, http.client.HTTPException):
        data, status = b"", 0
    kind = path.split("?")[0].split("/")[0]
    if "/" in path.split("?")[0] and path.split("/")[-1] in ("add_router_interface", "remove_router_interface"):
        kind += "/" + path.split("/")[-1]
    out.write("%.3f %.3f %d %s %s %d\n" % (t0, time.time(), port, method, kind, status))
    if status == 0:
        idx = (idx + 1) % len(ports)   # the server is gone: the next one
    if not 200 <= status < 300:
        raise Failed()
    return json.loads(data) if data else None

def one(n):
    cidr = "10.%d.%d.0/24" % (100 + loop, n % 250)
    net = call("POST", "networks", {"network": {"name": "c%d-%d" % (loop, n)}})["network"]["id"]
    sub = call("POST", "subnets", {"subnet": {"network_id": net, "cidr": cidr, "ip_version": 4}})["subnet"]["id"]
    sg = call("POST", "security-groups", {"security_group": {"name": "sg%d-%d" % (loop, n)}})["security_group"]["id"]
    rules = [call("POST", "security-group-rules", {"security_group_rule": {
        "security_group_id": sg, "direction": "ingress", "protocol": proto, "ethertype": "IPv4",
        **({"port_range_min": 22, "port_range_max": 22} if proto == "tcp" else {})}})["security_group_rule"]["id"]
        for proto in ("icmp", "tcp")]
    ports_ = [call("POST", "ports", {"port": {"network_id": net, "name": "p%d" % k, "security_groups": [sg]}})
              ["port"]["id"] for k in range(3)]
    router = call("POST", "routers", {"router": {"name": "r%d-%d" % (loop, n)}})["router"]["id"]
    call("PUT", "routers/%s/add_router_interface" % router, {"subnet_id": sub})
    call("PUT", "routers/%s" % router, {"router": {"external_gateway_info": {"network_id": ext}}})
    fip = call("POST", "floatingips", {"floatingip": {"floating_network_id": ext, "port_id": ports_[0]}})["floatingip"]["id"]
    call("PUT", "ports/%s" % ports_[1], {"port": {"name": "renamed", "security_groups": []}})
    call("PUT", "networks/%s" % net, {"network": {"name": "c%d-%d-renamed" % (loop, n)}})
    call("PUT", "routers/%s" % router, {"router": {"name": "r%d-%d-renamed" % (loop, n)}})
    call("PUT", "security-groups/%s" % sg, {"security_group": {"description": "updated"}})
    call("PUT", "floatingips/%s" % fip, {"floatingip": {"port_id": ports_[1]}})
    call("DELETE", "security-group-rules/%s" % rules[1])
    call("DELETE", "ports/%s" % ports_[2])
    if n % 2:
        return   # every other topology stays
    call("DELETE", "floatingips/%s" % fip)
    call("PUT", "routers/%s" % router, {"router": {"external_gateway_info": {}}})
    call("PUT", "routers/%s/remove_router_interface" % router, {"subnet_id": sub})
    call("DELETE", "routers/%s" % router)
    for p in ports_[:2]:
        call("DELETE", "ports/%s" % p)
    call("DELETE", "networks/%s" % net)
    call("DELETE", "security-groups/%s" % sg)

n = 0
while time.time() < until:
    try:
        one(n)
    except Failed:
        pass
    n += 1
PY
requests="$dir/requests.log"
: > "$requests"
loops=6   # two per server
burst_start=$(date +%s.%N)
burst_end=$(calc "$burst_start + $burst_seconds")
ports_csv=$(IFS=,; echo "${api_ports[*]}")
clients=()
for ((l = 0; l < loops; l++)); do
  "$py" "$dir/burst.py" "$ports_csv" $((l % 3)) "$l" "$burst_end" "$requests" "$ext" &
  clients+=($!); pids+=($!)
done
at() { local wait; wait=$(calc "$burst_start + $1 - $(date +%s.%N)"); [[ "$wait" == -* ]] || sleep "$wait"; }

# the northbound leader dies; a probe network shows when Neutrino's writes reach the cluster again
at 15
nb_leader=$(leader_of nb OVN_Northbound)
nb_kill=$(date +%s.%N)
{ kill -9 "${nb_pid[$((nb_leader-1))]}"; wait "${nb_pid[$((nb_leader-1))]}"; } 2>/dev/null
echo "killed the northbound leader (member $nb_leader, port ${nb_ports[$((nb_leader-1))]})"
probe=$(curl -s -X POST "http://127.0.0.1:${api_ports[1]}/v2.0/networks" -H 'Content-Type: application/json' \
  -d '{"network":{"name":"probe-after-leader-kill"}}' | jq_ 'd["network"]["id"]')
survivors=$(for i in 1 2 3; do [ "$i" != "$nb_leader" ] && echo "tcp:127.0.0.1:${nb_ports[$((i-1))]}"; done | paste -sd,)
probe_in_nb() {
  [ -n "$(ovn-nbctl --db="$survivors" --no-leader-only --timeout=2 --bare --columns=_uuid \
          find Logical_Switch name="neutron-$probe" 2>/dev/null)" ]
}
if eventually 240 probe_in_nb; then
  nb_resumed=$(calc "$(date +%s.%N) - $nb_kill")
else
  nb_resumed=never
fi
new_leader=$(leader_of nb OVN_Northbound)
expect "a new northbound leader was elected (member $new_leader)" '[ -n "$new_leader" ] && [ "$new_leader" != "$nb_leader" ]'
expect "Neutrino's writes reached the northbound cluster again after the leader kill (${nb_resumed} s)" \
  '[ "$nb_resumed" != never ]'

# the Neutrino server holding the repair lock dies (kill -9) in the middle of the burst
at 30
victim=$(lock_holder | head -1); victim=${victim:-0}
victim_kill=$(date +%s.%N)
{ kill -9 "${neutrino_pid[$victim]}"; wait "${neutrino_pid[$victim]}"; } 2>/dev/null
echo "killed (-9) Neutrino server $((victim+1)) (port ${api_ports[$victim]}), the repair lock's holder"

for c in "${clients[@]}"; do wait "$c"; done
burst_took=$(calc "$(date +%s.%N) - $burst_start")
alive=$(( (victim + 1) % 3 ))
# how far OVN is behind the database as the burst ends (the write paths still draining), before the
# repair worker's next pass
bin/neutrino ovn-db-sync --config-file "$dir/n$alive/neutron.conf" --mode log > "$dir/drift" 2>/dev/null
echo "out of step at the burst's end, before the next repair pass: $(grep -E '^found: ' "$dir/drift")"
grep -vE '^found: ' "$dir/drift" | awk '{ print $1, $2, $4, $5, $6 }' | sort | uniq -c | sort -rn | head -8

# --- afterwards -----------------------------------------------------------------------------------
eventually 80 one_lock_holder
expect "one surviving server took the repair lock (server $(holders | xargs))" \
  'one_lock_holder && [ "$(lock_holder)" != "$victim" ]'
port="${api_ports[$alive]}"

# what the clients saw; 0 = no HTTP answer (connection refused or cut)
"$py" - "$requests" "${api_ports[$victim]}" "$victim_kill" "$nb_kill" > "$dir/figures" <<'PY'
import collections, sys
rows = [l.split() for l in open(sys.argv[1])]
victim, vkill, nbkill = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
by_server = collections.Counter(int(r[2]) for r in rows if r[5] != "0")
by_status = collections.Counter(r[5] for r in rows)
errors = collections.Counter((r[5], r[3], r[4]) for r in rows if not r[5].startswith("2"))
# no answer is acceptable only from the killed server, for requests it had when killed or later
bad_nothing = [r for r in rows if r[5] == "0" and not (int(r[2]) == victim and float(r[1]) >= vkill - 0.5)]
writes = sorted((float(r[0]), float(r[1])) for r in rows if r[3] != "GET" and r[5].startswith("2"))
around = [e - s for s, e in writes if s <= nbkill + 10 and e >= nbkill - 1]
print("requests:", len(rows), " per server (answered):",
      ", ".join("%d: %d" % kv for kv in sorted(by_server.items())))
print("statuses:", ", ".join("%s: %d" % kv for kv in sorted(by_status.items())))
for (status, method, kind), n in sorted(errors.items()):
    print("  not 2xx: %s %s %s x%d" % (status, method, kind, n))
print("slowest 2xx write from 1 s before to 10 s after the leader kill: %.3f s (%d writes)"
      % (max(around) if around else 0, len(around)))
unexpected = sum(n for s, n in by_status.items() if not (s.startswith("2") or s in ("409", "503", "0")))
print("UNEXPECTED", unexpected, len(bad_nothing))
PY
grep -v '^UNEXPECTED' "$dir/figures"
# from the servers' logs: when each found the new northbound leader, when the repair lock moved
"$py" - "$dir" "$nb_kill" "$victim_kill" <<'PY'
import datetime, re, sys
d, nbkill, vkill = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def events(i):
    for line in open("%s/n%d/server.log" % (d, i), errors="replace"):
        m = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) ", line)
        if m:
            yield datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp(), line
for i in range(3):
    ev = list(events(i))
    nb = [t for t, l in ev if t >= nbkill and re.search(r"connected to tcp:127\.0\.0\.1:665\d$", l.rstrip())]
    lock = [t for t, l in ev if t >= vkill and "is now the OVN repair worker" in l]
    print("server %d: northbound leader found again %s%s" % (i + 1,
          "%.2f s after the kill" % (nb[0] - nbkill) if nb else "never (killed before?)",
          "; took the repair lock %.2f s after the holder's kill -9" % (lock[0] - vkill) if lock else ""))
PY
read -r _ unexpected bad_nothing < <(grep '^UNEXPECTED' "$dir/figures")
expect "every answer was 2xx, 409 or 503 ($unexpected others)" '[ "$unexpected" = 0 ]'
expect "only the killed server left requests unanswered ($bad_nothing elsewhere)" '[ "$bad_nothing" = 0 ]'

# OVN converges: the repair worker runs every 5 s; ovn-db-sync (a JVM start each) is asked a few times
converged=never
for t in 1 2 3 4 5 6; do
  sleep 5
  report=$(bin/neutrino ovn-db-sync --config-file "$dir/n$alive/neutron.conf" --mode log 2>/dev/null | grep -E '^found: ')
  [[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]] && { converged=$((t * 5)); break; }
  echo "ovn-db-sync after $((t * 5)) s: $report"
done
expect "ovn-db-sync finds nothing to repair ($report; within ${converged} s of the burst's end)" \
  '[ "$converged" != never ]'

# every northbound row of a Neutron resource carries the resource's revision
for c in networks subnets ports routers floatingips; do
  api GET "$c?fields=id&fields=revision_number&fields=status" > "$dir/api-$c.json"
done
for t in Logical_Switch Logical_Switch_Port Logical_Router Logical_Router_Port DHCP_Options NAT; do
  ovn-nbctl --db="$nb_remotes" --timeout=10 -f json list "$t" > "$dir/nb-$t.json"
done
revisions=$("$py" - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
api = {}
for c, key in (("networks", "network"), ("subnets", "subnet"), ("ports", "port"), ("routers", "router"),
               ("floatingips", "fip")):
    for r in json.load(open("%s/api-%s.json" % (d, c)))[c]:
        api[(key, r["id"])] = r["revision_number"]
def rows(table):
    t = json.load(open("%s/nb-%s.json" % (d, table)))
    for r in t["data"]:
        row = dict(zip(t["headings"], r))
        row["external_ids"] = dict(row["external_ids"][1])
        yield row
def resource(table, row):
    ext, name = row["external_ids"], row.get("name")
    if table in ("Logical_Switch", "Logical_Router") and name.startswith("neutron-"):
        return ("network" if table == "Logical_Switch" else "router", name[len("neutron-"):])
    if table == "Logical_Switch_Port" and "neutron:revision_number" in ext:
        return ("port", name)
    if table == "Logical_Router_Port" and name.startswith("lrp-"):
        return ("port", name[len("lrp-"):])
    if table == "DHCP_Options" and "subnet_id" in ext:
        return ("subnet", ext["subnet_id"])
    if table == "NAT" and "neutron:fip_id" in ext:
        return ("fip", ext["neutron:fip_id"])
    return None
checked, wrong = 0, []
for table in ("Logical_Switch", "Logical_Switch_Port", "Logical_Router", "Logical_Router_Port", "DHCP_Options", "NAT"):
    for row in rows(table):
        res = resource(table, row)
        if res is None:
            continue
        checked += 1
        nb = row["external_ids"].get("neutron:revision_number")
        want = api.get(res)
        if want is None or nb != str(want):
            wrong.append("%s %s: northbound %s, API %s" % (table, res[1], nb, want))
# a port's status follows its switch port's up (ACTIVE when up, else DOWN)
status = {r["id"]: r["status"] for r in json.load(open("%s/api-ports.json" % d))["ports"]}
ups, off = 0, []
for row in rows("Logical_Switch_Port"):
    if row["name"] in status:
        up = row["up"] is True or row["up"] == ["set", [True]]
        ups += up
        if status[row["name"]] != ("ACTIVE" if up else "DOWN"):
            off.append("port %s: %s, OVN up %s" % (row["name"], status[row["name"]], row["up"]))
print(checked, len(wrong), ups, len(off))
for w in (wrong + off)[:20]:
    print(w, file=sys.stderr)
PY
)
read -r rev_checked rev_wrong ports_up status_off <<<"$revisions"
expect "every one of $rev_checked northbound rows of a Neutron resource carries its latest revision ($rev_wrong do not)" \
  '[ "$rev_checked" -gt 0 ] && [ "$rev_wrong" = 0 ]'
expect "every port's status follows OVN's up ($ports_up up; $status_off ports do not follow)" \
  '[ "$status_off" = 0 ]'
gw=$(ovn-nbctl --db="$nb_remotes" --timeout=10 --bare --columns=chassis_name list Gateway_Chassis | sort -u | grep -c .)
expect "router gateways are scheduled on the sandboxed chassis (from the clustered southbound)" '[ "$gw" = 1 ]'

echo "figures: burst ${burst_took%.*} s over ${loops} client loops; northbound leader killed at +15 s, writes reached" \
  "the new leader $nb_resumed s later; Neutrino server $((victim+1)) killed at +30 s"
echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
