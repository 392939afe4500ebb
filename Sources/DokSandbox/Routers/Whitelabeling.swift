import DokCore

extension Routers {
  /// The `whitelabeling` router's procedures.
  static let whitelabeling: [Procedure] = [
    .recorded("whitelabeling.get", .value(.null, "routers/proprietary/whitelabeling.ts:23")),
    .recorded("whitelabeling.update", .enterprise("routers/proprietary/whitelabeling.ts:29")),
    .recorded("whitelabeling.reset", .enterprise("routers/proprietary/whitelabeling.ts:53")),
    .recorded("whitelabeling.getPublic", .value(.null, "services/proprietary/whitelabeling.ts:40")),
  ]
}
