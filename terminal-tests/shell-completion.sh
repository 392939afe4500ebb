#!/usr/bin/env bash
# `dok call <Tab>` in bash completes procedure names and parameters through dok itself.
source "$(dirname "$0")/lib.sh"

BIN_DIR="$(dirname "$DOK_BIN")"
"$DOK_BIN" --generate-completion-script bash >"$WORK/dok.bash"

# bash_complete LINE WORD…: runs the completion function in a bash subprocess as bash calls it
# for LINE split into WORDs (bash splits at `=`: right after `name=` the last word is `=` and the
# current word is empty), and prints the candidates sorted, one a line.
bash_complete() {
  local line="$1"
  shift
  PATH="$BIN_DIR:$PATH" timeout 20 bash --norc --noprofile -c '
    source "$1"
    COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
    shift 2
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    cur="${COMP_WORDS[COMP_CWORD]}"; [ "$cur" = "=" ] && cur=""
    _dok dok "$cur" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$WORK/dok.bash" "$line" "$@" | sort | tr '\n' ' '
}
check "bash completes every enum value right after name= (application.update sourceType=)" \
  test "$(bash_complete "dok call application.update applicationId=x sourceType=" dok call application.update applicationId = x sourceType =)" \
  = "bitbucket docker drop git gitea github gitlab "
check "bash completes enum values after name=PREFIX" \
  test "$(bash_complete "dok call application.update applicationId=x sourceType=gi" dok call application.update applicationId = x sourceType = gi)" \
  = "git gitea github gitlab "
check "bash completes booleans after name= (application.update autoDeploy=)" \
  test "$(bash_complete "dok call application.update applicationId=x autoDeploy=" dok call application.update applicationId = x autoDeploy =)" \
  = "false null true "
tmux kill-session -t "$SESSION" 2>/dev/null || true
tmux new-session -d -s "$SESSION" -x 160 -y 50 \
  "env -i HOME=$HOME PATH=$BIN_DIR:/usr/bin:/bin XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_STATE_HOME=$XDG_STATE_HOME TERM=xterm PS1='sh$ ' bash --norc --noprofile"
wait_for "sh\$ " 10 || { echo "bash did not show a prompt"; screen; }
type_text "source $WORK/dok.bash && echo dok-completion-sourced"; keys Enter
wait_for_line "dok-completion-sourced" 10 || { echo "sourcing dok.bash did not finish"; screen; }
type_text "dok call application.dep"; keys Tab
check "dok call application.dep<Tab> completes the procedure" wait_for "sh\$ dok call application.deploy" 5
keys C-u
type_text "dok call application.deploy app"; keys Tab
check "dok call PROC app<Tab> completes a parameter" wait_for "sh\$ dok call application.deploy applicationId" 5
type_text "abc"
check "a parameter name completes as name= with no space or quoting after it" \
  wait_for "sh\$ dok call application.deploy applicationId=abc" 5
keys C-u
type_text "dok call application.saveBuildType buildType=n"; keys Tab
check "enum values complete in the shell too" wait_for "buildType=nixpacks" 5
keys C-u
type_text "dok call application.update applicationId=x sourceType="; keys Tab Tab
check "sourceType=<Tab><Tab> lists the enum values in the shell" wait_for "bitbucket  docker" 5
finish
