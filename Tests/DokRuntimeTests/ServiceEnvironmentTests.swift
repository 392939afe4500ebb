import DokCore
import DokRuntime
import Foundation
import Testing

/// Issue 23, part 3: `dok env set/unset` change one variable and keep the rest — every other
/// variable, comment and the order, and an application's buildArgs, buildSecrets and
/// createEnvFile — and refuse when the variables changed on the server meanwhile.
@Suite struct ServiceEnvironmentTests {
  static let original = "# database\nDATABASE_URL=postgres://db/app\nexport LOG_LEVEL=info\n\n# feature flags\nFLAG_A=1"

  @Test func setAndUnsetKeepEverythingElse() {
    var env = EnvText(Self.original)
    env.set("LOG_LEVEL", "debug")
    env.set("NEW_ONE", "x=y")
    env.unset("FLAG_A")
    #expect(env.text == "# database\nDATABASE_URL=postgres://db/app\nexport LOG_LEVEL=debug\n\n# feature flags\nNEW_ONE=x=y")
    #expect(env.value(of: "NEW_ONE") == "x=y")
    #expect(
      EnvChange.between(EnvText(Self.original), env).map { $0.kind.rawValue + $0.name } == ["~LOG_LEVEL", "+NEW_ONE", "-FLAG_A"])
  }

  /// A caller over the sandbox that can change the row between the read and the write.
  final class Caller: ProcedureCaller, @unchecked Sendable {
    let inner: any ProcedureCaller
    var beforeWrite: (@Sendable () async -> Void)?
    var reads = 0
    init(_ inner: any ProcedureCaller) { self.inner = inner }
    func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
      if procedure.hasSuffix(".one") {
        reads += 1
        if reads == 2, let beforeWrite { await beforeWrite() }
      }
      return try await inner.call(procedure: procedure, arguments: arguments)
    }
  }

  @Test(.timeLimit(.minutes(1))) func anApplicationKeepsItsOtherFieldsAndItsOrder() async throws {
    try await SandboxHarness.with { h in
      let app = try await h.createApplication()
      _ = try await h.call(
        "application.saveEnvironment",
        [
          "applicationId": .string(app), "env": .string(Self.original), "buildArgs": "NODE_ENV=production",
          "buildSecrets": "NPM_TOKEN=abc", "createEnvFile": false,
        ])
      let env = ServiceEnvironment(caller: h.caller)
      let service = ServiceEnvironment.Service(kind: "application", id: app)
      var edit = EnvironmentEdit(action: .set, service: service)
      edit.assignments = [("LOG_LEVEL", "debug")]
      var lines: [String] = []
      let wrote = try await edit.run(env, policy: SecretPolicy(), emit: { lines.append($0) })
      #expect(wrote)
      #expect(lines == ["~ LOG_LEVEL: info → debug"])
      let row = try await h.call("application.one", ["applicationId": .string(app)])
      #expect(row["env"]?.stringValue == Self.original.replacingOccurrences(of: "LOG_LEVEL=info", with: "LOG_LEVEL=debug"))
      #expect(row["buildArgs"]?.stringValue == "NODE_ENV=production")
      #expect(row["buildSecrets"]?.stringValue == "NPM_TOKEN=abc")
      #expect(row["createEnvFile"]?.boolValue == false)

      var unset = EnvironmentEdit(action: .unset, service: service)
      unset.names = ["DATABASE_URL"]
      unset.dryRun = true
      lines = []
      #expect(try await unset.run(env, policy: SecretPolicy(), emit: { lines.append($0) }) == false)
      #expect(lines == ["- DATABASE_URL=postgres://db/app", "(dry run: nothing was sent)"])
      let after = try await h.call("application.one", ["applicationId": .string(app)])
      #expect(after["env"] == row["env"], "a dry run sends nothing")
    }
  }

  @Test(.timeLimit(.minutes(1))) func aChangeOnTheServerMeanwhileIsRefused() async throws {
    try await SandboxHarness.with { h in
      let pg = try await h.createPostgres()
      _ = try await h.call("postgres.saveEnvironment", ["postgresId": .string(pg), "env": "A=1\nB=2"])
      let caller = Caller(h.caller)
      caller.beforeWrite = { _ = try? await h.call("postgres.saveEnvironment", ["postgresId": .string(pg), "env": "A=1\nB=3"]) }
      var edit = EnvironmentEdit(action: .set, service: ServiceEnvironment.Service(kind: "postgres", id: pg))
      edit.assignments = [("A", "9")]
      await #expect(throws: CallError.self) {
        _ = try await edit.run(ServiceEnvironment(caller: caller), policy: SecretPolicy(), emit: { _ in })
      }
      let row = try await h.call("postgres.one", ["postgresId": .string(pg)])
      #expect(row["env"]?.stringValue == "A=1\nB=3", "the other writer's change stays; ours was not sent")
    }
  }

  @Test func secretLookingValuesAreMasked() throws {
    var edit = EnvironmentEdit(action: .get, service: ServiceEnvironment.Service(kind: "redis", id: "r"))
    let env = EnvText("DB_PASSWORD=hunter22\nPORT=80")
    #expect(try edit.getLines(env, policy: SecretPolicy()) == ["DB_PASSWORD=***", "PORT=80"])
    edit.showSecrets = true
    #expect(try edit.getLines(env, policy: SecretPolicy()) == ["DB_PASSWORD=hunter22", "PORT=80"])
  }
}

/// The sandbox harness with calls by name and the services these tests need.
extension SandboxHarness {
  static func with(_ body: (SandboxHarness) async throws -> Void) async throws {
    let h = try await start()
    do {
      try await body(h)
    } catch {
      await h.stop()
      throw error
    }
    await h.stop()
  }

  var caller: any ProcedureCaller { SessionCaller(session: session) }

  func call(_ procedure: String, _ arguments: KeyValuePairs<String, JSON>) async throws -> JSON {
    try await session.call(procedure: procedure, arguments: arguments.map { CallArgument(name: $0.key, value: .value($0.value)) })
  }

  func environmentId() async throws -> String {
    let p = try await call("project.create", ["name": .string("env-\(UUID().uuidString.prefix(6))")])
    return p["environment"]?["environmentId"]?.stringValue ?? ""
  }

  func createApplication() async throws -> String {
    let a = try await call("application.create", ["name": "web", "environmentId": .string(try await environmentId())])
    return a["applicationId"]?.stringValue ?? ""
  }

  func createPostgres() async throws -> String {
    let d = try await call(
      "postgres.create",
      [
        "name": "db", "environmentId": .string(try await environmentId()), "databaseName": "app", "databaseUser": "app",
        "databasePassword": "secret-pw-1", "dockerImage": "postgres:16",
      ])
    return d["postgresId"]?.stringValue ?? ""
  }
}
