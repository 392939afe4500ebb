import DokCore
import Testing

@testable import DokScript

/// Issue 20, item 7: the language at its corners — numbers given as JSON, values nested at run
/// time, syntax nested past the parser's limit, a debug run continued past failures.
@Suite struct ValueRuleTests {
  /// `k:=json` follows the number rules of literals.
  @Test func jsonArgumentsFollowTheNumberRules() {
    let s = Interpreter(host: FakeHost())
    let rounded = s.setArguments(["k:=9007199254740993"])
    #expect(
      rounded?.message.contains("beyond ±2^53 and would be rounded to 9007199254740992") == true, "\(String(describing: rounded))"
    )
    let infinite = s.setArguments(["k:=[1e400]"])
    #expect(infinite?.message.contains("the number 1e400 is out of range") == true, "\(String(describing: infinite))")
    #expect(s.variable("k") == nil)
    #expect(s.setArguments(["k:=9007199254740992"]) == nil)
    #expect(s.variable("k") == 9_007_199_254_740_992)
  }

  /// A value nested in a loop stops at the documented depth with a runtime error (it crashed
  /// with SIGSEGV when freed, printed or compared); the deepest value allowed still works.
  @Test func valuesNestAtMost512Levels() async {
    let sink = RecordingSink()
    let s = Interpreter(host: FakeHost(), sink: sink)
    let o = await s.execute(
      source: """
        $v = 0
        $n = 0
        try {
          for $i in 1..100000 { $v = [$v]; $n = $i }
        } catch $e { print $e.message }
        print $n, len(json($v)), $v == $v
        $w = {}
        try { for $i in 1..100000 { $w = {a: $w} } } catch $e { print $e.code }
        try { $m = map([$v], [.]) } catch $e { print $e.code }
        $v = 0
        $w = 0
        """, file: "deep.dok")
    #expect(o.exitCode == 0, "\(o.diagnostics)")
    #expect(sink.printed.count == 4, "\(sink.printed)")
    #expect(sink.printed.first == "a value may nest at most 512 levels (arrays and objects inside one another)")
    #expect(sink.printed.dropFirst().first == "512 1025 true")
    #expect(Array(sink.printed.dropFirst(2)) == ["RUNTIME", "RUNTIME"])
  }

  /// Syntax nested past the parser's limit is reported once, with work linear in its size
  /// (every further level added an error: 9,801 of them for 10,000 nested `if`s).
  @Test func nestingPastTheLimitIsReportedOnce() {
    func parse(_ n: Int) -> (errors: Int, work: Int) {
      let text = String(repeating: "if true {\n", count: n) + String(repeating: "}\n", count: n)
      let (program, work) = Parser.measuredProgram(text, file: "deep.dok")
      return (program.diagnostics.filter { $0.message.contains("nested too deeply") }.count, work)
    }
    let small = parse(2_000), large = parse(8_000)
    #expect(small.errors == 1 && large.errors == 1, "\(small) \(large)")
    #expect(large.work < max(small.work, 1) * 6, "\(small.work) → \(large.work)")
  }
}
