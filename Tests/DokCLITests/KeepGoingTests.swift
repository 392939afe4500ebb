import DokCore
import Foundation
import Testing

/// Issue 14, bug 10: `dok run --keep-going` against the sandbox goes on past a failed call as
/// well as a failed assert, reports each as it happens (with its line and caret), and ends with
/// the worst exit code; the JUnit report counts the call as an error and the assert as a failure.
@Suite struct KeepGoingTests {
  @Test func aFailedCallIsReportedAndTheRunGoesOnToTheWorstCode() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-kg-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let f = dir + "/kg.dok"
    try """
    assert 1 == 2, "first"
    application.one applicationId=nope
    print "after the API error"
    for $i in 1..2 { assert $i == 0 }
    print "end"

    """.write(toFile: f, atomically: true, encoding: .utf8)
    let r = try DokProcess.run(["run", "--keep-going", "--report", "junit=\(dir)/r.xml", f])
    #expect(r.status == ExitStatus.apiError.code, "the worst of 1 and 3: \(r.stderr)")
    #expect(r.stdout == "after the API error\nend\n", "\(r.stdout)")
    #expect(r.stderr.contains("\(f):2:1: error: application.one: "), "\(r.stderr)")
    #expect(r.stderr.contains("\napplication.one applicationId=nope\n^~~~~~~~~~~~~~~"), "\(r.stderr)")
    let junit = try String(contentsOfFile: "\(dir)/r.xml", encoding: .utf8)
    #expect(junit.contains(#"<testsuite name="\#(f)" tests="4" failures="3" errors="1""#), "\(junit)")
    #expect(junit.contains(#"<error type="error" message="application.one: "#), "\(junit)")
    #expect(junit.contains(#"name="\#(f):4: assert $i == 0 #2""#), "\(junit)")
    // Without --keep-going the same file stops at the first failure.
    let plain = try DokProcess.run(["run", f])
    #expect(plain.status == ExitStatus.assertionFailed.code && plain.stdout.isEmpty, "\(plain.stderr)")
  }
}
