import DokCore

extension Routers {
  /// The `gitea` router's procedures.
  static let gitea: [Procedure] = [
    .table("gitea.create", "object", "routers/gitea.ts:30"),
    .table("gitea.one", "row of gitea", "routers/gitea.ts:57"),
    .shape("gitea.giteaProviders", "array of {giteaId, gitProvider: row of gitProvider}", "routers/gitea.ts:65"),
    .shape("gitea.getGiteaRepositories", "array of repositories", "routers/gitea.ts:95"),
    .shape("gitea.getGiteaBranches", "array of branches", "routers/gitea.ts:122"),
    .recorded("gitea.testConnection", .value("Found 0 repositories", "routers/gitea.ts:153")),
    .table("gitea.update", "object", "routers/gitea.ts:176"),
    .recorded("gitea.getGiteaUrl", RouterReply(kind: .column("gitea", "giteaUrl"), source: "routers/gitea.ts:204")),
  ]
}
