#!/usr/bin/env bash
# Paths at the prompt (issue 21): Tab completes a path one name at a time, quoting a name with a
# space, and :ls shows the tree — through a real pseudo-terminal, against the built-in sandbox.
source "$(dirname "$0")/lib.sh"

start --deploy-seconds 30

type_text '$p = project.create name="my shop"'; keys Enter
wait_for "→ \$1" 5
type_text 'application.create name=web environmentId=$p.environment.environmentId'; keys Enter
wait_for "→ \$2" 5
clear_screen
type_text "application.one application=my"; keys Tab
check "application=my<Tab> completes the project, quoted" wait_for 'dok sandbox> application.one application="my shop/' 5
type_text "w"; keys Tab
check "then the default environment's service, closing the quote" wait_for 'dok sandbox> application.one application="my shop/web" ' 5
keys Enter
check "the path is resolved and the call answers" wait_for '"name": "web"' 5
clear_screen
type_text ":ls"; keys Enter
check ":ls shows the tree with the service's kind and status" bash -c "$(declare -f screen); SESSION=$SESSION; for i in \$(seq 100); do screen | grep -qE '^my shop +project' && screen | grep -qE '^    web +application +idle' && exit 0; sleep 0.05; done; exit 1"
keys C-d
check "Ctrl-D exits" wait_for "EXITED-0" 5

finish
