import Foundation
import Testing

/// `dok < FILE` is exactly `dok run -` (issue 14, bug 6): checked first, stops at the first
/// failure, locations are `<stdin>:LINE:COL`.
@Suite struct PipedInputTests {
  @Test func aFailedAssertStopsThePipedRunbook() throws {
    let source = """
      print "first"
      $p = project.create name=piped


      assert 1 == 2, "stop here"
      project.create name=promote
      print "never"

      """
    let r = try DokProcess.run([], stdin: source)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout == "first\n", "\(r.stdout)")
    #expect(r.stderr.contains("<stdin>:5:"), "\(r.stderr)")
    #expect(!r.stderr.contains("<repl>"), "\(r.stderr)")
  }

  @Test func pipedInputIsCheckedBeforeAnythingRuns() throws {
    let r = try DokProcess.run([], stdin: "print \"ran\"\napplication.deplyo applicationId=x\n")
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stdout.isEmpty, "\(r.stdout)")
    #expect(r.stderr.contains("<stdin>:2:1: error: unknown procedure 'application.deplyo'"), "\(r.stderr)")
  }
}
