import DokCore

extension Routers {
  /// The `rollback` router's procedures.
  static let rollback: [Procedure] = [
    .table("rollback.delete", "row of rollbacks", "routers/rollbacks.ts:13"),
    .shape("rollback.rollback", "void", "routers/rollbacks.ts:42"),
  ]
}
