import DokCore

extension Routers {
  /// The `gitProvider` router's procedures.
  static let gitProvider: [Procedure] = [
    .recorded("gitProvider.getAll", RouterReply(kind: .gitProviders, source: "routers/git-provider.ts:25")),
    .recorded(
      "gitProvider.toggleShare",
      RouterReply(
        kind: .updateRow(table: "gitProvider", columns: ["sharedWithOrganization"], toggle: nil),
        source: "routers/git-provider.ts:87")),
    .recorded("gitProvider.allForPermissions", .enterprise("routers/git-provider.ts:116")),
    .table("gitProvider.remove", "row of gitProvider (deleted)", "routers/git-provider.ts:137"),
  ]
}
