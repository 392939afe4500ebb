import DokCore

/// A deployment that is still `running`: when it finishes and how.
struct PendingDeploy: Sendable {
  var deploymentId: String
  /// `application` or `compose`.
  var service: String
  var serviceId: String
  /// Epoch seconds at which it finishes.
  var finishAt: Double
  /// `done` or `error`.
  var outcome: String
  var errorMessage: String?

  var json: JSON {
    [
      "deploymentId": .string(deploymentId), "service": .string(service), "serviceId": .string(serviceId),
      "finishAt": .number(finishAt), "outcome": .string(outcome), "errorMessage": errorMessage.map(JSON.string) ?? .null,
    ]
  }
}

extension PendingDeploy {
  /// Reads one back from the state file (nil when a field is missing).
  init?(json: JSON) {
    guard let d = json["deploymentId"]?.stringValue, let s = json["service"]?.stringValue,
      let id = json["serviceId"]?.stringValue, let f = json["finishAt"]?.numberValue,
      let o = json["outcome"]?.stringValue
    else { return nil }
    self.init(
      deploymentId: d, service: s, serviceId: id, finishAt: f, outcome: o, errorMessage: json["errorMessage"]?.stringValue)
  }
}

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
  /// Seconds a deploy stays `running`.
  var deploySeconds: Double = 3
  /// The sandbox's organisation and owner, fixed for the life of a state file.
  var organizationId = Support.nanoid()
  var userId = Support.nanoid()
  var createdAt = Support.iso(Support.now())

  /// Deployments kept per service.
  static let deploymentsKept = 10

  init(deploySeconds: Double) { self.deploySeconds = deploySeconds }

  // MARK: Timed transitions

  /// Applies every deploy transition due at `now`, oldest first.
  mutating func settle(now: Double) {
    guard !pending.isEmpty, pending.contains(where: { $0.finishAt <= now }) else { return }
    let due = pending.filter { $0.finishAt <= now }.sorted { $0.finishAt < $1.finishAt }
    pending.removeAll { $0.finishAt <= now }
    for p in due {
      guard var d = deployments[p.deploymentId], d["status"]?.stringValue == "running" else { continue }
      d["status"] = .string(p.outcome)
      d["finishedAt"] = .string(Support.iso(p.finishAt))
      if let m = p.errorMessage { d["errorMessage"] = .string(m) }
      deployments[p.deploymentId] = d
      // A newer deploy of the same service still running keeps the service `running`.
      if pending.contains(where: { $0.serviceId == p.serviceId }) { continue }
      let statusKey = p.service == "compose" ? "composeStatus" : "applicationStatus"
      if p.service == "compose" {
        if var c = compose[p.serviceId], c[statusKey]?.stringValue == "running" {
          c[statusKey] = .string(p.outcome)
          compose[p.serviceId] = c
        }
      } else if var a = applications[p.serviceId], a[statusKey]?.stringValue == "running" {
        a[statusKey] = .string(p.outcome)
        applications[p.serviceId] = a
      }
    }
  }

  /// The running deployment ids of a service.
  func runningDeployments(service: String, id: String) -> [String] {
    pending.filter { $0.service == service && $0.serviceId == id }.map(\.deploymentId)
  }

  /// Deployments of a service (by `applicationId` or `composeId`), newest first.
  func deploymentsOf(_ key: String, _ id: String) -> [JSONObject] {
    deployments.filter(key, id).reversed()
  }

  /// Keeps only the newest ``deploymentsKept`` deployments of a service.
  mutating func pruneDeployments(_ key: String, _ id: String) {
    let list = deployments.filter(key, id)
    guard list.count > Self.deploymentsKept else { return }
    removeDeployments(Set(list.prefix(list.count - Self.deploymentsKept).compactMap { $0.str("deploymentId") }))
  }

  /// Removes deployments and their pending completions.
  mutating func removeDeployments(_ ids: Set<String>) {
    deployments.remove(ids: ids)
    pending.removeAll { ids.contains($0.deploymentId) }
  }

  /// Removes what belongs to a service (`applicationId` or `composeId` = `id`): its
  /// deployments and domains.
  mutating func removeDependents(of key: String, _ id: String) {
    removeDeployments(Set(deployments.filter(key, id).compactMap { $0.str("deploymentId") }))
    domains.remove(ids: Set(domains.filter(key, id).compactMap { $0.str("domainId") }))
  }

  /// An environment with its project inside, as the `.one` replies show it.
  func environmentWithProject(_ id: String?) -> JSONObject? {
    guard var e = environments[id ?? ""] else { return nil }
    if let p = projects[e.str("projectId") ?? ""] { e["project"] = .object(p) }
    return e
  }

  // MARK: Persistence

  /// The whole state as one JSON document (the state file's content).
  var json: JSON {
    var dbs = JSONObject()
    for k in DatabaseKind.allCases { dbs[k.rawValue] = databases[k]?.json ?? [] }
    return [
      "version": 1, "organizationId": .string(organizationId), "userId": .string(userId),
      "createdAt": .string(createdAt), "projects": projects.json, "environments": environments.json,
      "applications": applications.json, "compose": compose.json, "domains": domains.json,
      "deployments": deployments.json, "databases": .object(dbs), "pending": .array(pending.map(\.json)),
    ]
  }

  /// Restores a state file's content; `deploySeconds` comes from the current options.
  init(json: JSON, deploySeconds: Double) {
    self.deploySeconds = deploySeconds
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
  }
}
