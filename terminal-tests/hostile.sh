#!/usr/bin/env bash
# The REPL against a misbehaving server (dok-hostile-server, serving the catalogue the Swift
# tests use: DokTestSupport's HostileCase): invalid JSON, a truncated body, a reset, silence, half
# a head, a body that trickles in forever, an oversized body, a 5xx HTML page, a redirect loop
# and an off-site redirect. Each gives a clear error and the REPL stays usable; the other host
# never sees the key.
source "$(dirname "$0")/lib.sh"
KEY="dok-hostile-KEY-2c9d51"
HOSTILE_BIN="$(dirname "$DOK_BIN")/dok-hostile-server"
[ -x "$HOSTILE_BIN" ] || { echo "not ok - $HOSTILE_BIN is missing (swift build builds it)"; exit 1; }
"$HOSTILE_BIN" "$WORK/ports" "$WORK/seen" &
SERVER_PID=$!
for _ in $(seq 50); do [ -s "$WORK/ports" ] && break; sleep 0.1; done
PORT=$(cut -d' ' -f1 "$WORK/ports")

start --url "http://127.0.0.1:$PORT" --api-key "$KEY" --timeout 2 --max-reply-size 1MB

# hostile PROC PHRASE N: the call fails with PHRASE, then `print "alive-N"` still works.
hostile() {
  local proc="$1" phrase="$2" n="$3"
  type_text "hostile.$proc"; keys Enter
  check "hostile.$proc: $phrase" wait_for "$phrase" 15
  type_text "print \"alive-$n\""; keys Enter
  check "the REPL is usable after hostile.$proc" wait_for "alive-$n" 5
}

hostile badJson "not JSON" 1
hostile truncated "closed the connection before the whole reply arrived" 2
hostile reset "reset the connection before the reply was complete" 3
hostile silent "within 2 s (--timeout)" 4
hostile halfHeaders "within 2 s (--timeout)" 41
hostile trickle "did not arrive in full within 2 s (--timeout)" 42
hostile huge "larger than the 1 MB limit (--max-reply-size)" 5
hostile html500 "HTTP 500 Internal Server Error" 6
hostile loop "redirect loop" 7
type_text "hostile.offsite"; keys Enter
check "an off-site redirect is followed" wait_for "the-other-host" 10
check "the other host never saw the key" bash -c "[ -s '$WORK/seen' ] && ! grep -qi -e 'x-api-key' -e '$KEY' '$WORK/seen'"
check "no crash on the screen" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -qE 'Fatal error|Stack dump|EXITED-'"
check "the key never appeared on the screen" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -qF '$KEY'"
type_text ':quit'; keys Enter
check "the REPL exits normally" wait_for "EXITED-0" 5

kill "$SERVER_PID" 2>/dev/null
wait "$SERVER_PID" 2>/dev/null
finish
