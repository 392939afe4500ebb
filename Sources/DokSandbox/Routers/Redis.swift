import DokCore

extension Routers {
  /// The `redis` router's procedures.
  static let redis: [Procedure] = [
    .code("redis.create", "row of redis (inserted)", "routers/redis.ts:54", changesState: true) { s, input, now in
      try s.database(.redis, "create", input, now: now)
    },
    .code("redis.one", "row of redis", "routers/redis.ts:115", changesState: false) { s, input, now in
      try s.database(.redis, "one", input, now: now)
    },
    .code("redis.start", "row of redis", "routers/redis.ts:133", changesState: true) { s, input, now in
      try s.database(.redis, "start", input, now: now)
    },
    .shape("redis.reload", "true", "routers/redis.ts:158"),
    .code("redis.stop", "row of redis", "routers/redis.ts:191", changesState: true) { s, input, now in
      try s.database(.redis, "stop", input, now: now)
    },
    .code("redis.saveExternalPort", "row of redis", "routers/redis.ts:215", changesState: true) { s, input, now in
      try s.database(.redis, "saveExternalPort", input, now: now)
    },
    .code("redis.deploy", "row of redis", "routers/redis.ts:248", changesState: true) { s, input, now in
      try s.database(.redis, "deploy", input, now: now)
    },
    .recorded("redis.changeStatus", .status("redis", "routers/redis.ts:300")),
    .code("redis.remove", "row of redis", "routers/redis.ts:318", changesState: true) { s, input, now in
      try s.database(.redis, "remove", input, now: now)
    },
    .code("redis.saveEnvironment", "true", "routers/redis.ts:353", changesState: true) { s, input, now in
      try s.database(.redis, "saveEnvironment", input, now: now)
    },
    .code("redis.update", "true", "routers/redis.ts:377", changesState: true) { s, input, now in
      try s.database(.redis, "update", input, now: now)
    },
    .shape("redis.changePassword", "true", "routers/redis.ts:403"),
    .code("redis.move", "row of redis (updated)", "routers/redis.ts:453", changesState: true) { s, input, _ in
      try s.move("redis", input)
    },
    .shape("redis.rebuild", "true", "routers/redis.ts:489"),
    .recorded("redis.search", .search("redis", "routers/redis.ts:504")),
    .code("redis.readLogs", "string", "routers/redis.ts:597", changesState: false) { s, input, now in
      try s.containerLogs(router: "redis", input, now: now)
    },
  ]
}
