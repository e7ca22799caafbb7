#!/usr/bin/env bash
# TLS where a deployment needs it: the API over HTTPS ([DEFAULT] use_ssl, [ssl] cert_file/key_file)
# and OVN's databases over ssl: remotes with certificates made by ovs-pki ([ovn] ovn_nb_private_key,
# ovn_nb_certificate, ovn_nb_ca_cert and the ovn_sb_* ones). A PKI in a temporary directory; the
# scenario's own northbound and southbound ovsdb-servers (their own database files, pid files and
# unixctl sockets, pssl: on free ports), not the system's OVN, which other scenarios use. Checks: curl
# with the CA gets the API over https, plain http and a client without the CA get nothing; a network
# created over https appears in the private northbound (read with ovn-nbctl over ssl:) and leaves
# it when deleted; Neutrino's southbound connection is ssl: too; ovsdb-server refuses a client whose
# certificate another CA signed, and a client that trusts another CA refuses ovsdb-server (and its
# log says why); behind haproxy terminating TLS, a plain-HTTP server with enable_proxy_headers_parsing
# links to https:// and the proxy's address. Prints every check and "tls: N passed, M failed" (about
# 20 s once built).
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
name=tls
. scripts/lib/checks.sh
py="$(command -v /usr/bin/python3 || command -v python3)"
ok() { passed=$((passed+1)); echo "ok: $1"; }
fail() { failed=$((failed+1)); echo "FAIL: $1"; }
expect() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }
for tool in ovs-pki ovsdb-server ovsdb-tool ovn-nbctl openssl curl; do
  command -v "$tool" >/dev/null || { echo "$name: $tool is missing (scripts/ovn-services.sh installs OVS and OVN)"; exit 1; }
done

dir="$(mktemp -d)"
server=
haproxy=
proxied=
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; }
  local p; for p in $haproxy $proxied; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  local db
  for db in nb sb; do [ -s "$dir/$db.pid" ] && kill "$(cat "$dir/$db.pid")" 2>/dev/null; done
  [ -n "${TLS_KEEP:-}" ] && echo "$name: files kept in $dir" || rm -rf "$dir"
}
trap cleanup EXIT

# ---- the PKI, as an operator makes it with ovs-pki: one for this deployment, another for strangers
pki="$dir/pki"
( cd "$dir" && exec 2>>"$dir/ovs-pki.log" && ovs-pki --dir="$pki" --log="$dir/ovs-pki.log" init >/dev/null \
  && for who in ovnnb ovnsb neutrino admin; do
       ovs-pki --dir="$pki" --log="$dir/ovs-pki.log" -u req+sign "$who" switch >/dev/null || exit 1
     done \
  && ovs-pki --dir="$dir/other" --log="$dir/ovs-pki.log" init >/dev/null \
  && ovs-pki --dir="$dir/other" --log="$dir/ovs-pki.log" -u req+sign stranger switch >/dev/null ) \
  || { echo "$name: ovs-pki failed"; cat "$dir/ovs-pki.log"; exit 1; }
ca="$pki/switchca/cacert.pem"
other_ca="$dir/other/switchca/cacert.pem"
# the API's certificate names the address clients use (ovs-pki's name none); signed by the same CA,
# its key in the PKCS#1 form `openssl genrsa -traditional` writes
openssl genrsa -traditional -out "$dir/api-privkey.pem" 2048 2>/dev/null
openssl req -new -key "$dir/api-privkey.pem" -subj /CN=127.0.0.1 -out "$dir/api-req.pem" 2>/dev/null
openssl x509 -req -in "$dir/api-req.pem" -CA "$ca" -CAkey "$pki/switchca/private/cakey.pem" -CAcreateserial \
  -days 2 -extfile <(printf 'subjectAltName=IP:127.0.0.1\n') -out "$dir/api-cert.pem" 2>/dev/null \
  || { echo "$name: openssl could not sign the API's certificate"; exit 1; }

# ---- the scenario's own OVN databases, on pssl: with the deployment's certificates
start_db() { # nb|sb schema port
  ovsdb-tool create "$dir/$1.db" "$2" || return 1
  ovsdb-server --remote="pssl:$3:127.0.0.1" --private-key="$dir/ovn$1-privkey.pem" \
    --certificate="$dir/ovn$1-cert.pem" --ca-cert="$ca" --unixctl="$dir/$1.ctl" --pidfile="$dir/$1.pid" \
    --log-file="$dir/$1.log" -vconsole:off -vfile:info --detach --no-chdir "$dir/$1.db" 2>>"$dir/$1.out"
}
nbport=$(free_port)
sbport=$(free_port)
start_db nb /usr/share/ovn/ovn-nb.ovsschema "$nbport" && start_db sb /usr/share/ovn/ovn-sb.ovsschema "$sbport" \
  || { echo "$name: the scenario's ovsdb-servers did not start"; cat "$dir"/*.out "$dir"/*.log 2>/dev/null; exit 1; }
nbctl() { # key-owner ca args...: ovn-nbctl over ssl: with that party's certificate
  local who=$1 trust=$2; shift 2
  ovn-nbctl --timeout=10 --db="ssl:127.0.0.1:$nbport" -p "$dir/$who-privkey.pem" -c "$dir/$who-cert.pem" \
    -C "$trust" "$@"
}
nbctl admin "$ca" init || { echo "$name: the northbound does not answer over ssl:"; cat "$dir/nb.log"; exit 1; }

# ---- Neutrino: HTTPS for its API, ssl: to both databases
port=$(free_port)
cat > "$dir/neutron.conf" <<EOF
[DEFAULT]
bind_port = $port
state_path = $dir/state
use_ssl = true
[ssl]
cert_file = $dir/api-cert.pem
key_file = $dir/api-privkey.pem
[ovn]
ovn_nb_connection = ssl:127.0.0.1:$nbport
ovn_nb_private_key = $dir/neutrino-privkey.pem
ovn_nb_certificate = $dir/neutrino-cert.pem
ovn_nb_ca_cert = $ca
ovn_sb_connection = ssl:127.0.0.1:$sbport
ovn_sb_private_key = $dir/neutrino-privkey.pem
ovn_sb_certificate = $dir/neutrino-cert.pem
ovn_sb_ca_cert = $ca
EOF
bin/neutrino server --config-file "$dir/neutron.conf" >> "$dir/server.log" 2>&1 &
server=$!
https="https://127.0.0.1:$port"
for _ in $(seq 600); do
  curl -sf --cacert "$ca" "$https/" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "$name: the server exited"; tail -30 "$dir/server.log"; exit 1; }
  sleep 0.5
done
api() { # method path [json]
  curl -s --cacert "$ca" -X "$1" "$https/v2.0/$2" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

# ---- the API over HTTPS
out=$(api GET networks)
expect "GET $https/v2.0/networks with curl --cacert answers the network list" '[[ "$out" == *"\"networks\""* ]]'
href=$(curl -s --cacert "$ca" "$https/" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["versions"][0]["links"][0]["href"])')
expect "the version document links to $https/v2.0/ (got $href)" '[ "$href" = "$https/v2.0/" ]'
curl -s -o /dev/null "$https/v2.0/networks"; rc=$?
expect "curl without the CA refuses the API's certificate (curl exit $rc, 60 = certificate problem)" '[ "$rc" = 60 ]'
code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2.0/networks")
expect "plain http on the HTTPS port gets no HTTP answer (status '$code')" '[ "$code" = 000 ]'
expect "the server says it listens on https://" 'grep -q "Neutrino listening on https://" "$dir/server.log"'

# ---- OVN over ssl:
expect "Neutrino connected to the northbound at ssl:127.0.0.1:$nbport" \
  'grep -q "connected to ssl:127.0.0.1:$nbport" "$dir/server.log"'
expect "Neutrino connected to the southbound at ssl:127.0.0.1:$sbport" \
  'grep -q "connected to ssl:127.0.0.1:$sbport" "$dir/server.log"'
net=$(api POST networks '{"network":{"name":"over-tls"}}' | "$py" -c 'import json,sys; print(json.load(sys.stdin)["network"]["id"])' 2>/dev/null)
expect "POST networks over https creates a network ($net)" '[ -n "$net" ]'
seen=
for _ in $(seq 40); do nbctl admin "$ca" ls-list 2>/dev/null | grep -q "neutron-$net" && { seen=1; break; }; sleep 0.25; done
expect "neutron-$net is in the private northbound (ovn-nbctl --db=ssl:... -p -c -C ls-list)" '[ -n "$seen" ]'
ids=$(nbctl admin "$ca" --bare --columns=external_ids list Logical_Switch "neutron-$net" 2>/dev/null)
expect "its external_ids carry neutron:network_name=over-tls" '[[ "$ids" == *"neutron:network_name=over-tls"* ]]'
api DELETE "networks/$net" >/dev/null
gone=
for _ in $(seq 40); do nbctl admin "$ca" ls-list 2>/dev/null | grep -q "neutron-$net" || { gone=1; break; }; sleep 0.25; done
expect "DELETE over https removes it from the northbound" '[ -n "$gone" ]'

# ---- who is refused
out=$(nbctl stranger "$ca" ls-list 2>&1); rc=$?
expect "ovsdb-server refuses a client whose certificate another CA signed (ovn-nbctl exit $rc)" '[ "$rc" != 0 ]'
out=$(nbctl admin "$other_ca" ls-list 2>&1); rc=$?
expect "a client trusting another CA refuses ovsdb-server's certificate (ovn-nbctl exit $rc)" '[ "$rc" != 0 ]'
expect "the northbound's log shows why: the stranger's certificate failed verification" \
  'grep -q "SSL_accept: .*certificate verify failed" "$dir/nb.log"'
expect "the northbound's log shows why: the other client did not know its CA" \
  'grep -q "SSL_accept: .*unknown ca" "$dir/nb.log"'
expect "the server still runs" 'kill -0 "$server" 2>/dev/null'

# ---- behind a proxy: haproxy terminates TLS in front of a second, plain-HTTP Neutrino (API only, its
# own state) with [oslo_middleware] enable_proxy_headers_parsing; its links must say https:// and the
# proxy's address
if command -v haproxy >/dev/null; then
  pport=$(free_port)
  hport=$(free_port)
  printf '[DEFAULT]\nbind_port = %s\nstate_path = %s\npagination_max_limit = 1\n' "$pport" "$dir/proxied" \
    > "$dir/proxied.conf"
  printf '[oslo_middleware]\nenable_proxy_headers_parsing = true\n' >> "$dir/proxied.conf"
  bin/neutrino server --config-file "$dir/proxied.conf" >> "$dir/proxied.log" 2>&1 &
  proxied=$!
  cat "$dir/api-cert.pem" "$dir/api-privkey.pem" > "$dir/haproxy.pem"
  printf '%s\n' defaults '  mode http' '  timeout connect 5s' '  timeout client 30s' '  timeout server 30s' \
    'frontend neutron' "  bind 127.0.0.1:$hport ssl crt $dir/haproxy.pem" \
    '  http-request set-header X-Forwarded-Proto https' '  default_backend neutrino' \
    'backend neutrino' "  server n1 127.0.0.1:$pport" > "$dir/haproxy.cfg"
  haproxy -f "$dir/haproxy.cfg" -db >> "$dir/haproxy.log" 2>&1 &
  haproxy=$!
  wait_for_url "http://127.0.0.1:$pport/" 600 || { fail "the proxied server did not answer"; tail -20 "$dir/proxied.log"; }
  front="https://127.0.0.1:$hport"
  for n in a b; do
    curl -s --cacert "$ca" -X POST "$front/v2.0/networks" -d "{\"network\":{\"name\":\"$n\"}}" >/dev/null
  done
  href=$(curl -s --cacert "$ca" "$front/" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["versions"][0]["links"][0]["href"])' 2>/dev/null)
  expect "through haproxy, the version document links to $front/v2.0/ (got $href)" '[ "$href" = "$front/v2.0/" ]'
  next=$(curl -s --cacert "$ca" "$front/v2.0/networks" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["networks_links"][0]["href"])' 2>/dev/null)
  expect "through haproxy, pagination's next link is $front/v2.0/networks?... (got $next)" '[[ "$next" == "$front/v2.0/networks?"* ]]'
  direct=$(curl -s "http://127.0.0.1:$pport/" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["versions"][0]["links"][0]["href"])' 2>/dev/null)
  expect "asked directly, the same server links to http://127.0.0.1:$pport/v2.0/ (got $direct)" '[ "$direct" = "http://127.0.0.1:$pport/v2.0/" ]'
  kill "$haproxy" "$proxied" 2>/dev/null; wait "$haproxy" "$proxied" 2>/dev/null; haproxy= proxied=
else
  echo "$name: haproxy is not installed: the proxy checks are skipped (apt-get install haproxy)"
fi

echo "$name: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
