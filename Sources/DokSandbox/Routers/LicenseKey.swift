import DokCore

extension Routers {
  /// The `licenseKey` router's procedures.
  static let licenseKey: [Procedure] = [
    // The handlers wrap every error, their own 400s included, in a 500 with the same message.
    .recorded(
      "licenseKey.activate",
      .error(
        .INTERNAL_SERVER_ERROR, "Please activate enterprise features to activate license key",
        "routers/proprietary/license-key.ts:58")),
    .recorded(
      "licenseKey.validate",
      .error(
        .INTERNAL_SERVER_ERROR, "No license key found", "routers/proprietary/license-key.ts:111")),
    .recorded(
      "licenseKey.deactivate",
      .error(
        .INTERNAL_SERVER_ERROR, "No license key found", "routers/proprietary/license-key.ts:161")),
    .recorded(
      "licenseKey.getEnterpriseSettings",
      .value(
        ["enableEnterpriseFeatures": false, "licenseKey": ""], "routers/proprietary/license-key.ts:190")),
    .recorded("licenseKey.haveValidLicenseKey", .value(false, "routers/proprietary/license-key.ts:196")),
    .recorded("licenseKey.updateEnterpriseSettings", .value(true, "routers/proprietary/license-key.ts:229")),
  ]
}
