import DokCore

extension Routers {
  /// The `security` router's procedures.
  static let security: [Procedure] = [
    .table("security.create", "true", "routers/security.ts:17"),
    .table("security.one", "row of security", "routers/security.ts:33"),
    .table("security.delete", "row of security (deleted)", "routers/security.ts:43"),
    .table("security.update", "void", "routers/security.ts:59"),
  ]
}
