import DokCore
import Testing

@testable import DokSandbox

/// List queries tables.json describes as "rows of T", over HTTP: the router's `where`, columns
/// and order (the sandbox used to answer every row of the table whatever the input).
@Suite struct ListQueryReplyTests {
  /// `deployment.allByType` (routers/deployment.ts:153) returns the deployments whose
  /// `<type>Id` is the input's id, newest first; `deployment.allCentralized` those of every
  /// application and compose.
  @Test func deploymentsByTypeAreThoseOfTheGivenService() async throws {
    let s = try await SandboxClient.start(deploySeconds: 0.05)
    let (_, env) = try s.makeProject()
    let web = try s.makeApp(env)
    let api = try s.makeApp(env, name: "api")
    for app in [web, api] {
      _ = try s.post(
        "application.saveDockerProvider",
        [
          "applicationId": .string(app), "dockerImage": "nginx:alpine", "username": .null, "password": .null,
          "registryUrl": .null,
        ])
    }
    for app in [web, api, web] {
      _ = try s.post("application.deploy", ["applicationId": .string(app)])
      #expect(
        try await eventually {
          try s.get("application.one", [("applicationId", app)]).json?["applicationStatus"] == "done"
        })
    }
    let r = try s.get("deployment.allByType", [("id", web), ("type", "application")])
    let rows = try #require(r.json?.arrayValue, "body: \(r.body)")
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0["applicationId"] == .string(web) })
    let times = rows.compactMap { $0["createdAt"]?.stringValue }
    #expect(times == times.sorted(by: >))
    #expect(rows.first?["rollback"] == .null)
    #expect(try s.get("deployment.allByType", [("id", "nope"), ("type", "compose")]).json == [])
    let all = try s.get("deployment.allCentralized").json?.arrayValue ?? []
    #expect(all.count == 3)
    #expect(all.first?["application"]?["applicationId"] != nil, "\(all.first ?? .null)")
    await s.sb.stop()
  }

  /// `mounts.listByServiceId` (services/mount.ts:205) returns the mounts of the given service only.
  @Test func mountsAreListedForTheirService() async throws {
    let s = try await SandboxClient.start()
    let (_, env) = try s.makeProject()
    let web = try s.makeApp(env)
    let api = try s.makeApp(env, name: "api")
    for (app, path) in [(web, "/data"), (api, "/other")] {
      let m = try s.post(
        "mounts.create",
        [
          "type": "volume", "volumeName": "v", "mountPath": .string(path), "serviceId": .string(app),
          "serviceType": "application",
        ])
      #expect(m.status == 200, "\(m.body)")
    }
    let r = try s.get("mounts.listByServiceId", [("serviceId", web), ("serviceType", "application")])
    #expect(r.json?.arrayValue?.compactMap { $0["mountPath"]?.stringValue } == ["/data"], "body: \(r.body)")
    await s.sb.stop()
  }

  /// `server.allForPermissions` and `gitProvider.allForPermissions` check the licence before the
  /// query (routers/server.ts:142): 403 on a server without one. `sshKey.allForApps`
  /// (routers/ssh-key.ts:90) returns only `sshKeyId` and `name`.
  @Test func permissionListsNeedALicenceAndSshKeysForAppsAreIdAndName() async throws {
    let s = try await SandboxClient.start()
    for proc in ["server.allForPermissions", "gitProvider.allForPermissions"] {
      let r = try s.get(proc)
      #expect(r.status == 403, "\(proc): \(r.status) \(r.body)")
      #expect(r.body.contains("Valid enterprise license required"))
    }
    let org = try #require(try s.get("organization.active").json?["id"]?.stringValue)
    let key = try s.post(
      "sshKey.create",
      ["name": "deploy", "privateKey": "PRIVATE", "publicKey": "ssh-ed25519 AAAA", "organizationId": .string(org)])
    #expect(key.status == 200, "\(key.body)")
    let r = try s.get("sshKey.allForApps")
    let rows = try #require(r.json?.arrayValue, "body: \(r.body)")
    #expect(rows.count == 1)
    #expect(rows.first?.objectValue?.pairs.map(\.0).sorted() == ["name", "sshKeyId"], "body: \(r.body)")
    await s.sb.stop()
  }
}
