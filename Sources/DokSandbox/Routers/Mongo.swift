import DokCore

extension Routers {
  /// The `mongo` router's procedures.
  static let mongo: [Procedure] = [
    .code("mongo.create", "row of mongo (inserted)", "routers/mongo.ts:56", changesState: true) { s, input, now in
      try s.database(.mongo, "create", input, now: now)
    },
    .code("mongo.one", "row of mongo", "routers/mongo.ts:124", changesState: false) { s, input, now in
      try s.database(.mongo, "one", input, now: now)
    },
    .code("mongo.start", "row of mongo", "routers/mongo.ts:142", changesState: true) { s, input, now in
      try s.database(.mongo, "start", input, now: now)
    },
    .code("mongo.stop", "row of mongo", "routers/mongo.ts:167", changesState: true) { s, input, now in
      try s.database(.mongo, "stop", input, now: now)
    },
    .code("mongo.saveExternalPort", "row of mongo", "routers/mongo.ts:192", changesState: true) { s, input, now in
      try s.database(.mongo, "saveExternalPort", input, now: now)
    },
    .code("mongo.deploy", "row of mongo", "routers/mongo.ts:225", changesState: true) { s, input, now in
      try s.database(.mongo, "deploy", input, now: now)
    },
    .recorded("mongo.changeStatus", .status("mongo", "routers/mongo.ts:278")),
    .shape("mongo.reload", "true", "routers/mongo.ts:296"),
    .code("mongo.remove", "row of mongo", "routers/mongo.ts:328", changesState: true) { s, input, now in
      try s.database(.mongo, "remove", input, now: now)
    },
    .code("mongo.saveEnvironment", "true", "routers/mongo.ts:366", changesState: true) { s, input, now in
      try s.database(.mongo, "saveEnvironment", input, now: now)
    },
    .code("mongo.update", "true", "routers/mongo.ts:390", changesState: true) { s, input, now in
      try s.database(.mongo, "update", input, now: now)
    },
    .shape("mongo.changePassword", "true", "routers/mongo.ts:416"),
    .code("mongo.move", "row of mongo (updated)", "routers/mongo.ts:466", changesState: true) { s, input, _ in
      try s.move("mongo", input)
    },
    .shape("mongo.rebuild", "true", "routers/mongo.ts:502"),
    .recorded("mongo.search", .search("mongo", "routers/mongo.ts:518")),
    .code("mongo.readLogs", "string", "routers/mongo.ts:611", changesState: false) { s, input, now in
      try s.containerLogs(router: "mongo", input, now: now)
    },
  ]
}
