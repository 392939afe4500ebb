#!/usr/bin/env bash
# Issue 23 through a real pseudo-terminal, against `dok sandbox` on a free port:
# part 4, a question before a destructive call (the REPL and `dok call` on a terminal answer n,
# then y; `:set confirm off`; `dok run` on a terminal and a piped `dok call` never ask), and
# part 5, the prompt names the profile (or the host) and the server's Dokploy version.
source "$(dirname "$0")/lib.sh"
KEY="confirm-key-1"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
"$DOK_BIN" sandbox --port "$PORT" --api-key "$KEY" >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
# A session that outlives the others keeps the tmux server up between them (a new session made
# while the server of the last one killed is exiting can fail). Its name must not start with
# $SESSION: `kill-session -t NAME` also matches a session by prefix.
tmux new-session -d -s "keep-$SESSION" "sleep 600"
trap 'kill "$SANDBOX_PID" 2>/dev/null; tmux kill-session -t "keep-$SESSION" 2>/dev/null' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "$URL/api/settings.getDokployVersion" && break; sleep 0.1; done
VERSION=$(curl -s -H "x-api-key: $KEY" "$URL/api/settings.getDokployVersion" | tr -d '"')
export DOKPLOY_URL="$URL" DOKPLOY_API_KEY="$KEY"
DOK_ENV="DOKPLOY_URL=$URL DOKPLOY_API_KEY=$KEY"
# dok call, piped (no terminal): the result or the error on the screen of the caller.
api() { "$DOK_BIN" call "$@" </dev/null 2>&1; }
names() { api project.all -o json | grep -oE '"name":"[^"]*"' | tr '\n' ' '; }

# step N: a marker line, so each entry is known to be finished before the next.
step() {
  type_text "print \"step-$1\""; keys Enter
  wait_for_line "step-$1" 10
}

api project.create name=shop >/dev/null
api project.create name=cart >/dev/null

# Part 5: the prompt names the host and the server's version; with a profile, the profile.
start
check "the prompt names the host and the Dokploy version ($VERSION)" wait_for "dok 127.0.0.1:$PORT $VERSION> " 5

# Part 4 at the REPL.
type_text 'project.remove project=shop'; keys Enter
check "project.remove at the prompt asks, naming the project and what it holds" \
  wait_for "remove project 'shop' (1 environment, 0 services)? [y/N] " 10
type_text 'n'; keys Enter
check "n: cancelled, nothing sent" wait_for "cancelled: project.remove was not sent" 5
step 1
check "n: the project is still there" bash -c "$(declare -f api names); DOK_BIN=$DOK_BIN; names | grep -q '\"name\":\"shop\"'"
type_text 'project.remove project=shop'; keys Enter
wait_for "remove project 'shop'" 10
keys C-c
check "Ctrl-C at the question declines" wait_for "cancelled: project.remove was not sent" 5
step 2
check "Ctrl-C: the project is still there" bash -c "$(declare -f api names); DOK_BIN=$DOK_BIN; names | grep -q '\"name\":\"shop\"'"
clear_screen
type_text 'project.remove project=shop'; keys Enter
wait_for "remove project 'shop'" 10
type_text 'y'; keys Enter
step 3
check "y: the project is removed" bash -c "$(declare -f api names); DOK_BIN=$DOK_BIN; ! names | grep -q '\"name\":\"shop\"'"
clear_screen
type_text ':set confirm off'; keys Enter
type_text 'project.remove project=cart'; keys Enter
step 4
check ":set confirm off: removed without a question" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -q 'y/N'"
check ":set confirm off: the project is gone" bash -c "$(declare -f api names); DOK_BIN=$DOK_BIN; ! names | grep -q '\"name\":\"cart\"'"
type_text ':quit'; keys Enter
wait_for "EXITED-" 10

# Part 4 for dok call on a terminal: n exits 1 and sends nothing, y sends.
api project.create name=web-shop >/dev/null
run_call() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  tmux new-session -d -s "$SESSION" -x 160 -y 50 \
    "env -u CI HOME=$HOME XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME TERM=xterm-256color DOKPLOY_URL=$URL DOKPLOY_API_KEY=$KEY $DOK_BIN call $*; echo EXITED-\$?; sleep 30"
}
run_call project.remove project=web-shop
check "dok call on a terminal asks" wait_for "remove project 'web-shop' (1 environment, 0 services)? [y/N] " 10
type_text 'n'; keys Enter
check "dok call: n exits 1 with cancelled" bash -c "$(declare -f screen wait_for); SESSION=$SESSION; wait_for EXITED-1 10 && screen | grep -q 'cancelled: project.remove was not sent'"
check "dok call: n sent nothing" bash -c "$(declare -f api names); DOK_BIN=$DOK_BIN; names | grep -q '\"name\":\"web-shop\"'"
run_call project.remove project=web-shop
wait_for "[y/N]" 10
type_text 'y'; keys Enter
check "dok call: y sends it and exits 0" wait_for "EXITED-0" 10
check "dok call: y removed the project" bash -c "$(declare -f api names); DOK_BIN=$DOK_BIN; ! names | grep -q '\"name\":\"web-shop\"'"
api project.create name=cut-shop >/dev/null
run_call project.remove project=cut-shop
wait_for "[y/N]" 10
keys C-c
check "dok call: Ctrl-C at the question declines (exit 1, nothing sent)" bash -c "$(declare -f screen wait_for api names); SESSION=$SESSION; DOK_BIN=$DOK_BIN; wait_for EXITED-1 10 && names | grep -q '\"name\":\"cut-shop\"'"
run_call project.remove project=cut-shop '| cat'
check "dok call with stdout not a terminal never asks" bash -c "$(declare -f screen wait_for api names); SESSION=$SESSION; DOK_BIN=$DOK_BIN; wait_for EXITED-0 10 && ! screen | grep -q 'y/N' && ! names | grep -q '\"name\":\"cut-shop\"'"
api project.create name=yes-shop >/dev/null
run_call --yes project.remove project=yes-shop
check "dok call --yes does not ask" bash -c "$(declare -f screen wait_for); SESSION=$SESSION; wait_for EXITED-0 10 && ! screen | grep -q 'y/N'"

# Non-interactive runs never ask: a piped dok call, and dok run on a terminal.
api project.create name=piped >/dev/null
check "a piped dok call never asks and sends" bash -c "$(declare -f api names); DOK_BIN=$DOK_BIN; api project.remove project=piped >/dev/null && ! names | grep -q '\"name\":\"piped\"'"
api project.create name=runbook >/dev/null
printf 'project.remove project=runbook\nprint "runbook-done"\n' >"$WORK/remove.dok"
tmux kill-session -t "$SESSION" 2>/dev/null || true
tmux new-session -d -s "$SESSION" -x 160 -y 50 \
  "env -u CI HOME=$HOME XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME TERM=xterm-256color DOKPLOY_URL=$URL DOKPLOY_API_KEY=$KEY $DOK_BIN run $WORK/remove.dok; echo EXITED-\$?; sleep 30"
check "dok run on a terminal never asks" bash -c "$(declare -f screen wait_for); SESSION=$SESSION; wait_for EXITED-0 10 && screen | grep -q runbook-done && ! screen | grep -q 'y/N'"

# Part 5 with a profile: the prompt names the profile and the version.
unset DOKPLOY_URL DOKPLOY_API_KEY
printf '%s\n' "$KEY" | "$DOK_BIN" login --url "$URL" --profile stage >/dev/null 2>&1
DOK_ENV=""
start --profile stage
check "with a profile the prompt names it and the Dokploy version" wait_for "dok stage $VERSION> " 5
type_text ':quit'; keys Enter
wait_for "EXITED-" 10

kill "$SANDBOX_PID" 2>/dev/null
tmux kill-session -t "keep-$SESSION" 2>/dev/null
finish
