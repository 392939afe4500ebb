import DokCore

extension Routers {
  /// The `deployment` router's procedures.
  static let deployment: [Procedure] = [
    .code("deployment.all", "rows of deployments", "routers/deployment.ts:38", changesState: false) { s, input, now in
      try s.deployment("all", input, now: now)
    },
    .code("deployment.allByCompose", "rows of deployments", "routers/deployment.ts:47", changesState: false) { s, input, now in
      try s.deployment("allByCompose", input, now: now)
    },
    .recorded(
      "deployment.allByServer",
      .findMany(
        "deployment.allByServer", ["serverId": "<input.serverId>"], "services/deployment.ts:1052"
      ).requiring("serverId", "server")),
    // Deployments of the organization's applications and compose services (the sandbox's are all its own).
    .recorded(
      "deployment.allCentralized",
      .findMany(
        "deployment.allCentralized", ["applicationId|composeId": "<notNull>"], "services/deployment.ts:910")),
    .recorded("deployment.queueList", RouterReply(kind: .queueJobs, source: "routers/deployment.ts:81")),
    .recorded(
      "deployment.allByType",
      .findMany(
        "deployment.allByType", ["<input.type>Id": "<input.id>"], "routers/deployment.ts:153")),
    .code("deployment.killProcess", "void", "routers/deployment.ts:162", changesState: true) { s, input, now in
      try s.deployment("killProcess", input, now: now)
    },
    .recorded("deployment.removeDeployment", RouterReply(kind: .removeDeployment, source: "services/deployment.ts:617")),
    .code("deployment.readLogs", "string", "routers/deployment.ts:238", changesState: false) { s, input, now in
      try s.deployment("readLogs", input, now: now)
    },
  ]
}
