import DokCore

extension RouterReplies {
  /// The proprietary routers (`sso`, `scim`, `forwardAuth`, `whitelabeling`, `customRole`,
  /// `licenseKey`, `auditLog`) on a self-hosted server without an enterprise licence: most
  /// procedures are `enterpriseProcedure` and answer 403 "Valid enterprise license required".
  static let enterprise: [String: RouterReply] = [
    "sso.showSignInWithSSO": .value(false, "routers/proprietary/sso.ts:44"),
    "sso.enforceSSO": .value(false, "routers/proprietary/sso.ts:53"),
    "sso.listProviders": .enterprise("routers/proprietary/sso.ts:55"),
    "sso.getTrustedOrigins": .enterprise("routers/proprietary/sso.ts:71"),
    "sso.one": .enterprise("routers/proprietary/sso.ts:82"),
    "sso.update": .enterprise("routers/proprietary/sso.ts:109"),
    "sso.deleteProvider": .enterprise("routers/proprietary/sso.ts:217"),
    "sso.register": .enterprise("routers/proprietary/sso.ts:261"),
    "sso.addTrustedOrigin": .enterprise("routers/proprietary/sso.ts:297"),
    "sso.removeTrustedOrigin": .enterprise("routers/proprietary/sso.ts:326"),
    "sso.updateTrustedOrigin": .enterprise("routers/proprietary/sso.ts:354"),
    "scim.listProviders": .enterprise("routers/proprietary/scim.ts:20"),
    "scim.generateToken": .enterprise("routers/proprietary/scim.ts:32"),
    "scim.deleteProvider": .enterprise("routers/proprietary/scim.ts:54"),
    "auditLog.all": .error(.FORBIDDEN, "Valid enterprise license required", "routers/proprietary/audit-log.ts:12"),
    "forwardAuth.getAuthDomain": .enterprise("routers/proprietary/forward-auth.ts:31"),
    "forwardAuth.setAuthDomain": .enterprise("routers/proprietary/forward-auth.ts:57"),
    "forwardAuth.removeAuthDomain": .enterprise("routers/proprietary/forward-auth.ts:86"),
    "forwardAuth.listProviders": .enterprise("routers/proprietary/forward-auth.ts:108"),
    "forwardAuth.serverStatus": .enterprise("routers/proprietary/forward-auth.ts:112"),
    "forwardAuth.deployOnServer": .enterprise("routers/proprietary/forward-auth.ts:116"),
    "forwardAuth.removeOnServer": .enterprise("routers/proprietary/forward-auth.ts:142"),
    "forwardAuth.status": .value(["enabled": false], "services/proprietary/forward-auth.ts:108")
      .requiring("domainId", "domains"),
    // No authentication proxy is ever deployed on the sandbox.
    "forwardAuth.enable": .error(
      .PRECONDITION_FAILED, "Deploy the authentication proxy for this server in SSO settings first.",
      "services/proprietary/forward-auth.ts:343"
    ).requiring("domainId", "domains"),
    "forwardAuth.disable": .value(["ok": true], "services/proprietary/forward-auth.ts:381")
      .requiring("domainId", "domains"),
    "whitelabeling.get": .value(.null, "routers/proprietary/whitelabeling.ts:23"),
    "whitelabeling.update": .enterprise("routers/proprietary/whitelabeling.ts:29"),
    "whitelabeling.reset": .enterprise("routers/proprietary/whitelabeling.ts:53"),
    "whitelabeling.getPublic": .value(.null, "services/proprietary/whitelabeling.ts:40"),
    "customRole.all": .value([], "routers/proprietary/custom-role.ts:74"),
    "customRole.create": .enterprise("routers/proprietary/custom-role.ts:77"),
    "customRole.update": .enterprise("routers/proprietary/custom-role.ts:134"),
    "customRole.remove": .enterprise("routers/proprietary/custom-role.ts:215"),
    "customRole.membersByRole": .value([], "routers/proprietary/custom-role.ts:300"),
    "customRole.getStatements": RouterReply(kind: .statements, source: "routers/proprietary/custom-role.ts:304"),
    // The handlers wrap every error, their own 400s included, in a 500 with the same message.
    "licenseKey.activate": .error(
      .INTERNAL_SERVER_ERROR, "Please activate enterprise features to activate license key",
      "routers/proprietary/license-key.ts:58"),
    "licenseKey.validate": .error(
      .INTERNAL_SERVER_ERROR, "No license key found", "routers/proprietary/license-key.ts:111"),
    "licenseKey.deactivate": .error(
      .INTERNAL_SERVER_ERROR, "No license key found", "routers/proprietary/license-key.ts:161"),
    "licenseKey.getEnterpriseSettings": .value(
      ["enableEnterpriseFeatures": false, "licenseKey": ""], "routers/proprietary/license-key.ts:190"),
    "licenseKey.haveValidLicenseKey": .value(false, "routers/proprietary/license-key.ts:196"),
    "licenseKey.updateEnterpriseSettings": .value(true, "routers/proprietary/license-key.ts:229"),
  ]
}
