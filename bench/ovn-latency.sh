#!/usr/bin/env bash
# Port creates with OVN in the loop, Neutrino and (with --peer) the real Python neutron-server 21
# with ML2/OVN, one after the other on the same machine, database kind and OVN: at each cloud size
# (existing ports on one network), the API latency of port creates at concurrency C and the time
# from sending a request to the port's Logical_Switch_Port appearing in the northbound database.
# The northbound DB is emptied between the servers. See docs/performance.md.
#
#   bench/ovn-latency.sh [--sizes 1000,5000] [--ports 200] [--concurrency 16] [--db postgresql|mariadb]
#                        [--peer] [--out DIR]
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

sizes=1000,5000
ports=200
concurrency=16
db=postgresql
peer=0
out="$ROOT_DIR/bench/results/$(date +%Y%m%d-%H%M%S)-ovn-latency"
while (($#)); do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --ports) ports="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --peer) peer=1; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
mkdir -p "$out"
"$ROOT_DIR/scripts/ovn-services.sh" >"$out/ovn-services.log" 2>&1 || { tail "$out/ovn-services.log"; die "OVN setup failed"; }
nb=tcp:127.0.0.1:6641
sb=tcp:127.0.0.1:6642
JAVA_HOME="$(java_home)"
export JAVA_HOME
say "building Neutrino and the bench module (mvn package)"
(cd "$ROOT_DIR" && { mvn -B -q -o -Dmaven.test.skip=true -pl server,bench -am package \
  || mvn -B -q -Dmaven.test.skip=true -pl server,bench -am package; }) >"$out/build.log" 2>&1 \
  || { tail -30 "$out/build.log"; die "build failed"; }
cp="$ROOT_DIR/bench/target/neutrino-bench.jar:$ROOT_DIR/bench/target/lib/*"

nb_wipe() { # what a previous server left in the northbound DB
  for t in Logical_Switch Logical_Router Port_Group DHCP_Options Address_Set Load_Balancer; do
    ovn-nbctl --db="$nb" -- --all destroy "$t" >/dev/null 2>&1 || true
  done
}

run() { # label url
  "$JAVA_HOME/bin/java" -cp "$cp" dev.neutrino.bench.BenchMain ovn-latency --url "$2" --nb "$nb" \
    --sizes "$sizes" --ports "$ports" --concurrency "$concurrency" --label "$1" | tee -a "$out/report.txt"
}

nb_wipe
say "neutrino with OVN ($db)"
"$ROOT_DIR/bench/neutrino-server.sh" start --db "$db" --dir "$out/neutrino" --ovn "$nb,$sb" >/dev/null
trap '"$ROOT_DIR/bench/neutrino-server.sh" stop --dir "$out/neutrino" --drop-db "$db" || true' EXIT
run neutrino http://127.0.0.1:19696
"$ROOT_DIR/bench/neutrino-server.sh" stop --dir "$out/neutrino" --drop-db "$db"
trap - EXIT
if ((peer)); then
  nb_wipe
  say "neutron-server 21 with ML2/OVN ($db)"
  "$ROOT_DIR/bench/peer/setup-neutron.sh" --db "$db" --dir "$out/peer" --ovn "$nb,$sb" >/dev/null
  trap '"$ROOT_DIR/bench/peer/stop-neutron.sh" --dir "$out/peer" || true' EXIT
  run peer http://127.0.0.1:29696
fi
nb_wipe
say "report: $out/report.txt"
