import DokCore

/// `<service>.move`: a service changes environment (`routers/application.ts:895`,
/// `routers/compose.ts:768`, `routers/postgres.ts:472` and the other database routers).
///
/// Each router checks the caller's permission (an owner — the sandbox's user — passes for any
/// id), then runs `update <table> set environmentId = target where <id> = id returning *`:
/// - no row has that id: nothing is updated, so the router throws 500 "Failed to move <router>";
/// - the target names no environment: Postgres refuses the update (foreign key), drizzle wraps
///   the driver's error in a `DrizzleQueryError` whose message is the query and its parameters,
///   and tRPC answers it as a 500 with that message;
/// - else the updated row (all columns, no relations).
extension SandboxState {
  /// The routers with a `move` procedure: router → Dokploy table.
  static let movableServices: [String: String] = [
    "application": "applications", "compose": "compose", "postgres": "postgres", "mysql": "mysql",
    "mariadb": "mariadb", "mongo": "mongo", "redis": "redis", "libsql": "libsql",
  ]

  /// The 500s the hand-written routers throw as the real ones do: procedure → (the message, or
  /// its beginning when it holds the call's values, and where it comes from).
  static let routerServerErrors: [String: (message: String, source: String)] = [
    "application.move": ("Failed to move application", "routers/application.ts:919"),
    "compose.move": ("Failed to move compose", "routers/compose.ts:792"),
    "postgres.move": ("Failed to move postgres", "routers/postgres.ts:496"),
    "mysql.move": ("Failed to move mysql", "routers/mysql.ts:493"),
    "mariadb.move": ("Failed to move mariadb", "routers/mariadb.ts:475"),
    "mongo.move": ("Failed to move mongo", "routers/mongo.ts:490"),
    "redis.move": ("Failed to move redis", "routers/redis.ts:477"),
    "libsql.move": ("Failed to move libsql", "routers/libsql.ts:448"),
    "patch.saveFileAsPatch": ("Failed query: insert into \"patch\" (", "services/patch.ts:23"),
    "patch.markFileForDeletion": ("Failed query: insert into \"patch\" (", "services/patch.ts:23"),
  ]

  /// Moves the service `input` names to `targetEnvironmentId`; returns the updated row.
  mutating func move(_ router: String, _ input: JSONObject) throws(SandboxError) -> JSON? {
    guard let tableName = Self.movableServices[router], let t = DokployFacts.shared.tables[tableName] else {
      throw SandboxError(.INTERNAL_SERVER_ERROR, "The sandbox cannot move a \(router)")
    }
    let id = input.str(t.primaryKey) ?? ""
    let target = input.str("targetEnvironmentId") ?? ""
    guard var row = self[table: tableName]?[id] else {
      throw SandboxError(.INTERNAL_SERVER_ERROR, "Failed to move \(router)")
    }
    guard environments[target] != nil else {
      throw SandboxError(.INTERNAL_SERVER_ERROR, Self.failedUpdate(t, set: "environmentId", params: [target, id]))
    }
    row["environmentId"] = .string(target)
    // Through the table: its environmentId index (project.one, environment.one, project.all)
    // and the journal follow.
    self[table: tableName]?.put(row)
    return .object(row)
  }

  /// The message of drizzle's `DrizzleQueryError` for `update … set <column> = $1 where <pk> = $2
  /// returning *` on `t`: `Failed query: <sql>\nparams: <params joined by commas>`.
  static func failedUpdate(_ t: TableFacts, set column: String, params: [String]) -> String {
    let setColumn = t.column(column)?.sqlName ?? column
    let pk = t.column(t.primaryKey)?.sqlName ?? t.primaryKey
    let returning = t.columns.map { "\"\($0.sqlName)\"" }.joined(separator: ", ")
    let sql =
      "update \"\(t.sqlName)\" set \"\(setColumn)\" = $1 where \"\(t.sqlName)\".\"\(pk)\" = $2 returning \(returning)"
    return "Failed query: \(sql)\nparams: \(params.joined(separator: ","))"
  }
}
