#!/usr/bin/env bash
# Prints the home directory of a JDK whose major version is >= $1 (default 21).
# Uses $JAVA_HOME if it qualifies, else the first qualifying /usr/lib/jvm/*.
# Usage: JAVA_HOME="$(scripts/java-home.sh)" || exit 1
set -euo pipefail
min="${1:-21}"

# Major version of the JDK at $1 ("1.8.0_x" -> 8, "17.0.2" -> 17, "25" -> 25), or 0.
major() {
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] || { echo 0; return; }
  local v
  v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  v="${v#1.}"; v="${v%%[!0-9]*}"
  echo "${v:-0}"
}

for jdk in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*; do
  if (( $(major "$jdk") >= min )); then echo "$jdk"; exit 0; fi
done
echo "error: no JDK >= $min found (checked \$JAVA_HOME and /usr/lib/jvm/*); install one or set JAVA_HOME" >&2
exit 1
