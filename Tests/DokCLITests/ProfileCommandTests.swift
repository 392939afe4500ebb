import DokCore
import Foundation
import Testing

/// `dok profiles remove|default`, `dok logout`, `dok check` with several files, and `dok run` of
/// a missing file (issue 14).
@Suite struct ProfileCommandTests {
  func environmentWithProfiles() throws -> ([String: String], String) {
    let env = DokProcess.isolatedEnvironment()
    let dir = env["XDG_CONFIG_HOME"]! + "/dok"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let config = dir + "/config.toml"
    let text = """
      default = "a"

      [profiles.a]
      url = "http://127.0.0.1:9/api"
      api_key = "KEY-A"

      [profiles.b]
      url = "http://127.0.0.1:10/api"
      api_key = "KEY-B"

      """
    try FileIO.writeAtomically(config, Array(text.utf8), mode: 0o600)
    return (env, config)
  }

  @Test func defaultRemoveAndLogout() throws {
    let (env, config) = try environmentWithProfiles()
    let d = try DokProcess.run(["profiles", "default", "b"], environment: env)
    #expect(d.status == 0, "\(d.stderr)")
    #expect(try DokProcess.run(["profiles"], environment: env).stdout.hasPrefix("  a"))
    #expect(try String(contentsOfFile: config, encoding: .utf8).contains("default = \"b\""))

    let out = try DokProcess.run(["logout"], environment: env)
    #expect(out.status == 0, "\(out.stderr)")
    let afterLogout = try String(contentsOfFile: config, encoding: .utf8)
    #expect(!afterLogout.contains("KEY-B") && afterLogout.contains("KEY-A"))
    #expect(FileIO.mode(of: config) == 0o600)

    let rm = try DokProcess.run(["profiles", "remove", "a"], environment: env)
    #expect(rm.status == 0, "\(rm.stderr)")
    let list = try DokProcess.run(["profiles"], environment: env)
    #expect(list.stdout == "* b  http://127.0.0.1:10/api  (no key)\n", "\(list.stdout)")

    let unknown = try DokProcess.run(["profiles", "remove", "bb"], environment: env)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean 'b'?"), "\(unknown.stderr)")
  }

  @Test func checkTakesSeveralFiles() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-check-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try FileIO.writeAtomically(dir + "/good.dok", Array("project.all\n".utf8))
    try FileIO.writeAtomically(dir + "/bad.dok", Array("application.deplyo applicationId=x\n".utf8))
    let env = DokProcess.isolatedEnvironment()
    let r = try DokProcess.run(["check", "--sandbox", dir + "/good.dok", dir + "/bad.dok"], environment: env)
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(dir)/good.dok: ok"), "\(r.stderr)")
    #expect(r.stderr.contains("\(dir)/bad.dok:1:1: error: unknown procedure"), "\(r.stderr)")
    #expect(r.stderr.contains("1 of 2 runbooks have problems"), "\(r.stderr)")
  }

  @Test func runOfAMissingFileStartsNoServer() throws {
    let r = try DokProcess.run(["run", "/nonexistent/nope.dok"], environment: DokProcess.isolatedEnvironment())
    #expect(r.status == 2)
    #expect(r.stderr.contains("cannot read /nonexistent/nope.dok"), "\(r.stderr)")
    #expect(!r.stderr.contains("sandbox"), "\(r.stderr)")
  }
}

/// Issue 14, bug 10: a busy --port is a sentence, not `bind(descriptor:ptr:bytes:)… errno 98`.
@Suite struct SandboxPortTests {
  @Test(.timeLimit(.minutes(1))) func aBusyPortIsExplained() throws {
    // Hold a port with a listening socket of our own.
    let held = try #require(Platform.LoopbackSocket.listen(port: 0, backlog: 1, reuseAddress: false))
    defer { held.close() }
    let port = held.port
    let r = try DokProcess.run(["sandbox", "--port", String(port)], environment: DokProcess.isolatedEnvironment())
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("port \(port) is already in use"), "\(r.stderr)")
    #expect(!r.stderr.contains("errno"), "\(r.stderr)")
  }
}
