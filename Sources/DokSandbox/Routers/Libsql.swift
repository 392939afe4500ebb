import DokCore

extension Routers {
  /// The `libsql` router's procedures.
  static let libsql: [Procedure] = [
    .table("libsql.create", "true", "routers/libsql.ts:46"),
    .table("libsql.one", "row of libsql", "routers/libsql.ts:107"),
    .recorded("libsql.start", .status("libsql", "routers/libsql.ts:125", set: "done", procedure: "start")),
    .recorded("libsql.stop", .status("libsql", "routers/libsql.ts:150", set: "idle", procedure: "stop")),
    .shape("libsql.saveExternalPorts", "row of libsql", "routers/libsql.ts:175"),
    .shape("libsql.deploy", "row of libsql", "routers/libsql.ts:237"),
    .recorded("libsql.changeStatus", .status("libsql", "routers/libsql.ts:289")),
    .table("libsql.remove", "row of libsql", "routers/libsql.ts:307"),
    .shape("libsql.saveEnvironment", "true", "routers/libsql.ts:342"),
    .shape("libsql.reload", "true", "routers/libsql.ts:366"),
    .table("libsql.update", "true", "routers/libsql.ts:398"),
    .code("libsql.move", "row of libsql (updated)", "routers/libsql.ts:424", changesState: true) { s, input, _ in
      try s.move("libsql", input)
    },
    .shape("libsql.rebuild", "true", "routers/libsql.ts:460"),
    .shape("libsql.readLogs", "string", "routers/libsql.ts:476"),
  ]
}
