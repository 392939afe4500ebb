import DokCore
import Foundation
import Testing

@testable import DokScript

/// The REPL-facing API: persistent state, incompleteness, events, hooks, interruption.
@Suite struct InterpreterTests {
  func session(_ options: ScriptOptions = ScriptOptions(), host: FakeHost = FakeHost()) -> (Interpreter, RecordingSink) {
    let sink = RecordingSink()
    return (Interpreter(host: host, sink: sink, options: options), sink)
  }

  @Test func stateIsKeptBetweenEntries() async {
    let (s, sink) = session()
    #expect(await s.execute(source: "$x = 2").exitCode == 0)
    #expect(await s.execute(source: "counter.next").exitCode == 0)
    #expect(await s.execute(source: "counter.next").exitCode == 0)
    #expect(await s.execute(source: "print $x * 10, $_, $1, $2").exitCode == 0)
    #expect(sink.printed == ["20 2 1 2"])
    #expect(s.results == [1, 2])
    #expect(s.lastResult == 2)
    #expect(s.variables.map(\.name) == ["x"])
    #expect(s.variable("x") == 2)
    // A failing entry keeps what ran before it.
    let bad = await s.execute(source: "$y = 1; $z = $nope")
    #expect(bad.exitCode == 6)
    #expect(s.variable("y") == 1)
    #expect(await s.execute(source: "print $y").exitCode == 0)
  }

  @Test func replResultsAndCallEvents() async {
    let (s, sink) = session()
    _ = await s.execute(source: "application.one applicationId=abc")
    _ = await s.execute(source: "$p = project.all")
    _ = await s.execute(source: "1 + 1")
    #expect(sink.results.count == 2)
    #expect(sink.results[0].1 == 1)
    #expect(sink.results[1].0 == 2)
    #expect(sink.results[1].1 == nil)
    #expect(sink.calls.map(\.procedure) == ["application.one", "project.all"])
    #expect(sink.calls[0].argumentsText == "applicationId=abc")
    #expect(
      sink.calls[0].arguments == [
        CallArgument(name: "applicationId", value: .bare("abc"), location: sink.calls[0].arguments[0].location)
      ])
    #expect(sink.calls[1].statement == "$p = project.all")
    #expect(sink.calls[1].resultIndex == 2)
  }

  @Test func incompleteInput() {
    #expect(Script.isIncomplete("if $x {"))
    #expect(Script.isIncomplete("print \"abc"))
    #expect(Script.isIncomplete("$x = (1 +"))
    #expect(Script.isIncomplete("$a = [1,"))
    #expect(Script.isIncomplete("print \"${$x"))
    #expect(Script.isIncomplete("for $i in 1..3 {\n  print $i\n"))
    #expect(!Script.isIncomplete("if $x { print 1 }"))
    #expect(!Script.isIncomplete("print \"{ not a block\""))
    #expect(!Script.isIncomplete("print 1 # { comment"))
    #expect(!Script.isIncomplete("print 'raw ${'"))
  }

  @Test func scriptArgumentsAreTyped() {
    #expect(Script.typeArgument("3") == 3)
    #expect(Script.typeArgument("-2.5") == -2.5)
    #expect(Script.typeArgument("true") == true)
    #expect(Script.typeArgument("null") == .null)
    #expect(Script.typeArgument("1e5") == "1e5")
    #expect(Script.typeArgument("abc") == "abc")
    #expect(Script.typeArgument("1.") == "1.")
    guard case .success(let args) = Script.parseArguments(["a=1", "b=x=y"]) else {
      Issue.record("parse failed")
      return
    }
    #expect(args.map(\.name) == ["a", "b"])
    #expect(args[1].value == "x=y")
    if case .success = Script.parseArguments(["novalue"]) { Issue.record("should fail") }
  }

  @Test func traceReportsEachStatement() async {
    let (s, sink) = session(ScriptOptions(trace: true))
    _ = await s.execute(source: "$x = 1\nif $x == 1 {\n  counter.next\n}\nprint \"hi\"", file: "t.dok")
    let lines = sink.traces.map(\.line)
    #expect(
      lines == ["t.dok:1:1: $x = 1  => 1", "t.dok:2:1: if $x == 1", "t.dok:3:3: counter.next  => 1", "t.dok:5:1: print \"hi\""])
  }

  @Test func waitReportsProgress() async {
    let (s, sink) = session()
    let o = await s.execute(source: "wait application.one applicationId=a until .applicationStatus == \"done\" every 3s")
    #expect(o.exitCode == 0)
    #expect(sink.progress.count == 3)
    #expect(sink.progress.last?.finished == true)
    #expect(sink.progress.last?.attempts == 3)
    #expect(
      sink.progress[0].line == "waiting 0s (1 attempt): .applicationStatus == \"done\"  (left: \"running\", right: \"done\")")
    #expect(sink.progress[1].elapsed == 3)
  }

  @Test func debugHookCanContinue() async {
    let host = FakeHost(decision: .continue)
    let (s, sink) = session(ScriptOptions(debug: true), host: host)
    let o = await s.execute(source: "print 1\nassert false\n$x = 1 / 0\nassert false\nprint 2", file: "d.dok")
    // The run goes on to the end, but the failures continued past still fail it, with the
    // worst code as under --keep-going (the first one's code was kept).
    #expect(o.exitCode == 6)
    #expect(sink.printed == ["1", "2"])
    #expect(host.failures.withLock { $0.map(\.exitCode) } == [1, 6, 1])
    // The hook showed each failure (the debug pause's banner); continuing does not print it again.
    #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
  }

  @Test func debugHookCanAbort() async {
    let host = FakeHost(decision: .abort)
    let (s, sink) = session(ScriptOptions(debug: true), host: host)
    let o = await s.execute(source: "print 1\nfor $i in [1] { fail.api x=1 }\nprint 2")
    #expect(o.exitCode == 3)
    #expect(sink.printed == ["1"])
    #expect(host.failures.withLock { $0.count } == 1)
  }

  @Test func interruptionStopsLoopsAndSleeps() async {
    struct SlowHost: ScriptHost {
      func call(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) async throws(CallError) -> JSON {
        .null
      }
      func check(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) -> [Diagnostic] { [] }
    }
    for source in ["while true { }", "sleep 1h", "wait until false every 1s timeout 1h", "for $i in 1..100000000000 { $x = $i }"]
    {
      let s = Interpreter(host: SlowHost())
      let task = Task { await s.execute(source: source) }
      try? await Task.sleep(nanoseconds: 50_000_000)
      task.cancel()
      let o = await task.value
      #expect(o.exitCode == 130, "\(source)")
    }
  }

  @Test func checkReportsWithoutRunning() {
    let host = FakeHost()
    let ds = Script.check(source: "application.one\nbreak\n$x = (", file: "c.dok", host: host)
    #expect(
      ds.map(\.message) == [
        "missing required parameter 'applicationId' for application.one",
        // Reported although the file also has a syntax error (issue 14, bug 10).
        "'break' outside a loop",
        "unclosed '(': expected ')' before the end of the input",
      ])
    let ds2 = Script.check(source: "application.one\nbreak", file: "c.dok", host: host)
    #expect(ds2.map(\.message) == ["missing required parameter 'applicationId' for application.one", "'break' outside a loop"])
    #expect(host.calls.isEmpty)
    #expect(Script.check(source: "application.one applicationId=x", file: "c.dok", host: host, validate: false).isEmpty)
  }

  @Test func sourcedFileErrorsNameThatFile() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dokscript-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "$y = $x + 1\n$z = 1 / 0\n".write(to: dir.appendingPathComponent("inc.dok"), atomically: true, encoding: .utf8)
    let main = dir.appendingPathComponent("main.dok").path
    let (s, _) = session()
    let o = await s.execute(source: "$x = 1\nsource \"inc.dok\"", file: main)
    #expect(o.exitCode == 6)
    #expect(s.variable("y") == 2)
    #expect(o.diagnostics.first?.location?.file == dir.appendingPathComponent("inc.dok").path)
    #expect(o.diagnostics.first?.location?.line == 2)
    #expect(s.sourceText(file: dir.appendingPathComponent("inc.dok").path) != nil)
  }
}
