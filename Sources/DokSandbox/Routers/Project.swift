import DokCore

extension Routers {
  /// The `project` router's procedures.
  static let project: [Procedure] = [
    .code("project.create", "object", "routers/project.ts:70", changesState: true) { s, input, now in
      let projectId = Support.nanoid()
      var p = JSONObject()
      p["projectId"] = .string(projectId)
      p["name"] = input["name"] ?? ""
      p["description"] = input["description"] ?? .null
      p["createdAt"] = .string(Support.iso(now))
      p["organizationId"] = .string(s.organizationId)
      p["env"] = input["env"] ?? ""
      s.projects.put(p)
      let e = s.newEnvironment(
        name: "production", description: "Production environment", projectId: projectId, now: now, isDefault: true)
      s.environments.put(e)
      return ["project": .object(p), "environment": .object(e)]
    },
    .code("project.one", "row of projects", "routers/project.ts:109", changesState: false) { s, input, _ in
      .object(s.view(try s.requireProject(input.str("projectId")), "projects", "project.one"))
    },
    // Newest first, trimmed to the columns the real query selects.
    .code("project.all", "rows of projects", "routers/project.ts:221", changesState: false) { s, _, _ in
      let shaper = ReplyShaper(s, table: "projects", reply: "project.all")
      return .array(s.projects.all.reversed().map { .object(shaper.shape($0)) })
    },
    .recorded("project.allForPermissions", .findMany("project.allForPermissions", "routers/project.ts:403")),
    .recorded("project.homeStats", RouterReply(kind: .homeStats, source: "routers/project.ts:515")),
    .recorded("project.search", .search("projects", "routers/project.ts:657")),
    .code("project.remove", "row of projects (deleted)", "routers/project.ts:734", changesState: true) { s, input, _ in
      let p = try s.requireProject(input.str("projectId"))
      for e in s.environments.filter("projectId", p.str("projectId")!) { s.removeEnvironmentCascade(e.str("environmentId")!) }
      s.projects[p.str("projectId")!] = nil
      return .object(p)
    },
    .code("project.update", "row of projects (updated)", "routers/project.ts:761", changesState: true) { s, input, _ in
      var p = try s.requireProject(input.str("projectId"))
      p.merge(input, except: ["projectId", "organizationId"])
      s.projects.put(p)
      return .object(p)
    },
    .shape("project.duplicate", "row of environments", "routers/project.ts:809"),
  ]
}
