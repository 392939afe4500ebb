import DokCore

extension Routers {
  /// The `mysql` router's procedures.
  static let mysql: [Procedure] = [
    .code("mysql.create", "row of mysql (inserted)", "routers/mysql.ts:57", changesState: true) { s, input, now in
      try s.database(.mysql, "create", input, now: now)
    },
    .code("mysql.one", "row of mysql", "routers/mysql.ts:125", changesState: false) { s, input, now in
      try s.database(.mysql, "one", input, now: now)
    },
    .code("mysql.start", "row of mysql", "routers/mysql.ts:142", changesState: true) { s, input, now in
      try s.database(.mysql, "start", input, now: now)
    },
    .code("mysql.stop", "row of mysql", "routers/mysql.ts:167", changesState: true) { s, input, now in
      try s.database(.mysql, "stop", input, now: now)
    },
    .code("mysql.saveExternalPort", "row of mysql", "routers/mysql.ts:191", changesState: true) { s, input, now in
      try s.database(.mysql, "saveExternalPort", input, now: now)
    },
    .code("mysql.deploy", "row of mysql", "routers/mysql.ts:224", changesState: true) { s, input, now in
      try s.database(.mysql, "deploy", input, now: now)
    },
    .recorded("mysql.changeStatus", .status("mysql", "routers/mysql.ts:277")),
    .shape("mysql.reload", "true", "routers/mysql.ts:295"),
    .code("mysql.remove", "row of mysql", "routers/mysql.ts:326", changesState: true) { s, input, now in
      try s.database(.mysql, "remove", input, now: now)
    },
    .code("mysql.saveEnvironment", "true", "routers/mysql.ts:362", changesState: true) { s, input, now in
      try s.database(.mysql, "saveEnvironment", input, now: now)
    },
    .code("mysql.update", "true", "routers/mysql.ts:386", changesState: true) { s, input, now in
      try s.database(.mysql, "update", input, now: now)
    },
    .shape("mysql.changePassword", "true", "routers/mysql.ts:412"),
    .code("mysql.move", "row of mysql (updated)", "routers/mysql.ts:469", changesState: true) { s, input, _ in
      try s.move("mysql", input)
    },
    .shape("mysql.rebuild", "true", "routers/mysql.ts:505"),
    .recorded("mysql.search", .search("mysql", "routers/mysql.ts:521")),
    .code("mysql.readLogs", "string", "routers/mysql.ts:614", changesState: false) { s, input, now in
      try s.containerLogs(router: "mysql", input, now: now)
    },
  ]
}
