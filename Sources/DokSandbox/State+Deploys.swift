import DokCore

/// The deployment queue of a self-hosted Dokploy: a deploy call only adds a job; one worker
/// for the whole server takes jobs in order, no earlier than ``SandboxState/queueDelay`` after
/// they were queued; the deployment row appears, and the service turns `running`, only then.
///
/// Transitions are lazy: ``settle(now:)`` applies every one that is due before each call, from
/// timestamps alone, so the result is deterministic and survives a restart from the state file.
extension SandboxState {
  /// Adds a deploy to the queue.
  mutating func enqueue(_ service: String, _ id: String, type: String, input: JSONObject, now: Double) {
    let title =
      input.str("title").flatMap { $0.isEmpty ? nil : $0 }
      ?? (type == "deploy" ? "Manual deployment" : "Rebuild deployment")
    queue.append(
      DeployJob(
        service: service, serviceId: id, type: type, title: title, description: input.str("description") ?? "",
        enqueuedAt: now))
    settle(now: now)
  }

  /// Applies every worker step due at `now`: finishing the running deploy, taking the next job.
  mutating func settle(now: Double) {
    while true {
      if let p = pending.first {
        guard p.finishAt <= now else { return }
        pending.removeFirst()
        revision += 1
        finish(p, at: p.finishAt)
        workerFreeAt = p.finishAt
        continue
      }
      guard let job = queue.first else { return }
      let start = max(job.enqueuedAt + queueDelay, workerFreeAt)
      guard start <= now else { return }
      queue.removeFirst()
      revision += 1
      take(job, at: start)
    }
  }

  /// The worker takes a job: the service turns `running`, the deployment row is created, the
  /// build log starts; how it ends is decided from the service's configuration now.
  private mutating func take(_ job: DeployJob, at t: Double) {
    let key = job.service == "compose" ? "composeId" : "applicationId"
    let statusKey = job.service == "compose" ? "composeStatus" : "applicationStatus"
    let tableName = job.service == "compose" ? "compose" : "applications"
    guard var row = self[table: tableName]?[job.serviceId] else { return }
    row[statusKey] = "running"
    self[table: tableName]?.put(row)
    // Dokploy trims a service to its 10 newest deployments before inserting the new one.
    let existing = deployments.filter(key, job.serviceId)
    if existing.count >= Self.deploymentsKept {
      removeDeployments(Set(existing.prefix(existing.count - Self.deploymentsKept + 1).compactMap { $0.str("deploymentId") }))
    }
    let d = newDeployment(
      title: job.title, description: job.description, key: key, serviceId: job.serviceId,
      appName: row.str("appName") ?? "app", now: t)
    let id = d.str("deploymentId")!
    deployments.put(d)
    let failure = job.service == "compose" ? Self.composeFailure(row) : Self.applicationFailure(row)
    let text = BuildLog.lines(service: job.service, row: row, failure: failure)
    let step = deploySeconds / Double(max(text.count, 1))
    logs[id] = text.enumerated().map { LogLine(at: t + Double($0.offset) * step, text: $0.element) }
    pending.append(
      PendingDeploy(
        deploymentId: id, service: job.service, serviceId: job.serviceId, startedAt: t, finishAt: t + deploySeconds,
        outcome: failure == nil ? "done" : "error"))
  }

  /// A deploy ends: the row and the service take the outcome (`errorMessage` stays unset, as on
  /// a real server: the reason is in the build log).
  private mutating func finish(_ p: PendingDeploy, at t: Double) {
    if var d = deployments[p.deploymentId], d.str("status") == "running" {
      d["status"] = .string(p.outcome)
      d["finishedAt"] = .string(Support.iso(t))
      deployments[p.deploymentId] = d
    }
    let statusKey = p.service == "compose" ? "composeStatus" : "applicationStatus"
    let tableName = p.service == "compose" ? "compose" : "applications"
    if var row = self[table: tableName]?[p.serviceId] {
      row[statusKey] = .string(p.outcome)
      self[table: tableName]?.put(row)
    }
  }

  /// `killBuild`: `pkill -2 -f "docker build"` (or `docker compose`) on the server stops the
  /// running build of that kind, whichever service it belongs to; it ends in `error`.
  mutating func killBuild(service: String, now: Double) {
    guard let p = pending.first, p.service == service, p.startedAt <= now else { return }
    pending.removeFirst()
    logs[p.deploymentId] =
      (logs[p.deploymentId] ?? []).filter { $0.at <= now } + [
        LogLine(at: now, text: "ERROR: failed to build: interrupted"), LogLine(at: now, text: ""),
        LogLine(at: now, text: "Error occurred ❌, check the logs for details."),
      ]
    finish(
      PendingDeploy(
        deploymentId: p.deploymentId, service: p.service, serviceId: p.serviceId, startedAt: p.startedAt, finishAt: now,
        outcome: "error"), at: now)
    workerFreeAt = now
  }

  /// `cleanQueues`: drops the service's jobs still waiting for the worker; returns how many.
  @discardableResult
  mutating func cleanQueue(service: String, id: String) -> Int {
    let before = queue.count
    queue.removeAll { $0.service == service && $0.serviceId == id }
    return before - queue.count
  }

  /// The build log of a deployment as written by `now`.
  func logLines(_ deploymentId: String, now: Double) -> [String] {
    (logs[deploymentId] ?? []).filter { $0.at <= now }.map(\.text)
  }

  /// `deployment.readLogs`: `tail -n N` of the log file (each line ends in a newline), `""` when none.
  func readLogs(_ input: JSONObject, now: Double) throws(SandboxError) -> JSON {
    guard let id = input.str("deploymentId"), deployments[id] != nil else { throw .notFound("Deployment") }
    let tail = input["tail"]?.numberValue.flatMap(Support.int) ?? 100
    let lines = logLines(id, now: now).suffix(max(tail, 0))
    return .string(lines.map { $0 + "\n" }.joined())
  }

  /// The log file path of a deployment row → its id (for the WebSocket route).
  func deploymentId(logPath: String) -> String? {
    deployments.all.first { $0.str("logPath") == logPath }?.str("deploymentId")
  }

  /// True while the deployment's build runs (its row exists only once the worker took it).
  func isRunning(_ deploymentId: String) -> Bool { pending.contains { $0.deploymentId == deploymentId } }

  var logsJSON: JSONObject {
    var o = JSONObject()
    for (k, v) in logs.sorted(by: { $0.key < $1.key }) { o[k] = .array(v.map(\.json)) }
    return o
  }
}
