import DokCore

extension Routers {
  /// The `scim` router's procedures.
  static let scim: [Procedure] = [
    .recorded("scim.listProviders", .enterprise("routers/proprietary/scim.ts:20")),
    .recorded("scim.generateToken", .enterprise("routers/proprietary/scim.ts:32")),
    .recorded("scim.deleteProvider", .enterprise("routers/proprietary/scim.ts:54")),
  ]
}
