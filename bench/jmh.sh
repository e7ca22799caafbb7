#!/usr/bin/env bash
# JMH micro-benchmarks of the bench module (JSON rendering, address parsing, IPAM address picking).
# Builds the module jar (the annotation processor generates the benchmark list), then runs JMH with
# few iterations. Arguments go to JMH, e.g.:
#   bench/jmh.sh                         # everything, quick settings
#   bench/jmh.sh JsonRender -f 1 -i 5    # one class, more iterations
#   bench/jmh.sh -l                      # list the benchmarks
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
JAVA_HOME="$(bash "$root/scripts/java-home.sh" 21)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "jmh: building neutrino-bench..." >&2
# Offline first (cached dependencies); online to Maven Central when something is missing.
if ! (cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests) >"$log" 2>&1; then
  if ! (cd "$root" && mvn -B -q -pl bench -am package -DskipTests) >"$log" 2>&1; then
    cat "$log" >&2; echo "jmh: build failed" >&2; exit 1
  fi
fi

# Defaults: 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement (the classes' own annotations say the same);
# later arguments override them.
exec java -cp "$root/bench/target/neutrino-bench.jar:$root/bench/target/lib/*" org.openjdk.jmh.Main \
  -f 1 -wi 2 -w 1s -i 3 -r 1s "$@"
