import DokCore
import Testing

@testable import DokSandbox

/// The routers' error paths as Dokploy v0.30.2 takes them (issue 22, item 4): which lookup
/// answers 404 first, which `try`/`catch` turns a failure into a 400, and the defaults a
/// created row gets. Each case names the source line it was read at.
@Suite struct RouterErrorPathTests {
  static func sandbox() throws -> (SandboxEngine, env: JSON, app: JSON) {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    let project = try #require(try engine.call("project.create", input: ["name": "errors"]))
    let env = try #require(project["environment"]?["environmentId"])
    let app = try #require(try engine.call("application.create", input: ["name": "web", "environmentId": env]))
    return (engine, env, try #require(app["applicationId"]))
  }

  /// `apiCreateDomain` refines the host (validations/domain.ts:9-18): a bad one is a 400 input
  /// validation failure that names the field.
  @Test func domainCreateRefinesTheHost() throws {
    let (engine, _, app) = try Self.sandbox()
    for host in ["bad host", "under_score.example.com", "-lead.example.com", " web.example.com"] {
      do {
        _ = try engine.call("domain.create", input: ["host": .string(host), "applicationId": app])
        Issue.record("\(host) was accepted")
      } catch {
        #expect(error.code == .BAD_REQUEST)
        #expect(error.message == "Input validation failed")
        #expect(error.issues?.first?["path"] == ["host"])
      }
    }
    #expect(try engine.call("domain.create", input: ["host": "web.example.com", "applicationId": app]) != nil)
  }

  /// routers/domain.ts:57: inside the router's `try`, an unknown service fails the insert's
  /// foreign key (services/domain.ts:19) and becomes a 400 with the database's message.
  @Test func domainCreateForAnUnknownServiceIsABadRequest() throws {
    let (engine, _, _) = try Self.sandbox()
    for key in ["applicationId", "composeId"] {
      do {
        _ = try engine.call("domain.create", input: ["host": "web.example.com", .init(key): "nope"])
        Issue.record("\(key) nope was accepted")
      } catch {
        #expect(error.code == .BAD_REQUEST)
        #expect(error.message.hasPrefix("Failed query: insert into \"domain\""))
      }
    }
  }

  /// schema/domain.ts:37: `domainType` keeps its column default, `application`, when the input
  /// gives only a `composeId`; `middlewares` defaults to an empty array (schema/domain.ts:55).
  @Test func domainCreateKeepsTheColumnDefaults() throws {
    let (engine, env, _) = try Self.sandbox()
    let compose = try #require(try engine.call("compose.create", input: ["name": "stack", "environmentId": env]))
    let domain = try #require(
      try engine.call("domain.create", input: ["host": "stack.example.com", "composeId": compose["composeId"]!]))
    #expect(domain["domainType"] == "application")
    #expect(domain["middlewares"] == [])
  }

  /// routers/deployment.ts:185: an application's deployment never has a `pid`, so killing its
  /// process is 400 "Deployment is not running"; an unknown deployment is 404 first.
  @Test func killProcessOfAnApplicationsDeploymentIsNotRunning() throws {
    let (engine, _, app) = try Self.sandbox()
    _ = try engine.call("application.deploy", input: ["applicationId": app])
    let deployment = try #require(try engine.call("deployment.all", input: ["applicationId": app])?[0]?["deploymentId"])
    #expect(throws: SandboxError.badRequest("Deployment is not running")) {
      try engine.call("deployment.killProcess", input: ["deploymentId": deployment])
    }
    #expect(throws: SandboxError.notFound("Deployment")) {
      try engine.call("deployment.killProcess", input: ["deploymentId": "nope"])
    }
  }

  /// routers/compose.ts:686, 704: offline, the template list and its tags are empty lists.
  @Test func composeTemplatesAndTagsAreEmptyLists() throws {
    let (engine, _, _) = try Self.sandbox()
    #expect(try engine.call("compose.templates", input: [:]) == [])
    #expect(try engine.call("compose.getTags", input: [:]) == [])
    #expect(try engine.call("compose.templates", input: ["baseUrl": "https://templates.example"]) == [])
  }

  /// services/mount.ts:72: a mount for a service that does not exist fails the insert's foreign
  /// key, which the service's `catch` reports as 400 "Error <the database's message>".
  @Test func mountForAnUnknownServiceIsABadRequest() throws {
    let (engine, _, _) = try Self.sandbox()
    do {
      _ = try engine.call(
        "mounts.create",
        input: ["type": "volume", "volumeName": "data", "mountPath": "/data", "serviceType": "postgres", "serviceId": "nope"])
      Issue.record("accepted")
    } catch {
      #expect(error.code == .BAD_REQUEST)
      #expect(error.message.hasPrefix("Error Failed query: insert into \"mount\""))
      #expect(!error.message.contains("Postgre not found"))
    }
  }

  /// routers/backup.ts:161 and routers/server.ts:81: their `catch` turns an unknown destination
  /// or SSH key into a 400: the database's message, and "Error creating the server".
  @Test func backupAndServerCreateWithAnUnknownReferenceAreBadRequests() throws {
    let (engine, _, _) = try Self.sandbox()
    let spec = try #require(ProcedureTable.byName["backup.create"]?.input)
    var backup = try #require(ProcedureCatalogTests.sample(spec).objectValue)
    backup["destinationId"] = "nope"
    do {
      _ = try engine.call("backup.create", input: .object(backup))
      Issue.record("accepted")
    } catch {
      #expect(error.code == .BAD_REQUEST)
      #expect(error.message.hasPrefix("Failed query: insert into \"backup\""))
    }
    #expect(throws: SandboxError.badRequest("Error creating the server")) {
      try engine.call(
        "server.create",
        input: [
          "name": "edge", "description": .null, "ipAddress": "10.0.0.2", "port": 22, "username": "root",
          "sshKeyId": "nope", "serverType": "deploy",
        ])
    }
  }
}
