import DokCore
import Foundation
import Testing

@testable import DokScript

/// Runs every `Golden/*.dok` with the fake host and compares against its annotations:
/// `# expect: <line>` (printed lines, in order, all of them), `# expect error: <text>`
/// (a substring of the rendered diagnostics), `# exit: N` (default 0), `# args: k=v …`,
/// `# options: keep-going trace`. A caret line (`# expect error:    ^~~`) must equal a whole
/// line of the output, spaces included; a bad `# args:` line or an unknown option fails the case.
@Suite struct GoldenTests {
  static var directory: URL? { Bundle.module.url(forResource: "Golden", withExtension: nil) }

  static func files() -> [String] { dokFiles(in: directory?.path) }

  static func dokFiles(in path: String?) -> [String] {
    let names = path.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0) } ?? []
    return names.filter { $0.hasSuffix(".dok") }.sorted()
  }

  /// The options a golden file may ask for.
  static let knownOptions: Set<String> = ["keep-going", "trace"]

  /// The bundle holds every golden script of the source tree (a missing copy would otherwise
  /// make zero cases, which pass).
  @Test func everyGoldenScriptIsInTheBundle() {
    let source = Self.dokFiles(
      in: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path)
    #expect(!source.isEmpty, "no golden scripts beside \(#filePath)")
    #expect(Self.files() == source, "the test bundle's Golden copy differs from the source tree")
  }

  struct Expectations {
    var lines: [String] = []
    var errors: [String] = []
    var exit: Int32 = 0
    var args: [String] = []
    var options: [String] = []
  }

  static func expectations(_ text: String) -> Expectations {
    var e = Expectations()
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      func value(_ prefix: String) -> String? {
        line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : nil
      }
      if let v = value("# expect error: ") {
        e.errors.append(v)
      } else if let v = value("# expect: ") {
        e.lines.append(v)
      } else if line == "# expect:" {
        e.lines.append("")
      } else if let v = value("# exit: ") {
        e.exit = Int32(v.trimmingCharacters(in: .whitespaces)) ?? -1
      } else if let v = value("# args: ") {
        e.args += v.split(separator: " ").map(String.init)
      } else if let v = value("# options: ") {
        e.options += v.split(separator: " ").map(String.init)
      }
    }
    return e
  }

  /// `   ^~~`: only spaces, tabs, one `^` and `~`s.
  static func isCaret(_ e: String) -> Bool {
    let t = e.drop { $0 == " " || $0 == "\t" }
    return t.first == "^" && t.dropFirst().allSatisfy { $0 == "~" }
  }

  @Test func caretExpectationsMatchWholeLines() {
    #expect(Self.isCaret("   ^~~") && Self.isCaret("^") && !Self.isCaret("x ^") && !Self.isCaret("^~ x"))
  }

  @Test(arguments: files())
  func golden(_ name: String) async throws {
    let path = try #require(GoldenTests.directory).appendingPathComponent(name).path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let exp = GoldenTests.expectations(text)
    let host = FakeHost()
    let sink = RecordingSink()
    let session = Session(
      host: host, sink: sink,
      options: ScriptOptions(trace: exp.options.contains("trace"), keepGoing: exp.options.contains("keep-going")))
    for option in exp.options where !Self.knownOptions.contains(option) {
      Issue.record("\(name): unknown option '\(option)' (known: \(Self.knownOptions.sorted().joined(separator: ", ")))")
    }
    switch Script.parseArguments(exp.args) {
    case .success(let args): for (k, v) in args { session.setVariable(k, v) }
    case .failure(let d): Issue.record("\(name): bad # args: line: \(d.message)")
    }
    let outcome = await session.execute(source: text, file: path)
    let renderer = session.renderer()
    let rendered = renderer.render(outcome.diagnostics + sink.diagnostics)
    let printed = sink.printed.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    #expect(printed == exp.lines, "\(name): printed lines differ\n\(rendered)")
    #expect(outcome.exitCode == exp.exit, "\(name): exit \(outcome.exitCode)\n\(rendered)")
    let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for e in exp.errors {
      if Self.isCaret(e) {
        #expect(renderedLines.contains(e), "\(name): no line is exactly \"\(e)\"; got:\n\(rendered)")
      } else {
        #expect(rendered.contains(e), "\(name): diagnostics lack \"\(e)\"; got:\n\(rendered)")
      }
    }
    if exp.errors.isEmpty && exp.exit == 0 {
      #expect(outcome.diagnostics.isEmpty, "\(name): unexpected diagnostics\n\(rendered)")
    }
  }
}
