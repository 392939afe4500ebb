import DokCore

/// Default rows for new services, with the columns and defaults of Dokploy's database.
enum Entities {
  private static let swarmNulls: [String] = [
    "healthCheckSwarm", "restartPolicySwarm", "placementSwarm", "updateConfigSwarm", "rollbackConfigSwarm",
    "modeSwarm", "labelsSwarm", "networkSwarm", "stopGracePeriodSwarm", "endpointSpecSwarm", "ulimitsSwarm",
  ]

  /// A new application in `environmentId`.
  static func application(id: String, name: String, appName: String, description: JSON, environmentId: String, now: Double)
    -> JSONObject
  {
    var a = JSONObject()
    let pairs: [(String, JSON)] = [
      ("applicationId", .string(id)), ("name", .string(name)), ("appName", .string(appName)), ("description", description),
      ("env", .null), ("previewEnv", .null), ("watchPaths", .null), ("previewBuildArgs", .null),
      ("previewBuildSecrets", .null), ("previewLabels", .null), ("previewWildcard", .null), ("previewPort", 3000),
      ("previewHttps", false), ("previewPath", "/"), ("previewCertificateType", "none"),
      ("previewCustomCertResolver", .null), ("previewLimit", 3), ("isPreviewDeploymentsActive", false),
      ("previewRequireCollaboratorPermissions", true), ("rollbackActive", false), ("buildArgs", .null),
      ("buildSecrets", .null), ("memoryReservation", .null), ("memoryLimit", .null), ("cpuReservation", .null),
      ("cpuLimit", .null), ("title", .null), ("enabled", .null), ("subtitle", .null), ("command", .null),
      ("args", .null), ("icon", .null), ("refreshToken", .string(Support.nanoid())), ("sourceType", "github"),
      ("cleanCache", false), ("repository", .null), ("owner", .null), ("branch", .null), ("buildPath", "/"),
      ("triggerType", "push"), ("autoDeploy", true), ("gitlabProjectId", .null), ("gitlabRepository", .null),
      ("gitlabOwner", .null), ("gitlabBranch", .null), ("gitlabBuildPath", "/"), ("gitlabPathNamespace", .null),
      ("giteaRepository", .null), ("giteaOwner", .null), ("giteaBranch", .null), ("giteaBuildPath", "/"),
      ("bitbucketRepository", .null), ("bitbucketRepositorySlug", .null), ("bitbucketOwner", .null),
      ("bitbucketBranch", .null), ("bitbucketBuildPath", "/"), ("username", .null), ("password", .null),
      ("dockerImage", .null), ("registryUrl", .null), ("customGitUrl", .null), ("customGitBranch", .null),
      ("customGitBuildPath", .null), ("customGitSSHKeyId", .null), ("enableSubmodules", false),
      ("dockerfile", .null), ("dockerContextPath", .null), ("dockerBuildStage", .null), ("dropBuildPath", .null),
    ]
    for (k, v) in pairs { a[k] = v }
    for k in swarmNulls { a[k] = .null }
    let tail: [(String, JSON)] = [
      ("replicas", 1), ("applicationStatus", "idle"), ("buildType", "nixpacks"), ("railpackVersion", "0.2.2"),
      ("herokuVersion", "24"), ("publishDirectory", .null), ("isStaticSpa", .null), ("createEnvFile", true),
      ("createdAt", .string(Support.iso(now))), ("registryId", .null), ("rollbackRegistryId", .null),
      ("environmentId", .string(environmentId)), ("githubId", .null), ("gitlabId", .null), ("giteaId", .null),
      ("bitbucketId", .null), ("serverId", .null), ("buildServerId", .null), ("buildRegistryId", .null),
      ("networkIds", .null), ("detachDokployNetwork", false),
    ]
    for (k, v) in tail { a[k] = v }
    return a
  }

  /// A new compose service in `environmentId`.
  static func compose(id: String, name: String, appName: String, description: JSON, environmentId: String, now: Double)
    -> JSONObject
  {
    var c = JSONObject()
    let pairs: [(String, JSON)] = [
      ("composeId", .string(id)), ("name", .string(name)), ("appName", .string(appName)), ("description", description),
      ("env", .null), ("composeFile", ""), ("refreshToken", .string(Support.nanoid())), ("sourceType", "github"),
      ("composeType", "docker-compose"), ("repository", .null), ("owner", .null), ("branch", .null),
      ("autoDeploy", true), ("gitlabProjectId", .null), ("gitlabRepository", .null), ("gitlabOwner", .null),
      ("gitlabBranch", .null), ("gitlabPathNamespace", .null), ("bitbucketRepository", .null),
      ("bitbucketRepositorySlug", .null), ("bitbucketOwner", .null), ("bitbucketBranch", .null),
      ("giteaRepository", .null), ("giteaOwner", .null), ("giteaBranch", .null), ("customGitUrl", .null),
      ("customGitBranch", .null), ("customGitSSHKeyId", .null), ("command", ""), ("createEnvFile", true),
      ("enableSubmodules", false), ("composePath", "./docker-compose.yml"), ("suffix", ""), ("randomize", false),
      ("isolatedDeployment", false), ("isolatedDeploymentsVolume", false), ("triggerType", "push"),
      ("composeStatus", "idle"), ("icon", .null), ("environmentId", .string(environmentId)),
      ("createdAt", .string(Support.iso(now))), ("watchPaths", .null), ("githubId", .null), ("gitlabId", .null),
      ("bitbucketId", .null), ("giteaId", .null), ("serverId", .null),
    ]
    for (k, v) in pairs { c[k] = v }
    return c
  }

  /// A given password, or a generated 16-character one when it is missing or empty.
  private static func password(_ given: JSON?) -> JSON {
    if let s = given?.stringValue, !s.isEmpty { return .string(s) }
    return .string(Support.suffix(16))
  }

  /// A new database service of `kind` from validated create input.
  static func database(_ kind: DatabaseKind, id: String, input: JSONObject, now: Double) -> JSONObject {
    var d = JSONObject()
    d[kind.idKey] = .string(id)
    d["name"] = input["name"] ?? ""
    d["appName"] = .string(Support.appName(given: input.str("appName"), type: kind.rawValue))
    d["description"] = input["description"] ?? .null
    switch kind {
    case .postgres, .mysql, .mariadb:
      d["databaseName"] = input["databaseName"] ?? ""
      d["databaseUser"] = input["databaseUser"] ?? ""
      d["databasePassword"] = password(input["databasePassword"])
      if kind != .postgres { d["databaseRootPassword"] = input["databaseRootPassword"] ?? .string(Support.nanoid(16)) }
    case .mongo:
      d["databaseUser"] = input["databaseUser"] ?? ""
      d["databasePassword"] = password(input["databasePassword"])
      d["replicaSets"] = input["replicaSets"] ?? false
    case .redis:
      d["databasePassword"] = password(input["databasePassword"])
    }
    d["dockerImage"] = .string(input.str("dockerImage") ?? kind.defaultImage)
    d["command"] = .null
    d["args"] = .null
    d["env"] = .null
    d["memoryReservation"] = .null
    d["externalPort"] = .null
    d["memoryLimit"] = .null
    d["cpuReservation"] = .null
    d["cpuLimit"] = .null
    d["applicationStatus"] = "idle"
    for k in swarmNulls { d[k] = .null }
    d["replicas"] = 1
    d["createdAt"] = .string(Support.iso(now))
    d["environmentId"] = input["environmentId"] ?? .null
    d["serverId"] = input["serverId"] ?? .null
    d["networkIds"] = .null
    d["detachDokployNetwork"] = false
    return d
  }
}
