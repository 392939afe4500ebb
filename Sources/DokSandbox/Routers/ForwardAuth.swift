import DokCore

extension Routers {
  /// The `forwardAuth` router's procedures.
  static let forwardAuth: [Procedure] = [
    .recorded("forwardAuth.getAuthDomain", .enterprise("routers/proprietary/forward-auth.ts:31")),
    .recorded("forwardAuth.setAuthDomain", .enterprise("routers/proprietary/forward-auth.ts:57")),
    .recorded("forwardAuth.removeAuthDomain", .enterprise("routers/proprietary/forward-auth.ts:86")),
    .recorded("forwardAuth.listProviders", .enterprise("routers/proprietary/forward-auth.ts:108")),
    .recorded("forwardAuth.serverStatus", .enterprise("routers/proprietary/forward-auth.ts:112")),
    .recorded("forwardAuth.deployOnServer", .enterprise("routers/proprietary/forward-auth.ts:116")),
    .recorded("forwardAuth.removeOnServer", .enterprise("routers/proprietary/forward-auth.ts:142")),
    .recorded(
      "forwardAuth.status",
      .value(["enabled": false], "services/proprietary/forward-auth.ts:108")
        .requiring("domainId", "domains")),
    // No authentication proxy is ever deployed on the sandbox.
    .recorded(
      "forwardAuth.enable",
      .error(
        .PRECONDITION_FAILED, "Deploy the authentication proxy for this server in SSO settings first.",
        "services/proprietary/forward-auth.ts:343"
      ).requiring("domainId", "domains")),
    .recorded(
      "forwardAuth.disable",
      .value(["ok": true], "services/proprietary/forward-auth.ts:381")
        .requiring("domainId", "domains")),
  ]
}
