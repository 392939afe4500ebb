import DokCore
import Testing

@testable import DokSandbox

/// Fixed-shape procedures whose real reply is derived from a row of the state, where
/// tables.json only gave a placeholder (`""`, `status: null`, every row): over HTTP, each test
/// named after what Dokploy v0.30.2's router does.
@Suite struct DerivedReplyTests {
  static let file = """
    services:
      web:
        image: nginx
        container_name: front
        depends_on:
          - db
        volumes:
          - data:/usr/share/nginx/html:ro
          - ./conf:/etc/nginx/conf.d
        networks:
          - backend
          - dokploy-network
      db:
        image: postgres:18
        secrets:
          - dbpass
    volumes:
      data:
    networks:
      backend:
      dokploy-network:
        external: true
    secrets:
      dbpass:
        file: ./pass.txt

    """

  private func makeCompose(_ s: SandboxClient, file: String = DerivedReplyTests.file) throws -> (String, String) {
    let (_, env) = try s.makeProject()
    let row = try #require(
      try s.post("compose.create", ["name": "stack", "environmentId": .string(env), "composeFile": .string(file)]).json)
    return (try #require(row["composeId"]?.stringValue), try #require(row["appName"]?.stringValue))
  }

  /// `compose.randomizeCompose` (utils/docker/compose.ts:15) returns the compose's file with the
  /// suffix on every service, volume, network (not `dokploy-network`) and secret name and on
  /// their references; bind mounts are left alone. It used to return `""`.
  @Test func randomizeComposeSuffixesTheNamesOfTheComposeFile() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (id, _) = try makeCompose(s)
      let r = try s.post("compose.randomizeCompose", ["composeId": .string(id), "suffix": "x1"])
      #expect(r.status == 200)
      let expected = """
        services:
          web-x1:
            image: nginx
            container_name: front-x1
            depends_on:
              - db-x1
            volumes:
              - data-x1:/usr/share/nginx/html:ro
              - ./conf:/etc/nginx/conf.d
            networks:
              - backend-x1
              - dokploy-network
          db-x1:
            image: postgres:18
            secrets:
              - dbpass-x1
        volumes:
          data-x1:
        networks:
          backend-x1:
          dokploy-network:
            external: true
        secrets:
          dbpass-x1:
            file: ./pass.txt

        """
      #expect(r.json?.stringValue == expected, "body: \(r.body)")
      // Without a suffix: 8 random hex digits (crypto.randomBytes(4)).
      let random = try #require(try s.post("compose.randomizeCompose", ["composeId": .string(id)]).json?.stringValue)
      let name = try #require(random.split(separator: "\n").dropFirst().first).trimming(" :")
      #expect(name.hasPrefix("web-") && name.count == 12, "first service: \(name)")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `compose.isolatedDeployment` (utils/docker/collision.ts:28) returns the file unchanged when
  /// the compose is not isolated, and with a network named after the compose's `appName` on
  /// every service and in the root networks when it is.
  @Test func isolatedDeploymentAddsTheAppNameNetworkToEveryService() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let file = "services:\n  web:\n    image: nginx\n  db:\n    image: postgres:18\n    networks:\n      - back\n"
      let (id, appName) = try makeCompose(s, file: file)
      #expect(try s.post("compose.isolatedDeployment", ["composeId": .string(id)]).json?.stringValue == file)
      _ = try s.post("compose.update", ["composeId": .string(id), "isolatedDeployment": true])
      let r = try s.post("compose.isolatedDeployment", ["composeId": .string(id)])
      let expected = """
        services:
          web:
            image: nginx
            networks:
              - \(appName)
          db:
            image: postgres:18
            networks:
              - back
              - \(appName)
        networks:
          \(appName):
            name: \(appName)
            external: true

        """
      #expect(r.json?.stringValue == expected, "body: \(r.body)")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `compose.getDefaultCommand` (routers/compose.ts:543) returns `docker ` + `createCommand`:
  /// `compose -p APP -f PATH up -d --build --remove-orphans`, PATH `docker-compose.yml` for a raw
  /// compose; the compose's own command when it has one. It used to return `""`.
  @Test func defaultCommandIsTheDockerComposeUpOfTheCompose() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (id, appName) = try makeCompose(s)
      let path = try #require(try s.get("compose.one", [("composeId", id)]).json?["composePath"]?.stringValue)
      let r = try s.get("compose.getDefaultCommand", [("composeId", id)])
      #expect(r.json == .string("docker compose -p \(appName) -f \(path) up -d --build --remove-orphans"), "\(r.body)")
      _ = try s.post("compose.update", ["composeId": .string(id), "sourceType": "raw", "composeType": "stack"])
      #expect(
        try s.get("compose.getDefaultCommand", [("composeId", id)]).json
          == .string("docker stack deploy -c docker-compose.yml \(appName) --prune --with-registry-auth"))
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `schedule.runManually` (routers/schedule.ts:313) returns the run's deployment status, id and
  /// log path: `error` when the application's container is not running (utils/schedules/utils.ts:80),
  /// `done` for a host schedule. It used to return `status: null`.
  @Test func runningAScheduleReportsTheDeploymentItCreated() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let schedule: JSON = [
        "name": "nightly", "cronExpression": "0 0 * * *", "command": "echo hi", "appName": "nightly-run",
        "scheduleType": "application", "applicationId": .string(app),
      ]
      let created = try #require(try s.post("schedule.create", schedule).json)
      let appSchedule = try #require(created["scheduleId"]?.stringValue)
      let appName = try #require(created["appName"]?.stringValue)
      let r = try s.post("schedule.runManually", ["scheduleId": .string(appSchedule)])
      #expect(r.status == 200)
      #expect(r.json?["status"] == "error", "body: \(r.body)")
      #expect(r.json?["deploymentId"]?.stringValue?.count == 21)
      let log = try #require(r.json?["logPath"]?.stringValue)
      #expect(log.hasPrefix("/etc/dokploy/schedules/\(appName)/\(appName)-20") && log.hasSuffix(".log"), "\(log)")
      let runs = try s.get("deployment.allByType", [("id", appSchedule), ("type", "schedule")]).json?.arrayValue ?? []
      #expect(runs.map { $0["deploymentId"] } == [r.json?["deploymentId"]], "\(runs)")
      #expect(runs.first?["status"] == "error" && runs.first?["logPath"] == .string(log))
      var host = schedule.objectValue ?? JSONObject()
      host["scheduleType"] = "dokploy-server"
      host["applicationId"] = nil
      let hostSchedule = try #require(try s.post("schedule.create", .object(host)).json?["scheduleId"]?.stringValue)
      #expect(try s.post("schedule.runManually", ["scheduleId": .string(hostSchedule)]).json?["status"] == "done")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `schedule.list` (routers/schedule.ts:201) returns only the schedules of the input's id for
  /// its type (it used to return every schedule of every service).
  @Test func scheduleListReturnsTheSchedulesOfTheGivenService() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let web = try s.makeApp(env)
      let api = try s.makeApp(env, name: "api")
      for (name, app) in [("a", web), ("b", api), ("c", web)] {
        _ = try s.post(
          "schedule.create",
          [
            "name": .string(name), "cronExpression": "0 0 * * *", "command": "true", "scheduleType": "application",
            "applicationId": .string(app),
          ])
      }
      let r = try s.get("schedule.list", [("id", web), ("scheduleType", "application")])
      #expect(r.json?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["a", "c"], "body: \(r.body)")
      #expect(r.json?.arrayValue?.first?["application"]?["applicationId"] == .string(web))
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `application.readTraefikConfig` (utils/traefik/application.ts:126) reads the file Dokploy
  /// writes for the application: empty `routers`/`services` before any domain, then for an
  /// https domain a `web` router that only redirects, a `websecure` router with the certificate
  /// resolver and a service to `http://APP:PORT` (utils/traefik/domain.ts:20). It used to return `""`.
  @Test func traefikConfigHasARouterPairAndAServicePerDomain() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let appName = try #require(try s.get("application.one", [("applicationId", app)]).json?["appName"]?.stringValue)
      #expect(
        try s.get("application.readTraefikConfig", [("applicationId", app)]).json
          == "http:\n  routers: {}\n  services: {}\n")
      let domain = try s.post(
        "domain.create",
        [
          "host": "shop.example.com", "applicationId": .string(app), "https": true, "certificateType": "letsencrypt",
          "port": 8080, "path": "/",
        ])
      let key = try #require(domain.json?["uniqueConfigKey"]?.numberValue.map { Int($0) }, "\(domain.body)")
      let expected = """
        http:
          routers:
            \(appName)-router-\(key):
              rule: Host(`shop.example.com`)
              service: \(appName)-service-\(key)
              middlewares:
                - redirect-to-https
              entryPoints:
                - web
            \(appName)-router-websecure-\(key):
              rule: Host(`shop.example.com`)
              service: \(appName)-service-\(key)
              middlewares: []
              entryPoints:
                - websecure
              tls:
                certResolver: letsencrypt
          services:
            \(appName)-service-\(key):
              loadBalancer:
                servers:
                  - url: http://\(appName):8080
                passHostHeader: true

        """
      let r = try s.get("application.readTraefikConfig", [("applicationId", app)])
      #expect(r.json?.stringValue == expected, "body: \(r.body)")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `domain.validateDomain` (services/domain.ts:155) answers `{isValid, resolvedIp}`, with an
  /// `error` when the address is not the expected one, and `{isValid: false, error}` for a name
  /// that does not resolve: never all five keys with empty values as it used to.
  @Test func validateDomainReportsWhatTheNameResolvesTo() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let ok = try s.post("domain.validateDomain", ["domain": "web-1a2b3c-127-0-0-1.sslip.io", "serverIp": "127.0.0.1"])
      #expect(ok.json == ["isValid": true, "resolvedIp": "127.0.0.1"], "\(ok.body)")
      let other = try s.post("domain.validateDomain", ["domain": "https://10.0.0.7.nip.io/x", "serverIp": "127.0.0.1"])
      #expect(
        other.json
          == [
            "isValid": false, "resolvedIp": "10.0.0.7",
            "error": "Domain resolves to 10.0.0.7 but should point to 127.0.0.1",
          ], "\(other.body)")
      let unknown = try s.post("domain.validateDomain", ["domain": "shop.example.com"])
      #expect(unknown.json == ["isValid": false, "error": "queryA ENOTFOUND shop.example.com"], "\(unknown.body)")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `compose.import` answers `{success: true, message: "Template imported successfully"}`
  /// (routers/compose.ts:1038; the message used to be null), and a database's `changeStatus`
  /// returns the row as `findMySqlById` read it before the change, with its environment and
  /// project (services/mysql.ts:58), and stores the new status (it used to be the bare row, unchanged).
  @Test func importSaysSoAndChangeStatusReturnsTheRowWithItsRelations() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (compose, _) = try makeCompose(s)
      let imported = try s.post("compose.import", ["composeId": .string(compose), "base64": "e30="])
      #expect(imported.json == ["success": true, "message": "Template imported successfully"], "\(imported.body)")
      let (project, env) = try s.makeProject("data")
      let db = try #require(
        try s.post(
          "mysql.create",
          [
            "name": "db", "environmentId": .string(env), "databaseName": "app", "databaseUser": "app",
            "databasePassword": "secret123",
          ]
        ).json?["mysqlId"]?.stringValue)
      let r = try s.post("mysql.changeStatus", ["mysqlId": .string(db), "applicationStatus": "done"])
      #expect(r.json?["mysqlId"] == .string(db), "\(r.body)")
      #expect(r.json?["environment"]?["project"]?["projectId"] == .string(project), "\(r.body)")
      #expect(r.json?["mounts"] == [])
      #expect(r.json?["applicationStatus"] == "idle")
      // The status is stored: the next call returns the row as it now is.
      let again = try s.post("mysql.changeStatus", ["mysqlId": .string(db), "applicationStatus": "error"])
      #expect(again.json?["applicationStatus"] == "done", "\(again.body)")
      #expect(try s.get("mysql.one", [("mysqlId", db)]).json?["applicationStatus"] == "error")
    } teardown: {
      await s.sb.stop()
    }
  }

  /// `domain.toggleEnable` (routers/domain.ts:144) flips the domain's `enabled` and returns the
  /// updated row with `requiresRedeploy`; the disabled domain leaves the Traefik file. It used
  /// to return the row unchanged and change nothing.
  @Test func toggleEnableFlipsTheDomainAndReturnsTheUpdatedRow() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, env) = try s.makeProject()
      let app = try s.makeApp(env)
      let domain = try #require(
        try s.post("domain.create", ["host": "a.example.com", "applicationId": .string(app)]).json?["domainId"]?
          .stringValue)
      let off = try s.post("domain.toggleEnable", ["domainId": .string(domain)])
      #expect(off.json?["enabled"] == false, "\(off.body)")
      #expect(off.json?["requiresRedeploy"] == false)
      #expect(try s.get("domain.one", [("domainId", domain)]).json?["enabled"] == false)
      #expect(
        try s.get("application.readTraefikConfig", [("applicationId", app)]).json
          == "http:\n  routers: {}\n  services: {}\n")
      #expect(try s.post("domain.toggleEnable", ["domainId": .string(domain)]).json?["enabled"] == true)
    } teardown: {
      await s.sb.stop()
    }
  }
}
