import DokCore
import Testing

@testable import DokScript

/// Issue 14, bug 10: `--trace` shows a call's arguments as they were sent (resolved values, not
/// the source text), a null as `null`, and secret-looking fields still as `***`.
@Suite struct TraceArgumentTests {
  func trace(_ src: String) async -> [String] {
    let sink = RecordingSink()
    let policy = SecretPolicy()
    let s = Interpreter(host: FakeHost(), sink: sink, options: ScriptOptions(trace: true))
    s.traceRedactor = { policy.redact($0) }
    let o = await s.execute(source: src, file: "t.dok")
    #expect(o.succeeded, "\(o.diagnostics)")
    // What `dok run --trace` writes: the sink masks secret-looking `name=value` words too.
    return sink.traces.map { policy.redactArguments(in: $0.line) }
  }

  @Test func argumentsAreShownResolved() async throws {
    let lines = await trace(
      """
      $a = {id: "abc123", secret: "s3cr3t-value", none: null, n: 3}
      echo.args a=$a.id b=$a.none env=$a.secret c=$a.n title="x y" d=lit
      $r = echo.args a=($a.n + 1) flag=true
      """)
    try #require(lines.count == 3, "\(lines)")
    #expect(
      lines[1].hasPrefix(#"t.dok:2:1: echo.args a="abc123" b=null env=*** c=3 title="x y" d=lit  => "#), "\(lines[1])")
    #expect(lines[2].hasPrefix("t.dok:3:1: $r = echo.args a=4 flag=true  => "), "\(lines[2])")
    #expect(!lines[1].contains("s3cr3t-value"), "\(lines[1])")
    #expect(!lines[1].contains("$a."), "the source text was shown: \(lines[1])")
  }

  @Test func aNullUnderASecretNameIsShownAsNull() async {
    let lines = await trace("echo.args env=null a=1\n")
    #expect(lines.first?.hasPrefix("t.dok:1:1: echo.args env=null a=1  => ") == true, "\(lines)")
  }

  @Test func aCallInsideAnExpressionIsShownResolvedToo() async {
    let lines = await trace("$id = \"abc\"\nprint (application.one applicationId=$id).name\n")
    #expect(lines.last == "t.dok:2:1: print (application.one applicationId=\"abc\").name", "\(lines)")
  }

  @Test func aForOverACallShowsTheCallResolvedOnceBeforeItsBody() async {
    let lines = await trace("$id = \"abc\"\nfor $k in echo.args a=$id {\n  print $k\n}\n")
    #expect(lines.count == 3, "\(lines)")
    #expect(lines.dropFirst().first == "t.dok:2:1: for $k in echo.args a=\"abc\"", "\(lines)")
    #expect(lines.last?.hasPrefix("t.dok:3:3: print $k") == true, "the header is traced before the body: \(lines)")
  }
}

/// Issue 20, item 7: `--trace` masks text a built-in made from a secret (`upper`, `split`, …),
/// not only the secret itself.
@Suite struct DerivedSecretTraceTests {
  /// Answers `secret.get` with a secret field and learns it, as `DokScriptHost` does.
  struct LearningHost: ScriptHost {
    let policy: SecretPolicy
    func call(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) async throws(CallError) -> JSON {
      let reply: JSON = ["name": "web", "password": "Hunter2-Correct-Horse"]
      policy.learn(from: reply)
      return reply
    }
    func check(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) -> [Diagnostic] { [] }
    func derived(_ output: JSON, from inputs: [JSON]) { policy.learn(derived: output, from: inputs) }
  }

  @Test func valuesMadeFromASecretAreMasked() async throws {
    let sink = RecordingSink()
    let policy = SecretPolicy()
    let s = Interpreter(host: LearningHost(policy: policy), sink: sink, options: ScriptOptions(trace: true))
    s.traceRedactor = { policy.redact($0) }
    let o = await s.execute(
      source: """
        $app = secret.get
        $u = upper($app.password)
        $l = lower($app.password)
        $parts = split($app.password, "-")
        $first = $parts[0]
        $name = upper($app.name)
        """, file: "t.dok")
    #expect(o.succeeded, "\(o.diagnostics)")
    let lines = sink.traces.map(\.line)
    try #require(lines.count == 6, "\(lines)")
    for line in lines { #expect(!line.lowercased().contains("hunter2"), "\(line)") }
    #expect(lines[1].hasSuffix(#"=> "***""#), "\(lines[1])")
    #expect(lines[4].hasSuffix(#"=> "***""#), "\(lines[4])")
    // Text made from what is not secret is shown.
    #expect(lines[5].hasSuffix(#"=> "WEB""#), "\(lines[5])")
  }
}
