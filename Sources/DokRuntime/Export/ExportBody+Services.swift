import DokCore
import DokSpec

/// Applications, compose services and databases, each from its `<kind>.one` row.
extension ExportBody {
  /// Application settings written with `application.update` when they differ from a new
  /// application's (`nil`: when not null).
  static let applicationSettings: [(String, JSON?)] = [
    ("command", nil), ("args", nil), ("memoryReservation", nil), ("memoryLimit", nil), ("cpuReservation", nil),
    ("cpuLimit", nil), ("replicas", .number(1)), ("autoDeploy", .bool(true)), ("cleanCache", .bool(false)),
    ("healthCheckSwarm", nil), ("restartPolicySwarm", nil), ("placementSwarm", nil), ("updateConfigSwarm", nil),
    ("rollbackConfigSwarm", nil), ("modeSwarm", nil), ("labelsSwarm", nil), ("networkSwarm", nil),
    ("stopGracePeriodSwarm", nil), ("endpointSpecSwarm", nil), ("ulimitsSwarm", nil),
  ]

  /// Database settings written with `<kind>.update` when they differ from a new database's.
  static let databaseSettings: [(String, JSON?)] = [
    ("command", nil), ("args", nil), ("memoryReservation", nil), ("memoryLimit", nil), ("cpuReservation", nil),
    ("cpuLimit", nil), ("externalPort", nil), ("replicas", .number(1)),
  ]

  mutating func application(_ row: JSON, environment: String) {
    let name = row["name"]?.stringValue ?? ""
    let path = RunbookText.path(project, environment, name)
    let what = "application \(RunbookText.shown(project, environment, name))"
    text.add("# Application \(RunbookText.shown(project, environment, name))")
    var create: [(String, String)] = [
      ("name", RunbookText.word(name)), ("environment", RunbookText.path(project, environment)),
    ]
    if let app = Self.chosenAppName(row["appName"]?.stringValue, generatedPrefix: "app-") {
      create.append(("appName", RunbookText.word(app)))
    }
    if let d = row["description"]?.stringValue, !d.isEmpty { create.append(("description", RunbookText.quoted(d))) }
    let mounts = row["mounts"]?.arrayValue ?? []
    let variable = mounts.isEmpty ? nil : text.variable(name)
    text.call("application.create", create, assign: variable)
    let target: (String, String) = ("application", path)
    applicationSource(row, target: target, name: name, what: what)
    var build: [(String, String)] = [target, RunbookText.argument("buildType", row["buildType"] ?? .string("nixpacks"))]
    for field in ["dockerfile", "dockerContextPath", "dockerBuildStage", "herokuVersion", "railpackVersion"] {
      build.append(RunbookText.argument(field, row[field] ?? .null))
    }
    build += Self.changed(row, [("publishDirectory", nil), ("isStaticSpa", nil)])
    text.call("application.saveBuildType", build)
    let env = row["env"]?.stringValue ?? ""
    let buildArgs = row["buildArgs"]?.stringValue ?? ""
    let buildSecrets = row["buildSecrets"]?.stringValue ?? ""
    let createEnvFile = row["createEnvFile"]?.boolValue ?? true
    if !env.isEmpty || !buildArgs.isEmpty || !buildSecrets.isEmpty || !createEnvFile {
      text.call(
        "application.saveEnvironment",
        [
          target, ("env", envText(env, owner: [name], what: what)),
          ("buildArgs", envText(buildArgs, owner: [name], what: what + " (build argument)")),
          ("buildSecrets", envText(buildSecrets, owner: [name], what: what + " (build secret)", allSecret: true)),
          ("createEnvFile", createEnvFile ? "true" : "false"),
        ])
    }
    let settings = Self.changed(row, Self.applicationSettings)
    if !settings.isEmpty { text.call("application.update", [target] + settings) }
    for domain in row["domains"]?.arrayValue ?? [] { self.domain(domain, target: target) }
    for port in row["ports"]?.arrayValue ?? [] {
      text.call(
        "port.create",
        [target] + ["publishedPort", "targetPort", "publishMode", "protocol"].map { RunbookText.argument($0, port[$0] ?? .null) })
    }
    for redirect in row["redirects"]?.arrayValue ?? [] {
      text.call(
        "redirects.create",
        [target] + ["regex", "replacement", "permanent"].map { RunbookText.argument($0, redirect[$0] ?? .null) })
    }
    for security in row["security"]?.arrayValue ?? [] {
      let user = security["username"]?.stringValue ?? ""
      let password = text.secret([name, user, "password"], what: "\(what): basic auth password of \(user)")
      text.call("security.create", [target, ("username", RunbookText.word(user)), ("password", password)])
    }
    if let variable { self.mounts(mounts, serviceId: "$\(variable).applicationId", serviceType: "application") }
  }

  /// The application's source: a Docker image, a git URL, or a git provider of the target server.
  private mutating func applicationSource(_ row: JSON, target: (String, String), name: String, what: String) {
    func arg(_ field: String) -> (String, String) { RunbookText.argument(field, row[field] ?? .null) }
    let common = [arg("enableSubmodules"), arg("watchPaths")]
    let source = row["sourceType"]?.stringValue ?? ""
    let repository = [
      "github": "repository", "gitlab": "gitlabRepository", "bitbucket": "bitbucketRepository", "gitea": "giteaRepository",
    ]
    if let field = repository[source], row[field]?.stringValue == nil, row["\(source)Id"]?.stringValue == nil {
      text.add("# No source is set yet (a new application's '\(source)' with no repository).")
      return
    }
    switch source {
    case "docker":
      var password = ("password", "null")
      if let p = row["password"]?.stringValue, !p.isEmpty {
        password.1 = text.secret([name, "registry", "password"], what: "\(what): the Docker registry's password")
      }
      text.call("application.saveDockerProvider", [target, arg("dockerImage"), arg("username"), password, arg("registryUrl")])
    case "git":
      var args = [target, gitURL(row, owner: name, what: what), arg("customGitBranch"), arg("customGitBuildPath")] + common
      if row["customGitSSHKeyId"]?.stringValue != nil {
        args.append(
          ("customGitSSHKeyId", providerId(name, "ssh key", what: "\(what): an SSH key's id on the target (sshKey.all)")))
      }
      text.call("application.saveGitProvider", args)
    case "github":
      let id = providerId(name, "github id", what: "\(what): a GitHub provider's id on the target (gitProvider.getAll)")
      text.call(
        "application.saveGithubProvider",
        [target, arg("repository"), arg("owner"), arg("branch"), arg("buildPath"), ("githubId", id), arg("triggerType")] + common)
    case "gitlab":
      let id = providerId(name, "gitlab id", what: "\(what): a GitLab provider's id on the target (gitProvider.getAll)")
      let fields = [
        "gitlabRepository", "gitlabOwner", "gitlabBranch", "gitlabBuildPath", "gitlabProjectId", "gitlabPathNamespace",
      ]
      text.call("application.saveGitlabProvider", [target] + fields.map(arg) + [("gitlabId", id)] + common)
    case "bitbucket":
      let id = providerId(name, "bitbucket id", what: "\(what): a Bitbucket provider's id on the target (gitProvider.getAll)")
      let fields = ["bitbucketRepository", "bitbucketRepositorySlug", "bitbucketOwner", "bitbucketBranch", "bitbucketBuildPath"]
      text.call("application.saveBitbucketProvider", [target] + fields.map(arg) + [("bitbucketId", id)] + common)
    case "gitea":
      let id = providerId(name, "gitea id", what: "\(what): a Gitea provider's id on the target (gitProvider.getAll)")
      let fields = ["giteaRepository", "giteaOwner", "giteaBranch", "giteaBuildPath"]
      text.call("application.saveGiteaProvider", [target] + fields.map(arg) + [("giteaId", id)] + common)
    default:
      text.add(
        "# Its source is '\(row["sourceType"]?.stringValue ?? "none")': upload the code on the target (application.dropDeployment)."
      )
    }
  }

  /// A reference to something of the target server (a git provider, an SSH key): read from the
  /// environment like a secret; a rehearsal leaves it null.
  private mutating func providerId(_ name: String, _ words: String, what: String) -> String {
    text.secret([name, words], what: what, isReference: true)
  }

  mutating func domain(_ domain: JSON, target: (String, String)) {
    var args = [target, RunbookText.argument("host", domain["host"] ?? .null)]
    for field in ["path", "port", "https", "certificateType", "internalPath", "stripPath"] {
      if let v = domain[field], !v.isNull { args.append(RunbookText.argument(field, v)) }
    }
    args += Self.changed(
      domain,
      [
        ("serviceName", nil), ("customCertResolver", nil), ("customEntrypoint", nil), ("middlewares", nil),
        ("forwardAuthEnabled", .bool(false)),
      ])
    if target.0 == "compose" { args.append(("domainType", "compose")) }
    text.call("domain.create", args)
  }

  /// `customGitUrl=…`, read from a variable when the URL carries credentials
  /// (`https://oauth2:TOKEN@git.example/…`).
  mutating func gitURL(_ row: JSON, owner: String, what: String) -> (String, String) {
    guard let url = row["customGitUrl"]?.stringValue, Self.hasCredentials(url) else {
      return RunbookText.argument("customGitUrl", row["customGitUrl"] ?? .null)
    }
    return ("customGitUrl", text.secret([owner, "git", "url"], what: "\(what): the git URL (it carries credentials)"))
  }

  mutating func mounts(_ mounts: [JSON], serviceId: String, serviceType: String) {
    for mount in mounts {
      var args: [(String, String)] = [
        ("serviceId", serviceId), ("serviceType", serviceType), RunbookText.argument("type", mount["type"] ?? .null),
        RunbookText.argument("mountPath", mount["mountPath"] ?? .null),
      ]
      args += Self.changed(mount, [("volumeName", nil), ("hostPath", nil), ("filePath", nil), ("content", nil)])
      text.call("mounts.create", args)
    }
  }

  mutating func compose(_ row: JSON, environment: String) {
    let name = row["name"]?.stringValue ?? ""
    let path = RunbookText.path(project, environment, name)
    let what = "compose \(RunbookText.shown(project, environment, name))"
    text.add("# Compose \(RunbookText.shown(project, environment, name))")
    let source = row["sourceType"]?.stringValue ?? "github"
    var create: [(String, String)] = [("name", RunbookText.word(name)), ("environment", RunbookText.path(project, environment))]
    if let app = Self.chosenAppName(row["appName"]?.stringValue, generatedPrefix: "compose-") {
      create.append(("appName", RunbookText.word(app)))
    }
    if let d = row["description"]?.stringValue, !d.isEmpty { create.append(("description", RunbookText.quoted(d))) }
    create.append(RunbookText.argument("composeType", row["composeType"] ?? .string("docker-compose")))
    create.append(("sourceType", RunbookText.word(source)))
    if source == "raw" { create.append(("composeFile", RunbookText.quoted(row["composeFile"]?.stringValue ?? ""))) }
    let mounts = row["mounts"]?.arrayValue ?? []
    let variable = mounts.isEmpty ? nil : text.variable(name)
    text.call("compose.create", create, assign: variable)
    let target: (String, String) = ("compose", path)
    func arg(_ field: String) -> (String, String) { RunbookText.argument(field, row[field] ?? .null) }
    var update: [(String, String)] = []
    switch source {
    case "git":
      update = [gitURL(row, owner: name, what: what), arg("customGitBranch")]
      if row["customGitSSHKeyId"]?.stringValue != nil {
        update.append(
          ("customGitSSHKeyId", providerId(name, "ssh key", what: "\(what): an SSH key's id on the target (sshKey.all)")))
      }
    case "github", "gitlab", "bitbucket", "gitea":
      let fields: [String] =
        switch source {
        case "github": ["repository", "owner", "branch"]
        case "gitlab": ["gitlabRepository", "gitlabOwner", "gitlabBranch", "gitlabProjectId", "gitlabPathNamespace"]
        case "bitbucket": ["bitbucketRepository", "bitbucketRepositorySlug", "bitbucketOwner", "bitbucketBranch"]
        default: ["giteaRepository", "giteaOwner", "giteaBranch"]
        }
      update = fields.compactMap { field in
        guard let v = row[field], !v.isNull else { return nil }
        return RunbookText.argument(field, v)
      }
      if row["\(source)Id"]?.stringValue != nil {
        let id = providerId(name, "\(source) id", what: "\(what): a \(source) provider's id on the target (gitProvider.getAll)")
        update.append(("\(source)Id", id))
      }
    default: break
    }
    update += Self.changed(
      row,
      [
        ("composePath", .string("./docker-compose.yml")), ("command", .string("")), ("suffix", .string("")),
        ("randomize", .bool(false)), ("isolatedDeployment", .bool(false)), ("isolatedDeploymentsVolume", .bool(false)),
        ("autoDeploy", .bool(true)), ("triggerType", .string("push")), ("watchPaths", nil), ("enableSubmodules", .bool(false)),
      ])
    // Its variables go with the rest (`compose.update` takes `env` and `createEnvFile` too).
    if let env = row["env"]?.stringValue, !env.isEmpty { update.append(("env", envText(env, owner: [name], what: what))) }
    if row["createEnvFile"]?.boolValue == false { update.append(("createEnvFile", "false")) }
    if !update.isEmpty { text.call("compose.update", [target] + update) }
    for domain in row["domains"]?.arrayValue ?? [] { self.domain(domain, target: target) }
    if let variable { self.mounts(mounts, serviceId: "$\(variable).composeId", serviceType: "compose") }
  }

  mutating func database(_ kind: PathParameter.Kind, _ row: JSON, environment: String) {
    let name = row["name"]?.stringValue ?? ""
    let path = RunbookText.path(project, environment, name)
    let what = "\(kind.rawValue) \(RunbookText.shown(project, environment, name))"
    let titles = [
      "postgres": "PostgreSQL", "mysql": "MySQL", "mariadb": "MariaDB", "mongo": "MongoDB", "redis": "Redis", "libsql": "libSQL",
    ]
    text.add("# \(titles[kind.rawValue] ?? kind.rawValue) \(RunbookText.shown(project, environment, name))")
    func arg(_ field: String) -> (String, String) { RunbookText.argument(field, row[field] ?? .null) }
    var create: [(String, String)] = [("name", RunbookText.word(name)), ("environment", RunbookText.path(project, environment))]
    let appName = Self.baseAppName(row["appName"]?.stringValue) ?? name
    create.append(("appName", RunbookText.word(appName)))
    switch kind {
    case .postgres, .mysql, .mariadb: create.append(arg("databaseName"))
    default: break
    }
    if kind != .redis { create.append(arg("databaseUser")) }
    let password = text.secret([name, "password"], what: "\(what): databasePassword")
    create.append(("databasePassword", password))
    if row["databaseRootPassword"]?.stringValue != nil {
      create.append(("databaseRootPassword", text.secret([name, "root", "password"], what: "\(what): databaseRootPassword")))
    }
    create.append(arg("dockerImage"))
    if kind == .libsql {
      create += [arg("description"), arg("sqldNode"), arg("sqldPrimaryUrl"), arg("enableNamespaces"), ("serverId", "null")]
    } else if let d = row["description"]?.stringValue, !d.isEmpty {
      create.append(("description", RunbookText.quoted(d)))
    }
    if kind == .mongo, let r = row["replicaSets"], !r.isNull { create.append(RunbookText.argument("replicaSets", r)) }
    text.call("\(kind.rawValue).create", create)
    let target: (String, String) = (kind.rawValue, path)
    let settings = Self.changed(row, Self.databaseSettings)
    if !settings.isEmpty { text.call("\(kind.rawValue).update", [target] + settings) }
    if let env = row["env"]?.stringValue, !env.isEmpty {
      text.call("\(kind.rawValue).saveEnvironment", [target, ("env", envText(env, owner: [name], what: what))])
    }
  }
}
