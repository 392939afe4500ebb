// Parameter schemas copied from Dokploy's OpenAPI document (declared here, not read at runtime).
// swiftlint:disable line_length
import DokCore

extension ProcedureTable {
  /// The compose group of simulated procedures.
  static let composeProcedures: [ProcedureSpec] = [
    .mutation(
      "compose.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("environmentId", Schema(type: "string")),
        ("composeType", Schema(type: "string", enumValues: ["docker-compose", "stack"])),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("serverId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("composeFile", Schema(type: "string")),
        ("sourceType", Schema(type: "string", enumValues: ["git", "github", "gitlab", "bitbucket", "gitea", "raw"])),
      ],
      required: ["name", "environmentId"]),
    .query(
      "compose.one",
      [
        ("composeId", Schema(type: "string", minLength: 1))
      ],
      required: ["composeId"]),
    .mutation(
      "compose.update",
      [
        ("composeId", Schema(type: "string")),
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("composeFile", Schema(type: "string")),
        ("refreshToken", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("sourceType", Schema(type: "string", enumValues: ["git", "github", "gitlab", "bitbucket", "gitea", "raw"])),
        ("composeType", Schema(type: "string", enumValues: ["docker-compose", "stack"])),
        ("repository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("owner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("branch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("autoDeploy", Schema(anyOf: [Schema(type: "boolean"), Schema(type: "null")])),
        ("gitlabProjectId", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
        ("gitlabRepository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabOwner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabPathNamespace", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketRepository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketRepositorySlug", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketOwner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaRepository", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaOwner", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitUrl", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitBranch", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("customGitSSHKeyId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("command", Schema(type: "string")),
        ("createEnvFile", Schema(type: "boolean")),
        ("enableSubmodules", Schema(type: "boolean")),
        ("composePath", Schema(type: "string", minLength: 1)),
        ("suffix", Schema(type: "string")),
        ("randomize", Schema(type: "boolean")),
        ("isolatedDeployment", Schema(type: "boolean")),
        ("isolatedDeploymentsVolume", Schema(type: "boolean")),
        ("triggerType", Schema(anyOf: [Schema(type: "string", enumValues: ["push", "tag"]), Schema(type: "null")])),
        ("composeStatus", Schema(type: "string", enumValues: ["idle", "running", "done", "error"])),
        (
          "icon",
          Schema(anyOf: [
            Schema(anyOf: [Schema(type: "string", maxLength: 2097152), Schema(type: "null")]), Schema(type: "null"),
          ])
        ),
        ("environmentId", Schema(type: "string")),
        ("createdAt", Schema(type: "string")),
        ("watchPaths", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("githubId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("gitlabId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("bitbucketId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("giteaId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        (
          "serviceNetworks",
          Schema(anyOf: [
            Schema(
              type: "array",
              items: Schema(
                type: "object",
                properties: [
                  ("serviceName", Schema(type: "string")), ("networkIds", Schema(type: "array", items: Schema(type: "string"))),
                  ("detachDokployNetwork", Schema(type: "boolean")),
                ], required: ["serviceName", "networkIds", "detachDokployNetwork"])), Schema(type: "null"),
          ])
        ),
      ],
      required: ["composeId"]),
    .mutation(
      "compose.delete",
      [
        ("composeId", Schema(type: "string", minLength: 1)),
        ("deleteVolumes", Schema(type: "boolean")),
      ],
      required: ["composeId", "deleteVolumes"]),
    .mutation(
      "compose.deploy",
      [
        ("composeId", Schema(type: "string", minLength: 1)),
        ("title", Schema(type: "string")),
        ("description", Schema(type: "string")),
      ],
      required: ["composeId"]),
    .mutation(
      "compose.redeploy",
      [
        ("composeId", Schema(type: "string", minLength: 1)),
        ("title", Schema(type: "string")),
        ("description", Schema(type: "string")),
      ],
      required: ["composeId"]),
    .mutation(
      "compose.start",
      [
        ("composeId", Schema(type: "string", minLength: 1))
      ],
      required: ["composeId"]),
    .mutation(
      "compose.stop",
      [
        ("composeId", Schema(type: "string", minLength: 1))
      ],
      required: ["composeId"]),
    .mutation(
      "domain.create",
      [
        ("host", Schema(type: "string", minLength: 1)),
        ("path", Schema(anyOf: [Schema(type: "string", minLength: 1), Schema(type: "null")])),
        ("port", Schema(anyOf: [Schema(type: "number", minimum: 1, maximum: 65535), Schema(type: "null")])),
        ("customEntrypoint", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("https", Schema(type: "boolean")),
        ("applicationId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("certificateType", Schema(type: "string", enumValues: ["letsencrypt", "none", "custom"])),
        ("customCertResolver", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("composeId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("serviceName", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        (
          "domainType",
          Schema(anyOf: [Schema(type: "string", enumValues: ["compose", "application", "preview"]), Schema(type: "null")])
        ),
        ("previewDeploymentId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("internalPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("stripPath", Schema(type: "boolean")),
        ("middlewares", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("forwardAuthEnabled", Schema(type: "boolean")),
      ],
      required: ["host"]),
    .query(
      "domain.one",
      [
        ("domainId", Schema(type: "string", minLength: 1))
      ],
      required: ["domainId"]),
    .query(
      "domain.byApplicationId",
      [
        ("applicationId", Schema(type: "string", minLength: 1))
      ],
      required: ["applicationId"]),
    .query(
      "domain.byComposeId",
      [
        ("composeId", Schema(type: "string", minLength: 1))
      ],
      required: ["composeId"]),
    .mutation(
      "domain.update",
      [
        ("host", Schema(type: "string", minLength: 1)),
        ("path", Schema(anyOf: [Schema(type: "string", minLength: 1), Schema(type: "null")])),
        ("port", Schema(anyOf: [Schema(type: "number", minimum: 1, maximum: 65535), Schema(type: "null")])),
        ("customEntrypoint", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("https", Schema(type: "boolean")),
        ("certificateType", Schema(type: "string", enumValues: ["letsencrypt", "none", "custom"])),
        ("customCertResolver", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("serviceName", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        (
          "domainType",
          Schema(anyOf: [Schema(type: "string", enumValues: ["compose", "application", "preview"]), Schema(type: "null")])
        ),
        ("internalPath", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("stripPath", Schema(type: "boolean")),
        ("middlewares", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("forwardAuthEnabled", Schema(type: "boolean")),
        ("enabled", Schema(type: "boolean")),
        ("domainId", Schema(type: "string")),
      ],
      required: ["host", "domainId"]),
    .mutation(
      "domain.delete",
      [
        ("domainId", Schema(type: "string", minLength: 1))
      ],
      required: ["domainId"]),
    .query("settings.health"),
    .query("settings.getOpenApiDocument"),
    .query("settings.getDokployVersion"),
    .query("user.get"),
    .query(
      "docker.getContainers",
      [
        ("serverId", Schema(type: "string"))
      ],
      required: []),
  ]
}
