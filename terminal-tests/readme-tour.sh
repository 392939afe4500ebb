#!/usr/bin/env bash
# Runs the README's two-minute tour: each line typed at `dok sandbox>` is typed, exactly as
# written (comments included), into the REPL in a real terminal; then each `$ dok …` command.
source "$(dirname "$0")/lib.sh"

README="$ROOT/README.md"
tour="$(sed -n '/^## A two-minute tour/,/^## Commands/p' "$README")"
cd "$WORK" && ln -s "$ROOT/examples" examples
printf '%s\n' "$tour" | grep -E '^    dok sandbox> ' | sed -E 's/^    dok sandbox> //' >"$WORK/typed.txt"
check "the tour types at least six lines" test "$(wc -l <"$WORK/typed.txt")" -ge 6

# The whole scrollback (the tour prints more than a screen).
everything() { tmux capture-pane -p -J -t "$SESSION" -S -; }
prompts() { everything | grep -cE '^dok sandbox>'; }

start
cd "$WORK"
while IFS= read -r line; do
  before=$(prompts)
  type_text "$line"; keys Enter
  [ "$line" = ":quit" ] && break
  # Wait (up to 60 s) for the next prompt.
  for ((i = 0; i < 1200; i++)); do
    [ "$(prompts)" -gt "$before" ] && break
    sleep 0.05
  done
done <"$WORK/typed.txt"
check "dok exits 0 at the end of the tour" wait_for "EXITED-0" 10
check "no typed line gave an error" bash -c "! tmux capture-pane -p -J -t $SESSION -S - | grep -E '(^| )error:'"
check "the deploy ends done" bash -c "tmux capture-pane -p -J -t $SESSION -S - | grep -qx done"
check "application.deploy? (with its comment) describes the procedure" bash -c "tmux capture-pane -p -J -t $SESSION -S - | grep -q '^application.deploy  POST /api/application.deploy'"
check ":record stop wrote deploy.dok" test -s "$WORK/deploy.dok"

strip() { sed -E 's/ {2,}# .*$//'; }
printf '%s\n' "$tour" | grep -E '^    \$ dok ' | sed -E 's/^    \$ dok //' | strip >"$WORK/commands.txt"
check "the tour runs at least three dok commands" test "$(wc -l <"$WORK/commands.txt")" -ge 3
while IFS= read -r cmd; do
  # shellcheck disable=SC2086
  "$DOK_BIN" $cmd >"$WORK/cmd.out" 2>"$WORK/cmd.err"
  check "dok $cmd" test $? -eq 0
done <"$WORK/commands.txt"
finish
