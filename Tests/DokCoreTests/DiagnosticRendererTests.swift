import Testing

@testable import DokCore

@Suite struct DiagnosticRendererTests {
  @Test func rendersFileLineColumnAndCaret() {
    let src = "first\n  $x = 1 +\nthird"
    let r = DiagnosticRenderer(color: false, sources: { $0 == "a.dok" ? src : nil })
    let d = Diagnostic(
      .error, "expected an expression", at: SourceLocation(file: "a.dok", line: 2, column: 11), notes: ["hint: finish it"])
    #expect(r.render(d) == "a.dok:2:11: error: expected an expression\n  $x = 1 +\n          ^\n  hint: finish it")
  }

  @Test func suggestsCloseNames() {
    #expect(
      Suggest.closest(to: "application.deplyo", in: ["application.deploy", "application.one", "compose.deploy"]).first
        == "application.deploy")
    #expect(Suggest.closest(to: "zzzzzzzz", in: ["application.deploy"]).isEmpty)
  }
}
