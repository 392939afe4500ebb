# Helpers for driving dok through a real pseudo-terminal with tmux (send-keys / capture-pane).
# Each test file sources this, calls `check NAME COMMAND…`, and ends with `finish`.
set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOK_BIN="${DOK_BIN:-$ROOT/.build/debug/dok}"
# Absolute, so tests may change directory.
case "$DOK_BIN" in /*) ;; *) DOK_BIN="$PWD/$DOK_BIN" ;; esac
SESSION="dok-term-$$-$RANDOM"
WORK="$(mktemp -d /tmp/dok-term.XXXXXX)"
export XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" XDG_STATE_HOME="$WORK/state" HOME="$WORK"
# CI is unset: with it, `dok run`/`dok call` refuse the automatic sandbox (CI runs these with CI=true).
unset DOKPLOY_URL DOKPLOY_API_KEY DOKPLOY_AUTH_TOKEN NO_COLOR CI
PASS=0
FAIL=0

# start ARGS…: starts dok in a fresh 160x50 tmux session and waits for the prompt (PAGER=cat
# unless DOK_ENV sets another, so tall results never stop in less).
start() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  # Killing the last session ends the tmux server; a new session asked for while it exits fails
  # ("server exited unexpectedly"): ask again (bounded).
  local attempt
  for attempt in 1 2 3 4 5; do
    tmux new-session -d -s "$SESSION" -x 160 -y 50 \
      "env -u CI HOME=$HOME XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME TERM=xterm-256color PAGER=cat ${DOK_ENV:-} $DOK_BIN $*; echo EXITED-\$?; stty -a | grep -oE '(^| )-?(icanon|echo)( |\$)' | tr -d ' ' | tr '\\n' ' ' | sed 's/^/TTY: /'; echo; sleep 30" 2>/dev/null && break
  done
  wait_for "> " 20 || { echo "dok did not show a prompt"; screen; }
}

keys() { tmux send-keys -t "$SESSION" "$@"; }
# type TEXT: sends literal text (no key-name interpretation).
type_text() { tmux send-keys -t "$SESSION" -l -- "$1"; }
screen() { tmux capture-pane -p -J -t "$SESSION" -S -200; }
# clear_screen: Ctrl-L, then (once the visible screen holds at most the prompt's line, within 5 s)
# drops the scrollback.
clear_screen() {
  local i
  tmux send-keys -t "$SESSION" C-l
  for ((i = 0; i < 100; i++)); do
    [ "$(tmux capture-pane -p -t "$SESSION" | grep -c .)" -le 1 ] && break
    sleep 0.05
  done
  tmux clear-history -t "$SESSION"
}

# wait_for TEXT [SECONDS]: true once TEXT is on the screen.
wait_for() {
  local text="$1" limit="${2:-10}" i
  for ((i = 0; i < limit * 20; i++)); do
    screen | grep -qF -- "$text" && return 0
    sleep 0.05
  done
  return 1
}

# wait_for_line TEXT [SECONDS]: true once a whole screen line equals TEXT (output, not an echo).
wait_for_line() {
  local text="$1" limit="${2:-10}" i
  for ((i = 0; i < limit * 20; i++)); do
    screen | grep -qxF -- "$text" && return 0
    sleep 0.05
  done
  return 1
}

# prompt_line: the last line that holds a prompt.
prompt_line() { screen | grep -E '^(dok [^>]*> |\.\.\. )' | tail -n 1; }

check() {
  local name="$1"
  shift
  if "$@"; then
    PASS=$((PASS + 1))
    echo "ok - $name"
  else
    FAIL=$((FAIL + 1))
    echo "not ok - $name"
    screen | grep -v "^ *$" | tail -n 25 | sed "s/^/    | /"
  fi
}

finish() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  rm -rf "$WORK"
  echo "terminal: $PASS passed, $FAIL failed"
  [ "$FAIL" -eq 0 ]
}
