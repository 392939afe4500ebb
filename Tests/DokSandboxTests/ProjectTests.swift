import DokCore
import Testing

@testable import DokSandbox

@Suite struct ProjectTests {
  @Test func projectLifecycle() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let created = try s.post("project.create", ["name": "shop", "description": "the shop"])
      #expect(created.status == 200)
      let project = try #require(created.json?["project"])
      let env = try #require(created.json?["environment"])
      #expect(env["name"] == "production")
      let id = try #require(project["projectId"]?.stringValue)
      #expect(id.count == 21)
      #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
      let one = try s.get("project.one", [("projectId", id)])
      #expect(one.status == 200)
      #expect(one.json?["name"] == "shop")
      #expect(one.json?["environments"]?[0]?["applications"] == [])
      let upd = try s.post("project.update", ["projectId": .string(id), "name": "shop2"])
      #expect(upd.status == 200)
      #expect(try s.get("project.one", [("projectId", id)]).json?["name"] == "shop2")
      #expect(try s.get("project.all").json?.arrayValue?.count == 1)
      #expect(try s.post("project.remove", ["projectId": .string(id)]).status == 200)
      let gone = try s.get("project.one", [("projectId", id)])
      #expect(gone.status == 404)
      #expect(gone.json?["message"] == "Project not found")
      #expect(try s.get("project.all").json == [])
    } teardown: {
      await s.sb.stop()
    }
  }

  @Test func environmentLifecycle() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, prod) = try s.makeProject()
      let created = try s.post("environment.create", ["name": "staging", "projectId": .string(pid)])
      #expect(created.status == 200)
      let eid = try #require(created.json?["environmentId"]?.stringValue)
      #expect(try s.get("environment.one", [("environmentId", eid)]).json?["name"] == "staging")
      let list = try s.get("environment.byProjectId", [("projectId", pid)])
      #expect(list.json?.arrayValue?.compactMap { $0["environmentId"]?.stringValue } == [prod, eid])
      let app = try s.makeApp(eid)
      // Fact: "an environment with services cannot be removed (400 …)".
      let busy = try s.post("environment.remove", ["environmentId": .string(eid)])
      #expect(busy.status == 400)
      #expect(busy.json?["message"] == "Cannot delete environment: it has active services. Delete all services first.")
      #expect(try s.post("application.delete", ["applicationId": .string(app)]).status == 200)
      #expect(try s.post("environment.remove", ["environmentId": .string(eid)]).status == 200)
      let gone = try s.get("environment.one", [("environmentId", eid)])
      #expect(gone.status == 404)
      #expect(gone.json?["message"] == "Environment not found")
      #expect(try s.get("project.one", [("projectId", pid)]).json?["environments"]?.arrayValue?.count == 1)
    } teardown: {
      await s.sb.stop()
    }
  }
}
