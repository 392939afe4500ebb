import DokCore

extension SandboxState {
  mutating func project(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "all":
      return .array(projects.all.map { projectView($0) })
    case "one":
      return projectView(try requireProject(input.str("projectId")))
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
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"project.\(proc)\"")
    }
  }

  mutating func environment(_ proc: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    switch proc {
    case "create":
      let p = try requireProject(input.str("projectId"))
      let name = input.str("name") ?? ""
      if environments.filter("projectId", p.str("projectId")!).contains(where: { $0.str("name") == name }) {
        throw SandboxError(.CONFLICT, "Environment with name \"\(name)\" already exists in this project")
      }
      let e = newEnvironment(
        name: name, description: input.str("description"), projectId: p.str("projectId")!, now: now, isDefault: false)
      environments.put(e)
      return .object(e)
    case "one":
      let e = try requireEnvironment(input.str("environmentId"))
      var v = environmentView(e)
      if let p = projects[e.str("projectId") ?? ""] { v["project"] = .object(p) }
      return .object(v)
    case "byProjectId":
      let p = try requireProject(input.str("projectId"))
      return .array(environments.filter("projectId", p.str("projectId")!).map { .object(environmentView($0)) })
    case "remove":
      let e = try requireEnvironment(input.str("environmentId"))
      removeEnvironmentCascade(e.str("environmentId")!)
      return .object(e)
    default:
      throw SandboxError(.NOT_FOUND, "No procedure found on path \"environment.\(proc)\"")
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

  /// A project with its environments and their services, as `project.one` returns it.
  func projectView(_ p: JSONObject) -> JSON {
    var v = p
    v["environments"] = .array(environments.filter("projectId", p.str("projectId")!).map { .object(environmentView($0)) })
    return .object(v)
  }

  /// An environment with its applications, compose services and databases.
  func environmentView(_ e: JSONObject) -> JSONObject {
    var v = e
    let id = e.str("environmentId")!
    v["applications"] = .array(
      applications.filter("environmentId", id).map { a in
        var x = a
        x["domains"] = .array(domains.filter("applicationId", a.str("applicationId")!).map(JSON.object))
        return .object(x)
      })
    v["compose"] = .array(
      compose.filter("environmentId", id).map { c in
        var x = c
        x["domains"] = .array(domains.filter("composeId", c.str("composeId")!).map(JSON.object))
        return .object(x)
      })
    for k in DatabaseKind.allCases {
      v[k.rawValue] = .array((databases[k]?.filter("environmentId", id) ?? []).map(JSON.object))
    }
    return v
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
