import DokCore

/// Builds the replies recorded from Dokploy's routers (``RouterReply``, declared with their
/// procedures under `Routers/`): values, errors, rows read from the state, and the few that
/// change it (`updateRow`, `setStatus`, `removeDeployment`, `scheduleRun`).
enum RecordedReplies {
  /// The reply recorded as `recorded` for `input`: a value, nil for a void reply (empty 200
  /// body), or the error the real server throws. Its lookups (`requires`) run first.
  static func reply(_ recorded: RouterReply, _ input: JSONObject, state: inout SandboxState, now: Double)
    throws(SandboxError) -> JSON?
  {
    for (key, table, message, code) in recorded.requires {
      guard let id = input.str(key), let t = DokployFacts.shared.tables[table], state[table: table]?[id] == nil else {
        continue
      }
      throw SandboxError(code, message ?? "\(t.thing) not found")
    }
    return try build(recorded.kind, input, state: &state, now: now)
  }

  static func build(_ kind: RouterReply.Kind, _ input: JSONObject, state: inout SandboxState, now: Double)
    throws(SandboxError) -> JSON?
  {
    switch kind {
    case .value(let v): return fill(v, input, state: state, now: now)
    case .void, .document: return nil
    case .error(let code, let message): throw SandboxError(code, message)
    case .row(let table, let fixed): return row(table, fixed, input, state: &state, now: now).map(JSON.object) ?? .null
    case .list(let inner): return .array([try build(inner, input, state: &state, now: now) ?? .null])
    case .member: return state.userView
    case .members: return [state.userView]
    case .user(let extra):
      guard case .object(var user)? = state.userView["user"] else { return .null }
      for (k, v) in input.pairs where user[k] != nil && k != "id" { user[k] = v }
      for (k, v) in extra.objectValue?.pairs.map({ ($0, $1) }) ?? [] { user[k] = fill(v, input, state: state, now: now) }
      return .object(user)
    case .containers(let keys):
      let appName = input.str("appName") ?? ""
      return .array(
        state.containers(now: now).filter { $0["name"]?.stringValue?.hasPrefix(appName) == true }.map { c in
          var o = JSONObject()
          let extra: [String: JSON] = ["node": "sandbox", "currentState": "Running", "error": ""]
          for k in keys { o[k] = c[k] ?? extra[k] ?? "" }
          return .object(o)
        })
    case .permissions:
      var o = JSONObject()
      for (resource, actions) in permissionStatements {
        var a = JSONObject()
        for action in actions { a[action] = true }
        o[resource] = .object(a)
      }
      return .object(o)
    case .statements:
      var o = JSONObject()
      for (resource, actions) in permissionStatements { o[resource] = .array(actions.map(JSON.string)) }
      return .object(o)
    case .rows(let table):
      guard let t = DokployFacts.shared.tables[table] else { return [] }
      var rows = state[table: table]?.all ?? []
      if t.column("organizationId") != nil { rows = rows.filter { $0.str("organizationId") == state.organizationId } }
      for (k, v) in input.pairs where t.column(k) != nil { rows = rows.filter { $0[k] == v } }
      return .array(rows.map(JSON.object))
    case .inputField(let key): return input[key] ?? .null
    case .overviewServices: return .array(state.overviewServices())
    case .overviewDomains: return .array(state.overviewDomains())
    case .search(let table): return search(table, input, state: state)
    case .column(let table, let column):
      guard let t = DokployFacts.shared.tables[table], let id = input.str(t.primaryKey) else { return .null }
      return state[table: table]?[id]?[column] ?? .null
    case .count(let table): return .number(Double(organizationRows(table, state).count))
    case .anyRows(let tables): return .bool(tables.contains { !organizationRows($0, state).isEmpty })
    case .homeStats: return state.homeStats()
    case .composeServices:
      let file = input.str("composeId").flatMap { state.compose[$0]?.str("composeFile") } ?? ""
      let names = serviceNames(file)
      // services/compose.ts:186: a file without services is 404 "Services not found".
      if names.isEmpty { throw SandboxError(.NOT_FOUND, "Services not found") }
      return .array(names.map(JSON.string))
    case .findMany(let reply, let filter): return findMany(reply, filter, input, state: state, now: now)
    case .appStats: return appStats(input["appName"]?.stringValue ?? "", state: state, now: now)
    case .gitProviders: return gitProviders(state: state)
    case .queueJobs: return queueJobs(state: state)
    case .setStatus(let reply, let table, let status):
      guard let t = DokployFacts.shared.tables[table], let id = input.str(t.primaryKey),
        var row = state[table: table]?[id]
      else { return .null }
      let before = state.expand(row, t, RelationPlan.forReply(reply), depth: 0)
      row["applicationStatus"] = status.map(JSON.string) ?? input["applicationStatus"] ?? row["applicationStatus"]
      state[table: table]?.put(row)
      return .object(before)
    case .removeDeployment:
      guard let id = input.str("deploymentId"), let row = state.deployments[id] else { return .null }
      state.removeDeployments([id])
      return .object(row)
    case .updateRow(let table, let columns, let toggle):
      return updateRow(table, columns: columns, toggle: toggle, input, state: &state)
    case .randomizedCompose, .isolatedCompose, .composeCommand, .scheduleRun, .schedules, .traefikConfig,
      .validateDomain:
      return try derived(kind, input, state: &state, now: now)
    case .ifSandbox(let key, let of, let own, let other):
      let mine = of == "organization" ? state.organizationId : state.userId
      return try build(input.str(key) == mine ? own : other, input, state: &state, now: now)
    }
  }

  /// A row of `table`: the sandbox's row when the input names one, else the columns' defaults,
  /// then `fixed`, then the input's columns.
  static func row(_ table: String, _ fixed: JSON, _ input: JSONObject, state: inout SandboxState, now: Double)
    -> JSONObject?
  {
    guard let t = DokployFacts.shared.tables[table] else { return nil }
    if let id = input.str(t.primaryKey), var existing = state[table: table]?[id] {
      for (k, v) in input.pairs where t.column(k) != nil { existing[k] = v }
      return existing
    }
    var row = JSONObject()
    for c in t.columns { row[c.name] = state.defaultValue(c, now: now) }
    for (k, v) in fixed.objectValue?.pairs.map({ ($0, $1) }) ?? [] { row[k] = fill(v, input, state: state, now: now) }
    for (k, v) in input.pairs where t.column(k) != nil && k != t.primaryKey { row[k] = v }
    return row
  }

  /// `value` with its markers filled (see ``RouterReply``).
  static func fill(_ value: JSON, _ input: JSONObject, state: SandboxState, now: Double) -> JSON {
    switch value {
    case .array(let a): return .array(a.map { fill($0, input, state: state, now: now) })
    case .object(let o):
      var out = JSONObject()
      for (k, v) in o.pairs { out[k] = fill(v, input, state: state, now: now) }
      return .object(out)
    case .string(let s) where s.contains("<"):
      switch s {
      case "<now>": return .string(Support.iso(now))
      case "<now+48h>": return .string(Support.iso(now + 48 * 3600))
      case "<userId>": return .string(state.userId)
      case "<organizationId>": return .string(state.organizationId)
      case "<nanoid>": return .string(Support.nanoid())
      case "<random64>": return .string(random(64))
      case "<random6>": return .string(random(6))
      case "<member>":
        var m = state.userView.objectValue ?? JSONObject()
        m["user"] = nil
        return .object(m)
      default:
        var text = s
        if let r = text.range(of: "<hex6>") {
          text.replaceSubrange(r, with: Support.random(6, from: "0123456789abcdef"))
        }
        while let r = text.range(of: "<input."), let end = text[r.upperBound...].firstIndex(of: ">") {
          let key = String(text[r.upperBound..<end])
          let v = input[key].map { $0.stringValue ?? $0.compactText } ?? ""
          text.replaceSubrange(r.lowerBound...end, with: v)
        }
        return .string(text)
      }
    default: return value
    }
  }

  /// `<router>.search`: the table's rows filtered as the router's conditions do, newest first,
  /// paged by `offset`/`limit` (default 20), with the selected columns tables.json lists.
  static func search(_ table: String, _ input: JSONObject, state: SandboxState) -> JSON {
    let facts = DokployFacts.shared
    guard let t = facts.tables[table] else { return ["items": [], "total": 0] }
    let columns = facts.replies.first { $0.key.hasSuffix(".search") && $0.value["table"]?.stringValue == table }?.value[
      "columns"]?.arrayValue?.compactMap(\.stringValue)
    func contains(_ row: JSONObject, _ key: String, _ term: String) -> Bool {
      row.str(key)?.lowercased().contains(term.lowercased()) == true
    }
    var rows = state[table: table]?.all ?? []
    if t.column("organizationId") != nil { rows = rows.filter { $0.str("organizationId") == state.organizationId } }
    for (key, value) in input.pairs {
      guard let v = value.stringValue?.trimming(), !v.isEmpty else { continue }
      if key == "q" {
        let text = ["name", "appName", "description", "repository", "owner", "dockerImage"].filter { t.column($0) != nil }
        rows = rows.filter { r in text.contains { contains(r, $0, v) } }
      } else if key == "projectId", t.column(key) == nil {
        rows = rows.filter { r in r.str("environmentId").flatMap { state.environments[$0]?.str("projectId") } == v }
      } else if key.hasSuffix("Id"), t.column(key) != nil {
        rows = rows.filter { $0.str(key) == v }
      } else if t.column(key) != nil {
        rows = rows.filter { contains($0, key, v) }
      }
    }
    rows.sort { ($0.str("createdAt") ?? "") > ($1.str("createdAt") ?? "") }
    // The schema bounds `limit` but not `offset`: a huge offset is past every row (Postgres's OFFSET).
    let offset = max(0, input["offset"]?.numberValue.flatMap(Support.int) ?? 0)
    let limit = max(1, input["limit"]?.numberValue.flatMap(Support.int) ?? 20)
    let page = rows.dropFirst(offset).prefix(limit).map { r -> JSON in
      guard let columns else { return .object(r) }
      var o = JSONObject()
      for c in columns { o[c] = r[c] ?? .null }
      return .object(o)
    }
    return ["items": .array(Array(page)), "total": .number(Double(rows.count))]
  }

  /// The rows of `table` that belong to the sandbox's organization (all rows when it has no such column).
  static func organizationRows(_ table: String, _ state: SandboxState) -> [JSONObject] {
    (state[table: table]?.all ?? []).filter { $0.str("organizationId").map { $0 == state.organizationId } ?? true }
  }

  /// The keys under a compose file's top-level `services:` (indented one level).
  static func serviceNames(_ yaml: String) -> [String] {
    var names: [String] = []
    var inServices = false
    var indent: Int?
    for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
      let body = line.drop { $0 == " " }
      if body.isEmpty || body.hasPrefix("#") { continue }
      let depth = line.count - body.count
      if depth == 0 {
        inServices = body.hasPrefix("services:")
        continue
      }
      guard inServices, depth == (indent ?? depth), let colon = body.firstIndex(of: ":") else { continue }
      indent = depth
      names.append(String(body[..<colon]).trimming("\"' "))
    }
    return names
  }

  private static func random(_ count: Int) -> String {
    Support.random(count, from: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
  }

  /// `statements` of `packages/server/src/lib/access-control.ts:14`: resources and their actions.
  static let permissionStatements: [(String, [String])] = [
    ("organization", ["update", "delete"]), ("member", ["read", "create", "update", "delete"]),
    ("invitation", ["create", "cancel"]), ("team", ["create", "update", "delete"]),
    ("ac", ["create", "read", "update", "delete"]), ("project", ["create", "delete"]),
    ("service", ["create", "read", "delete"]), ("environment", ["create", "read", "delete"]), ("docker", ["read"]),
    ("sshKeys", ["read", "create", "delete"]), ("gitProviders", ["read", "create", "delete"]),
    ("traefikFiles", ["read", "write"]), ("api", ["read"]), ("volume", ["read", "create", "delete"]),
    ("deployment", ["read", "create", "cancel"]), ("envVars", ["read", "write"]), ("projectEnvVars", ["read", "write"]),
    ("environmentEnvVars", ["read", "write"]), ("server", ["read", "create", "delete"]),
    ("registry", ["read", "create", "delete"]), ("certificate", ["read", "create", "update", "delete"]),
    ("backup", ["read", "create", "update", "delete", "restore"]),
    ("volumeBackup", ["read", "create", "update", "delete", "restore"]),
    ("schedule", ["read", "create", "update", "delete"]), ("domain", ["read", "create", "delete"]),
    ("destination", ["read", "create", "delete"]), ("notification", ["read", "create", "update", "delete"]),
    ("tag", ["read", "create", "update", "delete"]), ("logs", ["read"]), ("monitoring", ["read"]),
    ("auditLog", ["read"]), ("vaultProvider", ["read", "create", "update", "delete"]),
    ("dnsProvider", ["read", "create", "update", "delete"]),
  ]
}
