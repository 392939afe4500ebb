import DokCore

extension Routers {
  /// The `environment` router's procedures.
  static let environment: [Procedure] = [
    // routers/environment.ts:40-76: "production" is refused first (other duplicate names are
    // allowed); an unknown project fails the insert's foreign key, which the catch reports as
    // 400 "Error creating the environment: <drizzle's failed query>".
    .code("environment.create", "row of environments (inserted)", "routers/environment.ts:37", changesState: true) {
      s, input, now in
      let name = input.str("name") ?? ""
      if name == "production" { throw SandboxError.badRequest("You cannot create a environment with the name 'production'") }
      let projectId = input.str("projectId") ?? ""
      let e = s.newEnvironment(
        name: name, description: input.str("description"), projectId: projectId, now: now, isDefault: false)
      guard s.projects[projectId] != nil else {
        var row = e
        row["env"] = nil
        row["isDefault"] = nil
        if input["description"] == nil { row["description"] = nil }
        throw SandboxError.badRequest(
          "Error creating the environment: \(SandboxState.failedInsert("environments", row))")
      }
      s.environments.put(e)
      return .object(e)
    },
    .code("environment.one", "row of environments", "routers/environment.ts:79", changesState: false) { s, input, _ in
      .object(s.view(try s.requireEnvironment(input.str("environmentId")), "environments", "environment.one"))
    },
    // An unknown project id answers [].
    .code("environment.byProjectId", "rows of environments", "routers/environment.ts:117", changesState: false) { s, input, _ in
      let shaper = ReplyShaper(s, table: "environments", reply: "environment.byProjectId")
      return .array(s.environments.filter("projectId", input.str("projectId") ?? "").map { .object(shaper.shape($0)) })
    },
    .code("environment.remove", "row of environments (deleted)", "routers/environment.ts:164", changesState: true) {
      s, input, _ in
      let e = try s.requireEnvironment(input.str("environmentId"))
      if e["isDefault"] == true { throw SandboxError.badRequest("You cannot delete the default environment") }
      let id = e.str("environmentId")!
      let hasServices =
        !s.applications.filter("environmentId", id).isEmpty || !s.compose.filter("environmentId", id).isEmpty
        || DatabaseKind.allCases.contains { !(s.databases[$0]?.filter("environmentId", id).isEmpty ?? true) }
        || !(s[table: "libsql"]?.filter("environmentId", id).isEmpty ?? true)
      if hasServices {
        throw SandboxError.badRequest("Cannot delete environment: it has active services. Delete all services first.")
      }
      s.removeEnvironmentCascade(id)
      return .object(e)
    },
    // routers/environment.ts:213-271: everything runs inside a try whose catch rethrows as a 400
    // "Error updating the environment: <message>" (the 404 of findEnvironmentById too); naming
    // the default environment at all, even with its own name, is refused (ts:224).
    .code("environment.update", "row of environments (updated)", "routers/environment.ts:210", changesState: true) {
      s, input, _ in
      do throws(SandboxError) {
        var e = try s.requireEnvironment(input.str("environmentId"))
        if e["isDefault"] == true, input["name"] != nil {
          throw SandboxError.badRequest("You cannot rename the default environment")
        }
        if let t = DokployFacts.shared.tables["environments"] { try s.checkReferences(t, input) }
        e.merge(input, except: ["environmentId"])
        s.environments.put(e)
        return .object(e)
      } catch {
        throw SandboxError.badRequest("Error updating the environment: \(error.message)")
      }
    },
    .shape("environment.duplicate", "row of environments (inserted)", "routers/environment.ts:277"),
    .recorded("environment.search", .search("environments", "routers/environment.ts:324")),
  ]
}
