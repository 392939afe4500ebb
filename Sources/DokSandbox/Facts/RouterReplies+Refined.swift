import DokCore

extension RouterReplies {
  /// Procedures `tables.json` describes only loosely (`"string (YAML)"`, `{items, total:
  /// "number"}`, `"… | null (cloud)"`): the reply as the router builds it. These take
  /// precedence over tables.json.
  static let refined: [String: RouterReply] = [
    "application.search": .search("applications", "routers/application.ts:981"),
    "compose.search": .search("compose", "routers/compose.ts:1103"),
    "postgres.search": .search("postgres", "routers/postgres.ts:524"),
    "mysql.search": .search("mysql", "routers/mysql.ts:521"),
    "mariadb.search": .search("mariadb", "routers/mariadb.ts:502"),
    "mongo.search": .search("mongo", "routers/mongo.ts:518"),
    "redis.search": .search("redis", "routers/redis.ts:504"),
    "project.search": .search("projects", "routers/project.ts:657"),
    "environment.search": .search("environments", "routers/environment.ts:324"),
    "server.getServerTime": .value(["time": "<now>", "timezone": "UTC"], "routers/server.ts:516"),
    "server.validate": .value(
      [
        "docker": ["enabled": true, "version": "28.5.1"], "rclone": ["enabled": true, "version": "1.71.2"],
        "nixpacks": ["enabled": true, "version": "1.39.0"], "buildpacks": ["enabled": true, "version": "0.39.1"],
        "railpack": ["enabled": true, "version": "0.15.4"], "isDokployNetworkInstalled": true, "isSwarmInstalled": true,
        "isMainDirectoryInstalled": true, "privilegeMode": "root", "dockerGroupMember": true,
      ], "routers/server.ts:280"),
    "server.security": .value(
      [
        "ufw": ["installed": true, "active": true, "defaultIncoming": "deny"],
        "ssh": [
          "enabled": true, "keyAuth": true, "permitRootLogin": "prohibit-password", "passwordAuth": "no", "usePam": "yes",
        ],
        "nonRootUser": ["hasValidSudoUser": true],
        "unattendedUpgrades": ["installed": true, "active": true, "updateEnabled": 1, "upgradeEnabled": 1],
        "fail2ban": ["installed": true, "enabled": true, "active": true, "sshEnabled": "true", "sshMode": "aggressive"],
      ], "routers/server.ts:327"),
    "domain.generateDomain": .value("<input.appName>-<hex6>-127-0-0-1.sslip.io", "routers/domain.ts:83"),
    "github.testConnection": .value("Found 0 repositories", "routers/github.ts:80"),
    "gitlab.testConnection": .value("Found 0 repositories", "routers/gitlab.ts:109"),
    "bitbucket.testConnection": .value("Found 0 repositories", "routers/bitbucket.ts:98"),
    "gitea.testConnection": .value("Found 0 repositories", "routers/gitea.ts:153"),
    // `docker inspect` of a container the sandbox does not run: the service returns undefined.
    "compose.loadMountsByService": .void("routers/compose.ts:321"),
    "mounts.allNamedByApplicationId": .void("routers/mount.ts:164"),
    "compose.loadServices": RouterReply(kind: .composeServices, source: "services/compose.ts:193"),
    "compose.fetchSourceType": RouterReply(kind: .column("compose", "sourceType"), source: "routers/compose.ts:339"),
    "compose.getConvertedCompose": RouterReply(kind: .column("compose", "composeFile"), source: "routers/compose.ts:399"),
    "gitea.getGiteaUrl": RouterReply(kind: .column("gitea", "giteaUrl"), source: "routers/gitea.ts:204"),
    "project.homeStats": RouterReply(kind: .homeStats, source: "routers/project.ts:515"),
    "server.count": RouterReply(kind: .count("server"), source: "routers/server.ts:173"),
    "server.publicIp": .value("127.0.0.1", "routers/server.ts:509"),
    "domain.canGenerateTraefikMeDomains": RouterReply(
      kind: .column("server", "ipAddress"), source: "routers/domain.ts:98"
    ).requiring("serverId", "server"),
    "sshKey.generate": .value(
      [
        "privateKey":
          "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ<random64>\n-----END OPENSSH PRIVATE KEY-----\n",
        "publicKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI<random64> dokploy",
      ], "routers/ssh-key.ts:100"),
  ]
}

extension RouterReplies {
  /// Procedures tables.json answers with a placeholder (`""`, `[]`, `status: null`) where the
  /// router derives its reply from a row of the state.
  static let derived: [String: RouterReply] = [
    "compose.randomizeCompose": RouterReply(kind: .randomizedCompose, source: "utils/docker/compose.ts:15"),
    "compose.isolatedDeployment": RouterReply(kind: .isolatedCompose, source: "utils/docker/collision.ts:28"),
    "compose.getDefaultCommand": RouterReply(kind: .composeCommand, source: "routers/compose.ts:543"),
    "schedule.runManually": RouterReply(kind: .scheduleRun, source: "routers/schedule.ts:313"),
    "schedule.list": RouterReply(kind: .schedules, source: "routers/schedule.ts:201"),
    "application.readTraefikConfig": RouterReply(kind: .traefikConfig, source: "utils/traefik/application.ts:126"),
    "domain.validateDomain": RouterReply(kind: .validateDomain, source: "services/domain.ts:155"),
    // tables.json's `message` was a quoted literal (`'Template imported successfully'`), answered as null.
    "compose.import": .value(["success": true, "message": "Template imported successfully"], "routers/compose.ts:1038"),
  ]
}
