import DokCore

extension Routers {
  /// The `gitlab` router's procedures.
  static let gitlab: [Procedure] = [
    .table("gitlab.create", "void", "routers/gitlab.ts:30"),
    .table("gitlab.one", "row of gitlab", "routers/gitlab.ts:55"),
    .shape("gitlab.gitlabProviders", "array of {gitlabId, gitProvider: row of gitProvider, gitlabUrl}", "routers/gitlab.ts:62"),
    .shape("gitlab.getGitlabRepositories", "array of repositories", "routers/gitlab.ts:92"),
    .shape("gitlab.getGitlabBranches", "array of branches", "routers/gitlab.ts:100"),
    .recorded("gitlab.testConnection", .value("Found 0 repositories", "routers/gitlab.ts:109")),
    .table("gitlab.update", "void", "routers/gitlab.ts:125"),
  ]
}
