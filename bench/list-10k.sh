#!/usr/bin/env bash
# Listing N ports (default 10,000) on Neutrino and on the real neutron-server, MariaDB for both.
# The peer cannot create that many ports through its API in reasonable time here (bulk creates
# run at 2-4 ports/s, about 1.5 h for 10,000), so its ports are seeded: 50 through the API (one
# bulk request), the rest by SQL cloned from them into every table an API-made unbound port has
# rows in (standardattributes, ports, ipallocations, ipamallocations, portsecuritybindings,
# ml2_port_bindings, securitygroupportbindings). Neutrino gets all of its ports through its API
# (bulk creates of 100). Then each server answers R times (default 5) each of: all ports,
# ?device_owner=compute:bench (every 10th port), ?fields=id&fields=name; curl's time_total
# (request sent to last byte read) is recorded, and the answer's port count checked.
#
#   bench/list-10k.sh [--ports N] [--repeats R] [--only neutrino|peer] [--out DIR]
#
# Extra JVM options for Neutrino: BENCH_NEUTRINO_JAVA_OPTS. Servers started here are stopped and
# their databases (neutrino_bench_list10k_neutrino, neutrino_bench_list10k_peer) dropped on exit.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

n=10000
repeats=5
only=both
out=""
while (($#)); do
  case "$1" in
    --ports) n="$2"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
(( n > 50 )) || die "--ports must be more than 50"
out="${out:-$BENCH_DIR/results/$(date +%Y%m%d-%H%M%S)-list$n}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
project=b3c4b3c4b3c4b3c4b3c4b3c4b3c4b3c4
ndb=neutrino_bench_list10k_neutrino
pdb=neutrino_bench_list10k_peer

cleanup() {
  "$BENCH_DIR/neutrino-server.sh" stop --dir "$out/neutrino" --drop-db mariadb --database "$ndb" >/dev/null 2>&1 || true
  "$BENCH_DIR/peer/stop-neutron.sh" --dir "$out/neutron" --drop-db mariadb --database "$pdb" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

api() { # method url path [body-file]
  local args=(-s -H "Content-Type: application/json" -H "X-Project-Id: $project" -X "$1" "$2$3")
  [[ $# -lt 4 ]] || args+=(--data-binary "@$4")
  curl "${args[@]}"
}

network_and_subnet() { # url -> "NET SUB"
  local net sub
  net="$(api POST "$1" /v2.0/networks <(printf '{"network":{"name":"list10k","project_id":"%s"}}' "$project") \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["network"]["id"])')"
  sub="$(api POST "$1" /v2.0/subnets <(printf '{"subnet":{"network_id":"%s","cidr":"10.20.0.0/16","ip_version":4,"project_id":"%s"}}' "$net" "$project") \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["subnet"]["id"])')"
  echo "$net $sub"
}

bulk() { # url net first count
  python3 - "$2" "$project" "$3" "$4" >"$out/bulk.json" <<'PY'
import json, sys
net, project, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ports = []
for i in range(first, first + count):
    p = {"network_id": net, "name": "bench-%d" % i, "project_id": project}
    if i % 10 == 0:
        p["device_owner"] = "compute:bench"
    ports.append(p)
print(json.dumps({"ports": ports}))
PY
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Content-Type: application/json" -H "X-Project-Id: $project" \
    -X POST "$1/v2.0/ports" --data-binary "@$out/bulk.json")"
  [[ "$code" == 201 ]] || die "bulk create answered $code"
}

seed_peer() { # net sub count
  mysql -h127.0.0.1 -P3306 -u"$DB_USER" -p"$DB_PASS" "$pdb" <<SQL
SET @net = '$1';
SET @sub = '$2';
SET @proj = '$project';
SET @ipamsub = (SELECT id FROM ipamsubnets WHERE neutron_subnet_id = @sub);
SET @sg = (SELECT security_group_id FROM securitygroupportbindings LIMIT 1);
CREATE TEMPORARY TABLE seed (n INT PRIMARY KEY, id VARCHAR(36), sa BIGINT, ip VARCHAR(64), mac VARCHAR(32));
-- addresses from 10.20.4.2 on (the API's 50 are among the first 1,000 of the pool), MACs fa:16:3e:fe:xx:xx
INSERT INTO seed SELECT seq, UUID(), NULL, INET_NTOA(INET_ATON('10.20.4.1') + seq),
  LOWER(CONCAT('fa:16:3e:fe:', LPAD(HEX(seq DIV 256), 2, '0'), ':', LPAD(HEX(seq MOD 256), 2, '0')))
  FROM seq_1_to_$3;
START TRANSACTION;
SET @base = (SELECT MAX(id) FROM standardattributes);
INSERT INTO standardattributes (resource_type, created_at, updated_at, description, revision_number)
  SELECT 'ports', NOW(), NOW(), '', 1 FROM seed ORDER BY n;
UPDATE seed s JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) rn FROM standardattributes WHERE id > @base) x
  ON x.rn = s.n SET s.sa = x.id;
INSERT INTO ports (project_id, id, name, network_id, mac_address, admin_state_up, status, device_id, device_owner,
                   standard_attr_id, ip_allocation)
  SELECT @proj, id, CONCAT('bench-', 50 + n), @net, mac, 1, 'DOWN', '', IF((50 + n) MOD 10 = 0, 'compute:bench', ''),
         sa, NULL FROM seed;
INSERT INTO ipallocations (port_id, ip_address, subnet_id, network_id) SELECT id, ip, @sub, @net FROM seed;
INSERT INTO ipamallocations (ip_address, status, ipam_subnet_id) SELECT ip, 'ALLOCATED', @ipamsub FROM seed;
INSERT INTO portsecuritybindings (port_id, port_security_enabled) SELECT id, 1 FROM seed;
INSERT INTO ml2_port_bindings (port_id, host, vif_type, vnic_type, profile, vif_details, status)
  SELECT id, '', 'unbound', 'normal', '', '', 'ACTIVE' FROM seed;
INSERT INTO securitygroupportbindings (port_id, security_group_id) SELECT id, @sg FROM seed;
COMMIT;
SQL
}

tree_rss_kb() { # pid: VmRSS summed over the process and its descendants (neutron-server's workers)
  local pids=("$1") all=() p kb=0
  while ((${#pids[@]})); do
    all+=("${pids[@]}")
    mapfile -t pids < <(for p in "${pids[@]}"; do cat "/proc/$p/task/"*/children 2>/dev/null; done | tr ' ' '\n' | grep .)
  done
  for p in "${all[@]}"; do kb=$(( kb + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0) )); done
  echo "$kb"
}

measure() { # label url pid
  local label="$1" url="$2" pid="$3" q expect i line
  for q in "all:" "filtered:device_owner=compute:bench" "fields:fields=id&fields=name"; do
    expect=$n
    [[ "${q%%:*}" == filtered ]] && expect=$(( (n + 9) / 10 ))
    for ((i = 0; i < repeats; i++)); do
      line="$(curl -s -o "$out/answer.json" -w '%{http_code} %{time_total} %{size_download}' \
        -H "X-Project-Id: $project" "$url/v2.0/ports?${q#*:}")"
      count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["ports"]))' "$out/answer.json")"
      [[ "$count" == "$expect" ]] || say "$label ${q%%:*}: $count ports, expected $expect"
      echo "$label ${q%%:*} $line $count $(tree_rss_kb "$pid")" >>"$out/times.txt"
    done
  done
}

say "N=$n, repeats=$repeats, results in $out; load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$only" != neutrino ]]; then
  read -r pid url < <("$BENCH_DIR/peer/setup-neutron.sh" --db mariadb --dir "$out/neutron" --port 29698 --database "$pdb")
  read -r net sub < <(network_and_subnet "$url")
  bulk "$url" "$net" 0 50
  seed_peer "$net" "$sub" $(( n - 50 ))
  say "peer: $n ports ($(cut -d' ' -f1-3 /proc/loadavg))"
  measure neutron "$url" "$pid"
  "$BENCH_DIR/peer/stop-neutron.sh" --dir "$out/neutron" --drop-db mariadb --database "$pdb"
fi
if [[ "$only" != peer ]]; then
  read -r pid url < <("$BENCH_DIR/neutrino-server.sh" start --db mariadb --dir "$out/neutrino" --port 19698 --database "$ndb")
  read -r net sub < <(network_and_subnet "$url")
  for ((first = 0; first < n; first += 100)); do bulk "$url" "$net" "$first" $(( n - first < 100 ? n - first : 100 )); done
  say "neutrino: $n ports ($(cut -d' ' -f1-3 /proc/loadavg))"
  measure neutrino "$url" "$pid"
  "$BENCH_DIR/neutrino-server.sh" stop --dir "$out/neutrino" --drop-db mariadb --database "$ndb"
fi
python3 - "$out/times.txt" <<'PY' | tee "$out/report.md"
import sys, statistics, collections
rows = collections.defaultdict(list)
rss = {}
for line in open(sys.argv[1]):
    label, q, code, t, size, count, vmrss = line.split()
    rows[(label, q)].append(float(t) * 1000)
    rss[label] = max(rss.get(label, 0), int(vmrss) // 1024)
print("| list | neutrino p50 ms | min | max | neutron p50 ms | min | max | p50 peer/N |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for q in ("all", "filtered", "fields"):
    n = rows.get(("neutrino", q), [])
    p = rows.get(("neutron", q), [])
    f = lambda v: "%.0f" % v if v >= 100 else "%.1f" % v
    cells = []
    for r in (n, p):
        cells += [f(statistics.median(r)), f(min(r)), f(max(r))] if r else ["-"] * 3
    ratio = "%.1f" % (statistics.median(p) / statistics.median(n)) if n and p else "-"
    print("| %s | %s | %s |" % (q, " | ".join(cells), ratio))
print()
print("largest RSS of the server's process tree seen after a list (MB): " + ", ".join("%s %d" % kv for kv in sorted(rss.items())))
PY
