import DokCore

extension SandboxState {
  mutating func project(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "all":
      // Newest first, trimmed to the columns the real query selects.
      let shaper = ReplyShaper(self, table: "projects", reply: "project.all")
      return .array(projects.all.reversed().map { .object(shaper.shape($0)) })
    case "one":
      return .object(view(try requireProject(input.str("projectId")), "projects", "project.one"))
    case "create":
      let projectId = Support.nanoid()
      var p = JSONObject()
      p["projectId"] = .string(projectId)
      p["name"] = input["name"] ?? ""
      p["description"] = input["description"] ?? .null
      p["createdAt"] = .string(Support.iso(now))
      p["organizationId"] = .string(organizationId)
      p["env"] = input["env"] ?? ""
      projects.put(p)
      let e = newEnvironment(
        name: "production", description: "Production environment", projectId: projectId, now: now, isDefault: true)
      environments.put(e)
      return ["project": .object(p), "environment": .object(e)]
    case "update":
      var p = try requireProject(input.str("projectId"))
      p.merge(input, except: ["projectId", "organizationId"])
      projects.put(p)
      return .object(p)
    case "remove":
      let p = try requireProject(input.str("projectId"))
      for e in environments.filter("projectId", p.str("projectId")!) { removeEnvironmentCascade(e.str("environmentId")!) }
      projects[p.str("projectId")!] = nil
      return .object(p)
    default:
      return try generic("project.\(proc)", input, now: now)
    }
  }

  mutating func environment(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "create":
      let p = try requireProject(input.str("projectId"))
      let name = input.str("name") ?? ""
      // "production" is refused; other duplicate names are allowed.
      if name == "production" { throw .badRequest("You cannot create a environment with the name 'production'") }
      let e = newEnvironment(
        name: name, description: input.str("description"), projectId: p.str("projectId")!, now: now, isDefault: false)
      environments.put(e)
      return .object(e)
    case "one":
      return .object(view(try requireEnvironment(input.str("environmentId")), "environments", "environment.one"))
    case "byProjectId":
      // An unknown project id answers [].
      let shaper = ReplyShaper(self, table: "environments", reply: "environment.byProjectId")
      return .array(environments.filter("projectId", input.str("projectId") ?? "").map { .object(shaper.shape($0)) })
    case "update":
      var e = try requireEnvironment(input.str("environmentId"))
      if e["isDefault"] == true, let n = input.str("name"), n != e.str("name") {
        throw .badRequest("You cannot rename the default environment")
      }
      if let t = DokployFacts.shared.tables["environments"] { try checkReferences(t, input) }
      e.merge(input, except: ["environmentId", "isDefault"])
      environments.put(e)
      return .object(e)
    case "remove":
      let e = try requireEnvironment(input.str("environmentId"))
      if e["isDefault"] == true { throw .badRequest("You cannot delete the default environment") }
      let id = e.str("environmentId")!
      let hasServices =
        !applications.filter("environmentId", id).isEmpty || !compose.filter("environmentId", id).isEmpty
        || DatabaseKind.allCases.contains { !(databases[$0]?.filter("environmentId", id).isEmpty ?? true) }
        || !(self[table: "libsql"]?.filter("environmentId", id).isEmpty ?? true)
      if hasServices { throw .badRequest("Cannot delete environment: it has active services. Delete all services first.") }
      removeEnvironmentCascade(id)
      return .object(e)
    default:
      return try generic("environment.\(proc)", input, now: now)
    }
  }

  /// The project with this id, or 404.
  func requireProject(_ id: String?) throws(SandboxError) -> JSONObject {
    guard let id, let p = projects[id] else { throw .notFound("Project") }
    return p
  }

  func newEnvironment(name: String, description: String?, projectId: String, now: Double, isDefault: Bool) -> JSONObject {
    var e = JSONObject()
    e["environmentId"] = .string(Support.nanoid())
    e["name"] = .string(name)
    e["description"] = description.map(JSON.string) ?? .null
    e["createdAt"] = .string(Support.iso(now))
    e["env"] = ""
    e["projectId"] = .string(projectId)
    e["isDefault"] = .bool(isDefault)
    return e
  }

  /// A row shaped as procedure `reply` returns it: the relations and columns of tables.json
  /// (for many rows, make one ``ReplyShaper`` and use it for each).
  func view(_ row: JSONObject, _ table: String, _ reply: String) -> JSONObject {
    ReplyShaper(self, table: table, reply: reply).shape(row)
  }

  /// Removes an environment and everything in it.
  mutating func removeEnvironmentCascade(_ id: String) {
    for a in applications.filter("environmentId", id) { removeApplication(a.str("applicationId")!) }
    for c in compose.filter("environmentId", id) { removeCompose(c.str("composeId")!) }
    for k in DatabaseKind.allCases {
      let ids = Set((databases[k]?.filter("environmentId", id) ?? []).compactMap { $0.str(k.idKey) })
      databases[k]?.remove(ids: ids)
    }
    environments[id] = nil
  }
}
