import DokCore

extension Routers {
  /// The `bitbucket` router's procedures.
  static let bitbucket: [Procedure] = [
    .table("bitbucket.create", "void", "routers/bitbucket.ts:28"),
    .table("bitbucket.one", "row of bitbucket", "routers/bitbucket.ts:53"),
    .recorded("bitbucket.bitbucketProviders", .findMany("bitbucket.bitbucketProviders", "routers/bitbucket.ts:60")),
    .shape("bitbucket.getBitbucketRepositories", "array of repositories", "routers/bitbucket.ts:82"),
    .shape("bitbucket.getBitbucketBranches", "array of branches", "routers/bitbucket.ts:89"),
    .recorded("bitbucket.testConnection", .value("Found 0 repositories", "routers/bitbucket.ts:98")),
    .table("bitbucket.update", "row of bitbucket (updated)", "routers/bitbucket.ts:114"),
  ]
}
