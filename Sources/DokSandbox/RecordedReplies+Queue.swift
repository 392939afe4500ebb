import DokCore

extension RecordedReplies {
  /// `deployment.queueList` (routers/deployment.ts:81): BullMQ's jobs of the deploy queue. Jobs
  /// are added with `removeOnComplete`/`removeOnFail`, so only the running (`active`) and queued
  /// (`waiting`) ones are listed, newest first; `data` is the router's `DeploymentJob`
  /// (routers/application.ts:707) and `servicePath` the service's dashboard page
  /// (services/deployment.ts:47). The sandbox numbers jobs by their place in the queue (BullMQ
  /// ids count every job ever added), and dates an active job's `timestamp` when it started.
  static func queueJobs(state: SandboxState) -> JSON {
    func job(service: String, id: String, title: String, description: String, type: String) -> JSONObject {
      var data = JSONObject()
      data[service + "Id"] = .string(id)
      data["titleLog"] = .string(title)
      data["descriptionLog"] = .string(description)
      data["type"] = .string(type)
      data["applicationType"] = .string(service)
      data["server"] = false
      var o = JSONObject()
      o["name"] = "deployments"
      o["data"] = .object(data)
      return o
    }
    func path(service: String, id: String) -> JSON {
      let row = service == "application" ? state.applications[id] : state.compose[id]
      let label = service == "application" ? "Application" : "Compose"
      guard let env = row?.str("environmentId"), let project = state.environments[env]?.str("projectId") else {
        return ["href": .null, "label": "—"]
      }
      return [
        "href": .string("/dashboard/project/\(project)/environment/\(env)/services/\(service)/\(id)"),
        "label": .string(label),
      ]
    }
    var rows: [(at: Double, job: JSONObject)] = []
    for p in state.pending {
      let d = state.deployments[p.deploymentId]
      var o = job(
        service: p.service, id: p.serviceId, title: d?.str("title") ?? "", description: d?.str("description") ?? "",
        type: "deploy")
      o["timestamp"] = .number((p.startedAt * 1000).rounded())
      o["processedOn"] = .number((p.startedAt * 1000).rounded())
      o["state"] = "active"
      o["servicePath"] = path(service: p.service, id: p.serviceId)
      rows.append((p.startedAt, o))
    }
    for q in state.queue {
      var o = job(service: q.service, id: q.serviceId, title: q.title, description: q.description, type: q.type)
      o["timestamp"] = .number((q.enqueuedAt * 1000).rounded())
      o["state"] = "waiting"
      o["servicePath"] = path(service: q.service, id: q.serviceId)
      rows.append((q.enqueuedAt, o))
    }
    let ordered = rows.enumerated().sorted { a, b in
      a.element.at == b.element.at ? a.offset > b.offset : a.element.at > b.element.at
    }
    return .array(
      ordered.enumerated().map { index, entry in
        var o = JSONObject()
        o["id"] = .string(String(ordered.count - index))
        for (k, v) in entry.element.job.pairs { o[k] = v }
        return .object(o)
      })
  }

  /// ``RouterReply/Kind/updateRow(table:columns:toggle:)``; `domain.toggleEnable` adds
  /// `requiresRedeploy` (a compose domain is a label, applied on the next deploy: routers/domain.ts:193).
  static func updateRow(
    _ table: String, columns: [String], toggle: String?, _ input: JSONObject, state: inout SandboxState
  ) -> JSON {
    guard let t = DokployFacts.shared.tables[table], let id = input.str(t.primaryKey),
      var row = state[table: table]?[id]
    else { return .null }
    for c in columns { if let v = input[c] { row[c] = v } }
    if let toggle { row[toggle] = .bool(row[toggle] != .bool(true)) }
    state[table: table]?.put(row)
    if table == "domains" { row["requiresRedeploy"] = .bool(row.str("domainType") == "compose") }
    return .object(row)
  }
}
