#!/usr/bin/env bash
# Runs the README's two-minute tour: the lines typed at `dok sandbox>` (through dok's piped
# input, which runs them like the prompt does), then each `$ dok …` command.
source "$(dirname "$0")/lib.sh"

README="$ROOT/README.md"
tour="$(sed -n '/^## A two-minute tour/,/^## Commands/p' "$README")"
cd "$WORK" && ln -s "$ROOT/examples" examples
strip() { sed -E 's/ {2,}# .*$//'; }
printf '%s\n' "$tour" | grep -E '^    dok sandbox> ' | sed -E 's/^    dok sandbox> //' | strip >"$WORK/typed.txt"
check "the tour types at least six lines" test "$(wc -l <"$WORK/typed.txt")" -ge 6
"$DOK_BIN" <"$WORK/typed.txt" >"$WORK/tour.out" 2>"$WORK/tour.err"
check "the typed lines run without an error" test $? -eq 0
check "the deploy ends done" grep -qx "done" "$WORK/tour.out"
check ":record stop wrote deploy.dok" test -s "$WORK/deploy.dok"
printf '%s\n' "$tour" | grep -E '^    \$ dok ' | sed -E 's/^    \$ dok //' | strip >"$WORK/commands.txt"
check "the tour runs at least three dok commands" test "$(wc -l <"$WORK/commands.txt")" -ge 3
while IFS= read -r cmd; do
  # shellcheck disable=SC2086
  "$DOK_BIN" $cmd >"$WORK/cmd.out" 2>"$WORK/cmd.err"
  check "dok $cmd" test $? -eq 0
done <"$WORK/commands.txt"
finish
