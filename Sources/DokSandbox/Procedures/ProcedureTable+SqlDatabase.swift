// Parameter schemas copied from Dokploy's OpenAPI document (declared here, not read at runtime).
// swiftlint:disable line_length
import DokCore

extension ProcedureTable {
  /// The sqlDatabase group of simulated procedures.
  static let sqlDatabaseProcedures: [ProcedureSpec] = [
    .mutation(
      "postgres.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("databaseName", Schema(type: "string", minLength: 1)),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("dockerImage", Schema(type: "string", defaultValue: "postgres:18")),
        ("environmentId", Schema(type: "string")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("serverId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["name", "databaseName", "databaseUser", "databasePassword", "environmentId"]),
    .query(
      "postgres.one",
      [
        ("postgresId", Schema(type: "string", minLength: 1))
      ],
      required: ["postgresId"]),
    .mutation(
      "postgres.deploy",
      [
        ("postgresId", Schema(type: "string"))
      ],
      required: ["postgresId"]),
    .mutation(
      "postgres.start",
      [
        ("postgresId", Schema(type: "string", minLength: 1))
      ],
      required: ["postgresId"]),
    .mutation(
      "postgres.stop",
      [
        ("postgresId", Schema(type: "string", minLength: 1))
      ],
      required: ["postgresId"]),
    .mutation(
      "postgres.remove",
      [
        ("postgresId", Schema(type: "string", minLength: 1))
      ],
      required: ["postgresId"]),
    .mutation(
      "postgres.update",
      [
        ("postgresId", Schema(type: "string", minLength: 1)),
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("databaseName", Schema(type: "string", minLength: 1)),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("dockerImage", Schema(type: "string")),
        ("command", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("args", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("memoryReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
        ("memoryLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuReservation", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("cpuLimit", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
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
        ("networkIds", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("detachDokployNetwork", Schema(type: "boolean")),
      ],
      required: ["postgresId"]),
    .mutation(
      "postgres.saveEnvironment",
      [
        ("postgresId", Schema(type: "string")),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["postgresId", "env"]),
    .mutation(
      "postgres.saveExternalPort",
      [
        ("postgresId", Schema(type: "string")),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
      ],
      required: ["postgresId", "externalPort"]),
    .mutation(
      "mysql.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("dockerImage", Schema(type: "string", defaultValue: "mysql:8")),
        ("environmentId", Schema(type: "string")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("databaseName", Schema(type: "string", minLength: 1)),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("databaseRootPassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("serverId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["name", "environmentId", "databaseName", "databaseUser", "databasePassword"]),
    .query(
      "mysql.one",
      [
        ("mysqlId", Schema(type: "string", minLength: 1))
      ],
      required: ["mysqlId"]),
    .mutation(
      "mysql.deploy",
      [
        ("mysqlId", Schema(type: "string"))
      ],
      required: ["mysqlId"]),
    .mutation(
      "mysql.start",
      [
        ("mysqlId", Schema(type: "string", minLength: 1))
      ],
      required: ["mysqlId"]),
    .mutation(
      "mysql.stop",
      [
        ("mysqlId", Schema(type: "string", minLength: 1))
      ],
      required: ["mysqlId"]),
    .mutation(
      "mysql.remove",
      [
        ("mysqlId", Schema(type: "string", minLength: 1))
      ],
      required: ["mysqlId"]),
    .mutation(
      "mysql.update",
      [
        ("mysqlId", Schema(type: "string", minLength: 1)),
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("databaseName", Schema(type: "string", minLength: 1)),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("databaseRootPassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
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
        ("networkIds", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("detachDokployNetwork", Schema(type: "boolean")),
      ],
      required: ["mysqlId"]),
    .mutation(
      "mysql.saveEnvironment",
      [
        ("mysqlId", Schema(type: "string")),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["mysqlId", "env"]),
    .mutation(
      "mysql.saveExternalPort",
      [
        ("mysqlId", Schema(type: "string")),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
      ],
      required: ["mysqlId", "externalPort"]),
    .mutation(
      "mariadb.create",
      [
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("dockerImage", Schema(type: "string", defaultValue: "mariadb:6")),
        ("databaseRootPassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("environmentId", Schema(type: "string")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("databaseName", Schema(type: "string", minLength: 1)),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("serverId", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["name", "environmentId", "databaseName", "databaseUser", "databasePassword"]),
    .query(
      "mariadb.one",
      [
        ("mariadbId", Schema(type: "string", minLength: 1))
      ],
      required: ["mariadbId"]),
    .mutation(
      "mariadb.deploy",
      [
        ("mariadbId", Schema(type: "string"))
      ],
      required: ["mariadbId"]),
    .mutation(
      "mariadb.start",
      [
        ("mariadbId", Schema(type: "string", minLength: 1))
      ],
      required: ["mariadbId"]),
    .mutation(
      "mariadb.stop",
      [
        ("mariadbId", Schema(type: "string", minLength: 1))
      ],
      required: ["mariadbId"]),
    .mutation(
      "mariadb.remove",
      [
        ("mariadbId", Schema(type: "string", minLength: 1))
      ],
      required: ["mariadbId"]),
    .mutation(
      "mariadb.update",
      [
        ("mariadbId", Schema(type: "string", minLength: 1)),
        ("name", Schema(type: "string", minLength: 1)),
        ("appName", Schema(type: "string", minLength: 1, maxLength: 63, pattern: "^[a-zA-Z0-9._-]+$")),
        ("description", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
        ("databaseName", Schema(type: "string", minLength: 1)),
        ("databaseUser", Schema(type: "string", minLength: 1)),
        ("databasePassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
        ("databaseRootPassword", Schema(type: "string", pattern: "^[a-zA-Z0-9@#%^&*()_+\\-=[\\]{}|;:,.<>?~`]*$")),
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
        ("networkIds", Schema(anyOf: [Schema(type: "array", items: Schema(type: "string")), Schema(type: "null")])),
        ("detachDokployNetwork", Schema(type: "boolean")),
      ],
      required: ["mariadbId"]),
    .mutation(
      "mariadb.saveEnvironment",
      [
        ("mariadbId", Schema(type: "string")),
        ("env", Schema(anyOf: [Schema(type: "string"), Schema(type: "null")])),
      ],
      required: ["mariadbId", "env"]),
    .mutation(
      "mariadb.saveExternalPort",
      [
        ("mariadbId", Schema(type: "string")),
        ("externalPort", Schema(anyOf: [Schema(type: "number"), Schema(type: "null")])),
      ],
      required: ["mariadbId", "externalPort"]),
  ]
}
