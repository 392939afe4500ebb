import DokCore

/// The help pages shown by `:help [topic]` and `dok help <topic>`.
public enum HelpTopics {
  /// Topic names, in the order `:help` lists them.
  public static let names = ["language", "calls", "deploys", "waits", "completion", "paths", "meta", "exit-codes", "config"]

  /// The text of a topic; nil for an unknown one.
  public static func text(_ topic: String?) -> String? {
    switch topic {
    case nil, "":
      return """
        dok: the Dokploy API at a prompt. A line is a statement of the .dok language:
          application.one applicationId=abc        call a procedure (Tab completes names, parameters, values)
          $app = application.one applicationId=abc keep a result; every result is also $_, $1, $2…
          print $app.name, $1.applicationStatus    paths into results
          PROC?  or  :describe PROC                what a procedure takes
        Topics: \(names.joined(separator: ", ")) — :help TOPIC
        """
    case "language":
      return """
        Values: numbers (42, 2.5), strings ("double" with ${expr} and \\n escapes, 'single' raw),
        true, false, null, arrays [1, "a"], objects {name: "x"}, durations 250ms 2s 5m 1h.
        Variables: $name; $_ is the last call result; $1, $2… number call results (the last 10,000 are kept;
        calls inside a wait's condition count too).
        Paths: $app.name, $p.environments[0].environmentId, $o["odd key"], negative indexes count from the end.
        Operators (loosest first): || && ! (== != < <= > >= in) (+ -) (* / %) unary -; `$a || $b || "d"`
        gives a default even when $a and $b were never set. Comparisons do not chain.
        Numbers: 7 / 2 is 3.5; % keeps the left sign; overflow, division by zero and integers past ±2^53
        that would be rounded are runtime errors (exit 6). Printing is shortest: 1e-7, 1e21, 3.
        Built-ins: len keys values contains startsWith filter map find any all env now json parse str num.
        Statements: $v = …; print a, b; if c { } else if d { } else { }; for $x in xs { }; while c { };
        break; continue; deploy …; wait …; sleep 2s; assert c, "message"; try { } catch $err { }; exit N; source "f.dok".
        In a runbook a bare expression is an error (use assert or print); at the prompt it shows its value.
        try/catch: $err.message is an assert's own message, $err.assertion the comparison that failed.
        exit takes an integer 0–255; at the prompt exit [N] ends the session with N.
        In a wait's until condition a path through null is null (it waits on).
        Call arguments: `#` and `,` inside a bare word are text (a comment needs a space before #);
        ${…} needs quotes. Script arguments (dok run f.dok name=2024 list:=[1]) keep their text for
        string parameters and interpolation; `_` and digits are not argument names.
        """
    case "calls":
      return """
        router.procedure name=value …   bare words are typed by the parameter's schema:
          replicas=3 → 3, name=123 → "123", autoDeploy=true → true, description=null → null (where nullable)
        name:=<json>      raw JSON:   ports:=[{"publishedPort":80,"targetPort":80}]
        name=@path        a file's text:   env=@.env.production   (regular files up to 16 MB; ~ expands; @"a b.txt")
        name:=@file.json  a file's JSON:   ports:=@ports.json
        name=             the empty string
        Unknown or missing parameters and values that cannot fit are errors before anything is sent.
        In expressions a call stands in parentheses: (application.one applicationId=$id).applicationStatus
        """
    case "paths":
      return PathsHelp.text
    case "deploys":
      return """
        deploy <call> [every 2s] [timeout 15m]      queue a deploy and follow THAT deployment to its end
          $d = deploy application.deploy applicationId=$id          (also redeploy, compose.deploy/redeploy,
          deploy compose.redeploy composeId=$c timeout 10m           previewDeployment.redeploy, postgres.deploy …)
        A real Dokploy queues deploys and shows the previous status until its worker takes the job, so
        waiting for applicationStatus "done" can return the last deploy's "done" at once. `deploy` notes
        the existing deployments, sends the call, waits for ITS new one (phase queued), then follows it
        (phase running), printing its build log live. The result is the deployment row.
        Without a description= of yours, deploy sends one naming the run ("dok 3fa9c01b (deploy.dok:12)",
        shown in Dokploy's UI) and follows the row carrying it, whatever else is queued for the service.
        With yours, the server's queue (deployment.queueList) says how many deploys with the same
        description were ahead; when two new rows could still be ours: DEPLOY_AMBIGUOUS (exit 7, both rows
        in $err.deployments), never a guess. A row pruned while followed (11 are kept): DEPLOY_LOST.
        error/cancelled → DEPLOY_FAILED (exit 7) with the log's last lines ($err.deployment, $err.log in a
        catch); timeout → WAIT_TIMEOUT (exit 5) naming the phase; Ctrl-C stops following (the deploy goes on).
        Databases deploy inside the request: deploy follows postgres.one (…) until applicationStatus ends;
        a 500 with the row turned error is DEPLOY_FAILED ($err.log from <kind>.readLogs when offered).
        From a shell: dok call application.deploy applicationId=ID --wait [--wait-timeout 15m]
        """
    case "waits":
      return """
        wait <call> until <condition> [every 2s] [timeout 5m]
        wait until <condition> [every …] [timeout …]
        The call is repeated until the condition holds; `.` and $_ are the latest result:
          wait application.one applicationId=$id until len(.domains) > 0 every 1s timeout 2m
        To follow a deploy use `deploy` (:help deploys): a status can be the previous deploy's.
        Transport errors are retried, one attempt per `every`, until the timeout; an attempt still in flight
        at the timeout is cancelled — calls inside the condition too. An API error ends the wait. Ctrl-C cancels it.
        On timeout (exit 5) the condition, the last values of its operands, elapsed time and attempts are shown.
        """
    case "completion":
      return """
        Tab completes procedure names, parameters not given yet (required first), enum values, true/false/null,
        $variables and paths into their values, meta commands and their arguments. One Tab completes as far as
        the candidates agree; a second lists them with hints. After a procedure one Tab inserts its first missing
        required parameter and a second lists all its parameters with their types.
          application.deploy applicationId=<Tab><Tab>  the IDs seen in results, each with the name of what it identifies
          application.deploy applicationId=$a.<Tab>    $a.applicationId first: the member named like the parameter
          wait application.one applicationId=$id until .appl<Tab>   paths in that call's latest result
          … until .applicationStatus == <Tab><Tab>     values seen for the field ("done", "error"), then its enum values
        `.` is the current value: in a wait's condition the waited call's latest result, elsewhere $_.
        In bash: source <(dok --generate-completion-script bash); dok call PROC name=<Tab> completes the values.
        """
    case "meta":
      return MetaCommandSpec.all.map { "  " + $0.usage.padding(58) + $0.summary }.joined(separator: "\n") + """

          Ctrl-C drops the line, or a whole open block at ..., or cancels what runs (a query cut short
          changed nothing; a mutation may have reached the server: check with a read). Up recalls a
          multi-line entry whole; Ctrl-R searches it (Enter runs the match; when no line holds what was typed
          it runs nothing and puts back the line). :logs and :env take $variables for IDs. A recording keeps the names typed, assigns a $N it uses at the call
          that made it, and reads secrets from the environment (password=(env("DOK_PASSWORD"))).
          A call that removes, deletes, kills, cleans or stops asks first, naming what it affects:
          remove project 'shop' (2 environments, 3 services)? [y/N] — only y or yes sends it; :set confirm off
          stops asking (piped input and dok run never ask).
        """
    case "exit-codes":
      return ExitStatus.helpTable
    case "config":
      return """
        Server: --url URL --api-key KEY, or DOKPLOY_URL and DOKPLOY_API_KEY (or DOKPLOY_AUTH_TOKEN),
        or a profile in $XDG_CONFIG_HOME/dok/config.toml (dok login --url URL --profile NAME; --profile NAME).
        With no server configured, dok starts its built-in sandbox (a simulated Dokploy) and says so.
        An explicit --profile beats the environment; a key is only sent to the URL it was saved or given with
        (--url B --profile A needs --api-key). dok profiles [list|remove NAME|default NAME]; dok logout [--profile NAME].
        Keys kept elsewhere: api_key_cmd = "pass show dokploy/prod" in a profile (dok login --key-cmd CMD), run when
        needed, the key kept in memory only; DOKPLOY_API_KEY_FILE=PATH reads it from a file (Docker secrets).
        dok doctor checks the connection step by step; dok whoami names the server, version, user, organization, role.
        Files: history $XDG_STATE_HOME/dok/history (0600), caches $XDG_CACHE_HOME/dok, config 0600.
        Startup: $XDG_CONFIG_HOME/dok/init.dok runs before the first prompt (:set lines, definitions).
        Input that is not a terminal (dok < FILE) is exactly dok run -.
        """
    default:
      return nil
    }
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + "  " : self + String(repeating: " ", count: width - count)
  }
}
