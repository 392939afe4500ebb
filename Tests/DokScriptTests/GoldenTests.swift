import DokCore
import Foundation
import Testing

@testable import DokScript

/// Runs every `Golden/*.dok` with the fake host and compares against its annotations:
/// `# expect: <line>` (printed lines, in order, all of them), `# expect error: <text>`
/// (a substring of the rendered diagnostics), `# exit: N` (default 0), `# args: k=v …`,
/// `# options: keep-going trace`.
@Suite struct GoldenTests {
  static var directory: URL { Bundle.module.url(forResource: "Golden", withExtension: nil)! }

  static func files() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".dok") }.sorted()
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

  @Test(arguments: files())
  func golden(_ name: String) async throws {
    let path = GoldenTests.directory.appendingPathComponent(name).path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let exp = GoldenTests.expectations(text)
    let host = FakeHost()
    let sink = RecordingSink()
    let session = Interpreter(
      host: host, sink: sink,
      options: ScriptOptions(trace: exp.options.contains("trace"), keepGoing: exp.options.contains("keep-going")))
    if case .success(let args) = Script.parseArguments(exp.args) {
      for (k, v) in args { session.setVariable(k, v) }
    }
    let outcome = await session.execute(source: text, file: path)
    let renderer = session.renderer()
    let rendered = renderer.render(outcome.diagnostics + sink.diagnostics)
    let printed = sink.printed.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    #expect(printed == exp.lines, "\(name): printed lines differ\n\(rendered)")
    #expect(outcome.exitCode == exp.exit, "\(name): exit \(outcome.exitCode)\n\(rendered)")
    for e in exp.errors {
      #expect(rendered.contains(e), "\(name): diagnostics lack \"\(e)\"; got:\n\(rendered)")
    }
    if exp.errors.isEmpty && exp.exit == 0 {
      #expect(outcome.diagnostics.isEmpty, "\(name): unexpected diagnostics\n\(rendered)")
    }
  }
}
