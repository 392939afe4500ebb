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
    try await withTeardown {
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
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `mounts.listByServiceId` (services/mount.ts:205) returns the mounts of the given service only.
  @Test func mountsAreListedForTheirService() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
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
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `server.allForPermissions` and `gitProvider.allForPermissions` check the licence before the
  /// query (routers/server.ts:142): 403 on a server without one. `sshKey.allForApps`
  /// (routers/ssh-key.ts:90) returns only `sshKeyId` and `name`.
  @Test func permissionListsNeedALicenceAndSshKeysForAppsAreIdAndName() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
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
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `gitProvider.getAll` (routers/git-provider.ts:25) returns each provider with `isOwner` and
  /// its gitlab row reduced to `{gitlabId, applicationId, gitlabUrl, isConfigured}` (no secret),
  /// the other kinds null. It used to return the bare provider rows.
  @Test func gitProvidersCarryTheirReducedProviderRow() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let created = try s.post(
        "gitlab.create",
        ["authId": "none", "name": "lab", "gitlabUrl": "https://gitlab.com", "applicationId": "app1", "secret": "s3cret"])
      #expect(created.status == 200, "\(created.body)")
      let r = try s.get("gitProvider.getAll")
      let first = try #require(r.json?.arrayValue?.first, "body: \(r.body)")
      #expect(first["isOwner"] == true)
      #expect(first["github"] == .null && first["gitea"] == .null && first["bitbucket"] == .null)
      #expect(
        first["gitlab"]?.objectValue?.pairs.map(\.0).sorted() == ["applicationId", "gitlabId", "gitlabUrl", "isConfigured"],
        "body: \(r.body)")
      #expect(first["gitlab"]?["isConfigured"] == false)
      #expect(!r.body.contains("s3cret"))
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `application.readAppMonitoring` (services/application.ts:613) is null while the service has
  /// no running container, then its five stats series (empty: the sandbox samples none).
  @Test func appMonitoringIsNullUntilTheContainerRuns() async throws {
    let s = try await SandboxClient.start(deploySeconds: 0.05)
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let appName = try #require(try s.get("application.one", [("applicationId", app)]).json?["appName"]?.stringValue)
      #expect(try s.get("application.readAppMonitoring", [("appName", appName)]).json == .null)
      _ = try s.post(
        "application.saveDockerProvider",
        [
          "applicationId": .string(app), "dockerImage": "nginx:alpine", "username": .null, "password": .null,
          "registryUrl": .null,
        ])
      _ = try s.post("application.deploy", ["applicationId": .string(app)])
      #expect(
        try await eventually {
          try s.get("application.one", [("applicationId", app)]).json?["applicationStatus"] == "done"
        })
      let stats = try s.get("application.readAppMonitoring", [("appName", appName)])
      #expect(stats.json == ["cpu": [], "memory": [], "disk": [], "network": [], "block": []], "\(stats.body)")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `deployment.queueList` (routers/deployment.ts:81) lists the deploy queue's jobs newest
  /// first: the one the worker runs `active`, the next `waiting`, each with the router's
  /// `DeploymentJob` data and its service's page. It used to be `[]` whatever the queue held.
  @Test func queueListShowsTheRunningAndTheWaitingDeploys() async throws {
    let s = try await SandboxClient.start(deploySeconds: 30)
    try await withTeardown {
      let (project, env) = try s.makeProject()
      let web = try s.makeApp(env)
      let api = try s.makeApp(env, name: "api")
      _ = try s.post("application.deploy", ["applicationId": .string(web)])
      #expect(
        try await eventually {
          try s.get("application.one", [("applicationId", web)]).json?["applicationStatus"] == "running"
        })
      _ = try s.post("application.deploy", ["applicationId": .string(api), "title": "second"])
      let r = try s.get("deployment.queueList")
      let jobs = try #require(r.json?.arrayValue, "body: \(r.body)")
      #expect(jobs.map { $0["state"] } == ["waiting", "active"], "body: \(r.body)")
      #expect(jobs.first?["data"]?["applicationId"] == .string(api))
      #expect(jobs.first?["data"]?["titleLog"] == "second")
      #expect(jobs.first?["data"]?["applicationType"] == "application")
      #expect(jobs.first?["name"] == "deployments")
      #expect(jobs.last?["processedOn"]?.numberValue != nil)
      #expect(
        jobs.last?["servicePath"]?["href"]
          == .string("/dashboard/project/\(project)/environment/\(env)/services/application/\(web)"))
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `deployment.removeDeployment` (services/deployment.ts:617) deletes the row (and its log) and
  /// returns it; it used to return the row and keep it.
  @Test func removeDeploymentDeletesTheRowAndReturnsIt() async throws {
    let s = try await SandboxClient.start(deploySeconds: 0.05)
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      _ = try s.post("application.deploy", ["applicationId": .string(app)])
      var id: String?
      #expect(
        try await eventually {
          id = try s.get("deployment.all", [("applicationId", app)]).json?[0]?["deploymentId"]?.stringValue
          return id != nil
        })
      let deployment = try #require(id)
      #expect(
        try await eventually {
          try s.get("deployment.all", [("applicationId", app)]).json?[0]?["status"] != "running"
        })
      let r = try s.post("deployment.removeDeployment", ["deploymentId": .string(deployment)])
      #expect(r.json?["deploymentId"] == .string(deployment), "\(r.body)")
      #expect(try s.get("deployment.all", [("applicationId", app)]).json == [])
      #expect(try s.post("deployment.removeDeployment", ["deploymentId": .string(deployment)]).status == 404)
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `backup.listBackupFiles` (routers/backup.ts:472) looks the destination up first; its
  /// catch rethrows the 404 as a 400 "Destination not found" (it used to answer `[]`).
  @Test func backupFilesOfAnUnknownDestinationAreA400() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let r = try s.get("backup.listBackupFiles", [("destinationId", "nope"), ("search", "")])
      #expect(r.status == 400, "\(r.status) \(r.body)")
      #expect(r.body.contains("Destination not found"))
    } teardown: {
      await s.sb.stop()
    }
  }
}
