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

/// `:logs` expands variables and completes IDs (issue 20, item 8).
@Suite struct LogsVariablesAndCompletionTests {
  static let catalog = LogsMetaCommandTests.catalog

  /// A caller whose `application.create` returns `app-7` and whose `readLogs` names the ID it got.
  static func caller() -> FakeCaller {
    FakeCaller(catalog: catalog) { name, args throws(CallError) in
      switch name {
      case "application.create":
        return ["applicationId": "app-7", "name": "web"]
      case "application.readLogs":
        let id = args.first { $0.name == "applicationId" }.flatMap { a -> String? in
          if case .value(.string(let s)) = a.value { return s }
          return nil
        }
        return .string("logs of \(id ?? "?")")
      default: return .null
      }
    }
  }

  @Test func logsExpandsAVariableAndAPathIntoIt() async {
    let h = REPLHarness(
      [
        .line(#"$a = application.create name="web" environmentId="e1""#), .line(":logs application $a.applicationId"),
        .line(":logs application $1.applicationId --tail 5"),
      ], catalog: Self.catalog, caller: Self.caller())
    #expect(await h.run() == 0)
    let lines = h.capture.out.split(separator: "\n").filter { $0.hasPrefix("logs of ") }
    #expect(lines == ["logs of app-7", "logs of app-7"], "\(h.capture.out)\n\(h.capture.err)")
    #expect(!h.capture.err.contains("error"), "\(h.capture.err)")
  }

  @Test func anUndefinedVariableOrAPathToNothingIsAnErrorAndNothingIsSent() async {
    let h = REPLHarness(
      [
        .line(":logs application $nope"), .line(#"$o = {x: 1}"#), .line(":logs application $o.missing"),
        .line(":logs application $o"),
      ],
      catalog: Self.catalog, caller: Self.caller())
    #expect(await h.run() == 0)
    #expect(h.capture.err.contains("undefined variable $nope"), "\(h.capture.err)")
    #expect(h.capture.err.contains("$o.missing is not there"), "\(h.capture.err)")
    #expect(h.capture.err.contains("$o is an object, not an ID"), "\(h.capture.err)")
    #expect(h.caller.calls.isEmpty)
  }

  @Test func tabCompletesTheIDsSeenAndThePathNamedLikeTheKind() {
    var seen = LiveIDIndex()
    seen.record(["applicationId": "app-7", "name": "web"], procedure: "application.one")
    let a: JSON = ["applicationId": "app-7", "name": "web", "environmentId": "e1"]
    let context = CompletionContext(catalog: Self.catalog, variables: [("a", a)], seen: seen)
    let ids = Completer.complete(line: ":logs application ", context: context)
    #expect(ids.candidates.map(\.text) == ["app-7"], "\(ids.candidates)")
    #expect(ids.candidates.first?.hint?.contains("web") == true, "\(ids.candidates)")
    let path = Completer.complete(line: ":logs application $a.", context: context)
    #expect(path.candidates.first?.text == "$a.applicationId", "\(path.candidates)")
    #expect(path.preferred?.text == "$a.applicationId")
    let options = Completer.complete(line: ":logs application app-7 --f", context: context)
    #expect(options.candidates.map(\.text) == ["--follow"])
    let env = Completer.complete(line: ":env get application a", context: context)
    #expect(env.candidates.map(\.text) == ["app-7"], "\(env.candidates)")
  }
}
