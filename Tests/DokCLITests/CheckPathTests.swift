import DokCore
import Foundation
import Testing

/// `dok check` knows the path twins offline (issue 21, item 1): each misuse is a check error
/// with its line and column, exit 2, and nothing runs.
@Suite(.timeLimit(.minutes(1))) struct CheckPathTests {
  static let cases: [(source: String, message: String)] = [
    ("application.one applicationId=x application=shop/web", "not both"),
    ("application.deploy application=a/b/c/d", "is not a path to an application"),
    ("project.one project=shop/production", "is not a path to a project"),
    ("environment.one environment=shop/staging/web", "is not a path to an environment"),
    ("application.one application=shop//web", "empty name"),
    ("application.one application:=5", "takes a path"),
    ("project.all application=shop/web", "application"),
    ("postgres.one postgresId=x postgres=\"shop/db\"", "not both"),
  ]

  @Test func everyMisuseOfATwinIsACheckError() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-check-paths-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let env = DokProcess.isolatedEnvironment()
    for (i, c) in Self.cases.enumerated() {
      let file = "\(dir)/case\(i).dok"
      try ("print 1\n" + c.source + "\n").write(toFile: file, atomically: true, encoding: .utf8)
      let r = try DokProcess.run(["check", file], environment: env)
      #expect(r.status == ExitStatus.usage.code, "\(c.source): \(r.stderr)")
      #expect(r.stderr.contains("case\(i).dok:2:") && r.stderr.contains(c.message), "\(c.source): \(r.stderr)")
    }
    // A path that is well formed passes the check offline (it is resolved when the run sends it).
    try "application.one application=\"my shop/a\\\\/b/web\"\n".write(toFile: dir + "/ok.dok", atomically: true, encoding: .utf8)
    let ok = try DokProcess.run(["check", dir + "/ok.dok"], environment: env)
    #expect(ok.status == 0, "\(ok.stderr)")
  }
}
