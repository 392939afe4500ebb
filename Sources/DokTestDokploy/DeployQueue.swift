import DokCore
import Foundation
import Synchronization

/// The deploy queue of ``QueueingDokploy``, as a real Dokploy runs it: deploy calls only add a
/// job; one worker takes one job at a time after `queueDelay`; only then is the deployment row
/// created (status `running`, a `logPath`, title, description `""`) and the service's status
/// set to `running`; the build writes its log file line by line and ends in `done`, or `error`
/// when the image contains `fail` (never filling `errorMessage`); a service keeps 11 rows,
/// newest first.
final class DeployQueue: Sendable {
  struct Service: Sendable {
    var id: String
    var kind: String
    var name: String
    var appName: String
    var image: String
    var status = "idle"
    /// Newest first.
    var deployments: [JSON] = []
    /// Seconds a build of this service takes (nil: the server's default).
    var buildSeconds: Double?
  }

  struct Job: Sendable {
    var id: Int
    var serviceId: String
    var title: String
    var description: String
    /// Milliseconds since 1970 when it was queued, and when the worker took it.
    var timestamp: Double
    var processedOn: Double?
  }

  struct State: Sendable {
    var services: [String: Service] = [:]
    var queue: [Job] = []
    /// The job the worker is building.
    var active: Job?
    var counter = 0
    /// Deployment ids in creation order (for tests).
    var created: [String] = []
  }

  let state = Mutex(State())
  let options: QueueingDokploy.Options
  let logDirectory: String
  static let keptDeployments = 11

  init(options: QueueingDokploy.Options, logDirectory: String) {
    self.options = options
    self.logDirectory = logDirectory
  }

  func nextId(_ prefix: String) -> String {
    state.withLock { s in
      s.counter += 1
      return "\(prefix)\(s.counter)"
    }
  }

  func add(kind: String, name: String, image: String) -> String {
    let id = nextId(kind.prefix(3) + "-")
    let appName = "\(kind)-\(name)-\(id)"
    state.withLock { $0.services[id] = Service(id: id, kind: kind, name: name, appName: appName, image: image) }
    return id
  }

  func enqueue(_ serviceId: String, title: String?, description: String?) -> Bool {
    state.withLock { s in
      guard s.services[serviceId] != nil else { return false }
      s.counter += 1
      s.queue.append(
        Job(
          id: s.counter, serviceId: serviceId, title: title ?? "Manual deployment", description: description ?? "",
          timestamp: Date().timeIntervalSince1970 * 1000))
      return true
    }
  }

  func service(_ id: String) -> Service? { state.withLock { $0.services[id] } }

  /// The service row as `<kind>.one` shows it.
  func row(_ id: String) -> JSON? {
    guard let s = service(id) else { return nil }
    var o = JSONObject()
    o["\(s.kind)Id"] = .string(s.id)
    o["name"] = .string(s.name)
    o["appName"] = .string(s.appName)
    o["dockerImage"] = .string(s.image)
    o[s.kind == "compose" ? "composeStatus" : "applicationStatus"] = .string(s.status)
    if s.kind != "compose" { o["applicationStatus"] = .string(s.status) }
    o["deployments"] = .array(s.deployments)
    return .object(o)
  }

  /// The worker: one job at a time, each after the queue delay. Runs until cancelled.
  func work() async {
    while !Task.isCancelled {
      let job: Job? = state.withLock { s in s.queue.isEmpty ? nil : s.queue.first }
      guard let job else {
        try? await Task.sleep(for: .milliseconds(5))
        continue
      }
      try? await Task.sleep(for: .seconds(options.queueDelay))
      state.withLock { s in
        s.active = s.queue.removeFirst()
        s.active?.processedOn = Date().timeIntervalSince1970 * 1000
      }
      await build(job)
      state.withLock { $0.active = nil }
    }
  }

  /// `deployment.queueList`: the running job and the waiting ones, newest first, each with the
  /// router's job data (`<kind>Id`, `titleLog`, `descriptionLog`); finished jobs are gone.
  func queueList() -> JSON {
    state.withLock { s in
      let jobs = (s.active.map { [$0] } ?? []) + s.queue
      return .array(
        jobs.reversed().map { job in
          let kind = s.services[job.serviceId]?.kind ?? "application"
          var data = JSONObject()
          data["\(kind)Id"] = .string(job.serviceId)
          data["titleLog"] = .string(job.title)
          data["descriptionLog"] = .string(job.description)
          data["type"] = "deploy"
          data["applicationType"] = .string(kind == "previewDeployment" ? "application-preview" : kind)
          var o = JSONObject()
          o["id"] = .string(String(job.id))
          o["name"] = "deployments"
          o["data"] = .object(data)
          o["timestamp"] = .number(job.timestamp)
          o["processedOn"] = job.processedOn.map { .number($0) } ?? .null
          o["state"] = job.processedOn == nil ? "waiting" : "active"
          return .object(o)
        })
    }
  }

  private func build(_ job: Job) async {
    let deploymentId = nextId("dep-")
    guard let svc = service(job.serviceId) else { return }
    let logPath = "\(logDirectory)/\(svc.appName)-\(deploymentId).log"
    FileManager.default.createFile(atPath: logPath, contents: nil)
    var row = JSONObject()
    row["deploymentId"] = .string(deploymentId)
    row["title"] = .string(job.title)
    row["description"] = .string(job.description)
    row["status"] = .string("running")
    row["logPath"] = .string(logPath)
    row["\(svc.kind)Id"] = .string(svc.id)
    row["errorMessage"] = .null
    row["createdAt"] = .string(ISO8601DateFormatter().string(from: Date()))
    state.withLock { s in
      s.services[svc.id]?.status = "running"
      s.services[svc.id]?.deployments.insert(.object(row), at: 0)
      if let n = s.services[svc.id]?.deployments.count, n > Self.keptDeployments {
        s.services[svc.id]?.deployments.removeLast(n - Self.keptDeployments)
      }
      s.created.append(deploymentId)
    }
    let fails = svc.image.contains("fail")
    var lines = [
      "Initializing deployment \(deploymentId): \(job.title)", "Pulling image \(svc.image)", "Creating service \(svc.appName)",
    ]
    lines.append(fails ? "ERROR: pull access denied for \(svc.image): manifest unknown" : "Service \(svc.appName) started: done")
    let seconds = svc.buildSeconds ?? options.buildSeconds
    let pause = seconds / Double(lines.count)
    let handle = FileHandle(forWritingAtPath: logPath)
    for line in lines {
      try? await Task.sleep(for: .seconds(pause))
      handle?.seekToEndOfFile()
      handle?.write(Data((line + "\n").utf8))
      try? handle?.synchronize()
    }
    try? handle?.close()
    let final = fails ? "error" : "done"
    state.withLock { s in
      s.services[svc.id]?.status = final
      if let i = s.services[svc.id]?.deployments.firstIndex(where: { $0["deploymentId"]?.stringValue == deploymentId }) {
        var r = s.services[svc.id]!.deployments[i].objectValue!
        r["status"] = .string(final)
        r["finishedAt"] = .string(ISO8601DateFormatter().string(from: Date()))
        s.services[svc.id]!.deployments[i] = .object(r)
      }
    }
  }

  /// A database deploy runs inside the request and returns the row as read before the update,
  /// and whether it failed (the status is then `error` and the server answers 500).
  func deployDatabase(_ id: String) async -> (JSON, Bool)? {
    guard let before = row(id), let svc = service(id) else { return nil }
    state.withLock { $0.services[id]?.status = "running" }
    try? await Task.sleep(for: .seconds(svc.buildSeconds ?? options.buildSeconds))
    let failed = svc.image.contains("fail")
    state.withLock { $0.services[id]?.status = failed ? "error" : "done" }
    return (before, failed)
  }

  /// The service whose container (`<appName>-container`) this is.
  func appName(ofContainer containerId: String) -> String? {
    state.withLock { s in s.services.values.first { $0.appName + "-container" == containerId }?.appName }
  }

  func deploymentRows(_ serviceId: String) -> [JSON] { service(serviceId)?.deployments ?? [] }

  func logPath(of deploymentId: String) -> String? {
    state.withLock { s in
      for svc in s.services.values {
        if let r = svc.deployments.first(where: { $0["deploymentId"]?.stringValue == deploymentId }) {
          return r["logPath"]?.stringValue
        }
      }
      return nil
    }
  }
}
