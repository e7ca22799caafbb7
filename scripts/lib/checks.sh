# Shared by the shell scenarios (source it): counters and the check helpers that print only failures,
# a free TCP port, and waiting for a URL. The caller prints "$passed passed, $failed failed" at the end.
passed=0
failed=0

result() { # description, ok(0/1), detail
  if [ "$2" -eq 0 ]; then passed=$((passed+1)); else failed=$((failed+1)); echo "FAIL: $1: $3"; fi
}

check() { # description, expected substring, command...: output must contain the substring
  local what="$1" want="$2"; shift 2
  local out; out="$("$@" 2>&1)"
  [[ "$out" == *"$want"* ]]; result "$what" $? "expected '$want' in: $out"
}

run() { # description, command...: must exit 0
  local what="$1"; shift
  local out; out="$("$@" 2>&1)"; local rc=$?
  result "$what" $rc "exit $rc: $out"
}

absent() { # description, unexpected substring, command...: must succeed without the substring
  local what="$1" bad="$2"; shift 2
  local out; out="$("$@" 2>&1)"; local rc=$?
  [[ $rc -eq 0 && "$out" != *"$bad"* ]]; result "$what" $? "did not expect '$bad' in: $out"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_for_url() { # url [tries of 0.5 s]: 0 once it answers (any HTTP status)
  local i
  for ((i = 0; i < ${2:-120}; i++)); do curl -s -o /dev/null -m 2 "$1" && return 0; sleep 0.5; done
  return 1
}
