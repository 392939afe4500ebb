import DokCore
import DokTestSupport
import Foundation
import Testing

@testable import DokSandbox

/// `<service>.move` (`routers/application.ts:895`, `routers/compose.ts:768`, `routers/postgres.ts:472`…):
/// `update … set environmentId = target … returning *` after a permission check an owner always passes.
@Suite struct ServiceMoveTests {
  /// Makes a project with a second environment and one service of each kind in production.
  static func setUp(_ s: SandboxClient) throws -> (project: String, production: String, staging: String, ids: [String: String]) {
    let (pid, prod) = try s.makeProject("moving")
    let staging = try #require(
      try s.post("environment.create", ["name": "staging", "projectId": .string(pid)]).json?["environmentId"]?.stringValue)
    var ids: [String: String] = [:]
    ids["application"] = try s.makeApp(prod)
    ids["compose"] = try s.post("compose.create", ["name": "stack", "environmentId": .string(prod)]).json?["composeId"]?
      .stringValue
    for kind in ["postgres", "mysql", "mariadb", "mongo"] {
      var input = JSONObject()
      input["name"] = .string(kind)
      input["databaseName"] = "d"
      input["databaseUser"] = "u"
      input["databasePassword"] = "secretpw"
      if kind != "postgres" { input["databaseRootPassword"] = "rootpw" }
      input["environmentId"] = .string(prod)
      let r = try s.post("\(kind).create", .object(input))
      ids[kind] = r.json?["\(kind)Id"]?.stringValue
      #expect(ids[kind] != nil, "\(kind).create: \(r.body)")
    }
    ids["redis"] = try s.post("redis.create", ["name": "cache", "databasePassword": "secretpw", "environmentId": .string(prod)])
      .json?["redisId"]?.stringValue
    let libsql = try s.post(
      "libsql.create",
      [
        "name": "lite", "appName": "lite", "description": .null, "databaseUser": "u", "databasePassword": "secretpw",
        "sqldNode": "primary", "sqldPrimaryUrl": .null, "serverId": .null, "environmentId": .string(prod),
      ])
    // `libsql.create` answers `true`: the id is read back from the environment.
    #expect(libsql.status == 200, "\(libsql.body)")
    ids["libsql"] = try s.get("environment.one", [("environmentId", prod)]).json?["libsql"]?[0]?["libsqlId"]?.stringValue
    #expect(ids.count == 8)
    return (pid, prod, staging, ids)
  }

  /// The service's `environmentId` changes; `project.one`, `environment.one` and `project.all`
  /// list it under the target environment (and no longer under the source).
  @Test func moveChangesTheServicesEnvironment() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (pid, prod, staging, ids) = try Self.setUp(s)
      for (router, id) in ids.sorted(by: { $0.key < $1.key }) {
        let key = router == "application" ? "applicationId" : "\(router)Id"
        let r = try s.post("\(router).move", [key: .string(id), "targetEnvironmentId": .string(staging)])
        #expect(r.status == 200, "\(router).move: \(r.body)")
        // The updated row, all columns, no relations.
        #expect(r.json?[key] == .string(id))
        #expect(r.json?["environmentId"] == .string(staging))
        #expect(r.json?["environment"] == nil)
        let one = try s.get(router == "application" ? "application.one" : "\(router).one", [(key, id)]).json
        #expect(one?["environmentId"] == .string(staging), "\(router).one")
      }
      func listed(_ env: JSON?) -> [String] {
        ["applications", "compose", "postgres", "mysql", "mariadb", "mongo", "redis", "libsql"].flatMap { rel in
          (env?[rel]?.arrayValue ?? []).compactMap { svc in
            ["applicationId", "composeId", "postgresId", "mysqlId", "mariadbId", "mongoId", "redisId", "libsqlId"]
              .compactMap { svc[$0]?.stringValue }.first
          }
        }
      }
      let moved = Set(ids.values)
      let target = try s.get("environment.one", [("environmentId", staging)]).json
      #expect(Set(listed(target)) == moved)
      #expect(listed(try s.get("environment.one", [("environmentId", prod)]).json).isEmpty)
      let project = try s.get("project.one", [("projectId", pid)]).json
      let envs = project?["environments"]?.arrayValue ?? []
      #expect(Set(listed(envs.first { $0["environmentId"] == .string(staging) })) == moved)
      #expect(listed(envs.first { $0["environmentId"] == .string(prod) }).isEmpty)
      let all = try s.get("project.all").json?.arrayValue?.first { $0["projectId"] == .string(pid) }
      let allEnvs = all?["environments"]?.arrayValue ?? []
      #expect(Set(listed(allEnvs.first { $0["environmentId"] == .string(staging) })) == moved)
      #expect(listed(allEnvs.first { $0["environmentId"] == .string(prod) }).isEmpty)
    } teardown: {
      await s.sb.stop()
    }
  }

  /// An unknown target: Postgres refuses the update (foreign key) and drizzle's error becomes a
  /// 500 whose message is the failed query; an unknown service id updates no row, and the router
  /// throws 500 "Failed to move application". Nothing changes in either case.
  @Test func moveFailsAsTheRouterAndTheDatabaseDo() async throws {
    let s = try await SandboxClient.start()
    try await withTeardown {
      let (_, prod, staging, ids) = try Self.setUp(s)
      let app = try #require(ids["application"])
      let dangling = try s.post("application.move", ["applicationId": .string(app), "targetEnvironmentId": "nowhere"])
      #expect(dangling.status == 500)
      let message = try #require(dangling.json?["message"]?.stringValue)
      #expect(
        message.hasPrefix(
          "Failed query: update \"application\" set \"environmentId\" = $1 where \"application\".\"applicationId\" = $2 returning \"applicationId\", \"name\", "
        ))
      #expect(message.contains("\"certificateType\""), "the SQL name of previewCertificateType")
      #expect(message.hasSuffix("\nparams: nowhere,\(app)"))
      #expect(try s.get("application.one", [("applicationId", app)]).json?["environmentId"] == .string(prod))
      let unknown = try s.post("application.move", ["applicationId": "nope", "targetEnvironmentId": .string(staging)])
      #expect(unknown.status == 500)
      #expect(unknown.json?["message"] == "Failed to move application")
      let redis = try s.trpcPost("redis.move", ["redisId": "nope", "targetEnvironmentId": "nowhere"])
      #expect(redis.json?["error"]?["json"]?["message"] == "Failed to move redis")
      let rootPassword = try s.post("mysql.move", ["mysqlId": .string(ids["mysql"]!), "targetEnvironmentId": "nowhere"])
      #expect(rootPassword.json?["message"]?.stringValue?.contains("\"rootPassword\"") == true)
    } teardown: {
      await s.sb.stop()
    }
  }

  /// The move is a write like the others: with `--state` it is journalled and survives a restart.
  @Test func moveIsJournalled() async throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doksb-move-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("state.json").path
    let s1 = try await SandboxClient.start(statePath: path)
    let (pid, prod) = try s1.makeProject()
    let staging = try #require(
      try s1.post("environment.create", ["name": "staging", "projectId": .string(pid)]).json?["environmentId"]?.stringValue)
    let app = try s1.makeApp(prod)
    #expect(
      try s1.post("application.move", ["applicationId": .string(app), "targetEnvironmentId": .string(staging)]).status == 200)
    await s1.sb.stop()
    let s2 = try await SandboxClient.start(statePath: path)
    try await withTeardown {
      #expect(try s2.get("application.one", [("applicationId", app)]).json?["environmentId"] == .string(staging))
      let target = try s2.get("environment.one", [("environmentId", staging)]).json
      #expect(target?["applications"]?[0]?["applicationId"] == .string(app))
      #expect(try s2.get("environment.one", [("environmentId", prod)]).json?["applications"] == [])
    } teardown: {
      await s2.sb.stop()
    }
  }
}
