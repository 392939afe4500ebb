import DokCore

extension Routers {
  /// The `application` router's procedures.
  static let application: [Procedure] = [
    .code("application.create", "row of applications (inserted)", "routers/application.ts:82", changesState: true) {
      s, input, now in
      let env = try s.requireEnvironment(input.str("environmentId"))
      var a = Entities.application(
        id: Support.nanoid(), name: input.str("name") ?? "", appName: Support.appName(given: input.str("appName"), type: "app"),
        description: input["description"] ?? .null, environmentId: env.str("environmentId")!, now: now)
      if let v = input["sourceType"] { a["sourceType"] = v }
      if let v = input["serverId"] { a["serverId"] = v }
      s.applications.put(a)
      return .object(a)
    },
    .code("application.one", "row of applications", "routers/application.ts:141", changesState: false) { s, input, _ in
      var v = s.view(try s.requireApplication(input.str("applicationId")), "applications", "application.one")
      v["hasGitProviderAccess"] = true
      v["unauthorizedProvider"] = .null
      return .object(v)
    },
    .code("application.reload", "true", "routers/application.ts:194", changesState: true) { s, input, _ in
      var a = try s.requireApplication(input.str("applicationId"))
      a["applicationStatus"] = "done"
      s.applications.put(a)
      return true
    },
    .code("application.delete", "row of applications", "routers/application.ts:223", changesState: true) { s, input, _ in
      let a = try s.requireApplication(input.str("applicationId"))
      s.removeApplication(a.str("applicationId")!)
      return .object(a)
    },
    // start and stop reply with the row read before the change.
    .code("application.stop", "row of applications", "routers/application.ts:288", changesState: true) { s, input, _ in
      try s.setApplicationStatus(input, "idle")
    },
    .code("application.start", "row of applications", "routers/application.ts:310", changesState: true) { s, input, _ in
      try s.setApplicationStatus(input, "done")
    },
    // Self-hosted: the job is only queued; the reply is empty.
    .code("application.redeploy", "void", "routers/application.ts:332", changesState: true) { s, input, now in
      s.enqueue(
        "application", try s.requireApplication(input.str("applicationId")).str("applicationId")!, type: "redeploy", input: input,
        now: now)
      return nil
    },
    .code("application.saveEnvironment", "true", "routers/application.ts:376", changesState: true) { s, input, _ in
      try s.updateApplication(input)
    },
    .code("application.saveBuildType", "true", "routers/application.ts:397", changesState: true) { s, input, _ in
      try s.updateApplication(input)
    },
    .shape("application.saveGithubProvider", "true", "routers/application.ts:422"),
    .shape("application.saveGitlabProvider", "true", "routers/application.ts:449"),
    .shape("application.saveBitbucketProvider", "true", "routers/application.ts:477"),
    .shape("application.saveGiteaProvider", "true", "routers/application.ts:504"),
    .code("application.saveDockerProvider", "true", "routers/application.ts:530", changesState: true) { s, input, _ in
      try s.saveApplicationSource(input, "docker")
    },
    .code("application.saveGitProvider", "true", "routers/application.ts:553", changesState: true) { s, input, _ in
      try s.saveApplicationSource(input, "git")
    },
    .shape("application.disconnectGitProvider", "true", "routers/application.ts:578"),
    .shape("application.markRunning", "void", "routers/application.ts:631"),
    .code("application.update", "true", "routers/application.ts:646", changesState: true) { s, input, _ in
      try s.updateApplication(input)
    },
    .shape("application.refreshToken", "true", "routers/application.ts:682"),
    .code("application.deploy", "void", "routers/application.ts:700", changesState: true) { s, input, now in
      s.enqueue(
        "application", try s.requireApplication(input.str("applicationId")).str("applicationId")!, type: "deploy", input: input,
        now: now)
      return nil
    },
    .code("application.cleanQueues", "void", "routers/application.ts:744", changesState: true) { s, input, _ in
      _ = s.cleanQueue(service: "application", id: try s.requireApplication(input.str("applicationId")).str("applicationId")!)
      return nil
    },
    .shape("application.clearDeployments", "true", "routers/application.ts:752"),
    .code("application.killBuild", "void", "routers/application.ts:768", changesState: true) { s, input, now in
      _ = try s.requireApplication(input.str("applicationId"))
      s.killBuild(service: "application", now: now)
      return nil
    },
    .recorded("application.readTraefikConfig", RouterReply(kind: .traefikConfig, source: "utils/traefik/application.ts:126")),
    .shape("application.dropDeployment", "true", "routers/application.ts:802"),
    .shape("application.updateTraefikConfig", "true", "routers/application.ts:858"),
    .recorded("application.readAppMonitoring", RouterReply(kind: .appStats, source: "services/application.ts:613")),
    .code("application.move", "row of applications (updated)", "routers/application.ts:895", changesState: true) { s, input, _ in
      try s.move("application", input)
    },
    .code("application.cancelDeployment", "object", "routers/application.ts:931", changesState: true) { s, input, _ in
      _ = try s.requireApplication(input.str("applicationId"))
      throw SandboxError.badRequest("Deployment cancellation only available in cloud version")
    },
    .recorded("application.search", .search("applications", "routers/application.ts:981")),
    .code("application.readLogs", "string", "routers/application.ts:1113", changesState: false) { s, input, now in
      try s.containerLogs(router: "application", input, now: now)
    },
  ]
}

extension SandboxState {
  /// `update`, `saveEnvironment`, `saveBuildType`: the columns given (foreign keys checked;
  /// `update` silently ignores appName).
  fileprivate mutating func updateApplication(_ input: JSONObject) throws(SandboxError) -> JSON? {
    var a = try requireApplication(input.str("applicationId"))
    if let t = DokployFacts.shared.tables["applications"] { try checkReferences(t, input) }
    a.merge(input, except: ["applicationId", "appName"])
    applications.put(a)
    return true
  }

  /// `start` / `stop`: stores the status and returns the row as it was before.
  fileprivate mutating func setApplicationStatus(_ input: JSONObject, _ status: JSON) throws(SandboxError) -> JSON? {
    let a = try requireApplication(input.str("applicationId"))
    var changed = a
    changed["applicationStatus"] = status
    applications.put(changed)
    return .object(a)
  }

  /// `saveDockerProvider` / `saveGitProvider`: the source's columns, its type, status idle.
  fileprivate mutating func saveApplicationSource(_ input: JSONObject, _ sourceType: JSON) throws(SandboxError) -> JSON? {
    var a = try requireApplication(input.str("applicationId"))
    a.merge(input, except: ["applicationId"])
    a["sourceType"] = sourceType
    a["applicationStatus"] = "idle"
    applications.put(a)
    return true
  }
}
