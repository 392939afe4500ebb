import DokCore

/// Everything the sandbox knows: a value type, mutated only under the engine's lock.
///
/// Timed transitions are lazy: a deploy records when it will finish and how (decided at deploy
/// time from the service's configuration), and ``settle(now:)`` applies every transition that
/// is due before each call reads or writes. The result depends only on timestamps, so it is
/// deterministic and survives a restart from the state file.
struct SandboxState: Sendable {
  var projects = Table(idKey: "projectId")
  var environments = Table(idKey: "environmentId")
  var applications = Table(idKey: "applicationId")
  var compose = Table(idKey: "composeId")
  var domains = Table(idKey: "domainId")
  var deployments = Table(idKey: "deploymentId")
  var databases: [DatabaseKind: Table] = Dictionary(
    uniqueKeysWithValues: DatabaseKind.allCases.map { ($0, Table(idKey: $0.idKey)) })
  var pending: [PendingDeploy] = []
  /// Deploys waiting for the worker, oldest first.
  var queue = DeployQueue()
  /// When the worker finished its last job (it takes the next one no earlier).
  var workerFreeAt: Double = 0
  /// Seconds between a deploy call and the moment the worker can take it.
  var queueDelay: Double = 1
  /// Build logs by deployment id: each line with the time it is written.
  var logs: [String: [LogLine]] = [:]
  /// Counts changes (calls that mutate, worker steps); what the state file has caught up to.
  var revision = 0
  /// True when the tables record their changes for the state file's journal.
  var journaling = false
  /// The running deploys' ids as the journal's last entry wrote them.
  var journaledPending: [String] = []
  /// Rows of every other Dokploy table, by table name (the declarative engine's).
  var generic: [String: Table] = [:]
  /// The last value of the auto-increment sequence.
  var serial = 0
  /// Seconds a deploy stays `running`.
  var deploySeconds: Double = 3
  /// The sandbox's organisation and owner, fixed for the life of a state file.
  var organizationId = Support.nanoid()
  var userId = Support.nanoid()
  var createdAt = Support.iso(Support.now())

  /// Deployments kept per service: Dokploy trims to 10 before inserting the new one.
  static let deploymentsKept = 11

  init(deploySeconds: Double, queueDelay: Double = 1) {
    self.deploySeconds = deploySeconds
    self.queueDelay = queueDelay
  }

  /// Deployments of a service (by `applicationId` or `composeId`), newest first.
  func deploymentsOf(_ key: String, _ id: String) -> [JSONObject] {
    deployments.filter(key, id).reversed()
  }

  /// Removes deployments and their pending completions.
  mutating func removeDeployments(_ ids: Set<String>) {
    deployments.remove(ids: ids)
    pending.removeAll { ids.contains($0.deploymentId) }
    for id in ids { logs[id] = nil }
  }

  /// Removes what belongs to a service (`applicationId` or `composeId` = `id`): its
  /// deployments and domains.
  mutating func removeDependents(of key: String, _ id: String) {
    removeDeployments(Set(deployments.filter(key, id).compactMap { $0.str("deploymentId") }))
    domains.remove(ids: Set(domains.filter(key, id).compactMap { $0.str("domainId") }))
  }

  // MARK: Persistence

  /// The whole state as one JSON document (the state file's content).
  var json: JSON {
    var dbs = JSONObject()
    for k in DatabaseKind.allCases { dbs[k.rawValue] = databases[k]?.json ?? [] }
    return [
      "format": .string(StateFile.format), "version": .number(Double(StateFile.version)),
      "organizationId": .string(organizationId), "userId": .string(userId),
      "createdAt": .string(createdAt), "projects": projects.json, "environments": environments.json,
      "applications": applications.json, "compose": compose.json, "domains": domains.json,
      "deployments": deployments.json, "databases": .object(dbs), "pending": .array(pending.map(\.json)),
      "queue": .array(queue.map(\.json)), "workerFreeAt": .number(workerFreeAt), "logs": .object(logsJSON),
      "tables": .object(genericJSON), "revision": .number(Double(revision)),
      "serial": .number(Double(serial)),
    ]
  }

  private var genericJSON: JSONObject {
    var o = JSONObject()
    for (k, t) in generic.sorted(by: { $0.key < $1.key }) { o[k] = t.json }
    return o
  }

  /// Restores a state file's content; `deploySeconds` comes from the current options.
  init(json: JSON, deploySeconds: Double, queueDelay: Double = 1) {
    self.deploySeconds = deploySeconds
    self.queueDelay = queueDelay
    queue = DeployQueue((json["queue"]?.arrayValue ?? []).compactMap(DeployJob.init(json:)))
    workerFreeAt = json["workerFreeAt"]?.numberValue ?? 0
    for (id, lines) in json["logs"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      logs[id] = (lines.arrayValue ?? []).compactMap(LogLine.init(json:))
    }
    if let s = json["organizationId"]?.stringValue { organizationId = s }
    if let s = json["userId"]?.stringValue { userId = s }
    if let s = json["createdAt"]?.stringValue { createdAt = s }
    projects = Table(idKey: "projectId", json: json["projects"])
    environments = Table(idKey: "environmentId", json: json["environments"])
    applications = Table(idKey: "applicationId", json: json["applications"])
    compose = Table(idKey: "composeId", json: json["compose"])
    domains = Table(idKey: "domainId", json: json["domains"])
    deployments = Table(idKey: "deploymentId", json: json["deployments"])
    for k in DatabaseKind.allCases { databases[k] = Table(idKey: k.idKey, json: json["databases"]?[k.rawValue]) }
    pending = (json["pending"]?.arrayValue ?? []).compactMap(PendingDeploy.init(json:))
    serial = json["serial"]?.numberValue.flatMap(Support.int) ?? 0
    revision = json["revision"]?.numberValue.flatMap(Support.int) ?? 0
    for (name, rows) in json["tables"]?.objectValue?.pairs.map({ ($0, $1) }) ?? [] {
      guard let t = DokployFacts.shared.tables[name] else { continue }
      generic[name] = Table(idKey: t.primaryKey, json: rows)
    }
  }
}
