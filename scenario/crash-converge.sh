#!/usr/bin/env bash
# The server is killed (SIGKILL) in the middle of a burst of changes and started again: OVN's
# northbound database converges to Neutrino's database, nothing orphaned and nothing missing, as
# `neutrino ovn-db-sync --mode log` then reports. Prints "crash-converge: N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "crash-converge: OVN could not be started"; exit 1; }
name=crash-converge
. scenario/lib.sh
trap 'stop_server KILL; rm -rf "$state"' EXIT

start_server db_sync_interval=5
net=$(api POST networks '{"network":{"name":"burst"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["network"]["id"])')
api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.77.0.0/24\",\"ip_version\":4}}" >/dev/null
# a burst of port creates and deletes, and a kill -9 while it runs
( for i in $(seq 1 60); do
    id=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"p$i\"}}" | python3 -c 'import json,sys
try: print(json.load(sys.stdin)["port"]["id"])
except Exception: pass')
    [ $((i % 3)) -eq 0 ] && [ -n "$id" ] && api DELETE "ports/$id" >/dev/null
  done ) &
burst=$!
sleep 5
stop_server KILL
wait $burst 2>/dev/null
start_server db_sync_interval=5
expect "server came back" '[ -n "$server" ]'
ports=$(api GET "ports?network_id=$net&fields=id" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["ports"]))')
for _ in $(seq 1 30); do
  lsps=$(ovn-nbctl --bare --columns=ports list Logical_Switch "neutron-$net" 2>/dev/null | wc -w)
  [ "$lsps" = "$ports" ] && break; sleep 1
done
expect "OVN has exactly the $ports ports of the database ($lsps)" '[ "$lsps" = "$ports" ]'
ids_db=$(api GET "ports?network_id=$net&fields=id" | python3 -c 'import json,sys; print(" ".join(sorted(p["id"] for p in json.load(sys.stdin)["ports"])))')
ids_ovn=$(for u in $(ovn-nbctl --bare --columns=ports list Logical_Switch "neutron-$net"); do ovn-nbctl --bare --columns=name list Logical_Switch_Port "$u"; done | sort | tr '\n' ' ' | sed 's/ $//')
expect "the same port ids on both sides" '[ "$ids_db" = "$ids_ovn" ]'
stop_server
report=$(sync_report)
expect "ovn-db-sync finds nothing to repair ($report)" '[[ "$report" == *"0 to insert, 0 to update, 0 to delete"* ]]'
echo "crash-converge: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
