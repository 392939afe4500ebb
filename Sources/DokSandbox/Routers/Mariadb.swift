import DokCore

extension Routers {
  /// The `mariadb` router's procedures.
  static let mariadb: [Procedure] = [
    .code("mariadb.create", "row of mariadb (inserted)", "routers/mariadb.ts:57", changesState: true) { s, input, now in
      try s.database(.mariadb, "create", input, now: now)
    },
    .code("mariadb.one", "row of mariadb", "routers/mariadb.ts:121", changesState: false) { s, input, now in
      try s.database(.mariadb, "one", input, now: now)
    },
    .code("mariadb.start", "row of mariadb", "routers/mariadb.ts:138", changesState: true) { s, input, now in
      try s.database(.mariadb, "start", input, now: now)
    },
    .code("mariadb.stop", "row of mariadb", "routers/mariadb.ts:162", changesState: true) { s, input, now in
      try s.database(.mariadb, "stop", input, now: now)
    },
    .code("mariadb.saveExternalPort", "row of mariadb", "routers/mariadb.ts:187", changesState: true) { s, input, now in
      try s.database(.mariadb, "saveExternalPort", input, now: now)
    },
    .code("mariadb.deploy", "row of mariadb", "routers/mariadb.ts:220", changesState: true) { s, input, now in
      try s.database(.mariadb, "deploy", input, now: now)
    },
    .recorded("mariadb.changeStatus", .status("mariadb", "routers/mariadb.ts:257")),
    .code("mariadb.remove", "row of mariadb", "routers/mariadb.ts:275", changesState: true) { s, input, now in
      try s.database(.mariadb, "remove", input, now: now)
    },
    .code("mariadb.saveEnvironment", "true", "routers/mariadb.ts:312", changesState: true) { s, input, now in
      try s.database(.mariadb, "saveEnvironment", input, now: now)
    },
    .shape("mariadb.reload", "true", "routers/mariadb.ts:336"),
    .code("mariadb.update", "true", "routers/mariadb.ts:368", changesState: true) { s, input, now in
      try s.database(.mariadb, "update", input, now: now)
    },
    .shape("mariadb.changePassword", "true", "routers/mariadb.ts:394"),
    .code("mariadb.move", "row of mariadb (updated)", "routers/mariadb.ts:451", changesState: true) { s, input, _ in
      try s.move("mariadb", input)
    },
    .shape("mariadb.rebuild", "true", "routers/mariadb.ts:487"),
    .recorded("mariadb.search", .search("mariadb", "routers/mariadb.ts:502")),
    .code("mariadb.readLogs", "string", "routers/mariadb.ts:600", changesState: false) { s, input, now in
      try s.containerLogs(router: "mariadb", input, now: now)
    },
  ]
}
