import DokCore

extension Routers {
  /// The `github` router's procedures.
  static let github: [Procedure] = [
    .table("github.one", "row of github", "routers/github.ts:26"),
    .shape("github.getGithubRepositories", "array of GitHub API repositories", "routers/github.ts:33"),
    .shape("github.getGithubBranches", "array of GitHub API branches", "routers/github.ts:40"),
    .shape("github.githubProviders", "array of {githubId, githubUrl, gitProvider: row of gitProvider}", "routers/github.ts:49"),
    .recorded("github.testConnection", .value("Found 0 repositories", "routers/github.ts:80")),
    .table("github.update", "void", "routers/github.ts:95"),
  ]
}
