import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `ai.deploy` (routers/ai.ts:341-393) creates a compose service from the suggestion
/// (`createComposeByTemplate` with `sourceType: "raw"` and an appName from the project's name
/// and the suggestion's id), a compose domain per suggested domain and a file mount per config
/// file, and answers null.
@Suite struct AIDeployTests {
  @Test func deployCreatesTheSuggestedCompose() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject("My Shop")
      let file = "services:\n  web:\n    image: nginx\n"
      let r = try s.post(
        "ai.deploy",
        [
          "environmentId": .string(env), "id": "nginx-site", "dockerCompose": .string(file), "envVariables": "A=1",
          "name": "Site", "description": "from the assistant",
          "domains": [["host": "site.example.com", "port": 80, "serviceName": "web"]],
          "configFiles": [["filePath": "nginx.conf", "content": "server {}"]],
        ])
      #expect(r.status == 200)
      #expect(r.json == .null)
      let listed = try #require(try s.get("environment.one", [("environmentId", env)]).json?["compose"]?[0])
      #expect(listed["name"] == "Site")
      let id = try #require(listed["composeId"]?.stringValue)
      let one = try #require(try s.get("compose.one", [("composeId", id)]).json)
      #expect(one["composeFile"] == .string(file))
      #expect(one["env"] == "A=1")
      #expect(one["sourceType"] == "raw")
      #expect(one["description"] == "from the assistant")
      // slugify("My Shop nginx-site") drops the "-" and joins the words: "my-shop-nginxsite-XXXXXX".
      let appName = try #require(one["appName"]?.stringValue)
      #expect(appName.hasPrefix("my-shop-nginxsite-"))
      #expect(appName.count == "my-shop-nginxsite-".count + 6)
      #expect(one["domains"]?[0]?["host"] == "site.example.com")
      #expect(one["domains"]?[0]?["domainType"] == "compose")
      #expect(one["domains"]?[0]?["serviceName"] == "web")
      #expect(one["mounts"]?[0]?["type"] == "file")
      #expect(one["mounts"]?[0]?["filePath"] == "nginx.conf")
      #expect(one["mounts"]?[0]?["content"] == "server {}")
      let unknown = try s.post(
        "ai.deploy",
        [
          "environmentId": "nope", "id": "x", "dockerCompose": "services: {}", "envVariables": "", "name": "X",
          "description": "",
        ])
      #expect(unknown.status == 404)
      #expect(unknown.json?["message"] == "Environment not found")
    } teardown: {
      await s.sb.stop()
    }
  }
}
