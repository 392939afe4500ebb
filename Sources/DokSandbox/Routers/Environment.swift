import DokCore

extension Routers {
  /// The `environment` router's procedures.
  static let environment: [Procedure] = [
    .code("environment.create", "row of environments (inserted)", "routers/environment.ts:37", changesState: true) {
      s, input, now in try s.environment("create", input, now: now)
    },
    .code("environment.one", "row of environments", "routers/environment.ts:79", changesState: false) { s, input, now in
      try s.environment("one", input, now: now)
    },
    .code("environment.byProjectId", "rows of environments", "routers/environment.ts:117", changesState: false) { s, input, now in
      try s.environment("byProjectId", input, now: now)
    },
    .code("environment.remove", "row of environments (deleted)", "routers/environment.ts:164", changesState: true) {
      s, input, now in try s.environment("remove", input, now: now)
    },
    .table("environment.update", "row of environments (updated)", "routers/environment.ts:210"),
    .shape("environment.duplicate", "row of environments (inserted)", "routers/environment.ts:277"),
    .recorded("environment.search", .search("environments", "routers/environment.ts:324")),
  ]
}
