import DokCore

extension Routers {
  /// The `application` router's procedures.
  static let application: [Procedure] = [
    .code("application.create", "row of applications (inserted)", "routers/application.ts:82", changesState: true) {
      s, input, now in try s.application("create", input, now: now)
    },
    .code("application.one", "row of applications", "routers/application.ts:141", changesState: false) { s, input, now in
      try s.application("one", input, now: now)
    },
    .code("application.reload", "true", "routers/application.ts:194", changesState: true) { s, input, now in
      try s.application("reload", input, now: now)
    },
    .code("application.delete", "row of applications", "routers/application.ts:223", changesState: true) { s, input, now in
      try s.application("delete", input, now: now)
    },
    .code("application.stop", "row of applications", "routers/application.ts:288", changesState: true) { s, input, now in
      try s.application("stop", input, now: now)
    },
    .code("application.start", "row of applications", "routers/application.ts:310", changesState: true) { s, input, now in
      try s.application("start", input, now: now)
    },
    .code("application.redeploy", "void", "routers/application.ts:332", changesState: true) { s, input, now in
      try s.application("redeploy", input, now: now)
    },
    .code("application.saveEnvironment", "true", "routers/application.ts:376", changesState: true) { s, input, now in
      try s.application("saveEnvironment", input, now: now)
    },
    .code("application.saveBuildType", "true", "routers/application.ts:397", changesState: true) { s, input, now in
      try s.application("saveBuildType", input, now: now)
    },
    .shape("application.saveGithubProvider", "true", "routers/application.ts:422"),
    .shape("application.saveGitlabProvider", "true", "routers/application.ts:449"),
    .shape("application.saveBitbucketProvider", "true", "routers/application.ts:477"),
    .shape("application.saveGiteaProvider", "true", "routers/application.ts:504"),
    .code("application.saveDockerProvider", "true", "routers/application.ts:530", changesState: true) { s, input, now in
      try s.application("saveDockerProvider", input, now: now)
    },
    .code("application.saveGitProvider", "true", "routers/application.ts:553", changesState: true) { s, input, now in
      try s.application("saveGitProvider", input, now: now)
    },
    .shape("application.disconnectGitProvider", "true", "routers/application.ts:578"),
    .shape("application.markRunning", "void", "routers/application.ts:631"),
    .code("application.update", "true", "routers/application.ts:646", changesState: true) { s, input, now in
      try s.application("update", input, now: now)
    },
    .shape("application.refreshToken", "true", "routers/application.ts:682"),
    .code("application.deploy", "void", "routers/application.ts:700", changesState: true) { s, input, now in
      try s.application("deploy", input, now: now)
    },
    .code("application.cleanQueues", "void", "routers/application.ts:744", changesState: true) { s, input, now in
      try s.application("cleanQueues", input, now: now)
    },
    .shape("application.clearDeployments", "true", "routers/application.ts:752"),
    .code("application.killBuild", "void", "routers/application.ts:768", changesState: true) { s, input, now in
      try s.application("killBuild", input, now: now)
    },
    .recorded("application.readTraefikConfig", RouterReply(kind: .traefikConfig, source: "utils/traefik/application.ts:126")),
    .shape("application.dropDeployment", "true", "routers/application.ts:802"),
    .shape("application.updateTraefikConfig", "true", "routers/application.ts:858"),
    .recorded("application.readAppMonitoring", RouterReply(kind: .appStats, source: "services/application.ts:613")),
    .code("application.move", "row of applications (updated)", "routers/application.ts:895", changesState: true) { s, input, _ in
      try s.move("application", input)
    },
    .code("application.cancelDeployment", "object", "routers/application.ts:931", changesState: true) { s, input, now in
      try s.application("cancelDeployment", input, now: now)
    },
    .recorded("application.search", .search("applications", "routers/application.ts:981")),
    .code("application.readLogs", "string", "routers/application.ts:1113", changesState: false) { s, input, now in
      try s.containerLogs(router: "application", input, now: now)
    },
  ]
}
