#!/usr/bin/env bash
# A rolling upgrade as an operator runs it, from the last release tag (v0.2.0) to this tree, on one
# PostgreSQL database with the machine's OVN in the loop, while clients create, update, list and
# delete ports and networks the whole time through a load balancer's pool of servers (a file the
# clients read before every request; a server is drained from it before it is stopped):
#   1. two servers of the release serve (old-a, old-b);
#   2. `db upgrade --expand` of this tree with them running (V13: neutrino_servers.release added
#      and copied from version, the first half of a rename by add-copy-drop);
#      `db upgrade --contract` is refused (exit 3) naming both old servers;
#   3. two servers of this tree start beside them (new-c, new-d) and join the pool; while an old
#      server runs they write their release into the old column too (the rename's feature gate off);
#   4. the old servers are drained and stopped one by one; the gate turns on by itself (the new
#      servers' rows lose the old column's value at their next heartbeat);
#   5. `db upgrade --contract` succeeds (contract 1 drops the old column) with the clients running.
# Then: every request answered 2xx (none failed, none unanswered), every acknowledged create is there
# unless its delete was acknowledged, nothing exists twice or unasked, and ovn-db-sync finds OVN equal
# to the database. A 0.2.0 server that stops may leave the northbound writes of its last changes to
# the repair worker (0.3.0 writes them before it goes): the servers' repair interval is 10 s here
# ([ovn] db_sync_interval; a stale row is repaired on the second pass that finds it), so OVN must be
# equal within a minute of the clients' end. Prints the figures (requests per release, statuses, each step's time) and
# "rolling-upgrade: N passed, M failed". About 2 minutes (plus ~40 s to build the release once; the
# build is kept in $NEUTRINO_RELEASE_CACHE, default /var/tmp/neutrino-releases).
#
# ROLLING_UPGRADE_KEEP=1 keeps the logs of the run.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
name=rolling-upgrade
from_tag=v0.2.0
# The release's commit, named here because a clone does not always carry tags (CI's clean clone does
# not): the tag is used when present and must then name this same commit.
from_commit=8cf8914f6bb94309ca6502b2f3d6989014d4905a
scripts/db-services.sh >/dev/null || { echo "$name: PostgreSQL could not be started"; exit 1; }
scripts/ovn-services.sh >/dev/null || { echo "$name: OVN could not be started"; exit 1; }
. scenario/lib.sh   # ok/fail/expect, $py, $state (our temporary directory); takes the OVN scenario lock
dir="$state"
dbname=neutrino_upgrade
dburl="postgresql://neutrino:neutrino@127.0.0.1:5432/$dbname"
pg() { PGPASSWORD=neutrino psql -qAt -h 127.0.0.1 -U neutrino -d "${2:-postgres}" -c "$1"; }
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
eventually() { # tries(0.5 s) command...
  local n=$1; shift; for _ in $(seq "$n"); do "$@" && return 0; sleep 0.5; done; return 1
}
declare -A spid sport
cleanup() {
  local s
  for s in "${!spid[@]}"; do kill "${spid[$s]}" 2>/dev/null; done
  for s in "${!spid[@]}"; do wait "${spid[$s]}" 2>/dev/null; done
  [ -n "${clients_pids:-}" ] && kill $clients_pids 2>/dev/null
  pg "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null 2>&1
  if [ -n "${ROLLING_UPGRADE_KEEP:-}" ]; then echo "$name: logs kept in $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT

# --- the release to upgrade from: the tag's tree, built once and kept ---------------------------------
commit=$(git rev-parse --verify -q "$from_tag^{commit}") || commit=$from_commit
[ "$commit" = "$from_commit" ] || { echo "$name: tag $from_tag is $commit, not the release commit $from_commit"; exit 1; }
git cat-file -e "$commit^{commit}" 2>/dev/null \
  || { echo "$name: the release commit $commit of $from_tag is not in this clone (a shallow clone? git fetch --unshallow)"; exit 1; }
old="${NEUTRINO_RELEASE_CACHE:-/var/tmp/neutrino-releases}/$from_tag-${commit:0:12}"
if [ ! -s "$old/server/target/neutrino-server.jar" ]; then
  echo "$name: building $from_tag into $old"
  rm -rf "$old" && mkdir -p "$old" && git archive "$commit" | tar -x -C "$old" || exit 1
  ( cd "$old" && JAVA_HOME="$(scripts/java-home.sh 21)" && export JAVA_HOME \
      && { mvn -B -q -o -DskipTests package -pl server -am || mvn -B -q -DskipTests package -pl server -am; } ) \
    > "$dir/old-build.log" 2>&1 || { tail -30 "$dir/old-build.log"; echo "$name: $from_tag did not build"; exit 1; }
  touch "$old/server/target/neutrino-server.jar"   # newer than its sources: its bin/neutrino will not rebuild
fi
old_release=$("$old/bin/neutrino" --version 2>/dev/null | awk '{print $NF}')
new_release=$(bin/neutrino --version 2>/dev/null | awk '{print $NF}')
echo "$name: from $from_tag ($old_release) to this tree ($new_release)"

pg "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null 2>&1
pg "CREATE DATABASE $dbname OWNER neutrino" >/dev/null || { echo "$name: cannot create database $dbname"; exit 1; }

conf() { # server-name: writes $dir/NAME/neutron.conf (same database and OVN for all), sets sport[NAME]
  local p; p=$(free_port); sport[$1]=$p
  mkdir -p "$dir/$1"
  cat > "$dir/$1/neutron.conf" <<EOF
[DEFAULT]
host = $1
bind_port = $p
state_path = $dir/$1
[database]
connection = $dburl
[ovn]
ovn_nb_connection = unix:/var/run/ovn/ovnnb_db.sock
ovn_sb_connection = unix:/var/run/ovn/ovnsb_db.sock
db_sync_interval = 10
EOF
}
start() { # server-name launcher
  conf "$1"
  "$2" server --config-file "$dir/$1/neutron.conf" >> "$dir/$1/server.log" 2>&1 &
  spid[$1]=$!
  local i
  for ((i = 0; i < 240; i++)); do
    curl -sf "http://127.0.0.1:${sport[$1]}/" >/dev/null && return 0
    kill -0 "${spid[$1]}" 2>/dev/null || { echo "$name: server $1 exited"; tail -20 "$dir/$1/server.log"; exit 1; }
    sleep 0.5
  done
  echo "$name: server $1 did not answer"; exit 1
}
pool() { local IFS=,; local p=(); for s in "$@"; do p+=("${sport[$s]}"); done; echo "${p[*]}" > "$dir/pool.new"
  mv "$dir/pool.new" "$dir/pool"; }
drain_and_stop() { # server-name: out of the pool, in-flight requests finish, then a clean stop (SIGTERM)
  local keep=() s
  for s in $(tr , ' ' < "$dir/pool"); do [ "$s" != "${sport[$1]}" ] && keep+=("$s"); done
  (IFS=,; echo "${keep[*]}") > "$dir/pool.new" && mv "$dir/pool.new" "$dir/pool"
  sleep 2
  kill "${spid[$1]}"; wait "${spid[$1]}" 2>/dev/null; unset "spid[$1]"
}
registry() { pg "SELECT host || '=' || coalesce(version, '-') FROM neutrino_servers ORDER BY host" "$dbname" | xargs; }
has_version_column() {
  [ "$(pg "SELECT count(*) FROM information_schema.columns WHERE table_name = 'neutrino_servers'
           AND column_name = 'version'" "$dbname")" = 1 ]
}
t0=$(date +%s.%N)
step() { echo "--- $(calc "$(date +%s.%N) - $t0") s: $*"; }

# --- 1. the release serving -----------------------------------------------------------------------
start old-a "$old/bin/neutrino"    # the first server creates the schema of its release
start old-b "$old/bin/neutrino"
pool old-a old-b
step "old-a and old-b ($old_release) serve"

# the clients: each loop creates a network with a subnet, then ports on it (create, rename, list,
# delete every other), and every tenth round replaces its network; every request goes to the next
# server of the pool and is recorded (time server method kind status id)
cat > "$dir/client.py" <<'PY'
import http.client, json, sys, time
pool_file, loop, stop_file, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], open(sys.argv[4], "a", buffering=1)
project, turn = "upgrade-%d" % loop, loop

def call(method, path, body=None, kind=None):
    global turn
    ports = [int(p) for p in open(pool_file).read().split(",") if p.strip()]
    port = ports[turn % len(ports)]
    turn += 1
    t = time.time()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request(method, "/v2.0/" + path, json.dumps(body) if body is not None else None,
                  {"Content-Type": "application/json", "X-Project-Id": project})
        r = c.getresponse()
        data, status = r.read(), r.status
        c.close()
    except (OSError, http.client.HTTPException):
        data, status = b"", 0
    doc = json.loads(data) if data and 200 <= status < 300 else None
    rid = "-"
    if doc and method == "POST":
        rid = next(iter(doc.values()))["id"]
    elif method in ("PUT", "DELETE"):
        rid = path.split("/")[1]
    out.write("%.3f %d %s %s %d %s %s\n" % (t, port, method, kind or path.split("/")[0].split("?")[0], status, rid,
                                           body and next(iter(body.values())).get("name") or "-"))
    return doc

n = 0
net = None
import os
while not os.path.exists(stop_file):
    if net is None or n % 10 == 0:
        if net is not None:
            for p in (call("GET", "ports?network_id=%s&fields=id" % net) or {"ports": []})["ports"]:
                call("DELETE", "ports/%s" % p["id"])
            call("DELETE", "networks/%s" % net)
        made = call("POST", "networks", {"network": {"name": "net-%d-%d" % (loop, n)}})
        net = made and made["network"]["id"]
        if net:
            call("POST", "subnets", {"subnet": {"network_id": net, "cidr": "10.%d.%d.0/24" % (60 + loop, n % 250),
                                                "ip_version": 4, "name": "sub-%d-%d" % (loop, n)}})
    if net:
        made = call("POST", "ports", {"port": {"network_id": net, "name": "p-%d-%d" % (loop, n)}})
        if made:
            pid = made["port"]["id"]
            call("PUT", "ports/%s" % pid, {"port": {"name": "p-%d-%d-renamed" % (loop, n)}})
            listed = call("GET", "ports?name=p-%d-%d-renamed" % (loop, n), kind="ports-list")
            if listed is not None and [p["id"] for p in listed["ports"]] != [pid]:
                out.write("%.3f 0 GET mismatch 0 %s -\n" % (time.time(), pid))
            if n % 2:
                call("DELETE", "ports/%s" % pid)
    n += 1
PY
requests="$dir/requests.log"
: > "$requests"
loops=4
clients_pids=
for ((l = 0; l < loops; l++)); do
  "$py" "$dir/client.py" "$dir/pool" "$l" "$dir/stop" "$requests" & clients_pids="$clients_pids $!"
done
sleep 6

# --- 2. expand with the release running; contract refused ---------------------------------------------
step "db upgrade --expand ($new_release)"
conf new-c
new_conf="$dir/new-c/neutron.conf"
bin/neutrino db upgrade --expand --config-file "$new_conf" > "$dir/expand.out" 2>&1; code=$?
expect "db upgrade --expand succeeds with the old servers running ($(tail -1 "$dir/expand.out"))" '[ "$code" = 0 ]'
expect "the expanded schema has the new column beside the old one" \
  '[ "$(pg "SELECT count(*) FROM information_schema.columns WHERE table_name = '"'neutrino_servers'"' AND column_name IN ('"'version'"', '"'release'"')" "$dbname")" = 2 ]'
bin/neutrino db upgrade --contract --config-file "$new_conf" > "$dir/contract-refused.out" 2>&1; code=$?
expect "db upgrade --contract is refused (exit $code) while old servers run" '[ "$code" = 3 ]'
expect "... and names both of them" 'grep -q "old-a (pid" "$dir/contract-refused.out" && grep -q "old-b (pid" "$dir/contract-refused.out"'
sed -n '2,4p' "$dir/contract-refused.out"

# --- 3. the new release beside the old one -----------------------------------------------------------
start new-c bin/neutrino
start new-d bin/neutrino
pool old-a old-b new-c new-d
step "new-c and new-d ($new_release) serve beside the old ones"
sleep 4
echo "registry (host=version column): $(registry)"
expect "with old servers alive the new ones fill the old column too (gate off)" \
  '[[ "$(registry)" == *"new-c=$new_release"* && "$(registry)" == *"new-d=$new_release"* ]]'
bin/neutrino db status --config-file "$new_conf" > "$dir/status-mixed.out" 2>&1
grep '^contract' "$dir/status-mixed.out"
expect "db status says the contract waits for old-a and old-b" \
  'grep -q "^contract 1 pending, waiting for 2 server(s) of an older release to stop: old-a (0.2.0), old-b (0.2.0)" "$dir/status-mixed.out"'
curl -s "http://127.0.0.1:${sport[new-c]}/" > "$dir/root.json"
expect "GET / of a new server shows its build" 'grep -q "neutrino $new_release" "$dir/root.json"'

# --- 4. the old ones leave, one by one ----------------------------------------------------------------
sleep 4
drain_and_stop old-a
step "old-a drained and stopped"
sleep 4
drain_and_stop old-b
step "old-b drained and stopped"
gate_on() { [[ "$(registry)" == *"new-c=-"* && "$(registry)" == *"new-d=-"* ]]; }
gate_from=$(date +%s.%N)
eventually 50 gate_on; gate_took=$(calc "$(date +%s.%N) - $gate_from")
echo "registry (host=version column): $(registry)"
expect "the gate turned on by itself once no old server was left: the old column emptied (${gate_took} s)" gate_on

bin/neutrino db status --config-file "$new_conf" > "$dir/status-ready.out" 2>&1
grep '^contract' "$dir/status-ready.out"
expect "db status says the contract is ready" 'grep -q "^contract 1 pending, ready" "$dir/status-ready.out"'

# --- 5. contract with the clients running --------------------------------------------------------------
bin/neutrino db upgrade --contract --config-file "$new_conf" > "$dir/contract.out" 2>&1; code=$?
step "db upgrade --contract: exit $code ($(tail -1 "$dir/contract.out"))"
expect "db upgrade --contract succeeds once only new servers run" '[ "$code" = 0 ]'
expect "contract dropped the old column" '! has_version_column'
sleep 12   # past a heartbeat of each new server on the contracted schema
expect "both new servers keep their heartbeat on the contracted schema" \
  '[ "$(pg "SELECT count(*) FROM neutrino_servers WHERE heartbeat_at > now() AT TIME ZONE '"'UTC'"' - interval '"'15 seconds'"'" "$dbname")" = 2 ]'
touch "$dir/stop"
for c in $clients_pids; do wait "$c"; done
clients_pids=
step "clients stopped"

# --- afterwards ---------------------------------------------------------------------------------------
port=${sport[new-c]}
for c in networks ports; do
  curl -s "http://127.0.0.1:$port/v2.0/$c?fields=id&fields=name&fields=project_id" -H 'X-Project-Id: admin' \
    > "$dir/final-$c.json"
done
old_ports=",${sport[old-a]},${sport[old-b]},"
"$py" - "$requests" "$dir/final-networks.json" "$dir/final-ports.json" "$old_ports" > "$dir/verdict" <<'PY'
import collections, json, sys
rows = [l.split() for l in open(sys.argv[1])]
old = sys.argv[4]
final = {c: {r["id"]: r for r in json.load(open(p))[c] if r["project_id"].startswith("upgrade-")}
         for c, p in (("networks", sys.argv[2]), ("ports", sys.argv[3]))}
statuses = collections.Counter(r[4] for r in rows)
per = collections.Counter(("old" if "," + r[1] + "," in old else "new") for r in rows if r[1] != "0")
print("figures requests %d (old release %d, new release %d) statuses %s" % (len(rows), per["old"], per["new"],
      dict(statuses)))
bad = [r for r in rows if not r[4].startswith("2")]
print("all_2xx", not bad, " ".join(" ".join(r) for r in bad[:5]))
expected = {"networks": set(), "ports": set()}
for r in rows:
    kind, method, status, rid = r[3], r[2], r[4], r[5]
    if kind in expected and status.startswith("2"):
        if method == "POST": expected[kind].add(rid)
        if method == "DELETE": expected[kind].discard(rid)
for c in ("networks", "ports"):
    names = collections.Counter(r["name"] for r in final[c].values())
    print("%s_kept" % c, expected[c] <= set(final[c]), len(expected[c] - set(final[c])))
    print("%s_nothing_else" % c, set(final[c]) <= expected[c], len(set(final[c]) - expected[c]))
    print("%s_no_twice" % c, all(v == 1 for v in names.values()), len(final[c]))
PY
grep '^figures' "$dir/verdict"
expect "every request was answered 2xx, none failed or went unanswered" 'grep -q "^all_2xx True" "$dir/verdict"'
grep "^all_2xx False" "$dir/verdict"
for c in networks ports; do
  expect "every acknowledged $c create is there unless its delete was acknowledged" 'grep -q "^${c}_kept True" "$dir/verdict"'
  expect "no $c exists that no client was told about" 'grep -q "^${c}_nothing_else True" "$dir/verdict"'
  expect "no $c exists twice" 'grep -q "^${c}_no_twice True" "$dir/verdict"'
done
converged=never
for t in $(seq 12); do
  bin/neutrino ovn-db-sync --config-file "$dir/new-c/neutron.conf" --mode log > "$dir/sync.out" 2>&1
  report=$(grep -E '^found: ' "$dir/sync.out")
  [[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]] && { converged=$(( (t - 1) * 5 )); break; }
  echo "ovn-db-sync after $(( (t - 1) * 5 )) s: $report"
  sleep 5
done
[ "$converged" = never ] && grep -vE '^found: |^[0-9-]+ [0-9:.]+ (INFO|DEBUG)' "$dir/sync.out" | head -20
expect "OVN is equal to the database (ovn-db-sync: $report; within $converged s of the clients' end)" \
  '[ "$converged" != never ]'

# the machine's OVN is shared: the scenario's networks leave it through the API of the new release
ids() { "$py" -c 'import json,sys; print(" ".join(r["id"] for r in json.load(open(sys.argv[1]))[sys.argv[2]] if r["project_id"].startswith("upgrade-")))' "$dir/final-$1.json" "$1"; }
for id in $(ids ports); do
  curl -s -o /dev/null -X DELETE "http://127.0.0.1:$port/v2.0/ports/$id" -H 'X-Project-Id: admin'
done
for id in $(ids networks); do
  curl -s -o /dev/null -X DELETE "http://127.0.0.1:$port/v2.0/networks/$id" -H 'X-Project-Id: admin'
done
settle
left=0
for id in $(ids networks); do
  [ -n "$(ovn-nbctl --bare --columns=_uuid find Logical_Switch name="neutron-$id")" ] && left=$((left+1))
done
expect "the scenario's networks are gone from OVN after their deletion ($left left)" '[ "$left" = 0 ]'

[ "$failed" -gt 0 ] && for s in old-a old-b new-c new-d; do
  echo "--- $s (warnings and errors)"; grep -E " (WARN|ERROR) " "$dir/$s/server.log" 2>/dev/null | tail -10
done
echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
