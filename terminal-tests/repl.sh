#!/usr/bin/env bash
# The REPL through a real pseudo-terminal, against the built-in sandbox.
source "$(dirname "$0")/lib.sh"

start --deploy-seconds 30

# Completion of procedure names, parameters and enum values.
type_text "applic"; keys Tab
check "applic<Tab> completes to application." wait_for "dok sandbox> application." 3
type_text "dep"; keys Tab
check "application.dep<Tab> completes to application.deploy" wait_for "dok sandbox> application.deploy " 3
keys Tab
check "application.deploy <Tab> offers applicationId=" wait_for "dok sandbox> application.deploy applicationId=" 3
keys Tab
check "a second Tab lists the parameters with their types (as the README says)" bash -c "$(declare -f screen); SESSION=$SESSION; for i in \$(seq 60); do screen | grep -qE '^applicationId= +required string' && screen | grep -qE '^title= +string' && exit 0; sleep 0.05; done; exit 1"
keys C-u
type_text "application.saveBuildType buildType="; keys Tab Tab
check "buildType=<Tab><Tab> lists the build types, values alone" bash -c "$(declare -f screen); SESSION=$SESSION; for i in \$(seq 60); do screen | grep -qE '(^| )heroku_buildpacks( |\$)' && screen | grep -qE '(^| )railpack( |\$)' && ! screen | grep -q 'buildType=heroku' && exit 0; sleep 0.05; done; exit 1"
keys C-u

# Results, $N and paths into them.
type_text 'project.create name=demo'; keys Enter
check "a call prints its result and its \$N" wait_for "→ \$1" 5
type_text '$1.'; keys Tab Tab
check "\$1.<Tab> lists the keys of the first result" bash -c "$(declare -f screen); SESSION=$SESSION; screen | grep -qE '^\\\$1.project +object' && screen | grep -qE '^\\\$1.environment +object'"
keys C-u
type_text 'application.create name=web environmentId=$1.environment.environmentId'; keys Enter
wait_for "→ \$2" 5
APP_ID=$(screen | grep -oE '"applicationId": "[^"]+"' | head -n 1 | cut -d'"' -f4)
type_text "application.one applicationId="; keys Tab
check "applicationId=<Tab> offers an ID seen earlier" wait_for "application.one applicationId=$APP_ID" 3
keys C-u
type_text 'application.one applicationId=$2.'; keys Tab
check "applicationId=\$2.<Tab> inserts \$2.applicationId, the member named like the parameter" wait_for 'dok sandbox> application.one applicationId=$2.applicationId ' 3
keys C-u
type_text 'application.create name=api environmentId=$1.environment.environmentId'; keys Enter
wait_for "→ \$3" 5
type_text "application.one applicationId="; keys Tab Tab Tab
check "applicationId=<Tab><Tab> lists the IDs seen with the names of the applications" bash -c "$(declare -f screen); SESSION=$SESSION; for i in \$(seq 60); do screen | grep -qE '^$APP_ID +web \\(app-' && screen | grep -qE '^[A-Za-z0-9_-]+ +api \\(app-' && exit 0; sleep 0.05; done; exit 1"
keys C-u
type_text "application.one applicationId=$APP_ID"; keys Enter
wait_for "→ \$4" 5
type_text '$s = compose.create name=other environmentId=$1.environment.environmentId'; keys Enter
wait_for "→ \$5" 5
type_text "wait application.one applicationId=$APP_ID until .applicationSt"; keys Tab
check "in a wait condition .<Tab> completes from the waited call's latest result" wait_for "until .applicationStatus " 3
# The first Tab inserts the common `"`, the next two list.
type_text "== "; keys Tab Tab Tab
check "after == two Tabs list the values seen and the document's" bash -c "$(declare -f screen); SESSION=$SESSION; for i in \$(seq 60); do screen | grep -qE '^\"idle\" +seen, in the document' && screen | grep -qE '^\"error\" +in the document' && exit 0; sleep 0.05; done; exit 1"
keys C-u

# A multi-line for block continues on a ... prompt and runs.
type_text 'for $i in 1..3 {'; keys Enter
check "an open block continues on a ... prompt" wait_for "... " 3
type_text '  print "item", $i * 10'; keys Enter
type_text '}'; keys Enter
check "the multi-line for block runs" wait_for "item 30" 5
keys Up Enter
check "Up brings the whole block back as one history entry (and Enter runs it)" bash -c "$(declare -f screen); SESSION=$SESSION; for i in \$(seq 60); do [ \$(screen | grep -c '^item 30\$') -ge 2 ] && exit 0; sleep 0.05; done; exit 1"

# Ctrl-C during a long wait returns to the prompt; the REPL still works.
type_text 'application.saveDockerProvider applicationId=$2.applicationId dockerImage=nginx username=null password=null registryUrl=null'; keys Enter
type_text 'application.deploy applicationId=$2.applicationId'; keys Enter
# The deploy call has answered once its result's number is shown (lines run in order).
wait_for_line "→ \$7" 5
type_text 'wait application.one applicationId=$2.applicationId until .applicationStatus == "done" every 200ms timeout 5m'; keys Enter
check "a wait shows one live progress line (elapsed, attempts, operands)" wait_for 'attempts): .applicationStatus == "done"  (left: "running", right: "done")' 5
keys C-c
check "Ctrl-C during a wait returns to the prompt with a note" wait_for "interrupted; back at the prompt" 5
type_text 'print "still", "alive"'; keys Enter
check "the REPL works after the interrupted wait" wait_for "still alive" 5

# Ctrl-C at the prompt discards the line (if Ctrl-C did nothing, the typed text would join the
# next line and `after ctrl-c` would never be printed on a line of its own).
type_text 'print "never"'; keys C-c
check "Ctrl-C at the prompt echoes ^C" wait_for '^C' 3
type_text 'print "after", "ctrl-c"'; keys Enter
check "Ctrl-C at the prompt discards the line" wait_for_line 'after ctrl-c' 5
check "the discarded line did not run" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -q '^never'"
# ... and at a `...` prompt it abandons the whole open block (closing it must not run it).
type_text 'for $i in 1..2 {'; keys Enter
type_text '  print "in", "block"'; keys Enter
# Wait for the SECOND `...` prompt: "... " is on the screen as soon as the first line is typed,
# and a Ctrl-C sent before the editor reads again (between lines) is not at a prompt.
for ((i = 0; i < 60; i++)); do
  [ "$(screen | sed 's/[[:space:]]*$//' | grep -v '^$' | tail -1)" = "..." ] && break
  sleep 0.05
done
keys C-c
# Text typed before the Ctrl-C is taken would be discarded with the line: wait for the fresh prompt.
for ((i = 0; i < 100; i++)); do
  [ "$(screen | sed 's/[[:space:]]*$//' | grep -v '^$' | tail -1)" = "dok sandbox>" ] && break
  sleep 0.05
done
type_text 'print "fresh", "prompt"'; keys Enter
check "Ctrl-C at a ... prompt gives a fresh prompt" wait_for_line 'fresh prompt' 5
type_text '}'; keys Enter
# Lines run in order: once a later line has printed, the `}` was read, and the block did not run.
type_text 'print "after", "block"'; keys Enter
check "a line after the abandoned block runs" wait_for_line 'after block' 5
check "the abandoned block never runs" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -q '^in block'"

# A result taller than the terminal goes through the pager ($PAGER here marks its lines);
# `:set pager off` prints it directly.
tmux kill-session -t "$SESSION" 2>/dev/null || true
DOK_ENV="PAGER='sed s/^/PAGED:/'" start
type_text 'project.create name=tall'; keys Enter
wait_for "→ \$1" 5
type_text '$p = $1'; keys Enter
type_text 'application.create name=tall environmentId=$p.environment.environmentId'; keys Enter
check "a tall result goes through \$PAGER" wait_for 'PAGED:  "applicationId"' 5
check "a short result is printed directly" bash -c "$(declare -f screen); SESSION=$SESSION; screen | grep -q '^  \"project\": {'"
type_text ':set pager off'; keys Enter
type_text 'application.create name=direct environmentId=$p.environment.environmentId'; keys Enter
check ":set pager off prints a tall result directly" wait_for '  "name": "direct",' 5
check "... not through the pager" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -q 'PAGED:  \"name\": \"direct\"'"
type_text ':quit'; keys Enter
wait_for "EXITED-0" 5
start --deploy-seconds 30

# Meta commands.
type_text ':describe application.deploy'; keys Enter
check ":describe shows the parameter table" wait_for "applicationId  string" 3
type_text 'application.one?'; keys Enter
check "PROC? describes" wait_for "application.one  GET /api/application.one" 3

# History survives a restart, is 0600, and never holds a key-bearing line.
type_text 'print "--api-key secret-in-history"'; keys Enter
wait_for "secret-in-history" 3
type_text ':quit'; keys Enter
check "dok exits on :quit" wait_for "EXITED-0" 5
HIST="$XDG_STATE_HOME/dok/history"
check "the history file exists with mode 0600" bash -c "[ \"\$(stat -c %a '$HIST')\" = 600 ]"
check "no key-bearing line in the history" bash -c "! grep -q 'secret-in-history' '$HIST'"
start
keys Up
check "history survives a restart (Up recalls the last line)" wait_for "dok sandbox> :quit" 3
keys Up
check "Up again recalls the line before" wait_for "dok sandbox> application.one?" 3
keys C-u
keys C-r
type_text "describe app"
keys Enter
check "Ctrl-R finds an earlier line by a word in it" wait_for "applicationId  string" 5
keys C-d
check "Ctrl-D on an empty line exits" wait_for "EXITED-0" 5
check "the terminal is restored after Ctrl-D" wait_for "TTY: icanon echo" 3

# SIGTERM while at the prompt: exit 143, terminal restored, history saved.
start
type_text 'print "before term"'; keys Enter
wait_for "before term" 3
pkill -TERM -f "^$DOK_BIN\$" || pkill -TERM -x dok
check "SIGTERM exits 143" wait_for "EXITED-143" 5
check "the terminal is restored after SIGTERM" wait_for "TTY: icanon echo" 3
check "history is saved on SIGTERM" grep -q "before" "$XDG_STATE_HOME/dok/history"

finish
