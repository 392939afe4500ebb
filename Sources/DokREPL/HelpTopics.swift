/// The help pages shown by `:help [topic]` and `dok help <topic>`.
public enum HelpTopics {
  /// Topic names, in the order `:help` lists them.
  public static let names = ["language", "calls", "waits", "meta", "exit-codes", "config"]

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
        Variables: $name; $_ is the last call result; $1, $2… every call result in order.
        Paths: $app.name, $p.environments[0].environmentId, $o["odd key"], negative indexes count from the end.
        Operators (loosest first): || && ! (== != < <= > >= in) (+ -) (* / %) unary -.
        Built-ins: len keys values contains startsWith filter map find any all env now json parse str num.
        Statements: $v = …; print a, b; if c { } else if d { } else { }; for $x in xs { }; while c { };
        break; continue; wait …; sleep 2s; assert c, "message"; try { } catch $err { }; exit N; source "f.dok".
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
    case "waits":
      return """
        wait <call> until <condition> [every 2s] [timeout 5m]
        wait until <condition> [every …] [timeout …]
        The call is repeated until the condition holds; `.` and $_ are the latest result:
          wait application.one applicationId=$id until .applicationStatus in ["done", "error"] every 1s timeout 2m
        Transport errors are retried until the timeout; an API error ends the wait. Ctrl-C cancels it.
        On timeout (exit 5) the condition, the last values of its operands, elapsed time and attempts are shown.
        """
    case "meta":
      return MetaCommandSpec.all.map { "  " + $0.usage.padding(58) + $0.summary }.joined(separator: "\n") + """

          Ctrl-C drops the line, or a whole open block at ..., or cancels what runs. Up recalls a
          multi-line entry whole. A recording keeps the names typed, assigns a $N it uses at the call
          that made it, and reads secrets from the environment (password=(env("DOK_PASSWORD"))).
        """
    case "exit-codes":
      return """
        0 ok · 1 assertion failed or `exit 1` · 2 usage, syntax or check error · 3 API error reply (4xx/5xx)
        4 transport error (connect, TLS, timeout, bad reply) · 5 wait timed out
        6 runtime error (undefined variable, type error, bad path, division by zero) · 130 interrupted
        """
    case "config":
      return """
        Server: --url URL --api-key KEY, or DOKPLOY_URL and DOKPLOY_API_KEY (or DOKPLOY_AUTH_TOKEN),
        or a profile in $XDG_CONFIG_HOME/dok/config.toml (dok login --url URL --profile NAME; --profile NAME).
        With no server configured, dok starts its built-in sandbox (a simulated Dokploy) and says so.
        An explicit --profile beats the environment; a key is only sent to the URL it was saved or given with
        (--url B --profile A needs --api-key). dok profiles [list|remove NAME|default NAME]; dok logout [--profile NAME].
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
