import DokCore

extension Routers {
  /// The `domain` router's procedures.
  static let domain: [Procedure] = [
    .code("domain.create", "row of domains (inserted)", "routers/domain.ts:35", changesState: true) { s, input, now in
      try s.domain("create", input, now: now)
    },
    .code("domain.byApplicationId", "rows of domains", "routers/domain.ts:67", changesState: false) { s, input, now in
      try s.domain("byApplicationId", input, now: now)
    },
    .code("domain.byComposeId", "rows of domains", "routers/domain.ts:75", changesState: false) { s, input, now in
      try s.domain("byComposeId", input, now: now)
    },
    .recorded("domain.generateDomain", .value("<input.appName>-<hex6>-127-0-0-1.sslip.io", "routers/domain.ts:83")),
    .recorded(
      "domain.canGenerateTraefikMeDomains",
      RouterReply(
        kind: .column("server", "ipAddress"), source: "routers/domain.ts:98"
      ).requiring("serverId", "server")),
    .code("domain.update", "row of domains (updated)", "routers/domain.ts:103", changesState: true) { s, input, now in
      try s.domain("update", input, now: now)
    },
    // Updates whose reply is the updated row (tables.json's "row … (updated)" was answered as stored).
    .recorded(
      "domain.toggleEnable",
      RouterReply(
        kind: .updateRow(table: "domains", columns: [], toggle: "enabled"), source: "routers/domain.ts:144")),
    .code("domain.one", "row of domains", "routers/domain.ts:196", changesState: false) { s, input, now in
      try s.domain("one", input, now: now)
    },
    .code("domain.delete", "row of domains (deleted)", "routers/domain.ts:213", changesState: true) { s, input, now in
      try s.domain("delete", input, now: now)
    },
    .recorded("domain.validateDomain", RouterReply(kind: .validateDomain, source: "services/domain.ts:155")),
  ]
}
