import DokCore

extension RecordedReplies {
  /// ``RouterReply/Kind/findMany(reply:where:)``: the rows of the reply's table (tables.json)
  /// in the sandbox's organization matching `filter`, ordered by the reply's `orderBy`, with
  /// its `columns` and `with` relations.
  static func findMany(_ reply: String, _ filter: JSON, _ input: JSONObject, state: SandboxState, now: Double)
    -> JSON
  {
    let facts = DokployFacts.shared
    guard let r = facts.replies[reply], let name = r["table"]?.stringValue, let t = facts.tables[name] else { return [] }
    var rows = state[table: name]?.all ?? []
    if t.column("organizationId") != nil { rows = rows.filter { $0.str("organizationId") == state.organizationId } }
    for (rawKey, rawValue) in filter.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      let key = fill(.string(rawKey), input, state: state, now: now).stringValue ?? rawKey
      let columns = key.split(separator: "|").map(String.init)
      if rawValue == "<notNull>" {
        rows = rows.filter { row in columns.contains { (row[$0] ?? .null) != .null } }
      } else {
        let value = fill(rawValue, input, state: state, now: now)
        rows = rows.filter { row in columns.contains { row[$0] == value } }
      }
    }
    if let order = r["orderBy"]?.stringValue?.split(separator: " "), let column = order.first.map(String.init) {
      let descending = order.last == "desc"
      rows = rows.enumerated().sorted { a, b in
        let x = a.element.str(column) ?? "", y = b.element.str(column) ?? ""
        if x == y { return descending ? a.offset > b.offset : a.offset < b.offset }
        return descending ? x > y : x < y
      }.map(\.element)
    }
    let plan = RelationPlan.forReply(reply)
    let columns = r["columns"]?.arrayValue?.compactMap(\.stringValue)
    return .array(
      rows.map { row in
        var out = state.expand(row, t, plan, depth: 0)
        if let columns {
          let keep = Set(columns + plan.map(\.name))
          for (k, _) in out.pairs where !keep.contains(k) { out[k] = nil }
        }
        return .object(out)
      })
  }

  /// `getApplicationStats` (services/application.ts:613): null when no container of the
  /// service runs, else `getAdvancedStats` (monitoring/utils.ts:158): each series read from
  /// its stats file, `[]` when none was written.
  static func appStats(_ appName: String, state: SandboxState, now: Double) -> JSON {
    let running = state.containers(now: now).contains { $0["name"]?.stringValue?.hasPrefix(appName + ".") == true }
    guard appName == "dokploy" || (!appName.isEmpty && running) else { return .null }
    return ["cpu": [], "memory": [], "disk": [], "network": [], "block": []]
  }

  /// `gitProvider.getAll` (routers/git-provider.ts:25).
  static func gitProviders(state: SandboxState) -> JSON {
    func linked(_ table: String, _ id: String) -> JSONObject? {
      state[table: table]?.filter("gitProviderId", id).first
    }
    func set(_ row: JSONObject, _ keys: String...) -> Bool {
      keys.allSatisfy { k in row[k].map { $0 != .null && $0 != "" } ?? false }
    }
    func pick(_ row: JSONObject, _ keys: [String]) -> JSONObject {
      var o = JSONObject()
      for k in keys { o[k] = row[k] ?? .null }
      return o
    }
    let rows = organizationRows("gitProvider", state).enumerated().sorted { a, b in
      let x = a.element.str("createdAt") ?? "", y = b.element.str("createdAt") ?? ""
      return x == y ? a.offset > b.offset : x > y
    }.map(\.element)
    return .array(
      rows.map { p in
        var out = p
        let id = p.str("gitProviderId") ?? ""
        out["isOwner"] = .bool(p.str("userId") == state.userId)
        out["github"] =
          linked("github", id).map { g in
            var o = pick(g, ["githubId", "githubAppName", "githubAppId", "githubInstallationId", "githubUrl"])
            o["isConfigured"] = .bool(set(g, "githubPrivateKey", "githubAppId", "githubInstallationId"))
            return .object(o)
          } ?? .null
        out["gitlab"] =
          linked("gitlab", id).map { g in
            var o = pick(g, ["gitlabId", "applicationId", "gitlabUrl"])
            o["isConfigured"] = .bool(set(g, "accessToken", "refreshToken"))
            return .object(o)
          } ?? .null
        out["bitbucket"] =
          linked("bitbucket", id).map { b in
            var o = pick(b, ["bitbucketId", "bitbucketUsername"])
            o["isConfigured"] = false
            o["isDeprecated"] = .bool(set(b, "appPassword") && !set(b, "apiToken"))
            return .object(o)
          } ?? .null
        out["gitea"] =
          linked("gitea", id).map { g in
            var o = pick(g, ["giteaId", "giteaUrl", "clientId"])
            o["isConfigured"] = .bool(set(g, "accessToken", "refreshToken"))
            return .object(o)
          } ?? .null
        return .object(out)
      })
  }
}
