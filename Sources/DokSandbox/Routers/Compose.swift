import DokCore

extension Routers {
  /// The `compose` router's procedures.
  static let compose: [Procedure] = [
    .code("compose.create", "row of compose (inserted)", "routers/compose.ts:84", changesState: true) { s, input, now in
      let env = try s.requireEnvironment(input.str("environmentId"))
      var c = Entities.compose(
        id: Support.nanoid(), name: input.str("name") ?? "",
        appName: Support.appName(given: input.str("appName"), type: "compose"),
        description: input["description"] ?? .null, environmentId: env.str("environmentId")!, now: now)
      // sourceType stays `github` (the column default) even when a composeFile is given.
      if let f = input["composeFile"] { c["composeFile"] = f }
      for k in ["composeType", "sourceType", "serverId"] { if let v = input[k] { c[k] = v } }
      s.compose.put(c)
      return .object(c)
    },
    .code("compose.one", "row of compose", "routers/compose.ts:138", changesState: false) { s, input, now in
      var v = s.view(try s.requireCompose(input.str("composeId")), "compose", "compose.one")
      v["hasGitProviderAccess"] = true
      v["unauthorizedProvider"] = .null
      return .object(v)
    },
    .code("compose.update", "row of compose (updated)", "routers/compose.ts:192", changesState: true) { s, input, now in
      var c = try s.requireCompose(input.str("composeId"))
      if let t = DokployFacts.shared.tables["compose"] { try s.checkReferences(t, input) }
      c.merge(input, except: ["composeId", "appName"])
      s.compose.put(c)
      return .object(c)
    },
    // updateCompose(composeId, {env, createEnvFile}); no row updated is the router's 400
    // (an owner's permission check looks nothing up first).
    .code("compose.saveEnvironment", "true", "routers/compose.ts:207", changesState: true) { s, input, _ in
      guard let id = input.str("composeId"), var c = s.compose[id] else {
        throw SandboxError.badRequest("Error adding environment variables")
      }
      c["env"] = input["env"] ?? .null
      if let createEnvFile = input["createEnvFile"] { c["createEnvFile"] = createEnvFile }
      s.compose.put(c)
      return true
    },
    .code("compose.delete", "row of compose", "routers/compose.ts:233", changesState: true) { s, input, now in
      let c = try s.requireCompose(input.str("composeId"))
      s.removeCompose(c.str("composeId")!)
      return .object(c)
    },
    .code("compose.cleanQueues", "object", "routers/compose.ts:278", changesState: true) { s, input, now in
      _ = s.cleanQueue(service: "compose", id: try s.requireCompose(input.str("composeId")).str("composeId")!)
      return nil
    },
    .shape("compose.clearDeployments", "true", "routers/compose.ts:287"),
    .code("compose.killBuild", "void", "routers/compose.ts:303", changesState: true) { s, input, now in
      _ = try s.requireCompose(input.str("composeId"))
      s.killBuild(service: "compose", now: now)
      return nil
    },
    .recorded("compose.loadServices", RouterReply(kind: .composeServices, source: "services/compose.ts:193")),
    // `docker inspect` of a container the sandbox does not run: the service returns undefined.
    .recorded("compose.loadMountsByService", .void("routers/compose.ts:321")),
    .recorded("compose.fetchSourceType", RouterReply(kind: .column("compose", "sourceType"), source: "routers/compose.ts:339")),
    .recorded("compose.randomizeCompose", RouterReply(kind: .randomizedCompose, source: "utils/docker/compose.ts:15")),
    .recorded("compose.isolatedDeployment", RouterReply(kind: .isolatedCompose, source: "utils/docker/collision.ts:28")),
    .recorded(
      "compose.getConvertedCompose", RouterReply(kind: .column("compose", "composeFile"), source: "routers/compose.ts:399")),
    .code("compose.deploy", "object", "routers/compose.ts:413", changesState: true) { s, input, now in
      try s.queueCompose(input, "deploy", now: now)
    },
    .code("compose.redeploy", "object", "routers/compose.ts:463", changesState: true) { s, input, now in
      try s.queueCompose(input, "redeploy", now: now)
    },
    .code("compose.stop", "true", "routers/compose.ts:511", changesState: true) { s, input, now in
      try s.setComposeStatus(input, "idle")
    },
    .code("compose.start", "true", "routers/compose.ts:527", changesState: true) { s, input, now in
      try s.setComposeStatus(input, "done")
    },
    .recorded("compose.getDefaultCommand", RouterReply(kind: .composeCommand, source: "routers/compose.ts:543")),
    .shape("compose.refreshToken", "true", "routers/compose.ts:553"),
    .shape("compose.deployTemplate", "row of compose (inserted)", "routers/compose.ts:571"),
    .shape("compose.templates", "array of template entries ([] on failure)", "routers/compose.ts:686"),
    .shape("compose.getTags", "string[]", "routers/compose.ts:704"),
    .shape("compose.disconnectGitProvider", "true", "routers/compose.ts:716"),
    .code("compose.move", "row of compose (updated)", "routers/compose.ts:768", changesState: true) { s, input, _ in
      try s.move("compose", input)
    },
    .shape("compose.processTemplate", "object", "routers/compose.ts:805"),
    .shape("compose.previewTemplate", "object", "routers/compose.ts:869"),
    // tables.json's `message` was a quoted literal (`'Template imported successfully'`), answered as null.
    .recorded(
      "compose.import", .value(["success": true, "message": "Template imported successfully"], "routers/compose.ts:1038")),
    .code("compose.cancelDeployment", "object", "routers/compose.ts:1050", changesState: true) { s, input, now in
      _ = try s.requireCompose(input.str("composeId"))
      throw SandboxError.badRequest("Deployment cancellation only available in cloud version")
    },
    .recorded("compose.search", .search("compose", "routers/compose.ts:1103")),
    .code("compose.readLogs", "string", "routers/compose.ts:1211", changesState: false) { s, input, now in
      try s.containerLogs(router: "compose", input, now: now)
    },
  ]
}

extension SandboxState {
  /// `deploy` / `redeploy`: the job is only queued (self-hosted); the reply says so.
  fileprivate mutating func queueCompose(_ input: JSONObject, _ type: String, now: Double) throws(SandboxError) -> JSON? {
    let id = try requireCompose(input.str("composeId")).str("composeId")!
    enqueue("compose", id, type: type, input: input, now: now)
    return [
      "success": true, "message": type == "deploy" ? "Deployment queued" : "Redeployment queued", "composeId": .string(id),
    ]
  }

  /// `start` / `stop`: stores the status and returns the row as it was before.
  fileprivate mutating func setComposeStatus(_ input: JSONObject, _ status: JSON) throws(SandboxError) -> JSON? {
    let c = try requireCompose(input.str("composeId"))
    var changed = c
    changed["composeStatus"] = status
    compose.put(changed)
    return .object(c)
  }
}
