#!/usr/bin/env bash
# The REPL's first-hour edges through a real pseudo-terminal (issue 20, item 8): Ctrl-D after a
# Ctrl-C, `exit N`, Ctrl-R searches that find nothing, the `→ $N` line after a paged result.
source "$(dirname "$0")/lib.sh"

# prompts_at_least N [SECONDS]: true once N prompt lines are on the screen (the editor reads
# again: a key sent before that would not be at a prompt).
prompts_at_least() {
  local n="$1" limit="${2:-5}" i
  for ((i = 0; i < limit * 20; i++)); do
    [ "$(screen | grep -c '^dok sandbox> ')" -ge "$n" ] && return 0
    sleep 0.05
  done
  return 1
}

# Ctrl-D exits after a Ctrl-C at the prompt (an EINTR left by the Ctrl-C made every later Ctrl-D
# look like one more Ctrl-C: `dok sandbox> ^D^C` and a new prompt, forever).
start
keys C-c
prompts_at_least 2
keys C-d
check "Ctrl-D exits after a Ctrl-C on an empty line" wait_for "EXITED-0" 5
check "... and the terminal is restored" wait_for "TTY: icanon echo" 3
start
type_text 'print "never"'; keys C-c
prompts_at_least 2
keys C-d
check "Ctrl-D exits after typing and a Ctrl-C" wait_for "EXITED-0" 5
start
type_text 'abc'; keys C-d C-c
prompts_at_least 2
keys C-d
check "Ctrl-D exits after typing, a Ctrl-D on the typed text, then a Ctrl-C" wait_for "EXITED-0" 5

# `exit N` ends the session with N (it did nothing); a bad N keeps the REPL up.
start
type_text 'exit 300'; keys Enter
check "exit 300 is an error" wait_for "exit needs a whole number from 0 to 255" 5
type_text 'exit 3'; keys Enter
check "exit 3 ends the REPL with status 3" wait_for "EXITED-3" 5
check "... and the terminal is restored" wait_for "TTY: icanon echo" 3

# A result taller than the terminal goes through the pager ($PAGER marks its lines); its `→ $N`
# line is printed after it, on its own (it was the pager's last line, gone when quit early).
tmux kill-session -t "$SESSION" 2>/dev/null || true
DOK_ENV="PAGER='sed s/^/PAGED:/'" start
type_text 'project.create name=tall'; keys Enter
wait_for "→ \$1" 5
type_text 'application.create name=tall environmentId=$1.environment.environmentId'; keys Enter
check "a tall result goes through the pager" wait_for 'PAGED:  "applicationId"' 5
check "its → \$2 line is shown after the pager, not in it" wait_for_line '→ $2' 5
check "... and only once" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -q 'PAGED:→'"
DOK_ENV=""

# Ctrl-R: Enter after a search that found nothing runs nothing (libedit's search ran the last
# partial match: `two` then `zzz` ran `print "two", "B"` again).
start
type_text 'print "one", "A"'; keys Enter
wait_for_line 'one A' 5
type_text 'print "two", "B"'; keys Enter
wait_for_line 'two B' 5
# count_lines TEXT: how many screen lines equal TEXT.
count_lines() { screen | grep -cxF -- "$1"; }
keys C-r; type_text 'zzz'
check "a search that finds nothing says so" wait_for "(failed search)\`zzz': " 3
keys Enter
type_text 'print "marker", "1"'; keys Enter
check "Enter after it runs nothing (the next line runs)" wait_for_line 'marker 1' 5
check "... and no history line ran" bash -c "[ \$($(declare -f screen count_lines); SESSION=$SESSION; count_lines 'two B') -eq 1 ] && [ \$($(declare -f screen count_lines); SESSION=$SESSION; count_lines 'one A') -eq 1 ]"
keys C-r; type_text 'two'
check "a search shows its match" wait_for "(search)\`two': print \"two\", \"B\"" 3
type_text 'zzz'
check "... then fails as the pattern grows" wait_for "(failed search)\`twozzz': " 3
keys Enter
type_text 'print "marker", "2"'; keys Enter
check "Enter after a search that failed past a match does not run the match" wait_for_line 'marker 2' 5
check "... (print \"two\" ran once)" bash -c "[ \$($(declare -f screen count_lines); SESSION=$SESSION; count_lines 'two B') -eq 1 ]"
type_text 'print "typed", "T"'; keys C-r; type_text 'zzz'; keys Enter
check "the line typed before a failed search is put back, not run" wait_for 'dok sandbox> print "typed", "T"' 3
keys C-u
keys C-r; type_text 'one'; keys Enter
check "Enter on a match runs it" bash -c "$(declare -f screen count_lines); SESSION=$SESSION; for i in \$(seq 100); do [ \$(count_lines 'one A') -eq 2 ] && exit 0; sleep 0.05; done; exit 1"
check "the typed line did not run" bash -c "$(declare -f screen count_lines); SESSION=$SESSION; [ \$(count_lines 'typed T') -eq 0 ]"
keys C-r; type_text 'two'; keys C-c
check "Ctrl-C during a search gives a fresh prompt" wait_for '^C' 3
keys C-d
check "... and Ctrl-D still exits" wait_for "EXITED-0" 5

finish
