import DokCore

extension Routers {
  /// The `destination` router's procedures.
  static let destination: [Procedure] = [
    .table("destination.create", "row of destinations (inserted)", "routers/destination.ts:25"),
    .shape("destination.testConnection", "void", "routers/destination.ts:48"),
    .table("destination.one", "row of destinations", "routers/destination.ts:105"),
    .table("destination.all", "rows of destinations", "routers/destination.ts:117"),
    .table("destination.remove", "row of destinations (deleted)", "routers/destination.ts:123"),
    .table("destination.update", "row of destinations (updated)", "routers/destination.ts:150"),
  ]
}
