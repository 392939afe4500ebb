import DokCore
import Foundation
import Testing

@testable import DokSandbox

@Suite struct ServiceTests {
  @Test func composeLifecycle() async throws {
    let s = try await SandboxClient.start(deploySeconds: 1)
    try await withTeardown {
      let (pid, env) = try s.makeProject()
      let created = try s.post(
        "compose.create",
        ["name": "stack", "environmentId": .string(env), "composeFile": "services:\n  web:\n    image: nginx\n"])
      #expect(created.status == 200)
      let id = try #require(created.json?["composeId"]?.stringValue)
      let empty = try #require(
        try s.post("compose.create", ["name": "empty", "environmentId": .string(env)]).json?["composeId"]?.stringValue)
      // Fact: "`compose.create`: `sourceType` defaults to `github` … even when a `composeFile` is given".
      #expect(created.json?["sourceType"] == "github")
      #expect(
        try s.post("compose.update", ["composeId": .string(id), "description": "web stack", "sourceType": "raw"]).status == 200)
      // Fact: compose.deploy → `{success: true, message: "Deployment queued", composeId}`.
      #expect(
        try s.post("compose.deploy", ["composeId": .string(id)]).json
          == ["success": true, "message": "Deployment queued", "composeId": .string(id)])
      #expect(try s.post("compose.deploy", ["composeId": .string(empty)]).status == 200)
      #expect(try s.get("compose.one", [("composeId", id)]).json?["composeStatus"] == "running")
      #expect(try await eventually { try s.get("compose.one", [("composeId", id)]).json?["composeStatus"] == "done" })
      let one = try s.get("compose.one", [("composeId", id)]).json
      #expect(one?["composeStatus"] == "done")
      #expect(one?["description"] == "web stack")
      #expect(try await eventually { try s.get("compose.one", [("composeId", empty)]).json?["composeStatus"] == "error" })
      let deps = try s.get("deployment.allByCompose", [("composeId", empty)]).json
      #expect(deps?[0]?["status"] == "error")
      #expect(deps?[0]?["errorMessage"] == .null)
      // Fact: `start` / `stop` return the row as it was before the change.
      #expect(try s.post("compose.stop", ["composeId": .string(id)]).json?["composeStatus"] == "done")
      #expect(try s.post("compose.start", ["composeId": .string(id)]).json?["composeStatus"] == "idle")
      #expect(try s.post("compose.redeploy", ["composeId": .string(id)]).status == 200)
      #expect(try s.get("project.one", [("projectId", pid)]).json?["environments"]?[0]?["compose"]?.arrayValue?.count == 2)
      #expect(try s.post("compose.delete", ["composeId": .string(id), "deleteVolumes": false]).status == 200)
      #expect(try s.get("compose.one", [("composeId", id)]).json?["message"] == "Compose not found")
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func domainLifecycle() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let created = try s.post(
        "domain.create", ["host": "shop.example.com", "applicationId": .string(app), "port": 8080, "https": true])
      #expect(created.status == 200)
      let id = try #require(created.json?["domainId"]?.stringValue)
      #expect(created.json?["port"] == 8080)
      #expect(try s.get("domain.one", [("domainId", id)]).json?["host"] == "shop.example.com")
      #expect(try s.get("domain.byApplicationId", [("applicationId", app)]).json?.arrayValue?.count == 1)
      #expect(try s.get("application.one", [("applicationId", app)]).json?["domains"]?[0]?["domainId"] == .string(id))
      let upd = try s.post("domain.update", ["domainId": .string(id), "host": "www.example.com"])
      #expect(upd.json?["host"] == "www.example.com")
      let c = try s.post("compose.create", ["name": "c", "environmentId": .string(env)]).json!["composeId"]!.stringValue!
      _ = try s.post("domain.create", ["host": "c.example.com", "composeId": .string(c), "serviceName": "web"])
      // The column's default (schema/domain.ts:37): the input gave no domainType.
      #expect(try s.get("domain.byComposeId", [("composeId", c)]).json?[0]?["domainType"] == "application")
      #expect(try s.post("domain.delete", ["domainId": .string(id)]).status == 200)
      let gone = try s.get("domain.one", [("domainId", id)])
      #expect(gone.status == 404)
      #expect(gone.json?["message"] == "Domain not found")
      // Inside the router's try (routers/domain.ts:57): the insert's foreign key failure is a 400.
      #expect(try s.post("domain.create", ["host": "x.example.com", "applicationId": "nope"]).status == 400)
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test(arguments: DatabaseKind.allCases)
  func databaseLifecycle(kind: DatabaseKind) async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, env) = try s.makeProject()
      var input = JSONObject()
      input["name"] = .string("db-\(kind.rawValue)")
      input["environmentId"] = .string(env)
      input["databasePassword"] = "s3cret"
      if kind != .redis { input["databaseUser"] = "admin" }
      if [.postgres, .mysql, .mariadb].contains(kind) { input["databaseName"] = "main" }
      let created = try s.post("\(kind.rawValue).create", .object(input))
      #expect(created.status == 200)
      let idKey = "\(kind.rawValue)Id"
      let id = try #require(created.json?[idKey]?.stringValue)
      #expect(created.json?["databasePassword"] == "s3cret")
      #expect(created.json?["applicationStatus"] == "idle")
      let r = kind.rawValue
      #expect(try s.post("\(r).deploy", [idKey: .string(id)]).status == 200)
      #expect(try s.get("\(r).one", [(idKey, id)]).json?["applicationStatus"] == "done")
      #expect(try s.post("\(r).stop", [idKey: .string(id)]).status == 200)
      #expect(try s.get("\(r).one", [(idKey, id)]).json?["applicationStatus"] == "idle")
      #expect(try s.post("\(r).start", [idKey: .string(id)]).status == 200)
      #expect(try s.get("\(r).one", [(idKey, id)]).json?["applicationStatus"] == "done")
      #expect(try s.post("\(r).saveEnvironment", [idKey: .string(id), "env": "X=1"]).status == 200)
      #expect(try s.post("\(r).saveExternalPort", [idKey: .string(id), "externalPort": 15432]).status == 200)
      #expect(try s.post("\(r).update", [idKey: .string(id), "description": "primary"]).status == 200)
      let one = try s.get("\(r).one", [(idKey, id)]).json
      #expect(one?["env"] == "X=1")
      #expect(one?["externalPort"] == 15432)
      #expect(one?["description"] == "primary")
      #expect(try s.get("project.one", [("projectId", pid)]).json?["environments"]?[0]?[r]?.arrayValue?.count == 1)
      #expect(try s.post("\(r).remove", [idKey: .string(id)]).status == 200)
      let gone = try s.get("\(r).one", [(idKey, id)])
      #expect(gone.status == 404)
      #expect(gone.json?["message"] == .string("\(kind.displayName) not found"))
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func settingsUserAndDocker() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown { () throws in
      #expect(try s.get("settings.health").json == ["status": "ok"])
      #expect(try s.get("settings.getDokployVersion").json?.stringValue?.hasPrefix("v") == true)
      #expect(try s.get("user.get").json?["user"]?["email"]?.stringValue != nil)
      #expect(try s.get("docker.getContainers").json == [])
    } teardown: {
      await s.sb.stop()
    }
  }
}
