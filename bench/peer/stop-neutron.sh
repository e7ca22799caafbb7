#!/usr/bin/env bash
# Stops the neutron-server that setup-neutron.sh started from --dir (its whole process group:
# parent and workers). With --drop-db also drops its database. Idempotent.
#
#   bench/peer/stop-neutron.sh [--dir DIR] [--drop-db mariadb|postgresql] [--database NAME]
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../lib.sh"

dir="${TMPDIR:-/tmp}/neutrino-bench/neutron"
drop=""
database=neutrino_bench_peer
while (($#)); do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --drop-db) drop="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
stop_group "$dir/neutron-server.pid"
[[ -z "$drop" ]] || db_drop "$drop" "$database"
