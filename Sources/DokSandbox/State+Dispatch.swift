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
  /// Runs one procedure on validated input, as its declaration in `Routers/` says. Returns nil
  /// for "no value" (an empty 200 body).
  mutating func call(_ name: String, _ input: JSONObject, now: Double) throws(SandboxError) -> JSON? {
    settle(now: now)
    guard let procedure = Routers.byName[name] else {
      throw SandboxError(.INTERNAL_SERVER_ERROR, "The sandbox declares no procedure \(name)")
    }
    switch procedure.handler {
    case .table, .shape: return try generic(name, input, now: now)
    case .recorded(let reply): return try recorded(name, reply, input, now: now)
    case .code(let body):
      do { return try body(&self, input, now) } catch let error as SandboxError { throw error } catch {
        throw SandboxError(.INTERNAL_SERVER_ERROR, "\(error)")
      }
    }
  }

  /// A recorded reply. When the router keeps rows in a table and the input names one by its
  /// primary key, the row must exist (the router's `findXById` runs first: 404).
  mutating func recorded(_ name: String, _ reply: RouterReply, _ input: JSONObject, now: Double) throws(SandboxError)
    -> JSON?
  {
    if let t = Self.table(for: name), let id = input.str(t.primaryKey), self[table: t.name]?[id] == nil {
      throw .notFound(t.thing)
    }
    return try RecordedReplies.reply(reply, input, state: &self, now: now)
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
