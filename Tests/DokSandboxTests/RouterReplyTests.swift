import DokCore
import Foundation
import Testing

@testable import DokSandbox

/// Replies of fixed-shape procedures over HTTP, as Dokploy v0.30.2's routers give them on a
/// self-hosted server (recorded in `Routers/`, each with the source line it was read at). Each
/// test is named after what the real router does; the sandbox used to guess these from the
/// procedure's name (`true` for every mutation, `[]` for `get…s`, `null` for other queries).
@Suite struct RouterReplyTests {
  /// `settings.cleanDockerBuilder` (routers/settings.ts:213) ends without a `return`: the REST
  /// adapter sends an empty 200 body, which dok reads as no value.
  @Test func cleanDockerBuilderReturnsNothing() async throws {
    let s = try await SandboxClient.start()
    let r = try s.post("settings.cleanDockerBuilder", [:])
    #expect(r.status == 200)
    #expect(r.body.isEmpty, "body: \(r.body)")
    // Same for a removed image (routers/docker-image.ts:46).
    let removed = try s.post("dockerImage.removeImage", ["repository": "nginx", "tag": "alpine", "id": "4a1cf0f35c3d"])
    #expect(removed.status == 200)
    #expect(removed.body.isEmpty, "body: \(removed.body)")
    await s.sb.stop()
  }

  /// `docker.getEvents` returns `{events, fetchedAt}` (services/docker.ts:923), not an array.
  @Test func dockerEventsIsAnObjectWithTheEventsAndWhenTheyWereFetched() async throws {
    let s = try await SandboxClient.start()
    let r = try s.get("docker.getEvents", [("minutes", "15")])
    #expect(r.status == 200)
    let reply = try #require(r.json?.objectValue, "body: \(r.body)")
    #expect(reply["events"] == [])
    let fetchedAt = try #require(reply["fetchedAt"]?.stringValue)
    #expect(fetchedAt.hasPrefix("20") && fetchedAt.hasSuffix("Z"))
    await s.sb.stop()
  }

  /// `settings.checkInfrastructureHealth` returns `{postgres, traefik}`, each with a `status`
  /// (routers/settings.ts:934).
  @Test func infrastructureHealthReportsPostgresAndTraefik() async throws {
    let s = try await SandboxClient.start()
    let r = try s.get("settings.checkInfrastructureHealth")
    #expect(r.status == 200)
    #expect(r.json?["postgres"]?["status"] == "healthy", "body: \(r.body)")
    #expect(r.json?["traefik"]?["status"] == "healthy")
    await s.sb.stop()
  }

  /// `enterpriseProcedure` on a server without a licence throws FORBIDDEN "Valid enterprise
  /// license required" (server/api/trpc.ts:229) before the handler runs.
  @Test func enterpriseProceduresAreRefusedWithoutALicence() async throws {
    let s = try await SandboxClient.start()
    let r = try s.get("sso.listProviders")
    #expect(r.status == 403, "body: \(r.body)")
    #expect(r.json?["message"] == "Valid enterprise license required")
    #expect(r.json?["code"] == "FORBIDDEN")
    let trpc = try s.trpcPost("customRole.create", ["roleName": "ops", "permissions": .object(JSONObject())])
    #expect(trpc.status == 403, "body: \(trpc.body)")
    await s.sb.stop()
  }

  /// `docker.getContainersByAppNameMatch` lists the service's containers as
  /// `{containerId, name, state, status}` (services/docker.ts:159): a deployed application has one.
  @Test func aDeployedApplicationsContainerIsFoundByItsAppName() async throws {
    let s = try await SandboxClient.start(deploySeconds: 0.1)
    let (_, env) = try s.makeProject()
    let app = try s.makeApp(env)
    try s.setImage(app, "nginx:alpine")
    #expect(try await s.deployUntilDone(app))
    let appName = try #require(try s.get("application.one", [("applicationId", app)]).json?["appName"]?.stringValue)
    let r = try s.get("docker.getContainersByAppNameMatch", [("appName", appName)])
    let containers = try #require(r.json?.arrayValue, "body: \(r.body)")
    #expect(containers.count == 1)
    #expect(containers.first?["state"] == "running")
    #expect(containers.first?["name"]?.stringValue?.hasPrefix(appName) == true)
    #expect(containers.first?.objectValue?.keys == ["containerId", "name", "state", "status"])
    #expect(try s.get("docker.getContainersByAppNameMatch", [("appName", "nothing-here")]).json == [])
    await s.sb.stop()
  }

  /// `overview.services` lists every service of the organization with its project and
  /// environment (services/overview.ts:229).
  @Test func theOverviewListsEveryServiceWithItsProjectAndEnvironment() async throws {
    let s = try await SandboxClient.start()
    // settings.isUserSubscribed: true once the organization has a server or a project (routers/settings.ts:910).
    #expect(try s.get("settings.isUserSubscribed").json == false)
    let (pid, env) = try s.makeProject("shop")
    #expect(try s.get("settings.isUserSubscribed").json == true)
    let app = try s.makeApp(env, name: "storefront")
    let r = try s.get("overview.services")
    let services = try #require(r.json?.arrayValue, "body: \(r.body)")
    let row = try #require(services.first { $0["id"] == .string(app) })
    #expect(row["type"] == "application")
    #expect(row["name"] == "storefront")
    #expect(row["projectId"] == .string(pid))
    #expect(row["projectName"] == "shop")
    #expect(row["environmentName"] == "production")
    #expect(row["lastDeployAt"] == .null)
    // project.homeStats counts the same services (routers/project.ts:515).
    let stats = try s.get("project.homeStats")
    #expect(stats.json?["projects"] == 1, "body: \(stats.body)")
    #expect(stats.json?["applications"] == 1)
    #expect(stats.json?["services"] == 1)
    #expect(stats.json?["status"]?["idle"] == 1)
    await s.sb.stop()
  }

  /// `dockerVolume.readVolumeFile` returns `{content (base64), truncated}` (services/docker-volume.ts:122)
  /// and `user.getMetricsToken` an object of the settings it reads (routers/user.ts:385).
  @Test func fileAndTokenQueriesReturnObjects() async throws {
    let s = try await SandboxClient.start()
    let file = try s.get("dockerVolume.readVolumeFile", [("volumeName", "data"), ("path", "/config.json")])
    #expect(file.json?["truncated"] == false, "body: \(file.body)")
    #expect(file.json?["content"]?.stringValue != nil)
    let token = try s.get("user.getMetricsToken")
    #expect(token.json?["enabledFeatures"] == false, "body: \(token.body)")
    #expect(token.json?["metricsConfig"]?["server"] != nil)
    await s.sb.stop()
  }

  /// `user.one` finds the member in the caller's organization, else 404 "User not found in
  /// this organization" (routers/user.ts:94).
  @Test func userOneAnswersTheSandboxsOwnerAndNotFoundForOthers() async throws {
    let s = try await SandboxClient.start()
    let me = try #require(try s.get("user.get").json?["userId"]?.stringValue)
    let one = try s.get("user.one", [("userId", me)])
    #expect(one.json?["role"] == "owner", "body: \(one.body)")
    #expect(one.json?["user"]?["id"] == .string(me))
    let other = try s.get("user.one", [("userId", "someone-else")])
    #expect(other.status == 404)
    #expect(other.json?["message"] == "User not found in this organization")
    await s.sb.stop()
  }

  /// `application.search` returns `{items, total}`: the matching rows with the selected
  /// columns, newest first, and their count (routers/application.ts:981).
  @Test func searchReturnsTheMatchingRowsAndTheirCount() async throws {
    let s = try await SandboxClient.start()
    let (pid, env) = try s.makeProject()
    _ = try s.makeApp(env, name: "api-gateway")
    _ = try s.makeApp(env, name: "web")
    let all = try s.get("application.search", [("projectId", pid)])
    #expect(all.json?["total"] == 2, "body: \(all.body)")
    #expect(all.json?["items"]?[0]?["name"] == "web")
    #expect(all.json?["items"]?[0]?.objectValue?.keys.contains("env") == false)
    // Not "GATE": a generated appName may hold "navigate".
    let some = try s.get("application.search", [("q", "GATEWAY")])
    #expect(some.json?["total"] == 1)
    #expect(some.json?["items"]?[0]?["name"] == "api-gateway")
    #expect(try s.get("application.search", [("projectId", "elsewhere")]).json?["total"] == 0)
    await s.sb.stop()
  }

  /// `server.getServerTime` answers `{time, timezone}` on a self-hosted server (null only on
  /// Cloud, routers/server.ts:512).
  @Test func serverTimeIsAnObjectOnASelfHostedServer() async throws {
    let s = try await SandboxClient.start()
    let r = try s.get("server.getServerTime")
    #expect(r.json?["timezone"] == "UTC", "body: \(r.body)")
    #expect(r.json?["time"]?.stringValue?.hasSuffix("Z") == true)
    await s.sb.stop()
  }

  /// `compose.loadServices` returns the service names of the compose file
  /// (services/compose.ts:193), `compose.fetchSourceType` its `sourceType` (routers/compose.ts:339).
  @Test func composeQueriesReadTheComposeFile() async throws {
    let s = try await SandboxClient.start()
    let (_, env) = try s.makeProject()
    let file = "services:\n  web:\n    image: nginx\n  db:\n    image: postgres:18\n    ports:\n      - 5432\nvolumes:\n  data:\n"
    let id = try #require(
      try s.post("compose.create", ["name": "stack", "environmentId": .string(env), "composeFile": .string(file)]).json?[
        "composeId"]?.stringValue)
    let services = try s.get("compose.loadServices", [("composeId", id), ("type", "cache")])
    #expect(services.json == ["web", "db"], "body: \(services.body)")
    #expect(try s.post("compose.fetchSourceType", ["composeId": .string(id)]).json == "github")
    await s.sb.stop()
  }
}
