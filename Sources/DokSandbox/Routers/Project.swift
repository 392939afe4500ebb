import DokCore

extension Routers {
  /// The `project` router's procedures.
  static let project: [Procedure] = [
    .code("project.create", "object", "routers/project.ts:70", changesState: true) { s, input, now in
      try s.project("create", input, now: now)
    },
    .code("project.one", "row of projects", "routers/project.ts:109", changesState: false) { s, input, now in
      try s.project("one", input, now: now)
    },
    .code("project.all", "rows of projects", "routers/project.ts:221", changesState: false) { s, input, now in
      try s.project("all", input, now: now)
    },
    .recorded("project.allForPermissions", .findMany("project.allForPermissions", "routers/project.ts:403")),
    .recorded("project.homeStats", RouterReply(kind: .homeStats, source: "routers/project.ts:515")),
    .recorded("project.search", .search("projects", "routers/project.ts:657")),
    .code("project.remove", "row of projects (deleted)", "routers/project.ts:734", changesState: true) { s, input, now in
      try s.project("remove", input, now: now)
    },
    .code("project.update", "row of projects (updated)", "routers/project.ts:761", changesState: true) { s, input, now in
      try s.project("update", input, now: now)
    },
    .shape("project.duplicate", "row of environments", "routers/project.ts:809"),
  ]
}
