import DokCore

extension SandboxState {
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
