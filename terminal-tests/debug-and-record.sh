#!/usr/bin/env bash
# `dok run --debug` pauses into the REPL; `:record` writes a runbook that replays the same calls.
source "$(dirname "$0")/lib.sh"

cat > "$WORK/failing.dok" <<'DOK'
$p = project.create name=debugme
$x = 41
assert $x == 42, "x should be 42"
print "resumed with", $x, $p.project.name
DOK
start run --debug "$WORK/failing.dok"
check "a failed assert pauses with a banner naming file:line" wait_for "paused at $WORK/failing.dok:3" 10
check "the debug prompt is shown" wait_for "dok debug> " 5
type_text 'print "x is", $x, $p.project.name'; keys Enter
check "the script's variables are available" wait_for "x is 41 debugme" 5
# Ctrl-C at the debug prompt discards the typed line.
type_text 'print "never"'; keys C-c
type_text 'print "debug", "ctrl-c"'; keys Enter
check "Ctrl-C at the dok debug> prompt discards the line" wait_for_line 'debug ctrl-c' 5
check "the discarded line did not run" bash -c "$(declare -f screen); SESSION=$SESSION; ! screen | grep -q '^never'"
type_text '$x = 42'; keys Enter
type_text ':continue'; keys Enter
check ":continue resumes after the failed statement" wait_for "resumed with 42 debugme" 5
check "the run ends with the exit code it would have had" wait_for "EXITED-1" 5

# Record a session, then replay the recording against a fresh sandbox and compare the calls.
start
type_text ":record $WORK/session.dok"; keys Enter
type_text '$p = project.create name=recorded'; keys Enter
type_text 'application.create name=web environmentId=$p.environment.environmentId'; keys Enter
wait_for "→ \$2" 5
type_text 'application.saveDockerProvider applicationId=$2.applicationId dockerImage=nginx:alpine username=null password="hunter2" registryUrl=null'; keys Enter
type_text 'application.nope'; keys Enter
type_text 'application.one applicationId=$2.applicationId'; keys Enter
wait_for "→ \$4" 5
type_text ':record stop'; keys Enter
check ":record stop writes the file" wait_for "wrote 4 entries to $WORK/session.dok" 5
type_text ':quit'; keys Enter
wait_for "EXITED-0" 5
check "the recording names the server and date" grep -q "^# Recorded by dok .* against the dok sandbox" "$WORK/session.dok"
check "secrets are read from the environment on replay, never written" bash -c "! grep -q hunter2 '$WORK/session.dok' && grep -qF 'password=(env(\"DOK_PASSWORD\"))' '$WORK/session.dok'"
check "a \$N used later is assigned at the call that made it" grep -q '^\$r2 = application.create name=web environmentId=\$p.environment.environmentId' "$WORK/session.dok"
check "references keep to the recording's own variables" grep -q 'application.one applicationId=\$r2.applicationId' "$WORK/session.dok"
check "the failed entry is not recorded" bash -c "! grep -q application.nope '$WORK/session.dok'"
check "the recording file is 0600" bash -c "[ \"\$(stat -c %a '$WORK/session.dok')\" = 600 ]"
DOK_PASSWORD=hunter2 "$DOK_BIN" run --trace "$WORK/session.dok" >"$WORK/replay.out" 2>"$WORK/replay.err"
check "the recording replays successfully" test $? -eq 0
grep -oE ':[0-9]+:[0-9]+: (\$[a-z0-9_]+ = )?[a-z]+\.[a-zA-Z]+' "$WORK/replay.err" | sed -E 's/.*: (\$[a-z0-9_]+ = )?//' >"$WORK/replayed.txt"
printf 'project.create\napplication.create\napplication.saveDockerProvider\napplication.one\n' >"$WORK/expected.txt"
check "the replay sends the same sequence of procedures" diff "$WORK/expected.txt" "$WORK/replayed.txt"

finish
