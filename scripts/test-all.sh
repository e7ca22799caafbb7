#!/usr/bin/env bash
# THE one command that runs every test: picks a JDK >= 21, makes sure PostgreSQL
# and MariaDB (scripts/db-services.sh), OVN (scripts/ovn-services.sh) and Keystone
# (scripts/keystone-services.sh) are up, then runs `mvn -B verify` with the test
# database and Keystone settings, then the scenario and conformance scripts. Extra
# arguments are passed to mvn; exits non-zero on the first failing step.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

JAVA_HOME="$(scripts/java-home.sh 21)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
echo "test-all: using JDK $JAVA_HOME"

scripts/db-services.sh
scripts/ovn-services.sh
# a real Keystone for keystone's live tests (and later the conformance runs)
scripts/keystone-services.sh >/tmp/test-all-keystone.log 2>&1 \
  || { tail -20 /tmp/test-all-keystone.log; echo "test-all: Keystone setup failed"; exit 1; }

mvn -B verify \
  -Dneutrino.test.keystone=http://127.0.0.1:5000/v3 \
  -Dneutrino.test.require-keystone=true \
  -Dneutrino.test.postgresql=jdbc:postgresql://127.0.0.1:5432/neutrino \
  -Dneutrino.test.mariadb=jdbc:mariadb://127.0.0.1:3306/neutrino \
  -Dneutrino.test.db.user=neutrino \
  -Dneutrino.test.db.password=neutrino \
  -Dneutrino.test.require-all-dbs=true \
  "$@"

# the real openstack CLI against the server built above
scripts/cli-smoke.sh

# packets: DHCP, port status and security groups on real OVN with namespaces as VMs
scenario/dataplane.sh

# packets: a VM reaches 169.254.169.254 through neutron-ovn-metadata-agent and the network's metadata port
scenario/metadata.sh

# packets: a trunk's subport on VLAN 101 of its parent's NIC (a userspace OVS bridge): DHCP and ping on
# the subport's network, stopped by removing the subport (~25 s)
scenario/trunk.sh

# packets: a security group rule whose remote is an address group lets in exactly the group's addresses,
# following the group as addresses are added and removed (~30 s)
scenario/address-group.sh

# packets: VMs resolve each other's dns_name (under [DEFAULT] dns_domain and the network's dns_domain,
# and back by address) through OVN's DNS responder; a renamed port answers to its new name (~25 s)
scenario/dns.sh

# packets: a log object on a security group puts the allowed and dropped packets in ovn-controller's log
# under the log's name; a burst is capped by the NB meter ([network_log] rate and burst); DROP logs drops
# only, disabled nothing; ovn-db-sync agrees with the write path (~35 s)
scenario/logging.sh

# packets: raw 802.1Q frames cross a vlan_transparent network with their tag, are dropped on a plain one,
# and leave a QinQ network's localnet port inside an 802.1ad tag (~30 s)
scenario/vlan-transparent.sh

# packets: a QoS bandwidth limit of 10 Mbit/s measured with iperf3, DSCP marking seen by tcpdump (~40 s)
scenario/qos.sh

# packets: routing between two networks, SNAT and floating IPs (centralized and distributed) through
# a router's gateway on a flat external network bridged to br-ex
scenario/l3.sh

# packets: floating IP port forwarding (TCP to two VMs on two external ports, a UDP range) through ML2/OVN's
# pf-floatingip-* load balancers on the router; a deleted forwarding stops (~1.5 minutes)
scenario/port-forwarding.sh

# packets: a router gateway on two gateway chassis in namespaces (own OVS and ovn-controller); the active one
# killed, BFD moves SNAT and floating IP traffic to the other (outage printed), which hands it back (~40 s)
scenario/gateway-failover.sh

# OVN converges to the database after the server is killed in the middle of a burst
scenario/crash-converge.sh

# the OVN northbound down for 20 s under two clients (our own NB/SB/northd and a sandboxed chassis): the API
# answers 2xx without waiting, OVN catches up when it is back, every plugged port ends ACTIVE (~1 minute)
scenario/nb-outage.sh

# three Neutrino servers on one database against three-member Raft clusters for NB and SB: a burst
# over all three while the NB leader and the repair lock's holder are killed; OVN ends equal to the
# database with every row at its latest revision (~2 minutes)
scenario/ovn-cluster.sh

# a rolling upgrade from the release tag v0.2.0 to this tree on one PostgreSQL database with OVN, clients
# running throughout: expand with old servers up, new servers beside them, old ones drained and stopped,
# contract (a column renamed by add-copy-drop); no client error, nothing lost or doubled, OVN equal (~2.5 min)
scenario/rolling-upgrade.sh

# the database restarted under 8 clients creating ports (PostgreSQL, then MariaDB, each the
# scenario's own server): only 201/503, nothing acknowledged lost or doubled (~2 minutes)
scenario/db-restart.sh

# TLS: the API over https ([ssl] cert_file/key_file) and behind haproxy, ssl: remotes to the scenario's
# own NB and SB ovsdb-servers with ovs-pki certificates; strangers' certificates refused (~20 s)
scenario/tls.sh

# a real Nova (two fake-driver computes, Debian Zed) on Neutrino behind Keystone: boot, binding and OVN
# row, add/remove port, live migration with binding-extended, vif-plugged/unplugged events, delete
# (~2 minutes after installs)
scenario/nova.sh

# behind a real Keystone: the openstack CLI with password logins (admin, two members), 401/503 paths
conformance/keystone-cli.sh

# tempest's network API tests behind a real Keystone: the quick subset (every resource and the RBAC
# tests, ~8 minutes); fails on any failure not listed in conformance/tempest/known-failures.txt
conformance/tempest/run.sh --quick --known-failures conformance/tempest/known-failures.txt
