// Parameter schemas copied from Dokploy's OpenAPI document (declared here, not read at runtime).
// swiftlint:disable line_length
import DokCore

extension ProcedureTable {
  /// The otherDatabase group of simulated procedures.
  static let otherDatabaseProcedures: [ProcedureSpec] = [
    .mutation(
      "mongo.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("dockerImage", Schema(type: "string", defaultValue: "mongo:15")),
        ("environmentId", Schema(type: "string")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("serverId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("replicaSets", Schema(anyOf: [Schema(type: "boolean", defaultValue: false), Schema(type: "null")])),
      ],
      required: ["name", "environmentId", "databaseUser", "databasePassword"]),
    .query(
      "mongo.one",
      [
        ("mongoId", Schema(type: "string", minLength: 1))
      ],
      required: ["mongoId"]),
    .mutation(
      "mongo.deploy",
      [
        ("mongoId", Schema(type: "string"))
      ],
      required: ["mongoId"]),
    .mutation(
      "mongo.start",
      [
        ("mongoId", Schema(type: "string", minLength: 1))
      ],
      required: ["mongoId"]),
    .mutation(
      "mongo.stop",
      [
        ("mongoId", Schema(type: "string", minLength: 1))
      ],
      required: ["mongoId"]),
    .mutation(
      "mongo.remove",
      [
        ("mongoId", Schema(type: "string", minLength: 1))
      ],
      required: ["mongoId"]),
    .mutation(
      "mongo.update",
      [
        ("mongoId", Schema(type: "string", minLength: 1)),
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("dockerImage", Schema(type: "string")),
        ("command", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("args", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("memoryReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("memoryLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
        ("applicationStatus", Schema(type: "string", enumValues: ["idle", "running", "done", "error"])),
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
        ("createdAt", Schema(type: "string")),
        ("environmentId", Schema(type: "string")),
        ("replicaSets", Schema(type: "boolean")),
        ("networkIds", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("detachDokployNetwork", Schema(type: "boolean")),
      ],
      required: ["mongoId"]),
    .mutation(
      "mongo.saveEnvironment",
      [
        ("mongoId", Schema(type: "string")),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["mongoId", "env"]),
    .mutation(
      "mongo.saveExternalPort",
      [
        ("mongoId", Schema(type: "string")),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
      ],
      required: ["mongoId", "externalPort"]),
    .mutation(
      "redis.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("databasePassword", Schema(type: "string")),
        ("dockerImage", Schema(type: "string", defaultValue: "redis:8")),
        ("environmentId", Schema(type: "string")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("serverId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["name", "databasePassword", "environmentId"]),
    .query(
      "redis.one",
      [
        ("redisId", Schema(type: "string", minLength: 1))
      ],
      required: ["redisId"]),
    .mutation(
      "redis.deploy",
      [
        ("redisId", Schema(type: "string"))
      ],
      required: ["redisId"]),
    .mutation(
      "redis.start",
      [
        ("redisId", Schema(type: "string", minLength: 1))
      ],
      required: ["redisId"]),
    .mutation(
      "redis.stop",
      [
        ("redisId", Schema(type: "string", minLength: 1))
      ],
      required: ["redisId"]),
    .mutation(
      "redis.remove",
      [
        ("redisId", Schema(type: "string", minLength: 1))
      ],
      required: ["redisId"]),
    .mutation(
      "redis.update",
      [
        ("redisId", Schema(type: "string", minLength: 1)),
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("databasePassword", Schema(type: "string")),
        ("dockerImage", Schema(type: "string")),
        ("command", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("args", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("memoryReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("memoryLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
        ("createdAt", Schema(type: "string")),
        ("applicationStatus", Schema(type: "string", enumValues: ["idle", "running", "done", "error"])),
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
        ("environmentId", Schema(type: "string")),
        ("networkIds", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("detachDokployNetwork", Schema(type: "boolean")),
      ],
      required: ["redisId"]),
    .mutation(
      "redis.saveEnvironment",
      [
        ("redisId", Schema(type: "string")),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["redisId", "env"]),
    .mutation(
      "redis.saveExternalPort",
      [
        ("redisId", Schema(type: "string")),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
      ],
      required: ["redisId", "externalPort"]),
  ]
}
