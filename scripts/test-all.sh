#!/usr/bin/env bash
# THE one command that runs every test: picks a JDK >= 21, makes sure PostgreSQL
# and MariaDB are up (scripts/db-services.sh), then runs `mvn -B verify` with the
# test database settings. Extra arguments are passed to mvn; exits with mvn's code.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"

JAVA_HOME="$(scripts/java-home.sh 21)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
echo "test-all: using JDK $JAVA_HOME"

scripts/db-services.sh
scripts/ovn-services.sh

mvn -B verify \
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

# OVN converges to the database after the server is killed in the middle of a burst
scenario/crash-converge.sh

# behind a real Keystone: the openstack CLI with password logins (admin, two members), 401/503 paths
conformance/keystone-cli.sh

# tempest's network API tests behind a real Keystone: the quick subset (every resource and the RBAC
# tests, ~8 minutes); fails on any failure not listed in conformance/tempest/known-failures.txt
conformance/tempest/run.sh --quick --known-failures conformance/tempest/known-failures.txt
