import DokCore
import Foundation
import Testing

@testable import DokScript

/// Issue 20, item 3: every failure that ends a run, or that the run went on past, is a failed
/// case of its JUnit and TAP reports, and the counts are true (a red run never reads green).
@Suite struct ReportFailureTests {
  /// Runs `source` as a runbook; returns the exit code and the cases it recorded.
  func run(_ source: String, options: ScriptOptions = ScriptOptions(), host: FakeHost = FakeHost()) async -> (
    Int32, [TestCase]
  ) {
    let s = Interpreter(host: host, options: options)
    let o = await s.execute(source: source, file: "r.dok")
    return (o.exitCode, s.testCases)
  }

  /// The `<testsuite>` counts and each `<testcase>`'s failure or error element, as parsed.
  func junit(_ cases: [TestCase]) -> (suite: [String: String], elements: [(String, [String: String])]) {
    let xml = JUnitReport.render(cases, suite: "r.dok")
    let (ok, e) = JUnitShapeTests.parse(xml)
    #expect(ok, "not well-formed: \(xml)")
    let elements = e.all.filter { ["failure", "error"].contains($0.name) }.map { ($0.name, $0.attributes) }
    return (e.named("testsuite").first ?? [:], elements)
  }

  /// The TAP plan and each test line's `ok`/`not ok`.
  func tap(_ cases: [TestCase]) -> (plan: String, results: [Bool], kinds: [String]) {
    let lines = TAPReport.render(cases).split(separator: "\n").map(String.init)
    let results = lines.filter { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") }.map { $0.hasPrefix("ok ") }
    let kinds = lines.filter { $0.hasPrefix("  kind: ") }.map { String($0.dropFirst(8)) }
    return (lines.count > 1 ? lines[1] : "", results, kinds)
  }

  @Test func aFailedDeployIsAFailure() async {
    let (code, cases) = await run("assert 1 == 1\ndeploy application.deploy applicationId=fails\nprint 1\n")
    #expect(code == ExitStatus.deployFailed.code)
    let (suite, elements) = junit(cases)
    #expect(suite["tests"] == "2" && suite["failures"] == "1" && suite["errors"] == "0", "\(suite)")
    #expect(elements.map(\.0) == ["failure"])
    #expect(elements.first?.1["type"] == "deploy")
    #expect(elements.first?.1["message"] == "deployment d1 ended with status error")
    #expect(cases.last?.message.contains("ERROR: pull access denied") == true, "the log's lines are in the report")
    #expect(cases.last?.line == 2)
    let t = tap(cases)
    #expect(t.plan == "1..2")
    #expect(t.results == [true, false])
    #expect(t.kinds == ["deploy"])
  }

  @Test func aDeployTimeoutIsAFailedWait() async {
    let (code, cases) = await run("deploy application.deploy applicationId=slow\n")
    #expect(code == ExitStatus.timeout.code)
    let (suite, elements) = junit(cases)
    #expect(suite["tests"] == "1" && suite["failures"] == "1", "\(suite)")
    #expect(elements.first?.1["type"] == "wait")
    #expect(tap(cases).results == [false])
  }

  @Test func aTimedOutWaitIsOneCaseNotTwo() async {
    let (code, cases) = await run("wait until false every 1s timeout 2s\n")
    #expect(code == ExitStatus.timeout.code)
    #expect(cases.count == 1)
    #expect(junit(cases).suite["tests"] == "1")
  }

  @Test func eachCheckErrorIsAFailedCase() async {
    let (code, cases) = await run("print 1\napplication.one applicationId=a nope=1\nbreak\n")
    #expect(code == ExitStatus.usage.code)
    let (suite, elements) = junit(cases)
    #expect(suite["tests"] == "2" && suite["errors"] == "2" && suite["failures"] == "0", "\(suite)")
    #expect(elements.map(\.0) == ["error", "error"])
    #expect(elements.map { $0.1["type"] } == ["check", "check"])
    #expect(elements.first?.1["message"]?.contains("unknown parameter 'nope'") == true)
    #expect(cases.map(\.line) == [2, 3])
    let t = tap(cases)
    #expect(t.plan == "1..2")
    #expect(t.results == [false, false])
  }

  @Test func aRuntimeErrorAfterAPassedAssertIsCounted() async {
    let (code, cases) = await run("assert true\nprint 1 / 0\n")
    #expect(code == ExitStatus.runtime.code)
    let (suite, elements) = junit(cases)
    #expect(suite["tests"] == "2" && suite["errors"] == "1", "\(suite)")
    #expect(elements.first?.1["type"] == "error")
  }

  @Test func aFailureTheDebuggerContinuedPastIsInTheReport() async {
    let host = FakeHost(decision: .continue)
    let (code, cases) = await run("fail.api x=1\nprint 1\n", options: ScriptOptions(debug: true), host: host)
    #expect(code == 3)
    #expect(cases.map(\.passed) == [false])
    #expect(junit(cases).suite["errors"] == "1")
  }
}
