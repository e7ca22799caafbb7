#!/usr/bin/env bash
# Ensures Open vSwitch and OVN (central + host) are installed and running WITHOUT systemd:
#   - ovsdb-server + ovs-vswitchd (userspace datapath: bridges use datapath_type=netdev),
#   - ovn-northd with its NB and SB ovsdb-servers (unix sockets /var/run/ovn/ovnnb_db.sock and
#     ovnsb_db.sock, plus TCP 127.0.0.1:6641 for NB and 127.0.0.1:6642 for SB),
#   - ovn-controller attached to br-int, chassis "neutrino-ci", geneve encap on 127.0.0.1,
#   - the provider bridge br-ex (netdev) mapped to physical network "public"
#     (ovn-bridge-mappings) and the chassis flagged as a gateway (ovn-cms-options
#     enable-chassis-as-gw), so routers' external gateways are scheduled here.
# Idempotent: safe on a fresh machine and on one where everything already runs.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

SYSTEM_ID="${OVN_SYSTEM_ID:-neutrino-ci}"
NB_TCP_PORT="${OVN_NB_TCP_PORT:-6641}"
SB_TCP_PORT="${OVN_SB_TCP_PORT:-6642}"
OVS_CTL=/usr/share/openvswitch/scripts/ovs-ctl
OVN_CTL=/usr/share/ovn/scripts/ovn-ctl
PHYSNET="${OVN_PHYSNET:-public}"
EXT_BRIDGE="${OVN_EXT_BRIDGE:-br-ex}"
NB_SOCK=/var/run/ovn/ovnnb_db.sock
SB_SOCK=/var/run/ovn/ovnsb_db.sock

as_root() { if (( EUID == 0 )); then "$@"; else sudo "$@"; fi; }
log() { echo "ovn-services: $*" >&2; }
fail() { log "$*"; exit 1; }

# Runs "$@" showing its output only when it fails (ovs-ctl complains harmlessly about ulimit in containers).
quietly() {
  local out
  if ! out="$("$@" 2>&1)"; then echo "$out" >&2; return 1; fi
}

# Runs "$@" until it succeeds, at most $1 half-seconds (first argument).
wait_for() {
  local tries="$1"; shift
  for _ in $(seq "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  "$@" >/dev/null 2>&1
}

# --- install (only what is missing) ----------------------------------------------
# (dpkg -s also succeeds for a package removed with its config files left: check the status)
installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }
missing=()
for pkg in ovn-central ovn-host openvswitch-switch; do
  installed "$pkg" || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Open vSwitch (ovsdb-server + ovs-vswitchd) -------------------------------------
# No kernel module is needed: every bridge here uses the userspace (netdev) datapath.
# ovs-ctl tries to load the module and gives up on forwarding when that fails, so when
# the module cannot be loaded, ovs-vswitchd is started through a stub modprobe.
if ! as_root "$OVS_CTL" status >/dev/null 2>&1; then
  if as_root modprobe -q openvswitch 2>/dev/null; then
    quietly as_root "$OVS_CTL" start --system-id="$SYSTEM_ID"
  else
    stub="$(mktemp -d)"
    trap 'rm -rf "$stub"' EXIT
    printf '#!/bin/sh\nexit 0\n' >"$stub/modprobe"
    chmod +x "$stub/modprobe"
    quietly as_root env PATH="$stub:$PATH" "$OVS_CTL" start --system-id="$SYSTEM_ID"
  fi
fi
wait_for 40 as_root ovs-vsctl --timeout=2 show || fail "Open vSwitch did not start (see /var/log/openvswitch/)"

# --- OVN central: northd + NB/SB ovsdb-servers --------------------------------------
if ! as_root "$OVN_CTL" status_northd >/dev/null 2>&1 \
   || ! as_root "$OVN_CTL" status_ovsdb >/dev/null 2>&1; then
  quietly as_root "$OVN_CTL" start_northd
fi
wait_for 40 as_root ovn-nbctl --db="unix:$NB_SOCK" --timeout=2 show || fail "OVN NB database did not start (see /var/log/ovn/)"
wait_for 40 as_root ovn-sbctl --db="unix:$SB_SOCK" --timeout=2 show || fail "OVN SB database did not start (see /var/log/ovn/)"

# TCP listeners (set-connection replaces the Connection rows, so repeating it is harmless).
as_root ovn-nbctl --db="unix:$NB_SOCK" set-connection "ptcp:$NB_TCP_PORT:127.0.0.1"
as_root ovn-sbctl --db="unix:$SB_SOCK" set-connection "ptcp:$SB_TCP_PORT:127.0.0.1"

# --- chassis configuration and the integration bridge --------------------------------
as_root ovs-vsctl set open . \
  external-ids:ovn-remote="unix:$SB_SOCK" \
  external-ids:ovn-encap-type=geneve \
  external-ids:ovn-encap-ip=127.0.0.1 \
  external-ids:system-id="$SYSTEM_ID" \
  external-ids:ovn-bridge-datapath-type=netdev
as_root ovs-vsctl --may-exist add-br br-int -- set bridge br-int datapath_type=netdev fail-mode=secure

# The provider bridge of flat/VLAN networks on $PHYSNET and the gateway-chassis flag. Mappings and
# CMS options other tools added are kept: ours are merged into the existing comma-separated lists.
as_root ovs-vsctl --may-exist add-br "$EXT_BRIDGE" -- set bridge "$EXT_BRIDGE" datapath_type=netdev
merged() { # current-list item -> the list with item added once
  local cur="$1" item="$2"
  case ",$cur," in *",$item,"*) echo "$cur" ;; ,,) echo "$item" ;; *) echo "$cur,$item" ;; esac
}
ext_id() { as_root ovs-vsctl --if-exists get open . "external-ids:$1" 2>/dev/null | tr -d '"'; }
mappings="$(ext_id ovn-bridge-mappings)"
case ",$mappings," in
  *",$PHYSNET:"*) ;;  # this physnet is already mapped (maybe elsewhere on purpose): leave it
  *) as_root ovs-vsctl set open . external-ids:ovn-bridge-mappings="$(merged "$mappings" "$PHYSNET:$EXT_BRIDGE")" ;;
esac
cms="$(ext_id ovn-cms-options)"
[ "$(merged "$cms" enable-chassis-as-gw)" = "$cms" ] \
  || as_root ovs-vsctl set open . external-ids:ovn-cms-options="$(merged "$cms" enable-chassis-as-gw)"

# --- OVN host: ovn-controller ---------------------------------------------------------
if ! as_root "$OVN_CTL" status_controller >/dev/null 2>&1; then
  quietly as_root "$OVN_CTL" start_controller
fi

# --- verify -----------------------------------------------------------------------------
wait_for 40 as_root ovn-nbctl --db="tcp:127.0.0.1:$NB_TCP_PORT" --timeout=2 show \
  || fail "OVN NB database not reachable on tcp:127.0.0.1:$NB_TCP_PORT"
wait_for 40 as_root ovn-sbctl --db="tcp:127.0.0.1:$SB_TCP_PORT" --timeout=2 show \
  || fail "OVN SB database not reachable on tcp:127.0.0.1:$SB_TCP_PORT"
chassis_seen() { as_root ovn-sbctl --db="unix:$SB_SOCK" --timeout=2 --bare --columns=name find Chassis name="$SYSTEM_ID" | grep -qx "$SYSTEM_ID"; }
wait_for 40 chassis_seen || fail "ovn-controller did not register chassis $SYSTEM_ID (see /var/log/ovn/ovn-controller.log)"

echo "ovn-services: OVN NB on unix:$NB_SOCK and tcp:127.0.0.1:$NB_TCP_PORT, SB on unix:$SB_SOCK and tcp:127.0.0.1:$SB_TCP_PORT, chassis $SYSTEM_ID (gateway) on br-int, $PHYSNET on $EXT_BRIDGE (netdev) ready"
