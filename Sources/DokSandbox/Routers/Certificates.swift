import DokCore

extension Routers {
  /// The `certificates` router's procedures.
  static let certificates: [Procedure] = [
    .table("certificates.create", "row of certificates (inserted)", "routers/certificate.ts:21"),
    .table("certificates.one", "row of certificates", "routers/certificate.ts:43"),
    .table("certificates.remove", "true", "routers/certificate.ts:55"),
    .table("certificates.all", "rows of certificates", "routers/certificate.ts:74"),
    .table("certificates.update", "row of certificates (updated)", "routers/certificate.ts:82"),
  ]
}
