# Shared by the OVN scenarios (source it from the project root, after setting `name`): a Neutrino
# server on a free port with its own state directory against the local OVN, the API by curl, and
# the ok/fail/expect counters (every check printed). The caller prints "$name: N passed, M failed".
# shellcheck shell=bash
. scripts/lib/checks.sh

# one scenario at a time on this machine's OVN (they share its NB, SB and br-int): a second one, from
# another worktree or a helper's run, waits here instead of tearing the first one's rows down
exec 9>/tmp/neutrino-ovn-scenario.lock
flock 9

# the system's python (quick to start; a pyenv shim forks a few shells first)
py="$(command -v /usr/bin/python3 || command -v python3)"
state="$(mktemp -d)"
port=$(free_port)
server=

ok() { passed=$((passed+1)); echo "ok: $1"; }
# the machine's resolver must survive a scenario: a VM's DHCP client (udhcpc's script) once replaced
# it and the machine lost its DNS; namespaces get their own /etc/netns/NAME/resolv.conf
host_resolv="$(cat /etc/resolv.conf 2>/dev/null || true)"
host_resolv_kept() {
  if [ "$(cat /etc/resolv.conf 2>/dev/null || true)" = "$host_resolv" ]; then
    ok "the host's /etc/resolv.conf is untouched"
  else
    fail "the host's /etc/resolv.conf was changed (restored)"
    printf '%s\n' "$host_resolv" >/etc/resolv.conf
  fi
}
fail() { failed=$((failed+1)); echo "FAIL: $1"; }
expect() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }

api() { # method path [json]
  curl -s -X "$1" "http://127.0.0.1:$port/v2.0/$2" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
jq_() { "$py" -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

# OVN applied: the northbound rows match the API, and every chassis has caught up with them
settle() { sleep 1; ovn-nbctl --timeout=30 --wait=hv sync; }

start_server() { # [ovn option lines...] -> $server answering on $port (the script exits otherwise); the
  # machine's OVN unless $ovn_nb / $ovn_sb name other remotes
  { printf '[DEFAULT]\nbind_port = %s\nstate_path = %s\n' "$port" "$state"
    printf '[ovn]\novn_nb_connection = %s\n' "${ovn_nb:-unix:/var/run/ovn/ovnnb_db.sock}"
    printf 'ovn_sb_connection = %s\n' "${ovn_sb:-unix:/var/run/ovn/ovnsb_db.sock}"
    local line; for line in "$@"; do printf '%s\n' "$line"; done; } > "$state/neutron.conf"
  bin/neutrino server --config-file "$state/neutron.conf" >> "$state/server.log" 2>&1 &
  server=$!
  # (bin/neutrino may first build the server: minutes on a busy machine)
  local i
  for ((i = 0; i < 600; i++)); do
    curl -sf "http://127.0.0.1:$port/" >/dev/null && return 0
    kill -0 "$server" 2>/dev/null || { echo "$name: the server exited"; cat "$state/server.log"; exit 1; }
    sleep 0.5
  done
  echo "$name: the server did not answer"; exit 1
}

stop_server() { # [signal]
  [ -n "$server" ] && { kill "-${1:-TERM}" "$server" 2>/dev/null; wait "$server" 2>/dev/null; }
  server=
}

# what ovn-db-sync --mode log finds ("found: ..."); the embedded H2 database is single-process, so
# the server must be stopped first
sync_report() {
  bin/neutrino ovn-db-sync --config-file "$state/neutron.conf" --mode log 2>/dev/null | grep -E '^found: '
}

# DHCP in namespace NS as a guest does it, routes of option 121 included (Debian's udhcpc script
# ignores them): address, default route, classless static routes (the metadata route)
dhcp_with_routes() { # ns
  cat > "$state/udhcpc.sh" <<'EOF'
#!/bin/sh
case "$1" in
  bound|renew)
    ip addr flush dev "$interface"; ip addr add "$ip/$mask" dev "$interface"
    [ -n "$router" ] && ip route replace default via "${router%% *}" dev "$interface"
    set -- $staticroutes
    while [ $# -ge 2 ]; do ip route replace "$1" via "$2" dev "$interface"; shift 2; done ;;
esac
EOF
  chmod +x "$state/udhcpc.sh"
  # the namespace's own resolv.conf, so that nothing can write the host's (see host_resolv_kept)
  mkdir -p "/etc/netns/$1" && [ -f "/etc/netns/$1/resolv.conf" ] || : >"/etc/netns/$1/resolv.conf"
  ip netns exec "$1" udhcpc -i eth0 -n -q -t 10 -T 1 -O staticroutes -s "$state/udhcpc.sh" >/dev/null 2>&1 9>&-
}

# Debian's neutron-ovn-metadata-agent on this chassis (root: privsep without sudo), proxying to the
# metadata API on 127.0.0.1:PORT with SECRET; its pid in $agent, its log in $state/agent.log
start_metadata_agent() { # port secret
  mkdir -p "$state/agent"
  cat > "$state/agent.ini" <<EOF
[DEFAULT]
state_path = $state/agent
nova_metadata_host = 127.0.0.1
nova_metadata_port = $1
metadata_proxy_shared_secret = $2
metadata_workers = 1
[agent]
root_helper =
[ovs]
ovsdb_connection = unix:/var/run/openvswitch/db.sock
[ovn]
ovn_sb_connection = unix:/var/run/ovn/ovnsb_db.sock
EOF
  neutron-ovn-metadata-agent --config-file "$state/agent.ini" --log-file "$state/agent.log" >/dev/null 2>&1 9>&- &
  agent=$!
}

# VMs as network namespaces on br-int, each a veth pair with checksum offload off (userspace conntrack
# needs filled checksums). The scenario sets vms=(...), and before vm_plug: net, host and
# `declare -A ip mac port`.
attach_vm() { # vm port-id mac ip/prefix -> namespace VM whose eth0 (that MAC and address, checksum
  # offload off: userspace conntrack drops packets with unfilled checksums) is the port on br-int
  ip netns add "$1"; mkdir -p "/etc/netns/$1" && : >"/etc/netns/$1/resolv.conf"
  ip link add "t-$1" type veth peer name "e-$1"
  ethtool -K "t-$1" tx off >/dev/null 2>&1; ethtool -K "e-$1" tx off >/dev/null 2>&1
  ip link set "e-$1" netns "$1"; ip -n "$1" link set "e-$1" name eth0
  ip -n "$1" link set eth0 address "$3"; ip -n "$1" link set lo up; ip -n "$1" link set eth0 up
  ip -n "$1" addr add "$4" dev eth0
  ip link set "t-$1" up
  ovs-vsctl add-port br-int "t-$1" -- set Interface "t-$1" external-ids:iface-id="$2"
}

detach_vm() { # vm: its processes, namespace and veth gone
  ip netns pids "$1" 2>/dev/null | xargs -r kill 2>/dev/null
  ip netns del "$1" 2>/dev/null; rm -rf "/etc/netns/$1"
  ovs-vsctl --if-exists del-port br-int "t-$1"; ip link del "t-$1" 2>/dev/null
}

vm_teardown() {
  local vm
  for vm in "${vms[@]}"; do detach_vm "$vm"; done
}
# the teardown on exit: the server's log when something failed, the VMs, the server, its state
vm_cleanup() {
  [ "$failed" -gt 0 ] && { echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20; }
  vm_teardown
  stop_server
  rm -rf "$state"
}
vm_plug() { # vm [security groups json]: a port on $net bound to $host, and its namespace
  local json
  json=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"$1\",\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"$1\"${2:+,\"security_groups\":$2}}}")
  port[$1]=$(echo "$json" | jq_ 'd["port"]["id"]'); mac[$1]=$(echo "$json" | jq_ 'd["port"]["mac_address"]')
  ip[$1]=$(echo "$json" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
  attach_vm "$1" "${port[$1]}" "${mac[$1]}" "${ip[$1]}/24"
}
vm_status_is() { [ "$(api GET "ports/$1" | jq_ 'd["port"]["status"]')" = "$2" ]; }
# every VM's port ACTIVE (ovn-controller bound it), within 30 s
vms_active() {
  local vm
  for vm in "${vms[@]}"; do
    for _ in $(seq 1 60); do vm_status_is "${port[$vm]}" ACTIVE && continue 2; sleep 0.5; done
    fail "$vm's port did not become ACTIVE"
  done
}
