#!/usr/bin/env bash
# `deploy` at the REPL through a real pseudo-terminal, against the built-in sandbox: the hint
# after a bare deploy call, the live progress line, the row as the result, Ctrl-C.
source "$(dirname "$0")/lib.sh"

start --deploy-seconds 3

type_text 'project.create name=demo'; keys Enter
wait_for "→ \$1" 5
type_text 'application.create name=web environmentId=$1.environment.environmentId'; keys Enter
wait_for "→ \$2" 5
type_text 'application.saveDockerProvider applicationId=$2.applicationId dockerImage=nginx username=null password=null registryUrl=null'; keys Enter
wait_for "→ \$3" 5

type_text 'application.deploy applicationId=$2.applicationId'; keys Enter
check "a bare deploy call says it was only queued and that deploy follows it" wait_for "deploy queued: the server runs it when its worker is free; \`deploy application.deploy …\` follows it" 5

type_text 'dep'; keys Tab
check "dep<Tab> completes to deploy (shared with the deployment. router)" wait_for "dok sandbox> deploy" 3
type_text ' application.re'; keys Tab
check "after deploy, Tab offers the deploying procedures" wait_for "dok sandbox> deploy application.redeploy" 3
keys C-u

type_text 'deploy application.redeploy applicationId=$2.applicationId every 200ms'; keys Enter
check "a followed deploy shows a live progress line" wait_for "deploy running" 5
keys C-c
check "Ctrl-C stops following and says the deploy goes on" wait_for "the deploy goes on on the server" 5
check "and the prompt is back" wait_for "interrupted; back at the prompt" 5

type_text '$d = deploy application.redeploy applicationId=$2.applicationId every 200ms'; keys Enter
type_text 'print "status", $d.status, len($d.deploymentId) > 0'; keys Enter
check "deploy's result is the finished deployment row" wait_for "status done true" 15
finish
