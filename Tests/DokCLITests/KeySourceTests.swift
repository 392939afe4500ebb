import DokCore
import DokTestSupport
import Foundation
import Testing

/// Issue 23, part 2: a key from a command (`api_key_cmd`, `dok login --key-cmd`) or a file
/// (`DOKPLOY_API_KEY_FILE`); the key itself never lands in the config file.
@Suite struct KeySourceTests {
  static let key = ClientCommandTests.key

  func dok(_ args: [String], stdin: String? = nil, environment: [String: String]) async throws -> DokProcess.Result {
    try await ClientCommandTests().dok(args, stdin: stdin, environment: environment)
  }

  /// A script printing the key (and something on stderr), like `pass show`.
  static func keyScript(in dir: String, key: String = KeySourceTests.key, status: Int = 0) throws -> String {
    let path = dir + "/secret-manager-\(UUID().uuidString).sh"
    let body = "#!/bin/sh\necho 'unlocking the vault' >&2\nprintf '%s\\nsecond line ignored\\n' '\(key)'\nexit \(status)\n"
    try body.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
    return path
  }

  @Test(.timeLimit(.minutes(2))) func loginWithAKeyCommandSavesTheCommandNotTheKey() async throws {
    let server = try await ClientCommandTests.fakeDokploy()
    try await withTeardown {
      let env = DokProcess.isolatedEnvironment()
      let config = env["XDG_CONFIG_HOME"]! + "/dok/config.toml"
      let script = try Self.keyScript(in: env["HOME"]!)
      let login = try await dok(["login", "--url", server.url, "--profile", "vault", "--key-cmd", script], environment: env)
      #expect(login.status == 0, "\(login.stderr)")
      let text = try String(contentsOfFile: config, encoding: .utf8)
      #expect(text.contains("api_key_cmd = \"\(script)\""), "\(text)")
      #expect(!text.contains(Self.key))
      #expect(!text.contains("api_key ="))
      // The profile's command gives the key for every call.
      let call = try await dok(["call", "project.all", "-o", "json"], environment: env)
      #expect(call.status == 0, "\(call.stderr)")
      #expect(call.stdout.contains("alpha"))
      #expect(!call.stderr.contains("unlocking"), "a command that succeeds is quiet")
      let list = try await dok(["profiles"], environment: env)
      #expect(list.stdout.contains("(key from api_key_cmd)"), "\(list.stdout)")
    } teardown: {
      await server.stop()
    }
  }

  @Test(.timeLimit(.minutes(2))) func aFailingKeyCommandShowsItsStandardError() async throws {
    let env = DokProcess.isolatedEnvironment()
    let script = try Self.keyScript(in: env["HOME"]!, status: 3)
    let dir = env["XDG_CONFIG_HOME"]! + "/dok"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try "default = \"p\"\n[profiles.p]\nurl = \"http://127.0.0.1:9\"\napi_key_cmd = \"\(script)\"\n".write(
      toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
    let r = try await dok(["call", "project.all"], environment: env)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("api_key_cmd of profile 'p' failed (exit 3)"), "\(r.stderr)")
    #expect(r.stderr.contains("unlocking the vault"), "\(r.stderr)")
    #expect(!r.stderr.contains(Self.key))
  }

  @Test(.timeLimit(.minutes(2))) func aKeyCommandThatHangsIsStopped() async throws {
    let env = DokProcess.isolatedEnvironment()
    let dir = env["XDG_CONFIG_HOME"]! + "/dok"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try "default = \"p\"\n[profiles.p]\nurl = \"http://127.0.0.1:9\"\napi_key_cmd = \"sleep 30\"\n".write(
      toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
    var e = env
    e["DOK_KEY_COMMAND_TIMEOUT"] = "1"
    let r = try await dok(["call", "project.all"], environment: e)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("did not finish within 1 s"), "\(r.stderr)")
  }

  @Test(.timeLimit(.minutes(2))) func aKeyFileIsRead() async throws {
    let server = try await ClientCommandTests.fakeDokploy()
    try await withTeardown {
      var env = DokProcess.isolatedEnvironment()
      let file = env["HOME"]! + "/dokploy_api_key"
      try (Self.key + "\n").write(toFile: file, atomically: true, encoding: .utf8)
      env["DOKPLOY_URL"] = server.url
      env["DOKPLOY_API_KEY_FILE"] = file
      let r = try await dok(["call", "project.all", "-o", "json"], environment: env)
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout.contains("alpha"))
      env["DOKPLOY_API_KEY_FILE"] = file + ".missing"
      let missing = try await dok(["call", "project.all"], environment: env)
      #expect(missing.status == 2)
      #expect(missing.stderr.contains("DOKPLOY_API_KEY_FILE"), "\(missing.stderr)")
    } teardown: {
      await server.stop()
    }
  }
}
