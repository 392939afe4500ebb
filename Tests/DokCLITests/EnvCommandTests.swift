import DokCore
import Foundation
import Testing

/// Issue 23, part 3 through the built binary against `dok sandbox`: `dok env set` and `unset`
/// change only the named variables (every other one, the comments and the order stay, and
/// buildArgs/buildSecrets/createEnvFile are kept), `--dry-run` sends nothing, `edit` runs
/// `$EDITOR` on the variables and writes what it saved, and `--deploy` follows the deploy.
@Suite(.serialized) struct EnvCommandTests {
  /// A sandbox child and an application in it whose variables are `initial`.
  final class Fixture {
    let sandbox: SandboxKillTests.SandboxProcess
    let environment: [String: String]
    let appID: String
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dok-env-\(UUID().uuidString)").path

    static let initial = "# shared settings\nB=2\nA=1\n\n# secrets\nAPI_TOKEN=s3cret"

    init() throws {
      sandbox = try SandboxKillTests.SandboxProcess(arguments: ["--deploy-seconds", "1", "--queue-delay", "0"])
      var environment = DokProcess.isolatedEnvironment([
        "DOKPLOY_URL": "http://127.0.0.1:\(sandbox.port)", "DOKPLOY_API_KEY": "env-test-key",
      ])
      environment["VISUAL"] = nil  // $EDITOR decides
      self.environment = environment
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
      let project = try JSONParser.parse(
        Array(try Self.ok(["call", "project.create", "name=shop", "-o", "json"], environment).utf8))
      let envID = project["environment"]?["environmentId"]?.stringValue ?? ""
      let app = try JSONParser.parse(
        Array(try Self.ok(["call", "application.create", "name=web", "environmentId=\(envID)", "-o", "json"], environment).utf8))
      appID = app["applicationId"]?.stringValue ?? ""
      let file = dir + "/initial.env"
      try Self.initial.write(toFile: file, atomically: true, encoding: .utf8)
      _ = try Self.ok(
        [
          "call", "application.saveEnvironment", "applicationId=\(appID)", "env=@\(file)", "buildArgs=X=1",
          "buildSecrets=null", "createEnvFile=false",
        ], environment)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs dok; fails the test (with its stderr) unless it exits 0; returns stdout.
    @discardableResult
    static func ok(_ args: [String], _ environment: [String: String]) throws -> String {
      let r = try DokProcess.run(args, environment: environment, timeout: 60)
      #expect(r.status == 0, "dok \(args.joined(separator: " ")): \(r.stderr)")
      return r.stdout
    }

    func dok(_ args: [String], extra: [String: String] = [:]) throws -> DokProcess.Result {
      try DokProcess.run(args, environment: environment.merging(extra) { $1 }, timeout: 60)
    }

    /// The application's row as the server has it.
    func row() throws -> JSON {
      try JSONParser.parse(
        Array(try Self.ok(["call", "application.one", "applicationId=\(appID)", "-o", "json"], environment).utf8))
    }
    func env() throws -> String { try row()["env"]?.stringValue ?? "" }
  }

  @Test(.timeLimit(.minutes(2))) func setAndUnsetKeepEveryOtherVariableCommentAndTheOrder() throws {
    let f = try Fixture()
    let set = try f.dok(["env", "set", "application", f.appID, "A=10", "C=3"])
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout.contains("~ A: 1 → 10"), "\(set.stdout)")
    #expect(set.stdout.contains("+ C=3"), "\(set.stdout)")
    #expect(set.stderr.contains("take effect when"), "the redeploy note: \(set.stderr)")
    #expect(try f.env() == "# shared settings\nB=2\nA=10\n\n# secrets\nAPI_TOKEN=s3cret\nC=3")
    let row = try f.row()
    #expect(row["buildArgs"]?.stringValue == "X=1", "buildArgs kept: \(row)")
    #expect(row["createEnvFile"] == .bool(false), "createEnvFile kept: \(row)")

    let unset = try f.dok(["env", "unset", "application", f.appID, "B"])
    #expect(unset.status == 0, "\(unset.stderr)")
    #expect(unset.stdout.contains("- B=2"), "\(unset.stdout)")
    #expect(try f.env() == "# shared settings\nA=10\n\n# secrets\nAPI_TOKEN=s3cret\nC=3")

    let get = try f.dok(["env", "get", "application", f.appID])
    #expect(get.stdout.contains("API_TOKEN=***") && !get.stdout.contains("s3cret"), "\(get.stdout)")
    #expect(try f.dok(["env", "get", "application", f.appID, "API_TOKEN", "--show-secrets"]).stdout == "s3cret\n")
  }

  @Test(.timeLimit(.minutes(2))) func dryRunShowsTheChangeAndSendsNothing() throws {
    let f = try Fixture()
    let r = try f.dok(["env", "set", "application", f.appID, "A=changed", "--dry-run"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("~ A: 1 → changed") && r.stdout.contains("dry run: nothing was sent"), "\(r.stdout)")
    let u = try f.dok(["env", "unset", "application", f.appID, "A", "--dry-run"])
    #expect(u.status == 0, "\(u.stderr)")
    #expect(try f.env() == Fixture.initial)
  }

  @Test(.timeLimit(.minutes(2))) func editWritesWhatTheEditorSaved() throws {
    let f = try Fixture()
    let script = f.dir + "/editor.sh"
    try "#!/bin/sh\nsed -i -e 's/^A=1$/A=edited/' -e '/^B=/d' \"$1\"\necho NEW=1 >> \"$1\"\n".write(
      toFile: script, atomically: true, encoding: .utf8)
    chmod(script, 0o755)
    let r = try f.dok(["env", "edit", "application", f.appID], extra: ["EDITOR": script])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try f.env() == "# shared settings\nA=edited\n\n# secrets\nAPI_TOKEN=s3cret\nNEW=1")
    // An editor that fails writes nothing.
    let failing = f.dir + "/failing.sh"
    try "#!/bin/sh\necho BAD=1 >> \"$1\"\nexit 3\n".write(toFile: failing, atomically: true, encoding: .utf8)
    chmod(failing, 0o755)
    let bad = try f.dok(["env", "edit", "application", f.appID], extra: ["EDITOR": failing])
    #expect(bad.stderr.contains("nothing was written"), "\(bad.stderr)")
    #expect(!(try f.env()).contains("BAD=1"))
  }

  @Test(.timeLimit(.minutes(2))) func deployFollowsTheDeployAfterTheChange() throws {
    let f = try Fixture()
    try Fixture.ok(
      [
        "call", "application.saveDockerProvider", "applicationId=\(f.appID)", "dockerImage=nginx:alpine", "username=null",
        "password=null", "registryUrl=null",
      ], f.environment)
    let r = try f.dok(["env", "set", "application", f.appID, "D=4", "--deploy"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("deployed application \(f.appID) with the new variables"), "\(r.stderr)")
    #expect(try f.env().hasSuffix("D=4"))
    let row = try f.row()
    #expect(row["applicationStatus"]?.stringValue == "done", "\(row)")
    // A deploy that fails is the exit of `dok call --wait`: 7.
    try Fixture.ok(
      [
        "call", "application.saveDockerProvider", "applicationId=\(f.appID)", "dockerImage=fail/nothing", "username=null",
        "password=null", "registryUrl=null",
      ], f.environment)
    let failed = try f.dok(["env", "set", "application", f.appID, "D=5", "--deploy"])
    #expect(failed.status == ExitStatus.deployFailed.code, "\(failed.stderr)")
    #expect(try f.env().hasSuffix("D=5"), "the variables are written before the deploy")
  }
}
