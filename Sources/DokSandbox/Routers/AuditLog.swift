import DokCore

extension Routers {
  /// The `auditLog` router's procedures.
  static let auditLog: [Procedure] = [
    .recorded("auditLog.all", .error(.FORBIDDEN, "Valid enterprise license required", "routers/proprietary/audit-log.ts:12"))
  ]
}
