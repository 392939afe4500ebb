import DokCore

/// The `tag` router's procedures that change a project's tags (`routers/tag.ts`), and
/// `tag.remove`, whose delete cascades to the projects' links (`project_tag.tagId` is
/// `onDelete: cascade`). `project.all` and `project.one` read the links back (`projectTags`
/// with their `tag`). The other `tag` procedures are the declarative engine's.
extension SandboxState {
  mutating func tag(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "create":
      // routers/tag.ts:19-31: `insert into tag … returning`; the unique (organizationId, name)
      // refuses a second tag of that name, and as drizzle reports the failed query rather than
      // `unique_org_tag_name`, the router's generic 400 (l.44) is what the client gets.
      var row = JSONObject()
      row["tagId"] = .string(Support.nanoid())
      row["name"] = input["name"] ?? ""
      if let color = input["color"] { row["color"] = color }
      row["createdAt"] = .string(Support.iso(now))
      row["organizationId"] = .string(organizationId)
      if tagNamed(row.str("name") ?? "") != nil {
        throw .badRequest("Error creating tag: \(Self.failedInsert("tags", row))")
      }
      var ordered = JSONObject()
      for c in DokployFacts.shared.tables["tags"]?.columns ?? [] { ordered[c.name] = row[c.name] ?? .null }
      store("tags", ordered)
      return .object(ordered)
    case "all":
      // routers/tag.ts:50-57: the organization's tags ordered by name.
      let rows = (self[table: "tags"]?.all ?? []).filter { $0.str("organizationId") == organizationId }
      return .array(
        rows.sorted { a, b in
          let (x, y) = (a.str("name") ?? "", b.str("name") ?? "")
          return x.lowercased() == y.lowercased() ? x < y : x.lowercased() < y.lowercased()
        }.map(JSON.object))
    case "update":
      // routers/tag.ts:95-124: given members only; a name another tag has breaks the unique
      // constraint (the generic 400 of l.140).
      guard let tagId = input.str("tagId"), var row = organizationTag(tagId) else {
        throw SandboxError(.NOT_FOUND, "Tag not found or you don't have permission to update it")
      }
      var set: [(String, JSON)] = []
      for key in ["name", "color"] { if let v = input[key] { set.append((key, v)) } }
      if let name = input.str("name"), let other = tagNamed(name), other.str("tagId") != tagId {
        throw .badRequest("Error updating tag: \(Self.failedUpdate("tags", set: set, id: tagId))")
      }
      for (k, v) in set { row[k] = v }
      store("tags", row)
      return .object(row)
    case "assignToProject":
      // routers/tag.ts:181-247: the project, then the tag, must be the organization's; then
      // `insert into project_tag … returning`.
      let (projectId, tagId) = try projectAndTag(input)
      var link = JSONObject()
      link["id"] = .string(Support.nanoid())
      link["projectId"] = .string(projectId)
      link["tagId"] = .string(tagId)
      if self[table: "projectTags"]?.filter("projectId", projectId).contains(where: { $0["tagId"] == link["tagId"] }) == true {
        // The unique constraint `unique_project_tag` refuses the insert. drizzle 0.45 wraps the
        // driver's error in a DrizzleQueryError whose message is the query, not the constraint's
        // name, so the router's `includes("unique_project_tag")` (l.254) never matches and the
        // generic 400 of l.263 is what the client gets.
        throw .badRequest("Error assigning tag to project: \(Self.failedInsert("projectTags", link))")
      }
      putLink(link)
      return .object(link)
    case "removeFromProject":
      // routers/tag.ts:269-336: deletes the link when there is one; `{success: true}` either way.
      let (projectId, tagId) = try projectAndTag(input)
      let ids = (self[table: "projectTags"]?.filter("projectId", projectId) ?? []).filter { $0.str("tagId") == tagId }
      self[table: "projectTags"]?.remove(ids: Set(ids.compactMap { $0.str("id") }))
      return ["success": true]
    case "bulkAssign":
      // routers/tag.ts:349-427: every tag must be the organization's; the project's links are
      // replaced by one per given tag (in the given order).
      let projectId = try organizationProject(input.str("projectId"))
      let tagIds = (input["tagIds"]?.arrayValue ?? []).compactMap(\.stringValue)
      if tagIds.contains(where: { organizationTag($0) == nil }) {
        throw SandboxError(.NOT_FOUND, "One or more tags not found in your organization")
      }
      let old = (self[table: "projectTags"]?.filter("projectId", projectId) ?? []).compactMap { $0.str("id") }
      self[table: "projectTags"]?.remove(ids: Set(old))
      for tagId in tagIds {
        var link = JSONObject()
        link["id"] = .string(Support.nanoid())
        link["projectId"] = .string(projectId)
        link["tagId"] = .string(tagId)
        putLink(link)
      }
      return ["success": true]
    case "remove":
      // routers/tag.ts:146-168: the tag must be the organization's; deleting it deletes its
      // project links (foreign key `onDelete: cascade`).
      guard let tagId = input.str("tagId"), organizationTag(tagId) != nil else {
        throw SandboxError(.NOT_FOUND, "Tag not found or you don't have permission to delete it")
      }
      self[table: "tags"]?[tagId] = nil
      let links = (self[table: "projectTags"]?.filter("tagId", tagId) ?? []).compactMap { $0.str("id") }
      self[table: "projectTags"]?.remove(ids: Set(links))
      return ["success": true]
    default:
      return try generic("tag.\(proc)", input, now: now)
    }
  }

  /// Stores a `project_tag` row (the table is made on first use, recording its changes when the
  /// state file's journal is on).
  private mutating func putLink(_ link: JSONObject) {
    var fresh = Table(idKey: "id")
    fresh.tracking = journaling
    self[table: "projectTags", default: fresh].put(link)
  }

  /// The project and tag ids of `input`, each checked as the router does (project first).
  private func projectAndTag(_ input: JSONObject) throws(SandboxError) -> (String, String) {
    let projectId = try organizationProject(input.str("projectId"))
    guard let tagId = input.str("tagId"), organizationTag(tagId) != nil else {
      throw SandboxError(.NOT_FOUND, "Tag not found or you don't have permission to use it")
    }
    return (projectId, tagId)
  }

  /// The id of a project of the sandbox's organization, or the router's 404.
  private func organizationProject(_ id: String?) throws(SandboxError) -> String {
    guard let id, let p = projects[id], p.str("organizationId") == organizationId else {
      throw SandboxError(.NOT_FOUND, "Project not found or you don't have permission to modify it")
    }
    return id
  }

  /// The organization's tag with this name.
  private func tagNamed(_ name: String) -> JSONObject? {
    self[table: "tags"]?.filter("organizationId", organizationId).first { $0.str("name") == name }
  }

  /// The organization's tag with this id.
  private func organizationTag(_ id: String) -> JSONObject? {
    guard let t = self[table: "tags"]?[id], t.str("organizationId") == organizationId else { return nil }
    return t
  }

  /// The message of drizzle's `DrizzleQueryError` for `update <table> set <column> = $1, … where
  /// <primary key> = $n returning <columns>` (the set columns in the table's order).
  static func failedUpdate(_ table: String, set: [(String, JSON)], id: String) -> String {
    guard let t = DokployFacts.shared.tables[table] else { return "Failed query" }
    let given = Dictionary(set, uniquingKeysWith: { a, _ in a })
    var clauses: [String] = []
    var params: [String] = []
    for c in t.columns {
      guard let v = given[c.name] else { continue }
      params.append(v.stringValue ?? v.compactText)
      clauses.append("\"\(c.sqlName)\" = $\(params.count)")
    }
    params.append(id)
    let pk = t.column(t.primaryKey)?.sqlName ?? t.primaryKey
    let returning = t.columns.map { "\"\($0.sqlName)\"" }.joined(separator: ", ")
    let sql =
      "update \"\(t.sqlName)\" set \(clauses.joined(separator: ", ")) where \"\(t.sqlName)\".\"\(pk)\" = $\(params.count) returning \(returning)"
    return "Failed query: \(sql)\nparams: \(params.joined(separator: ","))"
  }

  /// The message of drizzle's `DrizzleQueryError` for `insert into <table> (<columns>) values
  /// (…) returning <columns>`: each column of `row` is a parameter, every other is `default`.
  static func failedInsert(_ table: String, _ row: JSONObject) -> String {
    guard let t = DokployFacts.shared.tables[table] else { return "Failed query" }
    let names = t.columns.map { "\"\($0.sqlName)\"" }.joined(separator: ", ")
    var values: [String] = []
    var params: [String] = []
    for c in t.columns {
      guard let v = row[c.name] else {
        values.append("default")
        continue
      }
      params.append(v.stringValue ?? v.compactText)
      values.append("$\(params.count)")
    }
    let sql = "insert into \"\(t.sqlName)\" (\(names)) values (\(values.joined(separator: ", "))) returning \(names)"
    return "Failed query: \(sql)\nparams: \(params.joined(separator: ","))"
  }

}
