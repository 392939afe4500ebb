import DokCore

extension Routers {
  /// The `postgres` router's procedures.
  static let postgres: [Procedure] = [
    .code("postgres.create", "row of postgres (inserted)", "routers/postgres.ts:58", changesState: true) { s, input, now in
      try s.database(.postgres, "create", input, now: now)
    },
    .code("postgres.one", "row of postgres", "routers/postgres.ts:128", changesState: false) { s, input, now in
      try s.database(.postgres, "one", input, now: now)
    },
    .code("postgres.start", "row of postgres", "routers/postgres.ts:146", changesState: true) { s, input, now in
      try s.database(.postgres, "start", input, now: now)
    },
    .code("postgres.stop", "row of postgres", "routers/postgres.ts:171", changesState: true) { s, input, now in
      try s.database(.postgres, "stop", input, now: now)
    },
    .code("postgres.saveExternalPort", "row of postgres", "routers/postgres.ts:195", changesState: true) { s, input, now in
      try s.database(.postgres, "saveExternalPort", input, now: now)
    },
    .code("postgres.deploy", "row of postgres", "routers/postgres.ts:228", changesState: true) { s, input, now in
      try s.database(.postgres, "deploy", input, now: now)
    },
    .recorded("postgres.changeStatus", .status("postgres", "routers/postgres.ts:283")),
    .code("postgres.remove", "row of postgres", "routers/postgres.ts:301", changesState: true) { s, input, now in
      try s.database(.postgres, "remove", input, now: now)
    },
    .code("postgres.saveEnvironment", "true", "routers/postgres.ts:339", changesState: true) { s, input, now in
      try s.database(.postgres, "saveEnvironment", input, now: now)
    },
    .shape("postgres.reload", "true", "routers/postgres.ts:363"),
    .code("postgres.update", "true", "routers/postgres.ts:395", changesState: true) { s, input, now in
      try s.database(.postgres, "update", input, now: now)
    },
    .shape("postgres.changePassword", "true", "routers/postgres.ts:422"),
    .code("postgres.move", "row of postgres (updated)", "routers/postgres.ts:472", changesState: true) { s, input, _ in
      try s.move("postgres", input)
    },
    .shape("postgres.rebuild", "true", "routers/postgres.ts:508"),
    .recorded("postgres.search", .search("postgres", "routers/postgres.ts:524")),
    .code("postgres.readLogs", "string", "routers/postgres.ts:624", changesState: false) { s, input, now in
      try s.containerLogs(router: "postgres", input, now: now)
    },
  ]
}
