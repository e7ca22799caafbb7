#!/usr/bin/env bash
# A single-node all-in-one: OVS (userspace datapath) and OVN from Debian, then Neutrino on
# 127.0.0.1:9696 with embedded H2 under ./var, noauth, writing OVN's northbound database.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
scripts/ovn-services.sh
mkdir -p var
cat > var/all-in-one.conf <<CONF
[DEFAULT]
state_path = $root/var
[ovn]
ovn_nb_connection = unix:/var/run/ovn/ovnnb_db.sock
ovn_sb_connection = unix:/var/run/ovn/ovnsb_db.sock
CONF
exec bin/neutrino server --config-file var/all-in-one.conf "$@"
