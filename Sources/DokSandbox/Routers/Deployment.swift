import DokCore

extension Routers {
  /// The `deployment` router's procedures.
  static let deployment: [Procedure] = [
    // Unknown ids in list lookups answer [] on a real server.
    .code("deployment.all", "rows of deployments", "routers/deployment.ts:38", changesState: false) { s, input, _ in
      .array(s.deploymentsOf("applicationId", input.str("applicationId") ?? "").map(JSON.object))
    },
    .code("deployment.allByCompose", "rows of deployments", "routers/deployment.ts:47", changesState: false) { s, input, _ in
      .array(s.deploymentsOf("composeId", input.str("composeId") ?? "").map(JSON.object))
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
    // routers/deployment.ts:169-190: the row (404), then its `pid`, which only a schedule's or
    // backup's run sets: never an application's or compose's deployment here.
    .code("deployment.killProcess", "void", "routers/deployment.ts:162", changesState: true) { s, input, _ in
      guard let id = input.str("deploymentId"), let row = s.deployments[id] else { throw SandboxError.notFound("Deployment") }
      if row["pid"] == nil || row["pid"] == .null { throw SandboxError.badRequest("Deployment is not running") }
      return nil
    },
    .recorded("deployment.removeDeployment", RouterReply(kind: .removeDeployment, source: "services/deployment.ts:617")),
    .code("deployment.readLogs", "string", "routers/deployment.ts:238", changesState: false) { s, input, now in
      try s.readLogs(input, now: now)
    },
  ]
}
