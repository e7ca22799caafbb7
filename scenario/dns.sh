#!/usr/bin/env bash
# Internal DNS (dns-integration, dns-domain-ports) with real OVN and OVS (userspace datapath) and
# network namespaces as VMs: ports named by their dns_name under [DEFAULT] dns_domain and under their
# network's dns_domain are resolved by OVN's DNS responder (dig in the VM, to an address no host has:
# only OVN can answer), addresses resolve back (PTR), a renamed port answers to its new name and no
# longer to the old one, a port that is no server (no device_id) has no name, and the switch's DNS
# row is the one ML2/OVN writes (external_ids ls_name, records) and goes with its network.
# Prints "dns: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "dns: OVN could not be started"; exit 1; }
command -v ethtool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q ethtool >/dev/null
command -v dig >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q dnsutils >/dev/null

name=dns
. scenario/lib.sh
started=$SECONDS
vms=(dnsa dnsb dnsc)
vm_teardown
trap vm_cleanup EXIT
start_server "[DEFAULT]" "dns_domain = example.org" "[ml2]" "extension_drivers = port_security,dns_domain_ports"
host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"

net=$(api POST networks '{"network":{"name":"dns-net","dns_domain":"corp.example."}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.204.0.0/24\",\"ip_version\":4}}" >/dev/null
declare -A ip port
plug() { # vm dns_name [device_id]
  local json
  json=$(api POST ports "{\"port\":{\"network_id\":\"$net\",\"name\":\"$1\",\"dns_name\":\"$2\",\"binding:host_id\":\"$host\",\"device_owner\":\"compute:nova\",\"device_id\":\"${3-$1}\",\"port_security_enabled\":false}}")
  port[$1]=$(echo "$json" | jq_ 'd["port"]["id"]')
  ip[$1]=$(echo "$json" | jq_ 'd["port"]["fixed_ips"][0]["ip_address"]')
  attach_vm "$1" "${port[$1]}" "$(echo "$json" | jq_ 'd["port"]["mac_address"]')" "${ip[$1]}/24"
  # the resolver: an address nobody has (a neighbour entry lets the query leave); only OVN answers
  ip -n "$1" neigh add 10.204.0.253 lladdr 02:00:00:00:02:53 dev eth0 nud permanent
}
plug dnsa alpha
plug dnsb bravo
plug dnsc spare ""
vms_active
settle

assignment=$(api GET "ports/${port[dnsb]}" | jq_ 'd["port"]["dns_assignment"][0]["fqdn"]')
expect "bravo's dns_assignment is bravo.example.org. ($assignment)" '[ "$assignment" = bravo.example.org. ]'

# --- the northbound row
records() { ovn-nbctl --bare --columns=records find DNS "external_ids:ls_name=neutron-$net"; }
row=$(records)
expect "the switch's DNS row has alpha and bravo under both domains and their PTRs" \
  'grep -q "alpha.example.org=" <<<"$row" && grep -q "bravo.corp.example=" <<<"$row" && grep -q "\.in-addr\.arpa=bravo.example.org" <<<"$row"'
expect "the switch refers to it" \
  '[ "$(ovn-nbctl --bare --columns=dns_records find Logical_Switch name=neutron-$net)" = "$(ovn-nbctl --bare --columns=_uuid find DNS external_ids:ls_name=neutron-$net)" ]'
expect "the port without a device has no records" '! grep -q spare <<<"$row"'

# --- queries from the VMs
# (without EDNS: OVN 23.03's responder does not answer a query that carries an OPT record, as dig's do
# by default; a guest's resolver, glibc's, sends none unless told to)
ask() { # vm name [type] -> the answers, one per line
  ip netns exec "$1" dig +short +noedns +time=1 +tries=2 @10.204.0.253 "$2" "${3:-A}" 2>/dev/null | grep -v '^;'
}
eventually() { for _ in $(seq 1 10); do "$@" && return 0; sleep 0.5; done; return 1; }
answers() { [ "$(ask "$1" "$2" "${4:-A}")" = "$3" ]; }
expect "alpha resolves bravo.example.org to ${ip[dnsb]}" 'eventually answers dnsa bravo.example.org "${ip[dnsb]}"'
expect "alpha resolves bravo.corp.example (the network's domain)" 'eventually answers dnsa bravo.corp.example "${ip[dnsb]}"'
expect "alpha resolves the bare name bravo" 'eventually answers dnsa bravo "${ip[dnsb]}"'
expect "bravo resolves alpha.example.org to ${ip[dnsa]}" 'eventually answers dnsb alpha.example.org "${ip[dnsa]}"'
ptr=$(ask dnsa "$(echo "${ip[dnsb]}" | awk -F. '{print $4"."$3"."$2"."$1".in-addr.arpa"}')" PTR)
expect "${ip[dnsb]} resolves back to bravo.example.org. ($ptr)" '[ "$ptr" = bravo.example.org. ]'
echo "nameserver 10.204.0.253" >/etc/netns/dnsa/resolv.conf
# (getent pads the address to 15 columns)
looked_up=$(ip netns exec dnsa getent hosts bravo | awk '{print $1, $2}')
expect "alpha's own resolver (glibc, getent hosts) finds bravo ($looked_up)" '[ "$looked_up" = "${ip[dnsb]} bravo" ]'
expect "spare (no device) has no name" '[ -z "$(ask dnsa spare.example.org)" ]'

api PUT "ports/${port[dnsb]}" '{"port":{"dns_name":"charlie"}}' >/dev/null
settle
expect "renamed to charlie: alpha resolves charlie.example.org" 'eventually answers dnsa charlie.example.org "${ip[dnsb]}"'
expect "and no longer bravo.example.org" '[ -z "$(ask dnsa bravo.example.org)" ]'
api PUT "ports/${port[dnsc]}" '{"port":{"device_id":"dnsc"}}' >/dev/null
settle
expect "spare given a device: it has its name now" 'eventually answers dnsa spare.example.org "${ip[dnsc]}"'

# leave nothing in OVN behind
for vm in "${vms[@]}"; do api DELETE "ports/${port[$vm]}" >/dev/null; done
settle
expect "no named port left: the DNS row is gone ('$(records)')" '[ -z "$(records)" ]'
api DELETE "networks/$net" >/dev/null
settle
left=$(ovn-nbctl --bare --columns=name find Logical_Switch name="neutron-$net")
expect "deleted: the switch is gone from OVN ('$left')" '[ -z "$left" ]'

host_resolv_kept
echo "dns: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
