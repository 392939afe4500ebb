import DokCore

extension Routers {
  /// The `overview` router's procedures.
  static let overview: [Procedure] = [
    .recorded("overview.services", RouterReply(kind: .overviewServices, source: "services/overview.ts:229")),
    .recorded("overview.backups", .value([], "services/overview.ts:428")),
    .recorded("overview.domains", RouterReply(kind: .overviewDomains, source: "services/overview.ts:700")),
  ]
}
