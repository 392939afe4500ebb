import DokCore

extension Routers {
  /// The `redirects` router's procedures.
  static let redirects: [Procedure] = [
    .table("redirects.create", "true", "routers/redirects.ts:17"),
    .table("redirects.one", "row of redirects", "routers/redirects.ts:33"),
    .table("redirects.delete", "row of redirects (deleted)", "routers/redirects.ts:43"),
    .table("redirects.update", "row of redirects (updated)", "routers/redirects.ts:59"),
  ]
}
