import DokCore
import Foundation
import Testing

/// `dok check` knows `deploy`: a call that starts no deploy it can follow is a check error.
@Suite struct DeployCheckTests {
  static func file(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-check-\(UUID().uuidString).dok").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aDeployOfAnApplicationChecks() throws {
    let path = try Self.file("$d = deploy application.deploy applicationId=abc every 1s timeout 10m\nprint $d.status\n")
    let r = try DokProcess.run(["check", path])
    #expect(r.status == ExitStatus.success.code, "\(r.stderr)")
  }

  @Test func aDeployOfACallThatQueuesNothingIsACheckError() throws {
    let path = try Self.file("print 1\ndeploy project.all\n")
    let r = try DokProcess.run(["check", path])
    #expect(r.status == ExitStatus.usage.code)
    #expect(r.stderr.contains(":2:8: error: project.all starts no deploy that dok can follow"), "\(r.stderr)")
  }

  @Test func deployWithoutACallIsASyntaxError() throws {
    let path = try Self.file("deploy 42\n")
    let r = try DokProcess.run(["check", path])
    #expect(r.status == ExitStatus.usage.code)
    #expect(r.stderr.contains("deploy needs a call that starts a deploy"), "\(r.stderr)")
  }
}
