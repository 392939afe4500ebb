import DokCore

extension RouterReplies {
  /// List queries tables.json describes as "rows of T" (the sandbox used to answer every row of
  /// the table, whatever the input): the router's `findMany` with its `where`, and the list
  /// procedures a self-hosted server without a licence refuses.
  static let queries: [String: RouterReply] = [
    "deployment.allByType": .findMany(
      "deployment.allByType", ["<input.type>Id": "<input.id>"], "routers/deployment.ts:153"),
    "deployment.allByServer": .findMany(
      "deployment.allByServer", ["serverId": "<input.serverId>"], "services/deployment.ts:1052"
    ).requiring("serverId", "server"),
    // Deployments of the organization's applications and compose services (the sandbox's are all its own).
    "deployment.allCentralized": .findMany(
      "deployment.allCentralized", ["applicationId|composeId": "<notNull>"], "services/deployment.ts:910"),
    "mounts.listByServiceId": .findMany(
      "mounts.listByServiceId", ["<input.serviceType>Id": "<input.serviceId>"], "services/mount.ts:205"),
    "volumeBackups.list": .findMany(
      "volumeBackups.list", ["<input.volumeBackupType>Id": "<input.id>"], "routers/volume-backups.ts:54"),
    "sshKey.allForApps": .findMany("sshKey.allForApps", "routers/ssh-key.ts:90"),
    "server.withSSHKey": .findMany(
      "server.withSSHKey", ["sshKeyId": "<notNull>", "serverType": "deploy"], "routers/server.ts:175"),
    "server.buildServers": .findMany(
      "server.buildServers", ["sshKeyId": "<notNull>", "serverType": "build"], "routers/server.ts:195"),
    "project.allForPermissions": .findMany("project.allForPermissions", "routers/project.ts:403"),
    "notification.getEmailProviders": .findMany("notification.getEmailProviders", "routers/notification.ts:1016"),
    "bitbucket.bitbucketProviders": .findMany("bitbucket.bitbucketProviders", "routers/bitbucket.ts:60"),
    "gitProvider.getAll": RouterReply(kind: .gitProviders, source: "routers/git-provider.ts:25"),
    "application.readAppMonitoring": RouterReply(kind: .appStats, source: "services/application.ts:613"),
    "deployment.queueList": RouterReply(kind: .queueJobs, source: "routers/deployment.ts:81"),
    // Updates whose reply is the updated row (tables.json's "row … (updated)" was answered as stored).
    "domain.toggleEnable": RouterReply(
      kind: .updateRow(table: "domains", columns: [], toggle: "enabled"), source: "routers/domain.ts:144"),
    "gitProvider.toggleShare": RouterReply(
      kind: .updateRow(table: "gitProvider", columns: ["sharedWithOrganization"], toggle: nil),
      source: "routers/git-provider.ts:87"),
    "server.updateBuildsConcurrency": RouterReply(
      kind: .updateRow(table: "server", columns: ["buildsConcurrency"], toggle: nil), source: "routers/server.ts:491"),
    "deployment.removeDeployment": RouterReply(kind: .removeDeployment, source: "services/deployment.ts:617"),
    "postgres.changeStatus": .status("postgres", "routers/postgres.ts:283"),
    "mysql.changeStatus": .status("mysql", "routers/mysql.ts:277"),
    "mariadb.changeStatus": .status("mariadb", "routers/mariadb.ts:257"),
    "mongo.changeStatus": .status("mongo", "routers/mongo.ts:278"),
    "redis.changeStatus": .status("redis", "routers/redis.ts:300"),
    "libsql.changeStatus": .status("libsql", "routers/libsql.ts:289"),
    "libsql.start": .status("libsql", "routers/libsql.ts:125", set: "done", procedure: "start"),
    "libsql.stop": .status("libsql", "routers/libsql.ts:150", set: "idle", procedure: "stop"),
    // The listing of an (empty) bucket; `findDestinationById`'s 404 is rethrown as a 400 by the catch (routers/backup.ts:553).
    "backup.listBackupFiles": .value([], "routers/backup.ts:472").requiring(
      "destinationId", "destinations", "Destination not found", code: .BAD_REQUEST),
    // `.use(hasValidLicense)` before the query: 403 without an enterprise licence.
    "server.allForPermissions": .enterprise("routers/server.ts:142"),
    "gitProvider.allForPermissions": .enterprise("routers/git-provider.ts:116"),
  ]
}

extension RouterReply {
  /// `TABLE.changeStatus` (or `procedure`): the row before, then `applicationStatus` set (`set`, else the input's).
  static func status(_ table: String, _ source: String, set: String? = nil, procedure: String = "changeStatus")
    -> RouterReply
  {
    RouterReply(kind: .setStatus(reply: "\(table).\(procedure)", table: table, status: set), source: source)
  }
}
