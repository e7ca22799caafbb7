#!/usr/bin/env bash
# The database restarted under load: 8 clients create ports through Neutrino (API only, no OVN)
# while PostgreSQL is restarted (`pg_ctlcluster 15 main restart`), then the same with MariaDB
# (its server killed and started again). Checks, for each: every answer is 201 or 503 (never a
# 500, never no answer), every acknowledged port is there afterwards, no port exists twice, a port
# that was not acknowledged exists only where the 503 said the outcome was unknown (the connection
# broke during the commit), and the server serves again by itself. Prints the figures and
# "db-restart: N passed, M failed". The databases restarted are the scenario's own (a PostgreSQL
# cluster on port 5440, a MariaDB server on 3310, both removed at the end): the machine's shared
# database servers are not touched.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
name=db-restart
scripts/db-services.sh >/dev/null || { echo "$name: the databases could not be started"; exit 1; }
. scripts/lib/checks.sh
py="$(command -v /usr/bin/python3 || command -v python3)"
ok() { passed=$((passed+1)); echo "ok: $1"; }
fail() { failed=$((failed+1)); echo "FAIL: $1"; }
expect() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }
dbname=neutrino_dbrestart
clients=8
seconds="${DB_RESTART_SECONDS:-20}"
dir="$(mktemp -d)"
server=
stop_server() { [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; }; server=; }
pgv="${PG_VERSION:-15}"
pgport=5440
myport=3310
pgcluster=neutrino_restart
mariadbd_bin="$(command -v mariadbd || command -v mysqld || echo /usr/sbin/mariadbd)"
my_start() {
  setsid "$mariadbd_bin" --user=mysql --datadir="$dir/my" --port=$myport --bind-address=127.0.0.1 \
    --socket="$dir/my/my.sock" --pid-file="$dir/my/my.pid" --skip-log-error >> "$dir/mariadbd.log" 2>&1 < /dev/null &
  for _ in $(seq 60); do mysqladmin -S "$dir/my/my.sock" -uroot ping >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$name: the scenario's MariaDB did not start"; tail "$dir/mariadbd.log"; return 1
}
cleanup() {
  stop_server
  pg_dropcluster --stop "$pgv" "$pgcluster" >/dev/null 2>&1
  [ -s "$dir/my/my.pid" ] && kill -9 "$(cat "$dir/my/my.pid")" 2>/dev/null
  [ -n "${DB_RESTART_KEEP:-}" ] && echo "$name: logs kept in $dir" || rm -rf "$dir"
}
trap cleanup EXIT

start_server() { # kind url
  local port; port=$(free_port)
  cat > "$dir/$1.conf" <<EOF
[DEFAULT]
bind_port = $port
state_path = $dir
[database]
connection = $2
[quotas]
quota_port = -1
EOF
  bin/neutrino server --config-file "$dir/$1.conf" >> "$dir/$1.log" 2>&1 &
  server=$!
  base="http://127.0.0.1:$port/v2.0"
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$port/" >/dev/null && return 0
    kill -0 "$server" 2>/dev/null || { echo "$name: the server exited"; tail -30 "$dir/$1.log"; exit 1; }
    sleep 0.5
  done
  echo "$name: the server did not answer"; exit 1
}

burst() { # kind restart-command...
  local kind=$1; shift
  local net
  net=$(curl -s -X POST "$base/networks" -H 'X-Project-Id: p1' -d '{"network":{"name":"burst"}}' \
    | "$py" -c 'import json,sys; print(json.load(sys.stdin)["network"]["id"])')
  curl -s -X POST "$base/subnets" -H 'X-Project-Id: p1' \
    -d "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.90.0.0/16\",\"ip_version\":4}}" >/dev/null
  local end=$(( $(date +%s) + seconds )) c pids=()
  for c in $(seq 1 "$clients"); do
    ( i=0
      while [ "$(date +%s)" -lt "$end" ]; do
        i=$((i+1))
        out=$(curl -s -m 60 -o "$dir/body.$kind.$c" -w '%{http_code} %{time_total}' -X POST "$base/ports" \
          -H 'X-Project-Id: p1' -d "{\"port\":{\"network_id\":\"$net\",\"name\":\"c$c-$i\"}}")
        code=${out%% *}
        body=$(tr -d '\n' < "$dir/body.$kind.$c" 2>/dev/null)
        id=$(printf '%s' "$body" | "$py" -c 'import json,sys
try: print(json.load(sys.stdin)["port"]["id"])
except Exception: print("-")')
        doubt=-; [[ "$body" == *"may or may not"* ]] && doubt=doubt
        echo "$(date +%s.%N) c$c-$i $code $id $doubt ${out#* }" >> "$dir/answers.$kind"
      done ) &
    pids+=($!)
  done
  sleep 8
  local t0; t0=$(date +%s.%N)
  "$@" >> "$dir/restart.$kind.log" 2>&1
  local t1; t1=$(date +%s.%N)
  wait "${pids[@]}"
  curl -s "$base/ports?network_id=$net&fields=id&fields=name" -H 'X-Project-Id: p1' > "$dir/ports.$kind"
  "$py" - "$dir/answers.$kind" "$dir/ports.$kind" "$t0" "$t1" "$kind" > "$dir/verdict.$kind" <<'PY'
import json, sys, collections
answers = [l.split() for l in open(sys.argv[1])]
ports = json.load(open(sys.argv[2]))["ports"]
t0, t1, kind = float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
codes = collections.Counter(a[2] for a in answers)
acked = {a[1]: a[3] for a in answers if a[2] == "201"}
doubt = {a[1] for a in answers if a[4] == "doubt"}
names = collections.Counter(p["name"] for p in ports)
ids = {p["id"] for p in ports}
failed = [float(a[0]) for a in answers if a[2] != "201"]
print("figures", kind, "requests", len(answers), "statuses", dict(codes), "restart took %.1f s" % (t1 - t0),
      "failing answers from %.1f s to %.1f s after the restart began" % (min(failed) - t0, max(failed) - t0)
      if failed else "no failing answer")
print("only_201_503", all(c in ("201", "503") for c in codes))
print("acked_kept", all(i in ids for i in acked.values()))
print("no_twice", all(n == 1 for n in names.values()))
print("extra_only_in_doubt", all(n in acked or n in doubt for n in names))
PY
  grep '^figures' "$dir/verdict.$kind"
  expect "$kind: every answer was 201 or 503 (never a 500, never none)" 'grep -q "^only_201_503 True" "$dir/verdict.$kind"'
  expect "$kind: every acknowledged port is there" 'grep -q "^acked_kept True" "$dir/verdict.$kind"'
  expect "$kind: no port was created twice" 'grep -q "^no_twice True" "$dir/verdict.$kind"'
  expect "$kind: a port nobody was told about exists only where the 503 said the outcome was unknown" \
    'grep -q "^extra_only_in_doubt True" "$dir/verdict.$kind"'
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/ports" -H 'X-Project-Id: p1' \
    -d "{\"port\":{\"network_id\":\"$net\",\"name\":\"after\"}}")
  expect "$kind: the server serves again by itself ($code)" '[ "$code" = 201 ]'
  if grep -q " 500 " "$dir/answers.$kind"; then grep -m3 -A5 "Exception\|ERROR" "$dir/$kind.log"; fi
}

# --- PostgreSQL: a cluster of the scenario's own, restarted as an operator would --------------------
pg_dropcluster --stop "$pgv" "$pgcluster" >/dev/null 2>&1
pg_createcluster "$pgv" "$pgcluster" -p $pgport >/dev/null 2>&1 && pg_ctlcluster "$pgv" "$pgcluster" start \
  || { echo "$name: cannot create a PostgreSQL cluster on port $pgport"; exit 1; }
su postgres -c "psql -qp $pgport -c \"CREATE ROLE neutrino LOGIN PASSWORD 'neutrino'\"" >/dev/null \
  && su postgres -c "psql -qp $pgport -c 'CREATE DATABASE $dbname OWNER neutrino'" >/dev/null \
  || { echo "$name: cannot create the PostgreSQL database"; exit 1; }
start_server postgresql "postgresql://neutrino:neutrino@127.0.0.1:$pgport/$dbname"
burst postgresql pg_ctlcluster "$pgv" "$pgcluster" restart
stop_server

# --- MariaDB: a server of the scenario's own, killed (-9) and started again ------------------------
chmod 755 "$dir"
install -d -o mysql -g mysql "$dir/my"
mariadb-install-db --user=mysql --datadir="$dir/my" --auth-root-authentication-method=socket \
  >> "$dir/mariadbd.log" 2>&1 || { echo "$name: mariadb-install-db failed"; tail "$dir/mariadbd.log"; exit 1; }
chmod 755 "$dir"
my_start || exit 1
mysql -S "$dir/my/my.sock" -uroot -e "CREATE DATABASE $dbname; CREATE USER 'neutrino'@'127.0.0.1' IDENTIFIED BY 'neutrino';
  GRANT ALL ON $dbname.* TO 'neutrino'@'127.0.0.1'" || { echo "$name: cannot create the MariaDB database"; exit 1; }
start_server mariadb "mysql+pymysql://neutrino:neutrino@127.0.0.1:$myport/$dbname"
mariadb_restart() {
  kill -9 "$(cat "$dir/my/my.pid")"
  sleep 1
  my_start
}
burst mariadb mariadb_restart
stop_server

echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
