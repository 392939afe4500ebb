import DokCore

extension Routers {
  /// The `port` router's procedures.
  static let port: [Procedure] = [
    .table("port.create", "row of ports (inserted)", "routers/port.ts:18"),
    .table("port.one", "row of ports", "routers/port.ts:41"),
    .table("port.delete", "row of ports (deleted)", "routers/port.ts:60"),
    .table("port.update", "row of ports (updated)", "routers/port.ts:87"),
  ]
}
