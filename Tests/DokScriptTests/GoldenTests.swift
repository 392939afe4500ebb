import DokCore
import Foundation
import Testing

@testable import DokScript

/// Runs every `Golden/*.dok` with the fake host and compares against its annotations:
/// `# expect: <line>` (printed lines, in order, all of them), `# expect error: <text>`
/// (a substring of the rendered diagnostics), `# exit: N` (default 0), `# args: k=v …`,
/// `# options: keep-going trace`, `# reject error: <text>` (must not appear).
@Suite struct GoldenTests {
  static var directory: URL? { Bundle.module.url(forResource: "Golden", withExtension: nil) }

  static func files() -> [String] { dokFiles(in: directory?.path) }

  static func dokFiles(in path: String?) -> [String] {
    let names = path.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0) } ?? []
    return names.filter { $0.hasSuffix(".dok") }.sorted()
  }

  /// The bundle holds every golden script of the source tree (a missing copy would otherwise
  /// make zero cases, which pass).
  @Test func everyGoldenScriptIsInTheBundle() {
    let source = Self.dokFiles(
      in: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path)
    #expect(!source.isEmpty, "no golden scripts beside \(#filePath)")
    #expect(Self.files() == source, "the test bundle's Golden copy differs from the source tree")
  }

  /// `   ^~~`: only spaces, tabs, one `^` and `~`s. Such an expectation must equal a whole line.
  static func isCaret(_ e: String) -> Bool {
    let t = e.drop { $0 == " " || $0 == "\t" }
    return t.first == "^" && t.dropFirst().allSatisfy { $0 == "~" }
  }

  @Test func caretExpectationsMatchWholeLines() {
    #expect(Self.isCaret("   ^~~") && Self.isCaret("^") && !Self.isCaret("x ^") && !Self.isCaret("^~ x"))
  }

  static let knownOptions: Set<String> = ["keep-going", "trace"]

  struct Expectations {
    var lines: [String] = []
    var errors: [String] = []
    /// `# reject error: <text>`: must not appear in the diagnostics.
    var rejected: [String] = []
    var exit: Int32 = 0
    var args: [String] = []
    var options: [String] = []
    /// Annotations that could not be read (a test failure, not a silent default).
    var problems: [String] = []
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
      } else if let v = value("# reject error: ") {
        e.rejected.append(v)
      } else if let v = value("# expect: ") {
        e.lines.append(v)
      } else if line == "# expect:" {
        e.lines.append("")
      } else if let v = value("# exit: ") {
        if let n = Int32(v.trimmingCharacters(in: .whitespaces)) { e.exit = n } else { e.problems.append("bad # exit: \(v)") }
      } else if let v = value("# args: ") {
        e.args += v.split(separator: " ").map(String.init)
      } else if let v = value("# options: ") {
        for o in v.split(separator: " ").map(String.init) {
          if knownOptions.contains(o) { e.options.append(o) } else { e.problems.append("unknown # options: \(o)") }
        }
      }
    }
    return e
  }

  /// What one run shows: printed lines, exit code, every diagnostic rendered.
  struct Run: Equatable {
    var printed: [String]
    var exit: Int32
    var rendered: String
    var outcomeDiagnostics: Int
  }

  static func run(_ name: String, text: String, _ exp: Expectations) async -> Run {
    let path = GoldenTests.directory!.appendingPathComponent(name).path
    let host = FakeHost()
    let sink = RecordingSink()
    let session = Interpreter(
      host: host, sink: sink,
      options: ScriptOptions(trace: exp.options.contains("trace"), keepGoing: exp.options.contains("keep-going")))
    if let d = session.setArguments(exp.args) {
      return Run(printed: [], exit: -1, rendered: "bad # args: \(d.message)", outcomeDiagnostics: 0)
    }
    let outcome = await session.execute(source: text, file: path)
    let rendered = session.renderer().render(outcome.diagnostics + sink.diagnostics)
    let printed = sink.printed.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    return Run(printed: printed, exit: outcome.exitCode, rendered: rendered, outcomeDiagnostics: outcome.diagnostics.count)
  }

  @Test func theGoldenScriptsAreThere() {
    #expect(GoldenTests.directory != nil, "the Golden resource folder is missing from the test bundle")
    #expect(GoldenTests.files().count >= 40, "found only \(GoldenTests.files().count) golden scripts")
  }

  @Test(arguments: files())
  func golden(_ name: String) async throws {
    let text = try String(contentsOfFile: GoldenTests.directory!.appendingPathComponent(name).path, encoding: .utf8)
    let exp = GoldenTests.expectations(text)
    #expect(exp.problems.isEmpty, "\(name): \(exp.problems)")
    let r = await GoldenTests.run(name, text: text, exp)
    #expect(r.printed == exp.lines, "\(name): printed lines differ\n\(r.rendered)")
    #expect(r.exit == exp.exit, "\(name): exit \(r.exit)\n\(r.rendered)")
    let renderedLines = r.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for e in exp.errors {
      if Self.isCaret(e) {
        #expect(renderedLines.contains(e), "\(name): no line is exactly \"\(e)\"; got:\n\(r.rendered)")
      } else {
        #expect(r.rendered.contains(e), "\(name): diagnostics lack \"\(e)\"; got:\n\(r.rendered)")
      }
    }
    for e in exp.rejected {
      #expect(!r.rendered.contains(e), "\(name): diagnostics contain \"\(e)\"; got:\n\(r.rendered)")
    }
    if exp.errors.isEmpty && exp.exit == 0 {
      #expect(r.outcomeDiagnostics == 0, "\(name): unexpected diagnostics\n\(r.rendered)")
    }
  }
}
