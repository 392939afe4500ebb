import DokCore
import Foundation
import Testing

@testable import DokScript

/// Runs the benchmark loops (no timing assertions: the numbers are printed for humans).
@Suite struct PerformanceTests {
  static let whileLoop = "$i = 0; $s = 0; while $i < 1000000 { $s = $s + $i; $i = $i + 1 }"
  static let forLoop = "$s = 0; for $i in 1..1000000 { $s = $s + $i }"

  @Test func millionIterationLoops() async {
    for (source, expected) in [(Self.whileLoop, 499_999_500_000.0), (Self.forLoop, 500_000_500_000.0)] {
      let session = Interpreter(host: FakeHost())
      let start = ContinuousClock.now
      let outcome = await session.execute(source: source, file: "bench.dok")
      let elapsed = ContinuousClock.now - start
      #expect(outcome.exitCode == 0)
      #expect(session.variable("s") == .number(expected))
      print("1M loop: \(elapsed) — \(source)")
    }
  }
}
