import DokCore
import DokPresentation
import Testing

@testable import DokSpec

/// Golden output of `describe`: the files under Fixtures/golden are the expected text.
/// Set DOK_UPDATE_GOLDEN=1 to rewrite them after an intended change.
@Suite struct DescribeGoldenTests {
  /// Compares with the golden file. With DOK_UPDATE_GOLDEN set, a file that differs is
  /// rewritten and the test still fails (naming it), so an update is never a silent pass.
  func check(_ actual: String, golden name: String) throws {
    let path = TestPaths.packageRoot + "/Tests/DokSpecTests/Fixtures/golden/" + name
    let expected = try? FileIO.readText(path)
    if expected != actual, FileIO.environment("DOK_UPDATE_GOLDEN") != nil {
      try FileIO.writeAtomically(path, Array(actual.utf8), mode: 0o644)
      Issue.record("\(name) was out of date and has been rewritten: review the diff and run again")
      return
    }
    #expect(expected != nil, "\(path) is missing (DOK_UPDATE_GOLDEN=1 writes it)")
    #expect(actual == expected, "\(name) differs from the golden file")
  }

  @Test func miniText() throws {
    let c = try SpecLoader.load(TestPaths.fixtureBytes("mini-31.json"))
    try check(ProcedureDescriber.text(c.procedure(named: "app.save")!) + "\n", golden: "describe-app.save.txt")
    try check(
      JSONWriter.pretty(ProcedureDescriber.json(c.procedure(named: "app.save")!)) + "\n", golden: "describe-app.save.json")
  }

  @Test
  func realSaveDockerProvider() throws {
    let p = try #require(RealDocumentTests.catalog.procedure(named: "application.saveDockerProvider"))
    try check(ProcedureDescriber.text(p) + "\n", golden: "describe-application.saveDockerProvider.txt")
  }
}
