import DokCore
import Foundation
import Synchronization
import Testing

@testable import DokScript

/// Issue 15's cases that a golden script cannot show: script argument names, the REPL's view
/// of a bare expression, the parser's cost on one long line, the result window, and the
/// timing rules of `wait` (deadline, spacing, no client retries).
@Suite struct LanguageCornerTests {
  @Test func argumentNamesThatCallsSetAreRejected() {
    let s = Interpreter(host: FakeHost())
    #expect(s.setArguments(["_=5"])?.message.contains("'_' is not a valid argument name") == true)
    #expect(s.setArguments(["1=5"]) != nil)
    #expect(s.setArguments(["x:=[1"])?.message.contains("needs JSON") == true)
    #expect(s.setArguments(["k:=[1,\"a\"]", "n=007"]) == nil)
    #expect(s.variable("k") == [1, "a"])
    #expect(s.variable("n") == 7)
    #expect(s.argumentText(s.symbols.slot(for: "n")) == "007")
  }

  @Test func theREPLShowsABareExpressionARunbookMayNot() async {
    let sink = RecordingSink()
    let s = Interpreter(host: FakeHost(), sink: sink)
    let repl = await s.execute(source: "$x = 2\n$x == 2", file: "<repl>")
    #expect(repl.exitCode == 0)
    #expect(sink.results.map(\.0) == [true])
    let file = await s.execute(source: "$x == 2", file: "f.dok")
    #expect(file.exitCode == 2)
    #expect(file.diagnostics.first?.message == "value not used — did you mean `assert`?")
  }

  /// Finding columns on one long line is linear: doubling the line doubles the work. (The
  /// time goal, 100,000 elements in under 0.5 s, is a figure in `scripts/bench`.)
  @Test func oneLongLineParsesInLinearWork() {
    func scanned(_ n: Int) -> Int {
      let line = "$a = [" + (0..<n).map(String.init).joined(separator: ", ") + "]\n"
      let (program, work) = Parser.measuredProgram(line, file: "long.dok")
      #expect(program.diagnostics.isEmpty)
      return work
    }
    let small = scanned(5_000), large = scanned(20_000)
    #expect(small > 0)
    // Quadratic work would grow 16 times; linear work 4 times (the numbers get a little longer).
    #expect(large < small * 6, "\(small) → \(large)")
  }

  @Test func onlyTheLast10000ResultsAreKept() async {
    let sink = RecordingSink()
    let s = Interpreter(host: FakeHost(), sink: sink)
    let o = await s.execute(source: "for $i in 1..10002 { counter.next }\nprint $3, $10002, $_", file: "w.dok")
    #expect(o.exitCode == 0, "\(o.diagnostics)")
    #expect(sink.printed == ["3 10002 10002"])
    #expect(s.resultCount == 10_002)
    #expect(s.firstResultNumber == 3)
    #expect(s.results.count == 10_000)
    let old = await s.execute(source: "print $2", file: "w.dok")
    #expect(old.exitCode == 6)
    #expect(old.diagnostics.first?.message == "$2 is no longer kept (a session keeps the last 10000 call results: $3 to $10002)")
    let future = await s.execute(source: "print $10003", file: "w.dok")
    #expect(future.diagnostics.first?.message.hasPrefix("undefined variable $10003") == true)
  }

  /// A host whose calls answer after `delay` real seconds (cancellable) and note whether each
  /// was a call or a wait's poll.
  final class SlowHost: ScriptHost {
    let delay: Double
    let polling = Mutex<[Bool]>([])
    init(delay: Double) { self.delay = delay }
    func call(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) async throws(CallError) -> JSON {
      polling.withLock { $0.append(false) }
      return try await answer()
    }
    func poll(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) async throws(CallError) -> JSON {
      polling.withLock { $0.append(true) }
      return try await answer()
    }
    func answer() async throws(CallError) -> JSON {
      do { try await Task.sleep(nanoseconds: UInt64(delay * 1e9)) } catch {
        throw CallError(kind: .transport, message: "cancelled")
      }
      return ["ok": true]
    }
    func check(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) -> [Diagnostic] { [] }
  }

  @Test(.timeLimit(.minutes(1))) func aWaitCancelsTheAttemptInFlightAtItsTimeout() async {
    let host = SlowHost(delay: 5)
    let s = Interpreter(host: host)
    let started = ContinuousClock.now
    let o = await s.execute(source: "wait user.get until true every 100ms timeout 300ms", file: "w.dok")
    let took = ContinuousClock.now - started
    #expect(o.exitCode == 5, "\(o.diagnostics)")
    #expect(o.diagnostics.first?.notes.contains { $0.contains("no reply yet at the timeout") } == true)
    // The attempt would have answered after 5 s; the wait ended at its timeout instead.
    #expect(took < .seconds(3), "\(took)")
  }

  @Test(.timeLimit(.minutes(1))) func callsInAWaitAreMadeWithoutClientRetries() async {
    let host = SlowHost(delay: 0)
    let s = Interpreter(host: host)
    let o = await s.execute(source: "user.get\nwait user.get until .ok every 10ms timeout 1s\nuser.get", file: "w.dok")
    #expect(o.exitCode == 0)
    #expect(host.polling.withLock { $0 } == [false, true, false])
  }

  /// Failing attempts that take time of their own still start `every` apart.
  @Test func attemptsStartEveryApart() async {
    let clock = ManualClock()
    struct TakesTime: ScriptHost {
      let manual: ManualClock
      var clock: any ScriptClock { manual }
      func call(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) async throws(CallError) -> JSON {
        manual.advance(by: 0.5)
        throw CallError(kind: .transport, message: "connection refused")
      }
      func check(procedure: String, arguments: [CallArgument], location: DokCore.SourceLocation) -> [Diagnostic] { [] }
    }
    let s = Interpreter(host: TakesTime(manual: clock))
    let o = await s.execute(source: "wait user.get until true every 2s timeout 10s", file: "w.dok")
    #expect(o.exitCode == 5)
    #expect(clock.sleeps == [1.5, 1.5, 1.5, 1.5, 1.5])
    #expect(o.diagnostics.first?.message.contains("(6 attempts)") == true, "\(o.diagnostics)")
  }

  /// A cancelled run notices it within 4,096 loop rounds: a short loop still ends, a long one
  /// does not run to its end.
  @Test func aCancelledRunStopsItsLoops() async {
    let sink = RecordingSink()
    let s = Interpreter(host: FakeHost(), sink: sink)
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return await s.execute(
        source: "for $i in 1..10 { $x = $i }\n$n = 0\nwhile $n < 10 { $n = $n + 1 }\nprint $x, $n\nwhile true { }",
        file: "c.dok")
    }
    let o = await task.value
    #expect(sink.printed == ["10 10"])
    #expect(o.exitCode == 130)
  }
}
