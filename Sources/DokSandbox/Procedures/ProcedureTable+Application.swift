// Parameter schemas copied from Dokploy's OpenAPI document (declared here, not read at runtime).
// swiftlint:disable line_length
import DokCore

extension ProcedureTable {
  /// The application group of simulated procedures.
  static let applicationProcedures: [ProcedureSpec] = [
    .mutation(
      "application.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("environmentId", Schema(type: "string")),
        ("serverId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("sourceType", Schema(type: "string", enumValues: ["github", "docker", "git", "gitlab", "bitbucket", "gitea", "drop"])),
      ],
      required: ["name", "environmentId"]),
    .query(
      "application.one",
      [
        ("applicationId", Schema(type: "string", minLength: 1))
      ],
      required: ["applicationId"]),
    .mutation(
      "application.update",
      [
        ("applicationId", Schema(type: "string", minLength: 1)),
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("previewEnv", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("watchPaths", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("previewBuildArgs", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("previewBuildSecrets", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("previewLabels", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("previewWildcard", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("previewPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
        ("previewHttps", Schema(type: "boolean")),
        ("previewPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("previewCertificateType", Schema(type: "string", enumValues: ["letsencrypt", "none", "custom"])),
        ("previewCustomCertResolver", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("previewLimit", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
        ("isPreviewDeploymentsActive", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("previewRequireCollaboratorPermissions", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("rollbackActive", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("buildArgs", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("buildSecrets", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("memoryReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("memoryLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("title", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("enabled", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("subtitle", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("command", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("args", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        (
          "icon",
          Schema(anyOf: [
            Schema(anyOf: [Schema(type: "string", maxLength: 2097152), Schema(type: "null")]), Schema(type: "null"),
          ])
        ),
        ("refreshToken", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("sourceType", Schema(type: "string", enumValues: ["github", "docker", "git", "gitlab", "bitbucket", "gitea", "drop"])),
        ("cleanCache", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("repository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("owner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("branch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("buildPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("triggerType", Schema(anyOf: [Schema(type: "string", enumValues: ["push", "tag"]), Schema(type: "null")])),
        ("autoDeploy", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("gitlabProjectId", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
        ("gitlabRepository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabOwner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabBuildPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabPathNamespace", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaRepository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaOwner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaBuildPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketRepository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketRepositorySlug", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketOwner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketBuildPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("username", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("password", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("dockerImage", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("registryUrl", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitUrl", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitBuildPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitSSHKeyId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("enableSubmodules", Schema(type: "boolean")),
        ("dockerfile", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("dockerContextPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("dockerBuildStage", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("dropBuildPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("healthCheckSwarm", SharedSchemas.healthCheckSwarm),
        ("restartPolicySwarm", SharedSchemas.restartPolicySwarm),
        ("placementSwarm", SharedSchemas.placementSwarm),
        ("updateConfigSwarm", SharedSchemas.updateConfigSwarm),
        ("rollbackConfigSwarm", SharedSchemas.rollbackConfigSwarm),
        ("modeSwarm", SharedSchemas.modeSwarm),
        ("labelsSwarm", SharedSchemas.labelsSwarm),
        ("networkSwarm", SharedSchemas.networkSwarm),
        (
          "stopGracePeriodSwarm",
          Schema(anyOf: [Schema(anyOf: [Schema(type: "number"), Schema(type: "null")]), Schema(type: "null")])
        ),
        ("endpointSpecSwarm", SharedSchemas.endpointSpecSwarm),
        ("ulimitsSwarm", SharedSchemas.ulimitsSwarm),
        ("replicas", Schema(type: "number")),
        ("applicationStatus", Schema(type: "string", enumValues: ["idle", "running", "done", "error"])),
        (
          "buildType",
          Schema(
            type: "string",
            enumValues: ["dockerfile", "heroku_buildpacks", "paketo_buildpacks", "nixpacks", "static", "railpack"])
        ),
        ("railpackVersion", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("herokuVersion", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("publishDirectory", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("isStaticSpa", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("createEnvFile", Schema(type: "boolean")),
        ("createdAt", Schema(type: "string")),
        ("registryId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("rollbackRegistryId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("environmentId", Schema(type: "string")),
        ("githubId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("buildServerId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("buildRegistryId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("networkIds", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("detachDokployNetwork", Schema(type: "boolean")),
      ],
      required: ["applicationId"]),
    .mutation(
      "application.delete",
      [
        ("applicationId", Schema(type: "string", minLength: 1))
      ],
      required: ["applicationId"]),
    .mutation(
      "application.deploy",
      [
        ("applicationId", Schema(type: "string", minLength: 1)),
        ("title", Schema(type: "string")),
        ("description", Schema(type: "string")),
      ],
      required: ["applicationId"]),
    .mutation(
      "application.redeploy",
      [
        ("applicationId", Schema(type: "string", minLength: 1)),
        ("title", Schema(type: "string")),
        ("description", Schema(type: "string")),
      ],
      required: ["applicationId"]),
    .mutation(
      "application.start",
      [
        ("applicationId", Schema(type: "string", minLength: 1))
      ],
      required: ["applicationId"]),
    .mutation(
      "application.stop",
      [
        ("applicationId", Schema(type: "string", minLength: 1))
      ],
      required: ["applicationId"]),
    .mutation(
      "application.reload",
      [
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("applicationId", Schema(type: "string")),
      ],
      required: ["appName", "applicationId"]),
    .mutation(
      "application.saveEnvironment",
      [
        ("applicationId", Schema(type: "string")),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("buildArgs", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("buildSecrets", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("createEnvFile", Schema(type: "boolean")),
      ],
      required: ["applicationId", "env", "buildArgs", "buildSecrets", "createEnvFile"]),
    .mutation(
      "application.saveBuildType",
      [
        ("applicationId", Schema(type: "string")),
        (
          "buildType",
          Schema(
            type: "string",
            enumValues: ["dockerfile", "heroku_buildpacks", "paketo_buildpacks", "nixpacks", "static", "railpack"])
        ),
        ("dockerfile", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("dockerContextPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("dockerBuildStage", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("herokuVersion", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("railpackVersion", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("publishDirectory", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("isStaticSpa", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
      ],
      required: [
        "applicationId", "buildType", "dockerfile", "dockerContextPath", "dockerBuildStage", "herokuVersion", "railpackVersion",
      ]),
    .mutation(
      "application.saveDockerProvider",
      [
        ("dockerImage", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("applicationId", Schema(type: "string")),
        ("username", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("password", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("registryUrl", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["dockerImage", "applicationId", "username", "password", "registryUrl"]),
    .mutation(
      "application.saveGitProvider",
      [
        ("applicationId", Schema(type: "string")),
        ("customGitBuildPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitUrl", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("watchPaths", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("enableSubmodules", Schema(type: "boolean")),
        ("customGitBranch", Schema(type: "string", minLength: 1, pattern: "^[a-zA-Z0-9._\\-/#]+$")),
        ("customGitSSHKeyId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["applicationId", "customGitBuildPath", "customGitUrl", "watchPaths", "customGitBranch"]),
    .mutation(
      "application.cancelDeployment",
      [
        ("applicationId", Schema(type: "string", minLength: 1))
      ],
      required: ["applicationId"]),
    .query(
      "deployment.all",
      [
        ("applicationId", Schema(type: "string", minLength: 1))
      ],
      required: ["applicationId"]),
    .query(
      "deployment.allByCompose",
      [
        ("composeId", Schema(type: "string", minLength: 1))
      ],
      required: ["composeId"]),
  ]
}
