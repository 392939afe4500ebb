#!/usr/bin/env bash
# `dok call <Tab>` in bash completes procedure names and parameters through dok itself.
source "$(dirname "$0")/lib.sh"

BIN_DIR="$(dirname "$DOK_BIN")"
"$DOK_BIN" --generate-completion-script bash >"$WORK/dok.bash"
tmux kill-session -t "$SESSION" 2>/dev/null || true
tmux new-session -d -s "$SESSION" -x 160 -y 50 \
  "env -i HOME=$HOME PATH=$BIN_DIR:/usr/bin:/bin XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME TERM=xterm PS1='sh$ ' bash --norc --noprofile"
sleep 0.5
type_text "source $WORK/dok.bash"; keys Enter
sleep 0.3
type_text "dok call application.dep"; keys Tab
check "dok call application.dep<Tab> completes the procedure" wait_for "sh\$ dok call application.deploy" 5
keys C-u
type_text "dok call application.deploy app"; keys Tab
check "dok call PROC app<Tab> completes a parameter" wait_for "sh\$ dok call application.deploy applicationId" 5
keys C-u
type_text "dok call application.saveBuildType buildType=n"; keys Tab
check "enum values complete in the shell too" wait_for "buildType=nixpacks" 5
finish
