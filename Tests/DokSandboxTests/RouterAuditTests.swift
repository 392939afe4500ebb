import DokCore
import Testing

@testable import DokSandbox

/// Further router error paths read in Dokploy v0.30.2 (issue 22, item 4; the audit log is in
/// docs/sandbox-audit.md). Each case names the source line it was read at.
@Suite struct RouterAuditTests {
  static func sandbox() throws -> (SandboxEngine, project: JSON, env: JSON) {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    let project = try #require(try engine.call("project.create", input: ["name": "audit"]))
    return (engine, try #require(project["project"]?["projectId"]), try #require(project["environment"]?["environmentId"]))
  }

  /// routers/environment.ts:213-271: environment.update runs in a try whose catch makes every
  /// failure a 400 "Error updating the environment: …" (an unknown id too); the default
  /// environment refuses any `name` (ts:224), even its own.
  @Test func environmentUpdateErrorsAreBadRequests() throws {
    let (engine, project, env) = try Self.sandbox()
    #expect(throws: SandboxError.badRequest("Error updating the environment: Environment not found")) {
      try engine.call("environment.update", input: ["environmentId": "nope", "description": "x"])
    }
    #expect(throws: SandboxError.badRequest("Error updating the environment: You cannot rename the default environment")) {
      try engine.call("environment.update", input: ["environmentId": env, "name": "production"])
    }
    let staging = try #require(try engine.call("environment.create", input: ["name": "staging", "projectId": project]))
    let renamed = try engine.call("environment.update", input: ["environmentId": staging["environmentId"]!, "name": "qa"])
    #expect(renamed?["name"] == "qa")
    #expect(
      try engine.call("environment.update", input: ["environmentId": env, "description": "main"])?["description"] == "main")
  }

  /// routers/environment.ts:40-76: the name check comes first; an unknown project is the
  /// insert's foreign-key failure as a 400, not a 404.
  @Test func environmentCreateForAnUnknownProjectIsABadRequest() throws {
    let (engine, _, _) = try Self.sandbox()
    #expect(throws: SandboxError.badRequest("You cannot create a environment with the name 'production'")) {
      try engine.call("environment.create", input: ["name": "production", "projectId": "nope"])
    }
    do {
      _ = try engine.call("environment.create", input: ["name": "staging", "projectId": "nope"])
      Issue.record("accepted")
    } catch {
      #expect(error.code == .BAD_REQUEST)
      #expect(error.message.hasPrefix("Error creating the environment: Failed query: insert into \"environment\""))
    }
  }

  /// routers/domain.ts:67-82: the permission check of an owner looks nothing up, so an unknown
  /// service's domains are []; rows carry the service's {id, appName, name}
  /// (services/domain.ts:97-121), and domain.one its application or null (ts:79-95).
  @Test func domainListsOfAnUnknownServiceAreEmptyAndRowsCarryTheService() throws {
    let (engine, _, env) = try Self.sandbox()
    #expect(try engine.call("domain.byApplicationId", input: ["applicationId": "nope"]) == [])
    #expect(try engine.call("domain.byComposeId", input: ["composeId": "nope"]) == [])
    let app = try #require(try engine.call("application.create", input: ["name": "web", "environmentId": env]))
    let stack = try #require(try engine.call("compose.create", input: ["name": "stack", "environmentId": env]))
    let d = try #require(
      try engine.call("domain.create", input: ["host": "web.example.com", "applicationId": app["applicationId"]!]))
    let c = try #require(
      try engine.call("domain.create", input: ["host": "stack.example.com", "composeId": stack["composeId"]!]))
    let listed = try engine.call("domain.byApplicationId", input: ["applicationId": app["applicationId"]!])
    #expect(
      listed?[0]?["application"]
        == ["applicationId": app["applicationId"]!, "appName": app["appName"]!, "name": "web"])
    let composed = try engine.call("domain.byComposeId", input: ["composeId": stack["composeId"]!])
    #expect(composed?[0]?["compose"] == ["composeId": stack["composeId"]!, "appName": stack["appName"]!, "name": "stack"])
    #expect(try engine.call("domain.one", input: ["domainId": d["domainId"]!])?["application"]?["name"] == "web")
    #expect(try engine.call("domain.one", input: ["domainId": c["domainId"]!])?["application"] == .null)
  }

  /// routers/compose.ts:207-232: compose.saveEnvironment writes `env` (and `createEnvFile` when
  /// given) through updateCompose; no row updated is a 400 "Error adding environment variables".
  /// It answered `true` and stored nothing before.
  @Test func composeSaveEnvironmentStoresTheVariables() throws {
    let (engine, _, env) = try Self.sandbox()
    let c = try #require(try engine.call("compose.create", input: ["name": "stack", "environmentId": env]))
    let id = try #require(c["composeId"])
    #expect(try engine.call("compose.saveEnvironment", input: ["composeId": id, "env": "A=1\nB=2"]) == true)
    let row = try #require(try engine.call("compose.one", input: ["composeId": id]))
    #expect(row["env"] == "A=1\nB=2")
    #expect(throws: SandboxError.badRequest("Error adding environment variables")) {
      try engine.call("compose.saveEnvironment", input: ["composeId": "nope", "env": "A=1"])
    }
  }
}
