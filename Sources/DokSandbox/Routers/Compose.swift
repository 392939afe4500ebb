import DokCore

extension Routers {
  /// The `compose` router's procedures.
  static let compose: [Procedure] = [
    .code("compose.create", "row of compose (inserted)", "routers/compose.ts:84", changesState: true) { s, input, now in
      try s.composeCall("create", input, now: now)
    },
    .code("compose.one", "row of compose", "routers/compose.ts:138", changesState: false) { s, input, now in
      try s.composeCall("one", input, now: now)
    },
    .code("compose.update", "row of compose (updated)", "routers/compose.ts:192", changesState: true) { s, input, now in
      try s.composeCall("update", input, now: now)
    },
    .shape("compose.saveEnvironment", "true", "routers/compose.ts:207"),
    .code("compose.delete", "row of compose", "routers/compose.ts:233", changesState: true) { s, input, now in
      try s.composeCall("delete", input, now: now)
    },
    .code("compose.cleanQueues", "object", "routers/compose.ts:278", changesState: true) { s, input, now in
      try s.composeCall("cleanQueues", input, now: now)
    },
    .shape("compose.clearDeployments", "true", "routers/compose.ts:287"),
    .code("compose.killBuild", "void", "routers/compose.ts:303", changesState: true) { s, input, now in
      try s.composeCall("killBuild", input, now: now)
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
      try s.composeCall("deploy", input, now: now)
    },
    .code("compose.redeploy", "object", "routers/compose.ts:463", changesState: true) { s, input, now in
      try s.composeCall("redeploy", input, now: now)
    },
    .code("compose.stop", "true", "routers/compose.ts:511", changesState: true) { s, input, now in
      try s.composeCall("stop", input, now: now)
    },
    .code("compose.start", "true", "routers/compose.ts:527", changesState: true) { s, input, now in
      try s.composeCall("start", input, now: now)
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
      try s.composeCall("cancelDeployment", input, now: now)
    },
    .recorded("compose.search", .search("compose", "routers/compose.ts:1103")),
    .code("compose.readLogs", "string", "routers/compose.ts:1211", changesState: false) { s, input, now in
      try s.containerLogs(router: "compose", input, now: now)
    },
  ]
}
