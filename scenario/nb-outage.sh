#!/usr/bin/env bash
# The OVN northbound database down for a while under clients. Beside the system's OVN (left alone),
# this starts its own northbound and southbound ovsdb-servers, an ovn-northd and a sandboxed chassis
# (ovn-controller on its own ovsdb-server and a dummy-datapath ovs-vswitchd, as OVN's sandbox does),
# and one Neutrino server with the OVN driver. Two clients create ports bound to the chassis, plug
# them into it (a VIF with the port's iface-id), rename them and delete every third, and create and
# delete networks, before, during and after a 20 s outage of the northbound ovsdb-server (killed,
# then started again on its database file). Checks: every request answered 2xx during the outage,
# none slow (the API does not wait for OVN), OVN catches up once the northbound is back (ovn-db-sync
# finds nothing to repair; the ports created during the outage are in it, those deleted are not),
# and every port's status is right afterwards: ACTIVE where its VIF is plugged, as OVN reports it.
# Prints the figures (requests before/during/after, slowest answer during the outage, catch-up
# time: Neutrino reconnects with backoff and its repair pass writes what the outage held back) and "nb-outage: N passed, M failed". About a minute.
#
# NB_OUTAGE_KEEP=1 keeps the logs and databases of the run; NB_OUTAGE_SECONDS (default 20) the outage.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
name=nb-outage
outage="${NB_OUTAGE_SECONDS:-20}"
. scenario/lib.sh   # ok/fail/expect, $py, $state (our temporary directory), $port, start_server
dir="$state"
nb_port=$(free_port); sb_port=$(free_port)
nb="tcp:127.0.0.1:$nb_port"; sb="tcp:127.0.0.1:$sb_port"
hv="$dir/hv"
hv_env=(env OVS_RUNDIR="$hv" OVS_LOGDIR="$hv" OVS_DBDIR="$hv" OVS_SYSCONFDIR="$hv" OVN_RUNDIR="$hv" OVN_LOGDIR="$hv"
        OVN_DBDIR="$hv" OVN_SYSCONFDIR="$hv")
chassis=neutrino-nbout-hv1
pids=()
nb_pid=
cleanup() {
  stop_server
  local p
  for p in "${pids[@]}" $nb_pid; do kill "$p" 2>/dev/null; done
  sleep 0.5
  for p in "${pids[@]}" $nb_pid; do kill -9 "$p" 2>/dev/null; done
  wait 2>/dev/null
  if [ -n "${NB_OUTAGE_KEEP:-}" ]; then echo "$name: logs kept in $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
eventually() { # tries(0.25 s) command...
  local n=$1; shift; for _ in $(seq "$n"); do "$@" && return 0; sleep 0.25; done; return 1
}

# --- OVN of our own ---------------------------------------------------------------------------------
ovsdb-tool create "$dir/nb.db" /usr/share/ovn/ovn-nb.ovsschema
ovsdb-tool create "$dir/sb.db" /usr/share/ovn/ovn-sb.ovsschema
start_nb() {
  ovsdb-server --remote="ptcp:$nb_port:127.0.0.1" --unixctl="$dir/nb.ctl" --pidfile="$dir/nb.pid" \
    --log-file="$dir/nb.log" -vconsole:off --no-chdir "$dir/nb.db" >/dev/null 2>&1 &
  nb_pid=$!
}
start_nb
ovsdb-server --remote="ptcp:$sb_port:127.0.0.1" --unixctl="$dir/sb.ctl" --pidfile="$dir/sb.pid" \
  --log-file="$dir/sb.log" -vconsole:off --no-chdir "$dir/sb.db" >/dev/null 2>&1 &
pids+=($!)
ovn-northd --ovnnb-db="$nb" --ovnsb-db="$sb" --unixctl="$dir/northd.ctl" --pidfile="$dir/northd.pid" \
  --log-file="$dir/northd.log" -vconsole:off --no-chdir >/dev/null 2>&1 &
pids+=($!)
nbctl() { ovn-nbctl --db="$nb" --timeout=10 "$@"; }
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
hv_vsctl set open . external-ids:system-id=$chassis external-ids:hostname=$chassis \
  external-ids:ovn-remote="$sb" external-ids:ovn-encap-type=geneve external-ids:ovn-encap-ip=127.0.0.1
"${hv_env[@]}" ovn-controller "unix:$hv/db.sock" --pidfile="$hv/ovn-controller.pid" \
  --log-file="$hv/ovn-controller.log" -vconsole:off --no-chdir >/dev/null 2>&1 &
pids+=($!)
chassis_seen() { ovn-sbctl --db="$sb" --timeout=5 --bare --columns=name list Chassis | grep -qx $chassis; }
expect "the sandboxed chassis registered in our southbound" 'eventually 120 chassis_seen'
eventually 40 hv_vsctl br-exists br-int

# --- Neutrino ---------------------------------------------------------------------------------------
ovn_nb=$nb ovn_sb=$sb
start_server "db_sync_interval = 5" \
  "[quotas]" "quota_port = -1" "quota_network = -1" "quota_subnet = -1"
ok "Neutrino serves on $port with the OVN driver on our northbound"

# the clients: ports bound to the chassis and plugged into it (the sandbox's br-int), renamed, every
# third deleted (and unplugged); every fifth round a network is created and deleted. Each request is
# recorded: start end method kind status id
cat > "$dir/client.py" <<'PY'
import http.client, json, os, subprocess, sys, time
port, loop, stop_file, out, net, chassis = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], \
    open(sys.argv[4], "a", buffering=1), sys.argv[5], sys.argv[6]
vsctl = sys.argv[7:]
plugged = open(sys.argv[4] + ".plugged.%d" % loop, "a", buffering=1)

def call(method, path, body=None):
    t = time.time()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request(method, "/v2.0/" + path, json.dumps(body) if body is not None else None,
                  {"Content-Type": "application/json", "X-Project-Id": "nbout"})
        r = c.getresponse()
        data, status = r.read(), r.status
        c.close()
    except (OSError, http.client.HTTPException):
        data, status = b"", 0
    doc = json.loads(data) if data and 200 <= status < 300 else None
    rid = next(iter(doc.values()))["id"] if doc and method == "POST" else (
        path.split("/")[1] if method in ("PUT", "DELETE") else "-")
    out.write("%.3f %.3f %s %s %d %s\n" % (t, time.time(), method, path.split("/")[0].split("?")[0], status, rid))
    return doc

n = 0
while not os.path.exists(stop_file):
    made = call("POST", "ports", {"port": {"network_id": net, "name": "p-%d-%d" % (loop, n),
                                           "binding:host_id": chassis, "device_owner": "compute:nova",
                                           "device_id": "vm-%d-%d" % (loop, n)}})
    if made:
        pid = made["port"]["id"]
        vif = "v%d-%d" % (loop, n)
        subprocess.run(vsctl + ["add-port", "br-int", vif, "--", "set", "Interface", vif,
                                "external_ids:iface-id=" + pid], check=False, capture_output=True)
        call("PUT", "ports/%s" % pid, {"port": {"name": "p-%d-%d-renamed" % (loop, n)}})
        if n % 3 == 2:
            subprocess.run(vsctl + ["del-port", "br-int", vif], check=False, capture_output=True)
            call("DELETE", "ports/%s" % pid)
        else:
            plugged.write(pid + "\n")
    if n % 5 == 4:
        made = call("POST", "networks", {"network": {"name": "n-%d-%d" % (loop, n)}})
        if made:
            call("DELETE", "networks/%s" % made["network"]["id"])
    n += 1
PY
net=$(api POST networks '{"network":{"name":"nbout"}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.77.0.0/20\",\"ip_version\":4}}" >/dev/null
expect "a network with a subnet ($net)" '[[ "$net" =~ ^[0-9a-f-]{36}$ ]]'
requests="$dir/requests.log"
: > "$requests"
clients=()
for l in 0 1; do
  "$py" "$dir/client.py" "$port" "$l" "$dir/stop" "$requests" "$net" "$chassis" \
    "${hv_env[@]}" ovs-vsctl --db="unix:$hv/db.sock" --timeout=10 &
  clients+=($!)
done
sleep 6

# --- the outage ------------------------------------------------------------------------------------
down_at=$(date +%s.%N)
kill -9 "$nb_pid"; wait "$nb_pid" 2>/dev/null; nb_pid=
echo "northbound ovsdb-server killed"
sleep "$outage"
up_at=$(date +%s.%N)
start_nb
echo "northbound ovsdb-server started again on its database after $(calc "$up_at - $down_at") s"
sleep 6
touch "$dir/stop"
for c in "${clients[@]}"; do wait "$c"; done
ended=$(date +%s.%N)

"$py" - "$requests" "$down_at" "$up_at" > "$dir/figures" <<'PY'
import collections, sys
rows = [l.split() for l in open(sys.argv[1])]
down, up = float(sys.argv[2]), float(sys.argv[3])
phase = lambda t: "before" if t < down else ("during" if t < up else "after")
count = collections.Counter(phase(float(r[0])) for r in rows)
during = [float(r[1]) - float(r[0]) for r in rows if phase(float(r[0])) == "during"]
bad = [r for r in rows if not r[4].startswith("2")]
print("figures requests before %d, during %d, after %d; slowest during the outage %.2f s; not 2xx %d" % (
    count["before"], count["during"], count["after"], max(during) if during else 0, len(bad)))
print("during", count["during"])
print("slowest %.2f" % (max(during) if during else 99))
print("bad", len(bad))
for r in bad[:5]:
    print("  not 2xx:", " ".join(r))
PY
cat "$dir/figures" | grep -v '^during\|^slowest\|^bad'
read -r _ during < <(grep '^during' "$dir/figures")
read -r _ slowest < <(grep '^slowest' "$dir/figures")
read -r _ bad < <(grep '^bad' "$dir/figures")
expect "the API kept answering while the northbound was down ($during requests during the outage)" '[ "$during" -gt 20 ]'
expect "every request was answered 2xx, before, during and after ($bad not)" '[ "$bad" = 0 ]'
expect "no answer during the outage waited for OVN (slowest $slowest s)" \
  '[ "$(awk "BEGIN { print ($slowest < 5) }")" = 1 ]'

# --- OVN catches up -----------------------------------------------------------------------------------
# the northbound follows the API: every port of the network has its switch port, no other does
nb_matches() {
  api GET "ports?network_id=$net&fields=id&device_owner=compute:nova" | jq_ '"\n".join(sorted(p["id"] for p in d["ports"]))' > "$dir/api-ports"
  nbctl --bare --columns=name list Logical_Switch_Port | grep -E '^[0-9a-f-]{36}$' | sort > "$dir/nb-all"
  nbctl --bare --columns=ports find Logical_Switch name="neutron-$net" | tr ' ' '\n' | grep . > "$dir/nb-uuids"
  : > "$dir/nb-ports"
  local u; for u in $(cat "$dir/nb-uuids"); do nbctl --bare --columns=name list Logical_Switch_Port "$u" >> "$dir/nb-ports"; done
  grep -E '^[0-9a-f-]{36}$' "$dir/nb-ports" | sort > "$dir/nb-ports.sorted"
  diff -q "$dir/api-ports" "$dir/nb-ports.sorted" >/dev/null
}
caught=never
for ((i = 0; i < 60; i++)); do
  nb_matches && { caught=$(calc "$(date +%s.%N) - $up_at"); break; }
  sleep 1
done
expect "OVN caught up: the network's switch ports are exactly its ports ($caught s after the northbound came back, the clients running for the first 6)" \
  '[ "$caught" != never ]'
nets_api=$(api GET "networks?fields=id" | jq_ '" ".join(sorted("neutron-" + n["id"] for n in d["networks"]))')
nets_nb=$(nbctl --bare --columns=name list Logical_Switch | grep '^neutron-' | sort | xargs)
expect "the switches are exactly the networks (none deleted during the outage left behind)" '[ "$nets_api" = "$nets_nb" ]'

# every plugged port is up in OVN and ACTIVE in the API; the deleted ones are unplugged and gone
statuses_right() {
  api GET "ports?network_id=$net&fields=id&fields=status&device_owner=compute:nova" > "$dir/status.json"
  "$py" - "$dir/status.json" "$requests".plugged.* > "$dir/status.verdict" <<'PY'
import json, sys
status = {p["id"]: p["status"] for p in json.load(open(sys.argv[1]))["ports"]}
plugged = {l.strip() for f in sys.argv[2:] for l in open(f) if l.strip()}
wrong = [(p, status.get(p)) for p in plugged if status.get(p) != "ACTIVE"]
print(len(plugged), len(wrong), " ".join("%s=%s" % w for w in wrong[:3]))
PY
  read -r n_plugged n_wrong _ < "$dir/status.verdict"
  [ "$n_wrong" = 0 ] && [ "$n_plugged" -gt 0 ]
}
eventually 240 statuses_right
read -r n_plugged n_wrong rest < "$dir/status.verdict"
expect "every plugged port is ACTIVE afterwards ($n_plugged plugged, $n_wrong not: $rest)" '[ "$n_wrong" = 0 ] && [ "$n_plugged" -gt 0 ]'
stop_server
report=$(sync_report)
expect "ovn-db-sync finds nothing to repair ($report)" '[[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]]'
echo "figures: northbound down $(calc "$up_at - $down_at") s; the network's switch ports equal to the API $caught s after it came back"
echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
