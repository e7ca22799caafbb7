#!/usr/bin/env bash
# Address groups as security group remotes, with real OVN and OVS (userspace datapath) and network
# namespaces as VMs. A server VM whose only group lets ICMP and TCP 8080 in from an address group
# holding one client's address: that client pings it and reaches its TCP service, another client does
# not; the other client's address added to the group opens both for it without touching the rule;
# removed, closes them again. (Zed advertises the extension but its ACLs ignore the remote address
# group, so such a rule lets everyone in: neutron-lib's meaning is followed here.) Also checks the
# northbound rows: the group's address sets and the ACL matching on them.
# Prints "address-group: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh >/dev/null || { echo "address-group: OVN could not be started"; exit 1; }
command -v ethtool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q ethtool >/dev/null

name=address-group
. scenario/lib.sh
started=$SECONDS
vms=(agsrv agc1 agc2)
vm_teardown
trap vm_cleanup EXIT
start_server
host="$(ovn-sbctl --bare --columns=hostname list Chassis | head -1)"

net=$(api POST networks '{"network":{"name":"ag-net"}}' | jq_ 'd["network"]["id"]')
api POST subnets "{\"subnet\":{\"network_id\":\"$net\",\"cidr\":\"10.203.0.0/24\",\"ip_version\":4}}" >/dev/null
sg=$(api POST security-groups '{"security_group":{"name":"ag-server"}}' | jq_ 'd["security_group"]["id"]')

declare -A ip mac port
vm_plug agc1
vm_plug agc2
ag_json=$(api POST address-groups "{\"address_group\":{\"name\":\"clients\",\"addresses\":[\"${ip[agc1]}/32\"]}}")
ag=$(echo "$ag_json" | jq_ 'd["address_group"]["id"]')
expect "the address group holds agc1's address (${ip[agc1]}/32)" \
  '[ "$(echo "$ag_json" | jq_ "d[\"address_group\"][\"addresses\"]")" = "['"'"'${ip[agc1]}/32'"'"']" ]'
for rule in '"protocol":"icmp"' '"protocol":"tcp","port_range_min":8080,"port_range_max":8080'; do
  api POST security-group-rules "{\"security_group_rule\":{\"security_group_id\":\"$sg\",\"direction\":\"ingress\",$rule,\"remote_address_group_id\":\"$ag\"}}" >/dev/null
done
vm_plug agsrv "[\"$sg\"]"
vms_active
settle

# --- the northbound rows
set4="ag_${ag//-/_}_ip4"
have=$(ovn-nbctl --bare --columns=addresses find Address_Set name="$set4")
expect "the group's IPv4 address set $set4 holds ${ip[agc1]}/32 ($have)" '[ "$have" = "${ip[agc1]}/32" ]'
acls=$(ovn-nbctl --bare --columns=match list ACL | grep -c "ip4.src == \$$set4")
expect "both rules' ACLs match on \$$set4 ($acls)" '[ "$acls" = 2 ]'

# --- packets
mkdir -p "$state/www" && echo hello >"$state/www/index.html"
ip netns exec agsrv "$py" -m http.server 8080 --bind "${ip[agsrv]}" --directory "$state/www" >/dev/null 2>&1 &
pings() { ip netns exec "$1" ping -c 1 -W 1 "${ip[agsrv]}" >/dev/null 2>&1; }
tcp() { ip netns exec "$1" curl -s -m 2 "http://${ip[agsrv]}:8080/" 2>/dev/null | grep -q hello; }
eventually() { for _ in $(seq 1 10); do "$@" && return 0; sleep 0.5; done; return 1; }
never() { for _ in $(seq 1 3); do "$@" && return 1; sleep 0.5; done; return 0; }
expect "agc1 (in the group) pings the server" 'eventually pings agc1'
expect "agc1 reaches the server's TCP 8080" 'eventually tcp agc1'
expect "agc2 (not in the group) does not ping it" 'never pings agc2'
expect "agc2 does not reach TCP 8080" 'never tcp agc2'

rev_rule=$(api GET "security-group-rules?security_group_id=$sg&remote_address_group_id=$ag" | jq_ '",".join(sorted(str(r["revision_number"]) for r in d["security_group_rules"]))')
api PUT "address-groups/$ag/add_addresses" "{\"addresses\":[\"${ip[agc2]}/32\"]}" >/dev/null
settle
expect "agc2's address added to the group: it pings the server" 'eventually pings agc2'
expect "and reaches TCP 8080" 'eventually tcp agc2'
rev_after=$(api GET "security-group-rules?security_group_id=$sg&remote_address_group_id=$ag" | jq_ '",".join(sorted(str(r["revision_number"]) for r in d["security_group_rules"]))')
expect "the rules were not touched (revisions $rev_rule, $rev_after)" '[ "$rev_rule" = "$rev_after" ]'
api PUT "address-groups/$ag/remove_addresses" "{\"addresses\":[\"${ip[agc2]}/32\"]}" >/dev/null
settle
expect "removed again: agc2 no longer pings it" 'never pings agc2'
expect "agc1 still does" 'eventually pings agc1'

expect "the group cannot be deleted while rules use it (409)" \
  '[ "$(curl -s -o /dev/null -w "%{http_code}" -X DELETE "http://127.0.0.1:$port/v2.0/address-groups/$ag")" = 409 ]'

# leave nothing in OVN behind
for vm in "${vms[@]}"; do api DELETE "ports/${port[$vm]}" >/dev/null; done
api DELETE "security-groups/$sg" >/dev/null
api DELETE "address-groups/$ag" >/dev/null
api DELETE "networks/$net" >/dev/null
settle
left=$(ovn-nbctl --bare --columns=name find Address_Set name="$set4" -- find Logical_Switch name="neutron-$net" | xargs)
expect "deleted: the address sets and the switch are gone from OVN ('$left')" '[ -z "$left" ]'

host_resolv_kept
echo "address-group: $passed passed, $failed failed ($((SECONDS - started)) s)"
[ "$failed" -eq 0 ]
