import Testing

/// `dok call` in its common forms skips ArgumentParser (`QuickParse`); everything else goes
/// through it. With `DOK_DEBUG_PARSE=dump` the binary prints which parser took the line and
/// every parsed property, and runs nothing; `full,dump` forces ArgumentParser. For each
/// line below both must give the same command (or the same error and exit status).
@Suite struct QuickParseTests {
  /// Lines the quick parse must take.
  static let quick: [[String]] = [
    ["call", "settings.health"],
    ["call", "project.create", "name=shop", "description=", "env:={\"a\":1}", "file=@notes.txt"],
    ["call", "--url", "http://127.0.0.1:3000", "settings.health"],
    [
      "call", "settings.health", "--url=http://x/api", "--api-key", "k", "--profile", "p", "--transport", "trpc", "--insecure",
      "--timeout", "2.5", "--max-reply-size", "512KB", "--verbose", "--no-validate",
    ],
    [
      "call", "--sandbox", "--deploy-seconds", "0.5", "--queue-delay=2", "application.deploy", "applicationId=a", "--wait",
      "--wait-timeout", "1m", "--wait-every=1s",
    ],
    ["call", "-o", "json", "x.y", "a:=[1]", "--columns", "a,b", "--curl", "--spec", "/f.json", "--no-cache"],
    ["call", "x.y", "--output=table", "a=1", "b=2"],
    ["call", "x.y", "--output", "yaml", "--transport=openapi", "--timeout", "1e1"],
    ["call", "x.y", ""],
    ["call", "x.y", "not-name-value"],
    ["call", "x.y", "--wait-timeout", "soon"],
  ]

  /// Lines left to ArgumentParser (whatever it makes of them: a command or an error).
  static let full: [[String]] = [
    ["call"],
    ["call", "--url", "http://x"],
    ["call", "x.y", "--bogus"],
    ["call", "x.y", "-o", "xml"],
    ["call", "x.y", "-o=json"],
    ["call", "x.y", "-ojson"],
    ["call", "x.y", "--transport", "grpc"],
    ["call", "x.y", "--timeout", "0"],
    ["call", "x.y", "--timeout", "abc"],
    ["call", "x.y", "--timeout", "-1"],
    ["call", "x.y", "--deploy-seconds", "x"],
    ["call", "x.y", "--max-reply-size", "lots"],
    ["call", "x.y", "--url"],
    ["call", "x.y", "--url=", "--columns="],
    ["call", "x.y", "--url", "--insecure"],
    ["call", "x.y", "--insecure", "--insecure"],
    ["call", "x.y", "--url", "a", "--url", "b"],
    ["call", "x.y", "--insecure=yes"],
    ["call", "x.y", "--", "-a=1"],
    ["call", "x.y", "-"],
    ["call", "--help"],
    ["call", "x.y", "-h"],
    ["call", "x.y", "help"],
    ["call", "x.y", "--version"],
  ]

  static func parse(_ args: [String], _ mode: String) throws -> DokProcess.Result {
    try DokProcess.run(args, environment: DokProcess.isolatedEnvironment(["DOK_DEBUG_PARSE": mode]), timeout: 60)
  }

  @Test(arguments: quick) func theQuickParseTakesTheCommonCallsAndAgreesWithArgumentParser(_ args: [String]) throws {
    let quick = try Self.parse(args, "dump")
    let full = try Self.parse(args, "full,dump")
    #expect(quick.status == 0 && full.status == 0, "\(quick.stderr)\(full.stderr)")
    #expect(quick.stdout.hasPrefix("quick CallCommand("), "\(quick.stdout)")
    #expect(full.stdout.hasPrefix("full CallCommand("), "\(full.stdout)")
    #expect(quick.stdout.dropFirst("quick ".count) == full.stdout.dropFirst("full ".count))
    #expect(!quick.stdout.contains("definition"), "a property the quick parse left unset: \(quick.stdout)")
  }

  @Test(arguments: full) func everyOtherCallLineGetsArgumentParsersAnswer(_ args: [String]) throws {
    let auto = try Self.parse(args, "dump")
    let full = try Self.parse(args, "full,dump")
    #expect(!auto.stdout.hasPrefix("quick "), "\(auto.stdout)")
    #expect(auto.status == full.status)
    #expect(auto.stdout == full.stdout)
    #expect(auto.stderr == full.stderr)
  }
}
