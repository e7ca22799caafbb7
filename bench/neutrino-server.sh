#!/usr/bin/env bash
# Starts or stops Neutrino for the benchmark, like setup-neutron.sh does for the peer: a config
# under --dir pointing at a fresh database of the chosen kind (Neutrino creates its schema on the
# first start), `bin/neutrino server` in the background (own process group), wait for GET /.
#
#   bench/neutrino-server.sh start [--db mariadb|postgresql] [--port 19696] [--dir DIR] [--database NAME]
#                                  [--ovn NB_REMOTE,SB_REMOTE]
#   bench/neutrino-server.sh stop  [--dir DIR] [--drop-db mariadb|postgresql] [--database NAME]
#
# JVM options: BENCH_NEUTRINO_JAVA_OPTS (default: none, the launcher's defaults). Quotas: BENCH_QUOTA
# for every resource (default -1, unlimited: no reservation; a limit such as 1000000 makes each create
# reserve, which is what exact quotas cost). Prints "PID URL"
# (PID: the java process). DIR/neutrino.exit says how the server ended.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

cmd="${1:-}"; shift || true
case "$cmd" in -h|--help) usage; exit 0 ;; esac
db=mariadb
port=19696
dir="${TMPDIR:-/tmp}/neutrino-bench/neutrino"
database=neutrino_bench_neutrino
drop=""
ovn=""
quota="${BENCH_QUOTA:--1}"
while (($#)); do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    --drop-db) drop="$2"; shift 2 ;;
    --ovn) ovn="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

case "$cmd" in
  stop)
    stop_group "$dir/neutrino.pid"
    [[ -z "$drop" ]] || db_drop "$drop" "$database"
    exit 0 ;;
  start) ;;
  *) die "usage: neutrino-server.sh start|stop [options] (see --help)" ;;
esac

case "$db" in mariadb|postgresql) ;; *) die "--db must be mariadb or postgresql" ;; esac
db_services
mkdir -p "$dir/state"
stop_group "$dir/neutrino.pid"
url="http://127.0.0.1:$port"
http_up "$url/" && die "something already answers on $url: stop it or choose --port"

cat >"$dir/neutrino.conf" <<CONF
# Written by bench/neutrino-server.sh: the same settings as the peer's where they apply.
[DEFAULT]
core_plugin = ml2
service_plugins =
auth_strategy = noauth
bind_host = 127.0.0.1
bind_port = $port
state_path = $dir/state
api_workers = 2
rpc_workers = 0
transport_url = fake:/

[database]
connection = $(db_url "$db" "$database")

[quotas]
default_quota = $quota
quota_network = $quota
quota_subnet = $quota
quota_port = $quota
quota_router = $quota
quota_floatingip = $quota
quota_security_group = $quota
quota_security_group_rule = $quota
CONF

if [[ -n "$ovn" ]]; then
  # the OVN mechanism driver on the given northbound and southbound databases
  cat >>"$dir/neutrino.conf" <<CONF

[ml2]
mechanism_drivers = ovn

[ovn]
ovn_nb_connection = ${ovn%%,*}
ovn_sb_connection = ${ovn#*,}
CONF
fi

say "neutrino: fresh $db database $database"
db_fresh "$db" "$database"
rm -f "$dir/neutrino.exit" "$dir/neutrino.java.pid"
# A small wrapper leads the process group: it starts the launcher (which execs java), writes the
# java pid, and records how the server ended, so that a server dying in the middle of a run
# leaves "exit CODE at TIME" in neutrino.exit (143: SIGTERM, 137: SIGKILL). It ignores SIGTERM
# itself (set after the fork: java keeps its handler) to outlive the server and write that line.
# shellcheck disable=SC2016  # the script is for the inner bash
NEUTRINO_JAVA_OPTS="${BENCH_NEUTRINO_JAVA_OPTS:-}" setsid bash -c '
  "$1" server --config-file "$2" &
  server=$!
  echo "$server" >"$3"
  trap "" TERM
  wait "$server"
  echo "exit $? at $(date +%H:%M:%S)" >"$4"' neutrino-bench-wrapper "$ROOT_DIR/bin/neutrino" \
  "$dir/neutrino.conf" "$dir/neutrino.java.pid" "$dir/neutrino.exit" </dev/null >"$dir/neutrino.log" 2>&1 &
echo "$!" >"$dir/neutrino.pid"
for _ in $(seq 100); do [[ -s "$dir/neutrino.java.pid" ]] && break; sleep 0.05; done
pid="$(cat "$dir/neutrino.java.pid" 2>/dev/null)" || die "the Neutrino wrapper did not start"
# Generous: bin/neutrino rebuilds the jar first when the sources are newer.
if ! wait_http "$url/" 600 "$pid"; then
  tail -n 40 "$dir/neutrino.log" >&2 || true
  stop_group "$dir/neutrino.pid"
  die "Neutrino did not answer on $url"
fi
say "neutrino pid $pid listening on $url (config $dir/neutrino.conf)"
echo "$pid $url"
