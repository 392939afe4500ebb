import DokCore

/// A reply that may be "no value" (nil: an empty 200 body).
struct Outcome {
  var value: JSON?
}

/// How the sandbox answers a procedure (see `docs/sandbox-procedures.md`).
public enum HandlerKind: String, Sendable {
  /// Hand-modelled behaviour on the state (services, deploys, projects…).
  case modelled
  /// The declarative engine: create / one / all / update / remove on rows of a Dokploy table.
  case table
  /// No state effect: a value of the real reply's shape.
  case fixedShape = "fixed shape"
}

extension SandboxState {
  /// A table by its Dokploy (TypeScript) name: the hand-modelled ones, or the engine's.
  subscript(table name: String) -> Table? {
    get {
      switch name {
      case "projects": projects
      case "environments": environments
      case "applications": applications
      case "compose": compose
      case "domains": domains
      case "deployments": deployments
      default: DatabaseKind(rawValue: name).flatMap { databases[$0] } ?? generic[name]
      }
    }
    set {
      guard let newValue else { generic[name] = nil; return }
      switch name {
      case "projects": projects = newValue
      case "environments": environments = newValue
      case "applications": applications = newValue
      case "compose": compose = newValue
      case "domains": domains = newValue
      case "deployments": deployments = newValue
      default:
        if let k = DatabaseKind(rawValue: name) { databases[k] = newValue } else { generic[name] = newValue }
      }
    }
  }

  /// True when `id` names a row of `table` (the organization and user are the sandbox's own).
  func rowExists(_ table: String, _ id: String) -> Bool {
    switch table {
    case "organization": id == organizationId || self[table: "organization"]?[id] != nil
    case "user": id == userId
    default: self[table: table]?[id] != nil
    }
  }

  /// The Dokploy table a procedure's router keeps its rows in, when it has one.
  static func table(for name: String) -> TableFacts? {
    let facts = DokployFacts.shared
    let router = String(name.prefix { $0 != "." })
    var candidates = [router + "Id"]
    if router.hasSuffix("s") { candidates.append(router.dropLast() + "Id") }
    if router == "mounts" || router == "port" || router == "redirects" {
      candidates.append(String(router.prefix { $0 != "s" }) + "Id")
    }
    for key in candidates { if let t = facts.tableByPrimaryKey[key], let tf = facts.tables[t] { return tf } }
    return nil
  }

  /// Runs a procedure on the declarative engine: the router's table when the procedure is one
  /// of create / one / all / update / remove / delete, a value of the reply's shape otherwise.
  mutating func generic(_ name: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    let facts = DokployFacts.shared
    let reply = facts.replies[name]
    let proc = String(name.drop { $0 != "." }.dropFirst())
    if let t = Self.table(for: name) {
      let id = input.str(t.primaryKey)
      switch proc {
      case "create":
        var input = input
        // services/mount.ts:30: the mount belongs to `<serviceType>Id` = `serviceId`.
        if t.name == "mounts", let service = input.str("serviceId"), let type = input.str("serviceType") {
          input[type + "Id"] = .string(service)
        }
        // services/gitlab.ts:13 (bitbucket, gitea alike): a gitProvider row first, then the provider's row linked to it.
        if ["gitlab", "bitbucket", "gitea"].contains(t.name), let providers = DokployFacts.shared.tables["gitProvider"] {
          var provider = JSONObject()
          provider["providerType"] = .string(t.name)
          provider["name"] = input["name"] ?? .null
          input["gitProviderId"] = try insert(providers, provider, now: now)["gitProviderId"]
        }
        if let refused = Routers.byName[name]?.refusedInsert, !referencesExist(t, input) {
          var values = JSONObject()
          for c in t.columns {
            if let v = input[c.name] {
              values[c.name] = v
            } else if case .nanoid = c.defaultValue {
              values[c.name] = .string(Support.nanoid())
            } else if case .now = c.defaultValue {
              values[c.name] = .string(Support.iso(now))
            }
          }
          let query = Self.failedInsert(t.name, values)
          throw SandboxError(refused.code, refused.message?.replacing("<query>", with: query) ?? query)
        }
        let row = try insert(t, input, now: now)
        return shape(reply?["returns"], row: row, table: t)
      case "one":
        guard let id, let row = self[table: t.name]?[id] else { throw .notFound(t.thing) }
        return .object(expand(row, t, RelationPlan.forReply(name), depth: 0))
      case "all":
        var rows = self[table: t.name]?.all ?? []
        for (k, v) in input.pairs where t.column(k)?.references != nil { rows = rows.filter { $0[k] == v } }
        if t.column("organizationId") != nil { rows = rows.filter { $0.str("organizationId") == organizationId } }
        let plan = RelationPlan.forReply(name)
        return .array(rows.map { .object(expand($0, t, plan, depth: 0)) })
      case "update":
        guard let id, var row = self[table: t.name]?[id] else { throw .notFound(t.thing) }
        try checkReferences(t, input)
        for (k, v) in input.pairs where k != t.primaryKey && t.column(k) != nil && k != "appName" { row[k] = v }
        self[table: t.name]?.put(row)
        return shape(reply?["returns"], row: row, table: t)
      case "remove", "delete":
        guard let id, let row = self[table: t.name]?[id] else { throw .notFound(t.thing) }
        self[table: t.name]?[id] = nil
        return shape(reply?["returns"], row: row, table: t)
      default:
        if let r = try childRowCall(t, proc, input, reply: reply, now: now) { return r.value }
        if let id, self[table: t.name]?[id] == nil { throw .notFound(t.thing) }
        var row = id.flatMap { self[table: t.name]?[$0] }
        // `findXById` returns the row with the relations tables.json lists (`with`).
        if let r = row, reply?["table"]?.stringValue == t.name, reply?["with"] != nil {
          row = expand(r, t, RelationPlan.forReply(name), depth: 0)
        }
        if let returns = reply?["returns"] { return shape(returns, row: row, table: t) }
        throw Self.noReply(name)
      }
    }
    if let returns = reply?["returns"] {
      let t = reply?["table"]?.stringValue.flatMap { facts.tables[$0] }
      return shape(returns, row: nil, table: t)
    }
    throw Self.noReply(name)
  }

  /// What a procedure answers when tables.json states no reply for it and nothing is recorded:
  /// a 500 that names it (`ProcedureCatalogTests` fails on such a declaration).
  static func noReply(_ name: String) -> SandboxError {
    SandboxError(.INTERNAL_SERVER_ERROR, "The sandbox has no recorded reply for \(name)")
  }

  /// `createSlack` / `updateSlack` & co.: a row of the router's table paired with a row of the
  /// named child table (`notifications` + `slack`), linked by the child's id. Nil when `proc`
  /// is not of that form.
  mutating func childRowCall(_ t: TableFacts, _ proc: String, _ input: JSONObject, reply: JSONObject?, now: Double)
    throws(SandboxError) -> Outcome?
  {
    let verb = proc.hasPrefix("create") ? "create" : proc.hasPrefix("update") ? "update" : nil
    guard let verb, proc.count > verb.count else { return nil }
    let rest = proc.dropFirst(verb.count)
    let childName = rest.prefix(1).lowercased() + rest.dropFirst()
    guard let child = DokployFacts.shared.tables[childName], t.column(child.primaryKey) != nil else { return nil }
    if verb == "create" {
      let childRow = try insert(child, input, now: now)
      var parentInput = input
      parentInput[child.primaryKey] = childRow[child.primaryKey]
      if t.column("notificationType") != nil { parentInput["notificationType"] = .string(childName) }
      let row = try insert(t, parentInput, now: now)
      return Outcome(value: shape(reply?["returns"] ?? "void", row: row, table: t))
    }
    guard let id = input.str(t.primaryKey), var row = self[table: t.name]?[id] else { throw .notFound(t.thing) }
    try checkReferences(t, input)
    for (k, v) in input.pairs where k != t.primaryKey && t.column(k) != nil && k != child.primaryKey { row[k] = v }
    self[table: t.name]?.put(row)
    if let cid = row.str(child.primaryKey), var c = self[table: child.name]?[cid] {
      for (k, v) in input.pairs where k != child.primaryKey && child.column(k) != nil { c[k] = v }
      self[table: child.name]?.put(c)
    }
    return Outcome(value: shape(reply?["returns"] ?? "void", row: row, table: t))
  }

  /// Inserts a row built from the table's defaults and the input's columns; foreign keys checked.
  mutating func insert(_ t: TableFacts, _ input: JSONObject, now: Double) throws(SandboxError) -> JSONObject {
    try checkReferences(t, input)
    var row = JSONObject()
    for c in t.columns {
      if c.name != t.primaryKey, let v = input[c.name], c.name != "appName" || v.stringValue?.isEmpty == false {
        row[c.name] = c.name == "appName" ? .string(Support.appName(given: v.stringValue, type: t.name)) : v
        continue
      }
      row[c.name] = defaultValue(c, now: now)
    }
    var fresh = Table(idKey: t.primaryKey)
    fresh.tracking = journaling
    self[table: t.name, default: fresh].put(row)
    return row
  }

  /// A table, created empty when absent.
  subscript(table name: String, default empty: @autoclosure () -> Table) -> Table {
    get { self[table: name] ?? empty() }
    set { self[table: name] = newValue }
  }

  /// A column's insert default.
  mutating func defaultValue(_ c: ColumnFacts, now: Double) -> JSON {
    switch c.defaultValue {
    case .literal(let v): return v
    case .nanoid: return .string(Support.nanoid())
    case .now: return .string(Support.iso(now))
    case .appName(let type): return .string(Support.appName(given: nil, type: type))
    case .serial:
      serial += 1
      return .number(Double(serial))
    case .none:
      if c.name == "organizationId" { return .string(organizationId) }
      if c.name == "userId" { return .string(userId) }
      if c.name == "createdAt" { return .string(Support.iso(now)) }
      guard c.notNull else { return .null }
      if c.isArray { return [] }
      switch c.type {
      case "integer", "bigint", "serial", "real", "doublePrecision", "numeric": return 0
      case "boolean": return false
      case "json", "jsonb": return .object(JSONObject())
      default: return ""
      }
    }
  }

  /// True when every foreign key the input gives names a row.
  func referencesExist(_ t: TableFacts, _ input: JSONObject) -> Bool {
    do throws(SandboxError) {
      try checkReferences(t, input)
      return true
    } catch { return false }
  }

  /// Fails like the real server when a given foreign key names no row.
  func checkReferences(_ t: TableFacts, _ input: JSONObject) throws(SandboxError) {
    for c in t.columns {
      guard let ref = c.references, case .string(let id)? = input[c.name] else { continue }
      guard DokployFacts.shared.tables[ref.table] != nil || ref.table == "organization" || ref.table == "user" else { continue }
      if !rowExists(ref.table, id) {
        let thing = DokployFacts.shared.tables[ref.table]?.thing ?? ref.table
        throw .notFound(thing)
      }
    }
  }

  /// A row with the relations a reply includes (`with` of tables.json), one level of nesting per step.
  func expand(_ row: JSONObject, _ t: TableFacts, with: JSONObject?, depth: Int) -> JSONObject {
    guard let with, depth < 3 else { return row }
    return expand(row, t, RelationPlan.compile(with), depth: depth)
  }

  /// ``expand(_:_:with:depth:)`` with the relation tree already compiled.
  func expand(_ row: JSONObject, _ t: TableFacts, _ plan: [RelationPlan], depth: Int) -> JSONObject {
    guard depth < 3, !plan.isEmpty else { return row }
    var out = row
    for rel in plan {
      let target = rel.target
      func trim(_ r: JSONObject) -> JSON {
        var r = expand(r, target, rel.nested, depth: depth + 1)
        if let cols = rel.columns {
          var kept = JSONObject()
          for c in cols { if let v = r[c] { kept[c] = v } }
          for n in rel.nested { if let v = r[n.name] { kept[n.name] = v } }
          r = kept
        }
        for c in rel.excluded { r[c] = nil }
        return .object(r)
      }
      if rel.many {
        guard let pk = row.str(t.primaryKey), let table = self[table: target.name] else { out[rel.name] = []; continue }
        out[rel.name] = .array(table.filter(t.primaryKey, pk).map(trim))
      } else {
        let field = t.relations[rel.name]?.fields.first ?? target.primaryKey
        out[rel.name] = row.str(field).flatMap { self[table: target.name]?[$0] }.map(trim) ?? .null
      }
    }
    return out
  }

  /// A value of the shape tables.json gives for a reply (`"true"`, `"void"`, `"row of T"`, an object of shapes…).
  func shape(_ returns: JSON?, row: JSONObject?, table: TableFacts?) -> JSON? {
    switch returns {
    case .string(let s)?:
      if s == "void" { return nil }
      if s == "true" { return true }
      if s.hasPrefix("row of") || s.hasPrefix("row ") {
        if let row { return .object(row) }
        let name = s.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
        return DokployFacts.shared.tables[name].map { _ in JSON.null } ?? .null
      }
      if s.hasPrefix("rows of") {
        let name = s.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
        return .array((self[table: name]?.all ?? []).prefix(100).map(JSON.object))
      }
      // `string[]` is an array (routers/compose.ts:704, `compose.getTags`), not a string.
      if s.hasPrefix("array") || s.hasSuffix("[]") || s.contains("[]") { return [] }
      if s.hasPrefix("string") { return "" }
      if s.hasPrefix("number") { return 0 }
      if s.hasPrefix("boolean") { return false }
      if s.hasPrefix("object") { return .object(JSONObject()) }
      return .null
    case .object(let o)?:
      var out = JSONObject()
      for (k, v) in o.pairs { out[k] = row?[k] ?? shape(v, row: nil, table: nil) ?? .null }
      return .object(out)
    default:
      return nil
    }
  }
}
