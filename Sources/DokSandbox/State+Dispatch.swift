import DokCore

extension JSONObject {
  /// The string member `key`, or nil.
  func str(_ key: String) -> String? { self[key]?.stringValue }

  /// Copies every member of `other` except those in `except`.
  mutating func merge(_ other: JSONObject, except: Set<String> = []) {
    for (k, v) in other.pairs where !except.contains(k) { self[k] = v }
  }
}

extension SandboxState {
  /// Runs one procedure on validated input. Returns nil for "no value" (an empty 200 body).
  mutating func call(_ name: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    settle(now: now)
    let dot = name.firstIndex(of: ".")!
    let router = String(name[..<dot])
    let proc = String(name[name.index(after: dot)...])
    if proc == "move", Self.movableServices[router] != nil { return try move(router, input) }
    if name == "ai.deploy" { return try aiDeploy(input, now: now) }
    if name == "network.import" { return try importNetworks(input) }
    if name == "admin.setupMonitoring" { return try webServer(name, input, now: now) }
    if Self.patchReplySources[name] != nil { return try patchCall(name, input, now: now) }
    // Recorded router replies (`search` & co.) need no service row: the hand-written routers
    // below would first look one up by its id.
    if RouterReplies.all[name] != nil, !Self.modelled(name) { return try generic(name, input, now: now) }
    if proc == "readLogs", Self.containerLogRouters[router] != nil { return try containerLogs(router: router, input, now: now) }
    if let kind = DatabaseKind(rawValue: router) { return try database(kind, proc, input, now: now) }
    switch router {
    case "project": return try project(proc, input, now: now)
    case "environment": return try environment(proc, input, now: now)
    case "application": return try application(proc, input, now: now)
    case "deployment": return try deployment(proc, input, now: now)
    case "compose": return try composeCall(proc, input, now: now)
    case "domain": return try domain(proc, input, now: now)
    case "tag": return try tag(proc, input, now: now)
    case "organization": return try organization(proc, input, now: now)
    case "user", "docker", "settings": return try misc(name, input, now: now)
    default: return try generic(name, input, now: now)
    }
  }

  /// The procedures the hand-written routers above model; every other one goes to ``generic(_:_:now:)``.
  static let modelledNames: Set<String> = {
    var names: Set<String> = [
      "project.all", "project.one", "project.create", "project.update", "project.remove",
      "environment.create", "environment.one", "environment.byProjectId", "environment.remove",
      "application.create", "application.one", "application.update", "application.saveEnvironment",
      "application.saveBuildType", "application.delete", "application.deploy", "application.redeploy",
      "application.start", "application.reload", "application.stop", "application.saveDockerProvider",
      "application.saveGitProvider", "application.cancelDeployment", "application.killBuild",
      "application.cleanQueues", "deployment.all", "deployment.allByCompose", "deployment.readLogs",
      "deployment.killProcess", "compose.create", "compose.one", "compose.update", "compose.delete",
      "compose.deploy", "compose.redeploy", "compose.start", "compose.stop", "compose.cancelDeployment",
      "compose.killBuild", "compose.cleanQueues", "domain.create", "domain.one", "domain.byApplicationId",
      "domain.byComposeId", "domain.update", "domain.delete", "settings.health", "user.get",
      "docker.getContainers",
    ]
    names.formUnion(containerLogNames)
    for proc in tagProcedures { names.insert("tag.\(proc)") }
    for proc in organizationProcedures { names.insert("organization.\(proc)") }
    names.formUnion(invitationReplySources.keys)
    names.formUnion(["user.update", "user.getBookmarkedTemplates", "user.toggleTemplateBookmark"])
    names.formUnion(webServerReplySources.keys)
    names.insert("ai.deploy")
    names.insert("network.import")
    names.formUnion(patchReplySources.keys)
    for router in movableServices.keys { names.insert("\(router).move") }
    for k in DatabaseKind.allCases {
      for p in ["create", "one", "deploy", "start", "stop", "remove", "update", "saveEnvironment", "saveExternalPort"] {
        names.insert("\(k.rawValue).\(p)")
      }
    }
    return names
  }()

  /// What the hand-written routers that tables.json says nothing about return, and where.
  static var modelledReplySources: [String: (reply: String, source: String)] {
    tagReplySources.merging(organizationReplySources) { a, _ in a }.merging(webServerReplySources) { a, _ in a }
      .merging(patchReplySources) { a, _ in a }.merging(invitationReplySources) { a, _ in a }
      .merging([
        "ai.deploy": ("null", "routers/ai.ts:393"), "network.import": ("{imported, errors}", "services/network.ts:184"),
      ]) { a, _ in a }
  }

  /// True when a hand-written router answers `name`.
  static func modelled(_ name: String) -> Bool { modelledNames.contains(name) }

  /// The environment with this id, or 404.
  func requireEnvironment(_ id: String?) throws(SandboxError) -> JSONObject {
    guard let id, let e = environments[id] else { throw .notFound("Environment") }
    return e
  }

  /// A deployment row in Dokploy's shape.
  func newDeployment(title: String, description: String?, key: String, serviceId: String, appName: String, now: Double)
    -> JSONObject
  {
    let id = Support.nanoid()
    var d = JSONObject()
    d["deploymentId"] = .string(id)
    d["title"] = .string(title)
    d["description"] = .string(description ?? "")
    d["status"] = "running"
    d["logPath"] = .string("/etc/dokploy/logs/\(appName)/\(appName)-\(Support.logStamp(now)).log")
    d["pid"] = .null
    d["applicationId"] = key == "applicationId" ? .string(serviceId) : .null
    d["composeId"] = key == "composeId" ? .string(serviceId) : .null
    d["serverId"] = .null
    d["isPreviewDeployment"] = false
    d["previewDeploymentId"] = .null
    d["createdAt"] = .string(Support.iso(now))
    d["startedAt"] = .string(Support.iso(now))
    d["finishedAt"] = .null
    d["errorMessage"] = .null
    d["scheduleId"] = .null
    d["backupId"] = .null
    d["rollbackId"] = .null
    d["volumeBackupId"] = .null
    d["buildServerId"] = .null
    return d
  }
}
