import DokCore
import DokTestSupport
import Foundation
import Testing

/// Issue 21 items 4 and 5 through the binary: `dok export` and `dok run --rehearse PROFILE`,
/// with "production" a `dok sandbox` child on 127.0.0.1 reached through a profile.
@Suite(.serialized) struct ExportCommandTests {
  /// A `dok sandbox` child with a key, a profile `prod` naming it, and the environment to use it.
  final class Production {
    let process = Process()
    let environment: [String: String]
    let url: String

    init() throws {
      let held = try #require(Platform.LoopbackSocket.listen(port: 0, backlog: 1, reuseAddress: true))
      let port = held.port
      held.close()
      url = "http://127.0.0.1:\(port)"
      let env = DokProcess.isolatedEnvironment()
      let config = env["XDG_CONFIG_HOME"]! + "/dok"
      try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
      try "[profiles.prod]\nurl = \"\(url)\"\napi_key = \"prod-key-123456\"\n".write(
        toFile: config + "/config.toml", atomically: true, encoding: .utf8)
      environment = env
      process.executableURL = URL(fileURLWithPath: DokProcess.binary)
      process.arguments = ["sandbox", "--port", String(port), "--api-key", "prod-key-123456", "--deploy-seconds", "0.2"]
      process.environment = env
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Bounded: the sandbox answers within 30 s or the test fails.
      let deadline = Date().addingTimeInterval(30)
      while Date() < deadline {
        if (try? DokProcess.run(["call", "--profile", "prod", "project.all"], environment: env, timeout: 10))?.status == 0 {
          return
        }
        Thread.sleep(forTimeInterval: 0.1)
      }
      process.terminate()
      throw DokProcess.TimedOut(arguments: ["sandbox"], seconds: 30)
    }

    func run(_ args: [String]) throws -> DokProcess.Result { try DokProcess.run(args, environment: environment) }

    deinit {
      process.terminate()
      process.waitUntilExit()
    }
  }

  static func file(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).dok").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let seed = #"""
    $p = project.create name=shop
    $web = application.create name=web appName=web environmentId=$p.environment.environmentId
    application.saveDockerProvider applicationId=$web.applicationId dockerImage=nginx:1.25 username=null password=null registryUrl=null
    application.saveEnvironment applicationId=$web.applicationId env="API_TOKEN=prod-token-123" buildArgs=null buildSecrets=null createEnvFile=true
    """#

  @Test(.timeLimit(.minutes(3))) func anExportOnStdoutReplaysOnTheSandbox() throws {
    let prod = try Production()
    #expect(try prod.run(["run", "--profile", "prod", try Self.file(Self.seed)]).status == 0)
    let exported = try prod.run(["export", "--profile", "prod", "shop"])
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(!exported.stdout.contains("prod-token-123"))
    #expect(exported.stdout.contains("#   WEB_API_TOKEN "), "\(exported.stdout)")
    let f = try Self.file(exported.stdout)
    #expect(try prod.run(["check", "--sandbox", f]).status == 0)
    var env = prod.environment
    env["WEB_API_TOKEN"] = "copied-token"
    let replay = try DokProcess.run(["run", "--sandbox", f], environment: env)
    #expect(replay.status == 0, "\(replay.stderr)")
    // On production itself it refuses before any change.
    let again = try prod.run(["run", "--profile", "prod", f])
    #expect(again.status == ExitStatus.assertionFailed.code, "\(again.stderr)")
    #expect(again.stderr.contains("project 'shop' already exists on this server"), "\(again.stderr)")
    let missing = try prod.run(["export", "--profile", "prod", "nope"])
    #expect(missing.status == ExitStatus.apiError.code)
    #expect(missing.stderr.contains("no project named 'nope'"), "\(missing.stderr)")
  }

  @Test(.timeLimit(.minutes(3))) func aRehearsalChangesACopyAndLeavesProductionAsItWas() throws {
    let prod = try Production()
    #expect(try prod.run(["run", "--profile", "prod", try Self.file(Self.seed)]).status == 0)
    let change = try Self.file(
      """
      application.saveDockerProvider application=shop/web dockerImage=nginx:1.27 username=null password=null registryUrl=null
      $d = deploy application.deploy application=shop/web every 100ms timeout 30s
      print $d.status, (application.one application=shop/web).dockerImage
      """)
    let r = try prod.run(["run", "--rehearse", "prod", "--deploy-seconds", "0.2", "--queue-delay", "0.1", change])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "done nginx:1.27\n", "\(r.stdout)")
    #expect(r.stderr.contains("read project 'shop' from profile 'prod' (\(prod.url)"), "\(r.stderr)")
    #expect(r.stderr.contains("that was a rehearsal on a sandbox copy of profile 'prod' (exit code 0)"), "\(r.stderr)")
    #expect(!r.stderr.contains("prod-key-123456"))
    let both = try prod.run(["run", "--rehearse", "prod", "--profile", "prod", change])
    #expect(both.status == ExitStatus.usage.code, "\(both.stderr)")
    #expect(both.stderr.contains("drop --sandbox, --url, --api-key and --profile"), "\(both.stderr)")
    let after = try prod.run(["call", "--profile", "prod", "--output", "json", "application.one", "application=shop/web"])
    #expect(after.stdout.contains("\"dockerImage\":\"nginx:1.25\""), "\(after.stdout)")
    #expect(after.stdout.contains("\"deployments\":[]"), "\(after.stdout)")
  }
}
