import DokClient
import DokCore
import DokTestSupport
import Foundation
import Testing

/// Per-call latency over one kept-alive connection vs. a new connection per call, against a local
/// server. Run with `DOK_MEASURE=1 swift test --filter KeepAliveLatency` (prints the numbers).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["DOK_MEASURE"] != nil, "set DOK_MEASURE=1 to measure"))
struct KeepAliveLatencyTests {
  @Test func sequentialGets() async throws {
    let n = Int(ProcessInfo.processInfo.environment["DOK_MEASURE_N"] ?? "") ?? 1000
    let server = try await TestServer.start { _ in .json(200, #"[{"projectId":"p1","name":"alpha"}]"#) }
    let session = Fixture.session(server)
    let clock = ContinuousClock()
    for _ in 0..<20 { _ = try await session.call(procedure: "project.all", arguments: []) }  // warm up
    var samples: [Double] = []
    for _ in 0..<n {
      let t = clock.now
      _ = try await session.call(procedure: "project.all", arguments: [])
      samples.append(DokSessionSeconds(clock.now - t))
    }
    await session.shutdown()
    var fresh: [Double] = []
    for _ in 0..<min(n, 200) {
      let t = clock.now
      let s = Fixture.session(server)
      _ = try await s.call(procedure: "project.all", arguments: [])
      await s.shutdown()
      fresh.append(DokSessionSeconds(clock.now - t))
    }
    await server.stop()
    #expect(server.connections < 20 + 1 + min(n, 200) + 5)
    print("keep-alive: \(summary(samples)); connections for \(n + 20) calls: \(server.connections - fresh.count)")
    print("new connection (session) per call: \(summary(fresh))")
  }

  func summary(_ s: [Double]) -> String {
    let sorted = s.sorted()
    let mean = s.reduce(0, +) / Double(s.count)
    func ms(_ x: Double) -> String { String(format: "%.3f ms", x * 1000) }
    return
      "n=\(s.count) mean \(ms(mean)) p50 \(ms(sorted[s.count / 2])) p99 \(ms(sorted[min(s.count - 1, s.count * 99 / 100)])) total \(ms(s.reduce(0, +)))"
  }
}

func DokSessionSeconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}
