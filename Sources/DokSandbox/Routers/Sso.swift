import DokCore

extension Routers {
  /// The `sso` router's procedures.
  static let sso: [Procedure] = [
    .recorded("sso.showSignInWithSSO", .value(false, "routers/proprietary/sso.ts:44")),
    .recorded("sso.enforceSSO", .value(false, "routers/proprietary/sso.ts:53")),
    .recorded("sso.listProviders", .enterprise("routers/proprietary/sso.ts:55")),
    .recorded("sso.getTrustedOrigins", .enterprise("routers/proprietary/sso.ts:71")),
    .recorded("sso.one", .enterprise("routers/proprietary/sso.ts:82")),
    .recorded("sso.update", .enterprise("routers/proprietary/sso.ts:109")),
    .recorded("sso.deleteProvider", .enterprise("routers/proprietary/sso.ts:217")),
    .recorded("sso.register", .enterprise("routers/proprietary/sso.ts:261")),
    .recorded("sso.addTrustedOrigin", .enterprise("routers/proprietary/sso.ts:297")),
    .recorded("sso.removeTrustedOrigin", .enterprise("routers/proprietary/sso.ts:326")),
    .recorded("sso.updateTrustedOrigin", .enterprise("routers/proprietary/sso.ts:354")),
  ]
}
