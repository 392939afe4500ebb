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
    if let kind = DatabaseKind(rawValue: router) { return try database(kind, proc, input, now: now) }
    switch router {
    case "project": return try project(proc, input, now: now)
    case "environment": return try environment(proc, input, now: now)
    case "application": return try application(proc, input, now: now)
    case "deployment": return try deployment(proc, input)
    case "compose": return try composeCall(proc, input, now: now)
    case "domain": return try domain(proc, input, now: now)
    case "user", "docker", "settings": return try misc(name, input, now: now)
    default: throw SandboxError(.NOT_FOUND, "No procedure found on path \"\(name)\"")
    }
  }

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
    d["description"] = description.map(JSON.string) ?? .null
    d["status"] = "running"
    d["logPath"] = .string("/etc/dokploy/logs/\(appName)/\(appName)-\(Int(now * 1000)).log")
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

  /// Records a running deploy of a service and when and how it ends.
  mutating func startDeploy(
    service: String, key: String, row: JSONObject, input: JSONObject, defaultTitle: String, failure: String?, now: Double
  ) {
    let id = row.str(key) ?? ""
    let d = newDeployment(
      title: input.str("title") ?? defaultTitle, description: input.str("description"), key: key, serviceId: id,
      appName: row.str("appName") ?? "app", now: now)
    deployments.put(d)
    pending.append(
      PendingDeploy(
        deploymentId: d.str("deploymentId")!, service: service, serviceId: id, finishAt: now + deploySeconds,
        outcome: failure == nil ? "done" : "error", errorMessage: failure))
    pruneDeployments(key, id)
    if deploySeconds <= 0 { settle(now: now) }
  }

  /// Cancels a service's running deployments; returns how many there were.
  mutating func cancelRunning(service: String, id: String, now: Double) -> Int {
    let running = runningDeployments(service: service, id: id)
    for dId in running {
      guard var d = deployments[dId] else { continue }
      d["status"] = "cancelled"
      d["finishedAt"] = .string(Support.iso(now))
      deployments[dId] = d
    }
    pending.removeAll { running.contains($0.deploymentId) }
    return running.count
  }
}
