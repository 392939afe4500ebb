#!/usr/bin/env bash
# Secret hygiene: with a distinctive API key, drive dok every way it can meet the key (REPL with
# --api-key and with DOKPLOY_API_KEY, :curl, :record, API errors, dok run --trace --verbose,
# dok call --curl/--verbose, dok login with the key on stdin, profiles), then search every file
# dok wrote and everything it printed for the key. Only config.toml may hold it, mode 0600.
source "$(dirname "$0")/lib.sh"
KEY="dok-secret-KEY-7f3a9c"
OUT="$WORK/out"
mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
# The sandbox is the server here: its banner repeats the key it was given, so its output is
# kept outside $WORK and not searched.
SANDBOX_LOG="$(mktemp /tmp/dok-sandbox.XXXXXX)"
"$DOK_BIN" sandbox --port "$PORT" --api-key "$KEY" --deploy-seconds 1 >"$SANDBOX_LOG" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 100); do curl -s -o /dev/null "$URL/api/settings.getDokployVersion" && break; sleep 0.1; done

# step N: a marker line, so each entry is known to be finished before the next.
step() {
  type_text "print \"step-$1\""; keys Enter
  wait_for_line "step-$1" 10
}
save_screen() { tmux capture-pane -p -J -t "$SESSION" -S - -E - >"$OUT/$1"; }

# 1. The REPL with --api-key.
start --url "$URL" --api-key "$KEY"
type_text 'project.create name=shop'; keys Enter
check "REPL (--api-key): a call works" wait_for "→ \$1" 10
type_text ':curl'; keys Enter
check ":curl names \$DOKPLOY_API_KEY instead of the key" wait_for 'x-api-key: $DOKPLOY_API_KEY' 5
type_text ":record $WORK/rec.dok"; keys Enter
step 1
type_text 'application.create name=web environmentId=$1.environment.environmentId'; keys Enter
check "REPL: a second call works" wait_for "→ \$2" 10
type_text 'application.saveEnvironment applicationId=$2.applicationId env="TOKEN=abc" buildArgs=null buildSecrets=null createEnvFile=true'; keys Enter
step 2
type_text 'application.one applicationId=nope'; keys Enter
check "REPL: an API error is shown" wait_for "NOT_FOUND" 10
type_text 'project.all'; keys Enter
step 3
type_text ':record stop'; keys Enter
step 4
type_text ':history'; keys Enter
step 5
type_text ':quit'; keys Enter
check "REPL (--api-key) exits" wait_for "EXITED-0" 10
save_screen repl-flag.txt

# 2. The REPL with DOKPLOY_URL and DOKPLOY_API_KEY in the environment.
DOK_ENV="DOKPLOY_URL=$URL DOKPLOY_API_KEY=$KEY" start --verbose
type_text 'project.all'; keys Enter
step 6
check "REPL (DOKPLOY_API_KEY): a call works" bash -c "$(declare -f screen); SESSION=$SESSION; screen | grep -q 'shop'"
type_text ':curl'; keys Enter
step 7
type_text 'project.create'; keys Enter
step 8
type_text 'application.one applicationId=nope'; keys Enter
check "REPL (env): an API error is shown" wait_for "NOT_FOUND" 10
type_text ':quit'; keys Enter
check "REPL (env) exits" wait_for "EXITED-0" 10
save_screen repl-env.txt
tmux kill-session -t "$SESSION" 2>/dev/null

# 3. Commands.
cat >"$WORK/run.dok" <<'DOK'
$p = project.all
print "projects", len($p)
try {
  application.one applicationId=nope
} catch $e {
  print "caught", $e
}
project.create name="from-run"
application.one applicationId=nope
DOK
"$DOK_BIN" run --trace --verbose --report "junit=$WORK/report.xml" --report "tap=$WORK/report.tap" --url "$URL" --api-key "$KEY" "$WORK/run.dok" >"$OUT/run.out" 2>"$OUT/run.err"
check "dok run --trace --verbose: the API error exits 3" test $? -eq 3
check "dok run --verbose shows the key header masked" grep -qF 'x-api-key: ***' "$OUT/run.err"
DOKPLOY_URL="$URL" DOKPLOY_API_KEY="$KEY" "$DOK_BIN" run --trace "$WORK/run.dok" >"$OUT/run-env.out" 2>"$OUT/run-env.err"
check "dok run (env key): exits 3" test $? -eq 3
"$DOK_BIN" call project.all --curl --url "$URL" --api-key "$KEY" >"$OUT/curl.out" 2>"$OUT/curl.err"
check "dok call --curl prints \$DOKPLOY_API_KEY" grep -qF '$DOKPLOY_API_KEY' "$OUT/curl.out"
"$DOK_BIN" call project.all --verbose --url "$URL" --api-key "$KEY" >"$OUT/verbose.out" 2>"$OUT/verbose.err"
check "dok call --verbose works" test $? -eq 0
"$DOK_BIN" call project.create --no-validate --url "$URL" --api-key "$KEY" >"$OUT/api-error.out" 2>"$OUT/api-error.err"
check "dok call with wrong arguments: 400, exit 3" bash -c "[ $? -eq 3 ] && grep -q 'BAD_REQUEST 400' '$OUT/api-error.err'"
"$DOK_BIN" call project.all --url "$URL" --api-key "wrong-$KEY" >"$OUT/wrong-key.out" 2>"$OUT/wrong-key.err"
check "a wrong key: exit 3" test $? -eq 3
printf '%s\n' "$KEY" | "$DOK_BIN" login --url "$URL" --profile p >"$OUT/login.out" 2>"$OUT/login.err"
check "dok login with the key on stdin" test $? -eq 0
printf '%s\n' "wrong-$KEY" | "$DOK_BIN" login --url "$URL" --profile q >"$OUT/login-wrong.out" 2>"$OUT/login-wrong.err"
check "dok login with a wrong key fails" test $? -ne 0
"$DOK_BIN" profiles >"$OUT/profiles.out" 2>"$OUT/profiles.err"
check "dok profiles lists p" grep -q 'p' "$OUT/profiles.out"
"$DOK_BIN" call project.all --profile p -o json >"$OUT/profile-call.out" 2>"$OUT/profile-call.err"
check "a call through the profile works" grep -q 'shop' "$OUT/profile-call.out"
"$DOK_BIN" call project.create --no-validate --profile p --verbose >"$OUT/profile-error.out" 2>"$OUT/profile-error.err"
check "an API error through the profile: exit 3" test $? -eq 3
"$DOK_BIN" run --profile p "$WORK/rec.dok" >"$OUT/replay.out" 2>"$OUT/replay.err"
REPLAY=$?
check "the recording replays (exit 0)" test "$REPLAY" -eq 0
[ "$REPLAY" -eq 0 ] || sed 's/^/    | /' "$WORK/rec.dok" "$OUT/replay.err"
# Keys kept outside dok (issue 23): a key file (outside $WORK, like a mounted secret) read by
# DOKPLOY_API_KEY_FILE and by a profile's api_key_cmd; dok doctor and dok whoami with them.
KEY_FILE="$(mktemp /tmp/dok-key.XXXXXX)"
printf '%s\n' "$KEY" >"$KEY_FILE"
DOKPLOY_URL="$URL" DOKPLOY_API_KEY_FILE="$KEY_FILE" "$DOK_BIN" call project.all -o json >"$OUT/key-file.out" 2>"$OUT/key-file.err"
check "DOKPLOY_API_KEY_FILE gives the key" grep -q 'shop' "$OUT/key-file.out"
"$DOK_BIN" login --url "$URL" --profile c --key-cmd "cat $KEY_FILE" >"$OUT/login-cmd.out" 2>"$OUT/login-cmd.err"
check "dok login --key-cmd" test $? -eq 0
"$DOK_BIN" doctor --profile c >"$OUT/doctor.out" 2>"$OUT/doctor.err"
check "dok doctor through api_key_cmd passes" test $? -eq 0
"$DOK_BIN" doctor --profile c --output json --verbose >"$OUT/doctor-json.out" 2>"$OUT/doctor-json.err"
"$DOK_BIN" whoami --profile c >"$OUT/whoami.out" 2>"$OUT/whoami.err"
check "dok whoami through api_key_cmd" grep -q 'role:' "$OUT/whoami.out"
"$DOK_BIN" doctor --url "$URL" --api-key "wrong-$KEY" >"$OUT/doctor-wrong.out" 2>"$OUT/doctor-wrong.err"
check "dok doctor with a wrong key fails (exit 1)" test $? -eq 1
rm -f "$KEY_FILE"

# 4. The search: every file under the isolated home except config.toml, and all captured output.
CONFIG="$XDG_CONFIG_HOME/dok/config.toml"
HISTORY="$XDG_STATE_HOME/dok/history"
check "config.toml exists and holds the key" grep -qF "$KEY" "$CONFIG"
check "config.toml is 0600" test "$(stat -c %a "$CONFIG")" = 600
check "the history exists and is 0600" test "$(stat -c %a "$HISTORY" 2>/dev/null)" = 600
check "the recording exists and is 0600" test "$(stat -c %a "$WORK/rec.dok" 2>/dev/null)" = 600
check "the recording masks the secret-looking env value" bash -c "! grep -q 'TOKEN=abc' '$WORK/rec.dok'"
check "the reports were written" test -s "$WORK/report.xml" -a -s "$WORK/report.tap"
check "the REPL screens were captured" bash -c "[ -s '$OUT/repl-flag.txt' ] && [ -s '$OUT/repl-env.txt' ] && grep -q step-5 '$OUT/repl-flag.txt'"
echo "planted $KEY" >"$OUT/canary.txt"
check "the search finds a planted key (the search works)" bash -c "grep -rlaF '$KEY' '$WORK' --exclude=config.toml | grep -q canary.txt"
rm -f "$OUT/canary.txt"
FILES=$(find "$WORK" -type f ! -path "$CONFIG" | wc -l)
HITS=$(grep -rlaF "$KEY" "$WORK" --exclude=config.toml)
check "no file or output holds the key ($FILES files searched)" test -z "$HITS"
[ -n "$HITS" ] && echo "$HITS" | sed 's/^/    key found in: /'

kill "$SANDBOX_PID" 2>/dev/null
wait "$SANDBOX_PID" 2>/dev/null
rm -f "$SANDBOX_LOG"
finish
