#!/usr/bin/env bash
# Metadata scenario: with `[ovn] ovn_metadata_enabled = true`, a VM (a network namespace plugged into
# br-int as a port bound to this chassis) reaches 169.254.169.254 through Debian's unmodified
# neutron-ovn-metadata-agent, which finds the network's metadata port (ML2/OVN's network:distributed
# localport) in the southbound database, plugs it in its own namespace and proxies to "Nova's metadata
# API" -- here a small HTTP server that checks what Nova's checks: X-Instance-ID is the VM port's
# device_id, X-Tenant-ID its project, and X-Instance-ID-Signature the HMAC of the shared secret.
# Also: the VM's DHCP lease routes 169.254.169.254 to the metadata port, GET /v2.0/agents shows the
# metadata agent (its description and the controller agent's set through the API; a dead chassis deleted
# through its agent), and the VM's metadata stops when its network's metadata port is gone.
# Prints "metadata: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "metadata: OVN could not be started"; exit 1; }
need=()
command -v neutron-ovn-metadata-agent >/dev/null || need+=(neutron-ovn-metadata-agent)
command -v haproxy >/dev/null || need+=(haproxy)
command -v udhcpc >/dev/null || need+=(udhcpc)
command -v curl >/dev/null || need+=(curl)
command -v ethtool >/dev/null || need+=(ethtool)
if ((${#need[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 "${need[@]}" >/dev/null \
    || { echo "metadata: cannot install ${need[*]}"; exit 1; }
fi

name=metadata
. scenario/lib.sh
vm=mdvm
secret="metadata-secret-$$"
instance="$("$py" -c 'import uuid; print(uuid.uuid4())')"
nova_port=$(free_port)
agent=
nova=

teardown_vm() {
  ip netns del "$vm" 2>/dev/null; ovs-vsctl --if-exists del-port br-int "t-$vm"; rm -rf "/etc/netns/$vm"
}
cleanup() {
  if [ "$failed" -gt 0 ]; then
    echo "--- server log"; grep -v " DEBUG " "$state/server.log" | tail -20
    echo "--- agent log"; tail -30 "$state/agent.log" 2>/dev/null
    echo "--- nova log"; tail -10 "$state/nova.log" 2>/dev/null
  fi
  teardown_vm
  [ -n "$agent" ] && { kill "$agent" 2>/dev/null; wait "$agent" 2>/dev/null; }
  [ -n "$nova" ] && { kill "$nova" 2>/dev/null; wait "$nova" 2>/dev/null; }
  # the agent's haproxy and namespaces outlive it (as they do under systemd)
  pkill -f "haproxy -f $state/" 2>/dev/null
  # (only this scenario's: other work may share the chassis)
  if [ -n "${md_id:-}" ]; then
    for p in $(ovs-vsctl --bare --columns=name find Interface "external_ids:iface-id=$md_id" 2>/dev/null); do
      ovs-vsctl --if-exists del-port br-int "$p"
    done
  fi
  [ -n "${net:-}" ] && ip netns del "ovnmeta-$net" 2>/dev/null
  stop_server
  rm -rf "$state"
}
trap cleanup EXIT
teardown_vm

# "Nova's metadata API": answers what it was asked with, after Nova's own checks of the proxy headers
cat > "$state/nova.py" <<'EOF'
import hashlib, hmac, json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
secret = sys.argv[2].encode()
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        iid = self.headers.get("X-Instance-ID", "")
        sig = self.headers.get("X-Instance-ID-Signature", "")
        good = hmac.compare_digest(sig, hmac.new(secret, iid.encode(), hashlib.sha256).hexdigest())
        body = json.dumps({"path": self.path, "instance": iid, "project": self.headers.get("X-Tenant-ID", ""),
                           "signature_ok": good, "forwarded_for": self.headers.get("X-Forwarded-For", "")}).encode()
        self.send_response(200 if good else 403)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, fmt, *args):
        sys.stderr.write((fmt % args) + "\n")
HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
EOF
"$py" "$state/nova.py" "$nova_port" "$secret" > "$state/nova.log" 2>&1 &
nova=$!

start_server "ovn_metadata_enabled = true"

# the agent as packaged, with its own state and configuration (root: privsep without sudo)
start_metadata_agent "$nova_port" "$secret"

# this machine's chassis (the one whose br-int the VM is plugged into), by its system-id
host="$(ovn-sbctl --bare --columns=hostname find Chassis "name=$(ovs-vsctl get open . external-ids:system-id | tr -d '"')")"
project="$("$py" -c 'import uuid; print(uuid.uuid4().hex)')"
net=$(api POST networks "{\"network\":{\"name\":\"md\",\"project_id\":\"$project\"}}" | jq_ 'd["network"]["id"]')
md_port() { api GET "ports?network_id=$net&device_owner=network:distributed"; }
subnet=$(api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.124.0.0/24\",\"ip_version\":4,\"project_id\":\"$project\"}}" | jq_ 'd["subnet"]["id"]')
md=$(md_port)
md_id=$(echo "$md" | jq_ 'd["ports"][0]["id"] if len(d["ports"]) == 1 else ""')
md_ip=$(echo "$md" | jq_ 'd["ports"][0]["fixed_ips"][0]["ip_address"] if d["ports"] and d["ports"][0]["fixed_ips"] else ""')
expect "the network has one metadata port, with an address on its subnet ($md_ip)" '[ -n "$md_id" ] && [ -n "$md_ip" ]'
expect "its device_id is ovnmeta-<network>" \
  '[ "$(echo "$md" | jq_ "d[\"ports\"][0][\"device_id\"]")" = "ovnmeta-$net" ]'
settle
expect "it is an OVN localport" '[ "$(ovn-nbctl --bare --columns=type list Logical_Switch_Port "$md_id")" = localport ]'
expect "the subnet's DHCP options route 169.254.169.254 to it" \
  'ovn-nbctl --bare --columns=options find DHCP_Options "external_ids:subnet_id=$subnet" | grep -q "classless_static_route={169.254.169.254/32,$md_ip, 0.0.0.0/0,10.124.0.1}"'

# the VM: a port Nova would have bound to this chassis
p=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"$vm\",\"project_id\":\"$project\",\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"$instance\",\"port_security_enabled\":false}}")
vm_id=$(echo "$p" | jq_ 'd["port"]["id"]'); mac=$(echo "$p" | jq_ 'd["port"]["mac_address"]')
ip netns add "$vm"
mkdir -p "/etc/netns/$vm" && : >"/etc/netns/$vm/resolv.conf"
ip link add "t-$vm" type veth peer name "e-$vm"
ip link set "e-$vm" netns "$vm"
ip -n "$vm" link set "e-$vm" name eth0
ip -n "$vm" link set eth0 address "$mac"
ip -n "$vm" link set lo up; ip -n "$vm" link set eth0 up
# checksums filled in software: the userspace datapath's conntrack (in the agent's haproxy path) drops
# packets whose checksum offload left them unfilled
ip netns exec "$vm" ethtool -K eth0 tx off >/dev/null 2>&1; ethtool -K "t-$vm" tx off >/dev/null 2>&1
ovs-vsctl add-port br-int "t-$vm" -- set Interface "t-$vm" external-ids:iface-id="$vm_id"
ip link set "t-$vm" up
for _ in $(seq 1 60); do
  [ "$(api GET "ports/$vm_id" | jq_ 'd["port"]["status"]')" = ACTIVE ] && break; sleep 0.5
done
dhcp_with_routes "$vm"
expect "the VM's lease routes 169.254.169.254 through the metadata port" \
  'ip -n "$vm" route show 169.254.169.254 | grep -q "via $md_ip"'
[ -n "${METADATA_HOLD:-}" ] && { echo "holding: vm=$vm net=$net md=$md_id ($md_ip)"; sleep "$METADATA_HOLD"; }

# the agent sees a port of the network bound to its chassis: it plugs the metadata port (namespace
# ovnmeta-<network>, haproxy); then the VM's request goes through
t0=$(date +%s.%N)
answer=
for _ in $(seq 1 40); do
  answer=$(ip netns exec "$vm" curl -s -m 2 "http://169.254.169.254/openstack/latest/meta_data.json" 2>/dev/null)
  echo "$answer" | grep -q '"instance"' && break; sleep 0.5
done
t1=$(date +%s.%N)
echo "metadata: first answer through the agent after $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s"
expect "the agent plugged the metadata port in namespace ovnmeta-$net" 'ip netns list | grep -q "ovnmeta-$net"'
field() { echo "$answer" | "$py" -c "import json,sys; print(json.load(sys.stdin).get('$1', ''))" 2>/dev/null; }
expect "the VM reaches the metadata API at 169.254.169.254 (answer: ${answer:-none})" '[ -n "$answer" ]'
expect "Nova is asked for the VM's instance (X-Instance-ID = its port's device_id)" '[ "$(field instance)" = "$instance" ]'
expect "... for its project (X-Tenant-ID)" '[ "$(field project)" = "$project" ]'
expect "... with a valid X-Instance-ID-Signature" '[ "$(field signature_ok)" = True ]'
expect "... from the VM's address" '[ "$(field forwarded_for)" = "$(api GET "ports/$vm_id" | jq_ "d[\"port\"][\"fixed_ips\"][0][\"ip_address\"]")" ]'

agents=$(api GET "agents?agent_type=OVN%20Metadata%20agent")
expect "GET /v2.0/agents shows the metadata agent on $host, alive" \
  '[ "$(echo "$agents" | jq_ "[(a[\"host\"], a[\"alive\"], a[\"binary\"]) for a in d[\"agents\"]]")" = "[('"'"'$host'"'"', True, '"'"'neutron-ovn-metadata-agent'"'"')]" ]'

# agent management (the agent extension): descriptions kept on the chassis' Chassis_Private row, where
# ML2/OVN reads them; a chassis whose host is gone deleted through its agent
chassis=$(ovn-sbctl --bare --columns=name find Chassis hostname="$host" | head -1)
metadata_agent=$(echo "$agents" | jq_ 'd["agents"][0]["id"]')
api PUT "agents/$metadata_agent" '{"agent":{"description":"metadata, rack 4"}}' >/dev/null
api PUT "agents/$chassis" '{"agent":{"description":"compute, rack 4"}}' >/dev/null
expect "agent descriptions are shown" \
  '[ "$(api GET "agents/$metadata_agent" | jq_ "d[\"agent\"][\"description\"]")" = "metadata, rack 4" ] && [ "$(api GET "agents/$chassis" | jq_ "d[\"agent\"][\"description\"]")" = "compute, rack 4" ]'
expect "... and kept on the chassis' Chassis_Private row" \
  'ovn-sbctl --bare --columns=external_ids list Chassis_Private "$chassis" | grep -q "description-metadata=.*metadata, rack 4"'
expect "disabling an OVN agent is refused (400)" \
  '[ "$(curl -s -o /dev/null -w "%{http_code}" -X PUT "http://127.0.0.1:$port/v2.0/agents/$chassis" -H "Content-Type: application/json" -d "{\"agent\":{\"admin_state_up\":false}}")" = 400 ]'
ovn-sbctl remove Chassis_Private "$chassis" external_ids 'neutron\:description' 'neutron\:description-metadata'
ovn-sbctl --if-exists chassis-del neutrino-gone; ovn-sbctl chassis-add neutrino-gone geneve 127.0.0.99
for _ in $(seq 1 20); do [ "$(api GET "agents/neutrino-gone" | jq_ "d.get(\"agent\", {}).get(\"alive\")")" = False ] && break; sleep 0.5; done
expect "a chassis without ovn-controller is a dead agent" \
  '[ "$(api GET "agents/neutrino-gone" | jq_ "d[\"agent\"][\"alive\"]")" = False ]'
expect "deleting its agent removes the chassis (204)" \
  '[ "$(curl -s -o /dev/null -w "%{http_code}" -X DELETE "http://127.0.0.1:$port/v2.0/agents/neutrino-gone")" = 204 ] && [ -z "$(ovn-sbctl --bare --columns=name find Chassis name=neutrino-gone)" ]'
ovn-sbctl --if-exists chassis-del neutrino-gone

# the VM's port goes: the agent tears the network's metadata namespace down
api DELETE "ports/$vm_id" >/dev/null
for _ in $(seq 1 60); do ip netns list | grep -q "ovnmeta-$net" || break; sleep 0.5; done
expect "with no VM of the network on this chassis the agent removes its namespace" '! ip netns list | grep -q "ovnmeta-$net"'

api DELETE "subnets/$subnet" >/dev/null
api DELETE "networks/$net" >/dev/null
expect "the network's metadata port goes with it" '[ "$(api GET "ports?device_owner=network:distributed&network_id=$net" | jq_ "len(d[\"ports\"])")" = 0 ]'

echo "metadata: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
