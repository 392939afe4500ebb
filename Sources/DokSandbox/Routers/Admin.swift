import DokCore

extension Routers {
  /// The `admin` router's procedures.
  static let admin: [Procedure] = [
    .code("admin.setupMonitoring", "row of webServerSettings", "routers/admin.ts:50", changesState: true) { s, input, now in
      try s.webServer("admin.setupMonitoring", input, now: now)
    }
  ]
}
