import DokCore
import DokployDocument
import Testing

@testable import DokSandbox

/// The one registry of procedures (`Sources/DokSandbox/Routers/`): every procedure of the bundled
/// document is declared exactly once, in its router's list, and what a declaration says about
/// changing the state is true.
@Suite struct ProcedureRegistryTests {
  @Test func everyProcedureOfTheDocumentHasExactlyOneDeclaration() {
    var count: [String: Int] = [:]
    for p in Routers.all { count[p.name, default: 0] += 1 }
    let repeated = count.filter { $0.value > 1 }.keys.sorted()
    #expect(repeated.isEmpty, "declared more than once: \(repeated)")
    let missing = ProcedureTable.all.map(\.name).filter { count[$0] == nil }
    #expect(missing.isEmpty, "not declared: \(missing)")
    let unknown = count.keys.filter { ProcedureTable.byName[$0] == nil }.sorted()
    #expect(unknown.isEmpty, "declared but not in the document: \(unknown)")
    #expect(Routers.all.count == DokployDocument.operationCount)
  }

  /// A router's list holds its own procedures only (one file per router).
  @Test func eachRouterDeclaresItsOwnProcedures() {
    for list in Routers.routers {
      let routers = Set(list.map { $0.name.prefix { $0 != "." } })
      #expect(routers.count == 1, "one list mixes routers: \(routers.sorted())")
    }
    #expect(Set(Routers.routers.map { $0.first?.name.prefix { $0 != "." } }).count == Routers.routers.count)
  }

  /// Every procedure declared as not changing state leaves a populated sandbox's state exactly
  /// as it was, whatever it answers (its ids name rows that exist, so it gets past its lookups).
  @Test func proceduresDeclaredReadOnlyDoNotChangeTheState() throws {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    let ids = try Self.populate(engine)
    var state = engine.withState { $0 }
    let now = Support.now() + 60
    state.settle(now: now)
    let before = state.json
    var changed: [String] = []
    var checked = 0
    for p in Routers.all where !p.changesState {
      guard let spec = ProcedureTable.byName[p.name] else { continue }
      var copy = state
      var validator = InputValidator()
      let input = spec.input.map { validator.check(Self.input(for: $0, ids: ids), $0, path: []) } ?? nil
      _ = try? copy.call(p.name, input?.objectValue ?? JSONObject(), now: now)
      checked += 1
      if copy.json != before { changed.append(p.name) }
    }
    #expect(checked > 300)
    #expect(changed.isEmpty, "declared read-only but changed the state: \(changed)")
  }

  /// A declaration that says a procedure changes nothing is caught when it does: a test of the
  /// test, on a procedure that stores a row.
  @Test func theReadOnlyCheckSeesAChange() throws {
    let engine = try SandboxEngine(deploySeconds: 0, queueDelay: 0)
    var state = engine.withState { $0 }
    let before = state.json
    var input = JSONObject()
    input["name"] = "p"
    _ = try state.call("project.create", input, now: Support.now())
    #expect(state.json != before)
  }

  /// A sandbox with one row of each kind a lookup may ask for: a project and its environment,
  /// an application (deployed), a compose, a database of each kind, a domain, and the rows of
  /// the engine's tables that these make. Returns primary key → an id of a row.
  static func populate(_ engine: SandboxEngine) throws -> [String: JSON] {
    let created = try #require(try engine.call("project.create", input: ["name": "registry"]))
    let env = try #require(created["environment"]?["environmentId"])
    let app = try #require(try engine.call("application.create", input: ["name": "web", "environmentId": env]))
    let appId = try #require(app["applicationId"])
    _ = try engine.call(
      "application.saveDockerProvider",
      input: ["applicationId": appId, "dockerImage": "nginx:alpine", "username": .null, "password": .null, "registryUrl": .null])
    _ = try engine.call("application.deploy", input: ["applicationId": appId])
    _ = try engine.call("compose.create", input: ["name": "stack", "environmentId": env])
    for kind in ["postgres", "mysql", "mariadb", "mongo", "redis"] {
      var input = JSONObject()
      input["name"] = .string(kind)
      input["environmentId"] = env
      for key in ["databasePassword", "databaseRootPassword"] { input[key] = "secret" }
      for key in ["databaseName", "databaseUser"] where kind != "redis" && kind != "mongo" || key == "databaseUser" {
        input[key] = "db"
      }
      _ = try engine.call("\(kind).create", input: .object(input))
    }
    _ = try engine.call(
      "domain.create",
      input: ["host": "web.example.com", "applicationId": appId, "domainType": "application", "https": false])
    _ = try engine.call(
      "server.create",
      input: [
        "name": "edge", "description": .null, "ipAddress": "10.0.0.2", "port": 22, "username": "root", "sshKeyId": .null,
        "serverType": "deploy",
      ])
    var ids: [String: JSON] = [:]
    engine.withState { s in
      for table in DokployFacts.shared.tables.values {
        if let row = s[table: table.name]?.all.first, let id = row[table.primaryKey] { ids[table.primaryKey] = id }
      }
      ids["appName"] = s.applications.all.first?["appName"]
      ids["organizationId"] = .string(s.organizationId)
      ids["userId"] = .string(s.userId)
    }
    return ids
  }

  /// A sample input for `schema` (see ``ProcedureCatalogTests/sample(_:)``) whose ids name rows
  /// of the populated sandbox.
  static func input(for schema: Schema, ids: [String: JSON]) -> JSON {
    guard case .object(var o) = ProcedureCatalogTests.sample(schema) else { return ProcedureCatalogTests.sample(schema) }
    for (key, _) in schema.properties ?? [] {
      if let id = ids[key] { o[key] = id }
    }
    return .object(o)
  }
}
