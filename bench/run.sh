#!/usr/bin/env bash
# Side-by-side benchmark: the same API workload against Neutrino and against the real Python
# neutron-server (Debian's, OpenStack Zed 21), one after the other, same database kind, both in
# noauth mode; then a table of p50/p99 latency and throughput per operation, peak RSS and CPU
# seconds of each server's whole process tree, and the issue's targets. See docs/performance.md.
#
#   bench/run.sh [--quick|--full] [--db mariadb|postgresql] [--only neutrino|peer]
#                [--ports N] [--sizes A,B] [--concurrency 1,8,32] [--list-repeats R]
#                [--show-update K] [--warmup W] [--fips F] [--delete D] [--bulk-batch B]
#                [--max-seconds S]
#                [--peer-service-plugins LIST] [--out DIR]
#                [--neutrino-port 19696] [--peer-port 29696] [--db-prefix neutrino_bench]
#
# --quick (default, under 3 minutes plus a build if one is needed): 20 ports per concurrency
#   level, lists with 60 and 100 ports present, 10 ports deleted at the end, at most 75 s of
#   requests per server (the peer handles only a few port writes per second on this machine;
#   phases cut short by the limit say so in the report);
# --full: 500 ports per level, lists with 1,000 and 10,000 ports, 1,500 deleted, 2.5 h limit
#   (the peer needs about 2 hours here to get to 10,000 ports);
# The other options override single sizes of the preset. Results (JSON per server, report.md,
# server logs) go to bench/results/<time>-<mode>-<db>/ unless --out says otherwise.
# --peer-service-plugins: the peer's [DEFAULT] service_plugins. Default "auto": "router" when
# Neutrino lists the router extension (so both run the router/floating IP phase), else empty
# (API-only). The phase runs on each server that lists "router" and is skipped, with a note, on
# a server that does not.
# The ports and database names (PREFIX_neutrino, PREFIX_peer) can be changed to run two
# benchmarks side by side. Extra JVM options for Neutrino: BENCH_NEUTRINO_JAVA_OPTS.
# The servers this script starts are stopped on exit, and their databases dropped; a Neutrino
# that ends during its workload is reported with its exit status.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

mode=quick
db=mariadb
only=both
out=""
peer_plugins=auto
neutrino_port=19696
peer_port=29696
db_prefix=neutrino_bench
declare -A over=()
while (($#)); do
  case "$1" in
    --quick) mode=quick; shift ;;
    --full) mode=full; shift ;;
    --db) db="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --peer-service-plugins) peer_plugins="$2"; shift 2 ;;
    --neutrino-port) neutrino_port="$2"; shift 2 ;;
    --peer-port) peer_port="$2"; shift 2 ;;
    --db-prefix) db_prefix="$2"; shift 2 ;;
    --ports|--sizes|--concurrency|--list-repeats|--show-update|--warmup|--fips|--delete|--bulk-batch|--max-seconds)
      over["${1#--}"]="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
case "$db" in mariadb|postgresql) ;; *) die "--db must be mariadb or postgresql" ;; esac
case "$only" in both|neutrino|peer) ;; *) die "--only must be neutrino or peer" ;; esac

declare -A size
if [[ "$mode" == quick ]]; then
  size=([ports]=20 [sizes]="60,100" [concurrency]="1,8,32" [list-repeats]=3 [show-update]=10
        [warmup]=10 [fips]=5 [delete]=10 [bulk-batch]=10 [max-seconds]=75)
else
  size=([ports]=500 [sizes]="1000,10000" [concurrency]="1,8,32" [list-repeats]=5 [show-update]=200
        [warmup]=100 [fips]=100 [delete]=1500 [bulk-batch]=50 [max-seconds]=9000)
fi
for k in "${!over[@]}"; do size[$k]="${over[$k]}"; done

out="${out:-$BENCH_DIR/results/$(date +%Y%m%d-%H%M%S)-$mode-$db}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
started=$SECONDS

ndb="${db_prefix}_neutrino"
pdb="${db_prefix}_peer"
cleanup() {
  "$BENCH_DIR/neutrino-server.sh" stop --dir "$out/neutrino" --drop-db "$db" --database "$ndb" >/dev/null 2>&1 || true
  "$BENCH_DIR/peer/stop-neutron.sh" --dir "$out/neutron" --drop-db "$db" --database "$pdb" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

JAVA_HOME="$(java_home)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

# --- build (only when a source is newer than the jars) -----------------------------------
server_jar="$ROOT_DIR/server/target/neutrino-server.jar"
bench_jar="$BENCH_DIR/target/neutrino-bench.jar"
stale() {
  [[ -f "$server_jar" && -f "$bench_jar" ]] || return 0
  [[ -n "$(cd "$ROOT_DIR" && find pom.xml ./*/pom.xml ./*/src/main -newer "$server_jar" -print -quit 2>/dev/null)" ]] \
    || [[ -n "$(cd "$ROOT_DIR" && find bench/pom.xml bench/src/main -newer "$bench_jar" -print -quit 2>/dev/null)" ]]
}
if stale; then
  say "building Neutrino and the bench module (mvn package)"
  log="$out/build.log"
  if ! (cd "$ROOT_DIR" && mvn -B -q -o -Dmaven.test.skip=true -pl server,bench -am package) >"$log" 2>&1 \
      && ! (cd "$ROOT_DIR" && mvn -B -q -Dmaven.test.skip=true -pl server,bench -am package) >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "build failed (log: $log)"
  fi
  touch "$server_jar" "$bench_jar"
fi

workload() { # label pid url
  java -XX:+UseSerialGC -Xmx1g -cp "$bench_jar:$BENCH_DIR/target/lib/*" dev.neutrino.bench.BenchMain workload \
    --label "$1" --pid "$2" --url "$3" --clk-tck "$(getconf CLK_TCK)" --mode "$mode" --db "$db" \
    --ports "${size[ports]}" --sizes "${size[sizes]}" --concurrency "${size[concurrency]}" \
    --list-repeats "${size[list-repeats]}" --show-update "${size[show-update]}" --warmup "${size[warmup]}" \
    --fips "${size[fips]}" --delete "${size[delete]}" --bulk-batch "${size[bulk-batch]}" \
    --max-seconds "${size[max-seconds]}" \
    --out "$out/$1.json" 2> >(tee "$out/$1.progress" >&2)
}

say "mode $mode, database $db, results in $out"
say "sizes: $(for k in ports sizes concurrency list-repeats show-update warmup fips delete bulk-batch max-seconds; do printf '%s=%s ' "$k" "${size[$k]}"; done)"

if [[ "$only" != peer ]]; then
  line="$("$BENCH_DIR/neutrino-server.sh" start --db "$db" --dir "$out/neutrino" --port "$neutrino_port" \
    --database "$ndb")" || die "Neutrino did not start"
  read -r pid url <<<"$line"
  workload neutrino "$pid" "$url"
  if [[ -s "$out/neutrino/neutrino.exit" ]]; then
    say "Neutrino ended during the workload: $(cat "$out/neutrino/neutrino.exit") (log: $out/neutrino/neutrino.log)"
  fi
  "$BENCH_DIR/neutrino-server.sh" stop --dir "$out/neutrino" --drop-db "$db" --database "$ndb"
fi
if [[ "$peer_plugins" == auto ]]; then
  peer_plugins=""
  if [[ -f "$out/neutrino.json" ]] && python3 -c 'import json,sys; sys.exit("router" not in json.load(open(sys.argv[1]))["extensions"])' "$out/neutrino.json"; then
    peer_plugins=router
    say "Neutrino lists the router extension: the peer gets service_plugins = router"
  fi
fi
if [[ "$only" != neutrino ]]; then
  line="$("$BENCH_DIR/peer/setup-neutron.sh" --db "$db" --dir "$out/neutron" \
    --service-plugins "$peer_plugins" --port "$peer_port" --database "$pdb")" || die "neutron-server did not start"
  read -r pid url <<<"$line"
  workload neutron "$pid" "$url"
  "$BENCH_DIR/peer/stop-neutron.sh" --dir "$out/neutron" --drop-db "$db" --database "$pdb"
fi

echo
if [[ -f "$out/neutrino.json" ]]; then
  java -cp "$bench_jar:$BENCH_DIR/target/lib/*" dev.neutrino.bench.BenchMain report \
    --neutrino "$out/neutrino.json" --peer "$out/neutron.json" --out "$out/report.md"
else
  say "no Neutrino result (--only peer): see $out/neutron.json"
fi
say "done in $((SECONDS - started)) s; results in $out"
