import DokCore

extension Routers {
  /// The `server` router's procedures.
  static let server: [Procedure] = [
    .table(
      "server.create", "row of server (inserted)", "routers/server.ts:53",
      refusedInsert: .init(code: .BAD_REQUEST, message: "Error creating the server", source: "routers/server.ts:81")),
    .table("server.one", "row of server", "routers/server.ts:90"),
    .shape("server.getDefaultCommand", "string", "routers/server.ts:111"),
    .table("server.all", "rows of server", "routers/server.ts:118"),
    // `.use(hasValidLicense)` before the query: 403 without an enterprise licence.
    .recorded("server.allForPermissions", .enterprise("routers/server.ts:142")),
    .recorded("server.count", RouterReply(kind: .count("server"), source: "routers/server.ts:173")),
    .recorded(
      "server.withSSHKey",
      .findMany(
        "server.withSSHKey", ["sshKeyId": "<notNull>", "serverType": "deploy"], "routers/server.ts:175")),
    .recorded(
      "server.buildServers",
      .findMany(
        "server.buildServers", ["sshKeyId": "<notNull>", "serverType": "build"], "routers/server.ts:195")),
    .shape("server.setup", "void", "routers/server.ts:215"),
    .recorded(
      "server.validate",
      .value(
        [
          "docker": ["enabled": true, "version": "28.5.1"], "rclone": ["enabled": true, "version": "1.71.2"],
          "nixpacks": ["enabled": true, "version": "1.39.0"], "buildpacks": ["enabled": true, "version": "0.39.1"],
          "railpack": ["enabled": true, "version": "0.15.4"], "isDokployNetworkInstalled": true, "isSwarmInstalled": true,
          "isMainDirectoryInstalled": true, "privilegeMode": "root", "dockerGroupMember": true,
        ], "routers/server.ts:280")),
    .recorded(
      "server.security",
      .value(
        [
          "ufw": ["installed": true, "active": true, "defaultIncoming": "deny"],
          "ssh": [
            "enabled": true, "keyAuth": true, "permitRootLogin": "prohibit-password", "passwordAuth": "no", "usePam": "yes",
          ],
          "nonRootUser": ["hasValidSudoUser": true],
          "unattendedUpgrades": ["installed": true, "active": true, "updateEnabled": 1, "upgradeEnabled": 1],
          "fail2ban": ["installed": true, "enabled": true, "active": true, "sshEnabled": "true", "sshMode": "aggressive"],
        ], "routers/server.ts:327")),
    .shape("server.setupMonitoring", "void", "routers/server.ts:364"),
    .table("server.remove", "row of server", "routers/server.ts:412"),
    .table("server.update", "row of server (updated)", "routers/server.ts:452"),
    .recorded(
      "server.updateBuildsConcurrency",
      RouterReply(
        kind: .updateRow(table: "server", columns: ["buildsConcurrency"], toggle: nil), source: "routers/server.ts:491")),
    .recorded("server.publicIp", .value("127.0.0.1", "routers/server.ts:509")),
    .recorded("server.getServerTime", .value(["time": "<now>", "timezone": "UTC"], "routers/server.ts:516")),
    .shape("server.getServerMetrics", "array of metric points", "routers/server.ts:521"),
  ]
}
