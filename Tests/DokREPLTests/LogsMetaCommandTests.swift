import DokCore
import DokSpec
import DokTestSupport
import Testing

@testable import DokREPL

/// `:logs KIND ID` at the prompt reads a service's container logs like `dok logs` (issue 13,
/// item 3), through the session's caller; a bad kind is a usage message.
@Suite struct LogsMetaCommandTests {
  static let catalog = try! SpecLoader.catalog(from: QueueingDocument.json())

  @Test func logsPrintsTheLastLinesAndRejectsAnUnknownKind() async throws {
    let caller = FakeCaller { name, args throws(CallError) in
      guard name == "application.readLogs" else { return .null }
      let tail =
        args.first { $0.name == "tail" }.flatMap { a -> Int? in
          if case .bare(let t) = a.value { return Int(t) }
          if case .value(.number(let n)) = a.value { return Int(n) }
          return nil
        } ?? 100
      let all = (1...30).map { "2026-11-30T05:00:\($0)Z request \($0) served" }
      return .string(all.suffix(tail).joined(separator: "\n"))
    }
    let h = REPLHarness(
      [.line(":logs application app-1 --tail 2"), .line(":logs server x")], catalog: Self.catalog, caller: caller)
    #expect(await h.run() == ExitStatus.success.code)
    let lines = h.capture.out.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.contains("served") }.count == 2, "\(h.capture.out)")
    #expect(lines.contains { $0.hasSuffix("request 30 served") }, "\(h.capture.out)")
    #expect(h.capture.err.contains("SERVICE-KIND is one of"), "\(h.capture.err)")
  }
}
