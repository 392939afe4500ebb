import DokCore
import Testing

@testable import DokScript

/// Issue 20, item 9: one evaluation path. A statement that makes calls runs the same code as one
/// that makes none; the calls are made as the statement is replayed, so what it computes is what
/// a straight evaluation gives, and `--trace` shows every statement either way.
@Suite struct EvaluationPathTests {
  func run(_ src: String, trace: Bool = false) async -> (RunOutcome, RecordingSink) {
    let sink = RecordingSink()
    let s = Interpreter(host: FakeHost(), sink: sink, options: ScriptOptions(trace: trace))
    let o = await s.execute(source: src, file: "t.dok")
    return (o, sink)
  }

  /// A `for` over a range whose bound makes a call is traced like any other `for`.
  @Test func aForOverARangeIsTracedWhenItsBoundMakesACall() async {
    let (o, sink) = await run("for $i in 1..(counter.next) + 1 { print $i }", trace: true)
    #expect(o.exitCode == 0, "\(o.diagnostics)")
    #expect(sink.printed == ["1", "2"])
    let lines = sink.traces.map(\.line)
    #expect(lines.first == "t.dok:1:1: for $i in 1..(counter.next) + 1", "\(lines)")
    #expect(lines.count == 3, "\(lines)")
  }

  /// `$_` read before a call of the same expression is the result before that call; after it,
  /// the call's result (each call made once).
  @Test func anExpressionSeesCallsInTheOrderItMakesThem() async {
    let (o, sink) = await run("counter.next\nprint [$_, (counter.next), $_, (counter.next) + (counter.next)], $_")
    #expect(o.exitCode == 0, "\(o.diagnostics)")
    #expect(sink.printed == ["[1,2,2,7] 4"])
  }

  /// Calls in a loop's condition, in `if` branches, in `filter` predicates and in nested call
  /// arguments are each made once per evaluation, in order.
  @Test func callsInEveryPlaceAreMadeOnceEach() async {
    let (o, sink) = await run(
      """
      $n = 0
      while (counter.next) < 4 { $n = $n + 1 }
      if (counter.next) == 100 { print "no" } else if (counter.next) == 6 { print "six" }
      print len(filter([1, 2, 3], (counter.next) > 7)), $_
      """)
    #expect(o.exitCode == 0, "\(o.diagnostics)")
    #expect(sink.printed == ["six", "2 9"])
  }

  /// A failed call inside a loop is caught by the `try` around the loop, which ends it.
  @Test func aFailedCallInsideALoopIsCaught() async {
    let (o, sink) = await run(
      "$i = 0\ntry { while $i < 3 { $i = $i + 1\n if $i == 2 { $x = (fail.transport) } } } catch $e { print $e.code, $i }")
    #expect(o.exitCode == 0, "\(o.diagnostics)")
    #expect(sink.printed == ["TRANSPORT 2"])
  }
}
