import DokCore
import Testing

/// The one reporter: it quotes source lines from every lookup it was taught, replaces a lookup
/// given again under the same key, and applies its redaction to the whole rendered text.
@Suite struct DiagnosticReporterTests {
  let assert = Diagnostic(.error, "undefined variable $y", at: SourceLocation(file: "a.dok", line: 2, column: 8, length: 6))

  @Test func withoutSourcesThereIsNoCaret() {
    let r = DiagnosticReporter()
    #expect(r.render(assert) == "a.dok:2:8: error: undefined variable $y")
  }

  @Test func aLookupAddsTheLineAndCaret() {
    let r = DiagnosticReporter()
    r.setSources("run") { $0 == "a.dok" ? "$x = 1\nassert $x == 2\n" : nil }
    #expect(r.render(assert) == "a.dok:2:8: error: undefined variable $y\nassert $x == 2\n       ^~~~~~")
  }

  @Test func theSameKeyReplacesTheLookup() {
    let r = DiagnosticReporter()
    r.setSources("repl") { _ in "old line\nold line two" }
    r.setSources("repl") { _ in nil }
    #expect(r.sourceText(file: "a.dok") == nil)
    r.addSource("x\nsecond", file: "a.dok")
    #expect(r.sourceText(file: "a.dok") == "x\nsecond")
  }

  @Test func redactionCoversTheQuotedLine() {
    let r = DiagnosticReporter()
    r.addSource("\nassert $k == \"sk-123\"", file: "a.dok")
    r.setRedaction { $0.replacing("sk-123", with: "***") }
    let text = r.render(assert)
    #expect(!text.contains("sk-123") && text.contains("***"), "\(text)")
  }
}
