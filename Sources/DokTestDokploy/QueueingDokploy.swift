import DokCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// A test server on 127.0.0.1 that queues deploys the way a real Dokploy does (see
/// ``DeployQueue``) and serves what following them needs over the real wire: `application.*`,
/// `compose.*` deploy/redeploy/one, the databases' (`postgres` … `libsql`) deploy/one/readLogs,
/// `deployment.all`, `deployment.allByCompose`, `deployment.queueList`, `deployment.readLogs`,
/// `application.readLogs`, and the `/listen-deployment` and `/docker-container-logs` WebSockets
/// (``ListenDeploymentRoute``). Every request is counted.
public final class QueueingDokploy: Sendable {
  /// How the server behaves.
  public struct Options: Sendable {
    /// Seconds the worker waits before taking a job (the queue is visible meanwhile).
    public var queueDelay = 0.3
    /// Seconds a build takes (its log lines are spread over it).
    public var buildSeconds = 0.4
    /// The key every request needs in `x-api-key`.
    public var apiKey = "queueing-test-key"
    /// Serve `deployment.readLogs` (and list it in the document).
    public var readLogs = true
    /// Serve `deployment.queueList` (and list it in the document).
    public var queueList = true
    /// Serve the `/listen-deployment` WebSocket.
    public var webSocket = true
    /// Accept `/listen-deployment` but never send anything (a proxy that holds the stream).
    public var silentSocket = false
    /// List each service's container in `docker.getContainersByAppNameMatch` (false: none, as
    /// for a service that is not running or a lookup that cannot see it).
    public var containers = true
    public init() {}
  }

  /// `http://127.0.0.1:PORT`.
  public let url: String
  public let options: Options
  let queue: DeployQueue
  private let counts = Mutex<[String: Int]>([:])
  private let task: Task<Void, Error>
  private let worker: Task<Void, Never>
  let logDirectory: String

  private init(
    url: String, options: Options, queue: DeployQueue, task: Task<Void, Error>, worker: Task<Void, Never>, logDirectory: String
  ) {
    self.url = url
    self.options = options
    self.queue = queue
    self.task = task
    self.worker = worker
    self.logDirectory = logDirectory
  }

  /// Starts the server and its worker on a free port.
  public static func start(_ options: Options = Options()) async throws -> QueueingDokploy {
    let dir = NSTemporaryDirectory() + "dok-queueing-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let logDirectory = URL(fileURLWithPath: dir).standardizedFileURL.path
    let queue = DeployQueue(options: options, logDirectory: logDirectory)
    let box = Mutex<QueueingDokploy?>(nil)
    let router = Router(context: BasicWebSocketRequestContext.self)
    if options.silentSocket {
      router.ws("/listen-deployment") { inbound, _, _ in for try await _ in inbound {} }
    } else if options.webSocket {
      ListenDeploymentRoute(apiKey: options.apiKey, logRoot: logDirectory).register(on: router)
    }
    if options.webSocket {
      let key = options.apiKey
      // `docker container logs --tail N --follow`: the last lines, then a new line every 50ms.
      router.ws("/docker-container-logs") { inbound, outbound, context in
        guard context.request.headers[HTTPField.Name("x-api-key")!] == key,
          let containerId = context.request.uri.queryParameters.get("containerId"),
          let appName = queue.appName(ofContainer: containerId)
        else {
          try await outbound.close(.unknown(4000), reason: "Invalid container")
          return
        }
        let tail = Int(context.request.uri.queryParameters.get("tail") ?? "100") ?? 100
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask { for try await _ in inbound {} }
          group.addTask {
            try await outbound.write(.text(QueueingDokploy.containerLog(appName).suffix(tail).joined(separator: "\n") + "\n"))
            var n = 0
            while true {
              try await Task.sleep(for: .milliseconds(50))
              n += 1
              try await outbound.write(.text("\(appName) live line \(n)\n"))
            }
          }
          _ = try await group.next()
          group.cancelAll()
        }
      }
    }
    router.on("/api/{name}", method: .get) { request, context in
      try await box.withLock { $0 }!.respond(request, name: context.parameters.get("name") ?? "", isGet: true)
    }
    router.on("/api/{name}", method: .post) { request, context in
      try await box.withLock { $0 }!.respond(request, name: context.parameters.get("name") ?? "", isGet: false)
    }
    var logger = Logger(label: "dok.queueing-test-server")
    logger.logLevel = .critical
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let app = Application(
      router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
      configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: nil),
      onServerRunning: { channel in
        continuation.yield(channel.localAddress?.port ?? 0)
        continuation.finish()
      }, logger: logger)
    let task = Task {
      defer { continuation.finish() }
      try await app.run()
    }
    var port = 0
    for await p in ports {
      port = p
      break
    }
    let worker = Task { await queue.work() }
    let server = QueueingDokploy(
      url: "http://127.0.0.1:\(port)", options: options, queue: queue, task: task, worker: worker, logDirectory: logDirectory)
    box.withLock { $0 = server }
    return server
  }

  /// Stops serving and the worker, and removes the log files.
  public func stop() async {
    worker.cancel()
    task.cancel()
    _ = await task.result
    await worker.value
    try? FileManager.default.removeItem(atPath: logDirectory)
  }

  // MARK: Services

  /// Adds an application deploying `image` (an image containing `fail` fails its builds).
  public func addApplication(name: String = "web", image: String = "nginx:alpine") -> String {
    queue.add(kind: "application", name: name, image: image)
  }

  /// Adds a compose service.
  public func addCompose(name: String = "stack", image: String = "compose:ok") -> String {
    queue.add(kind: "compose", name: name, image: image)
  }

  /// Adds a preview deployment (of a pull request).
  public func addPreview(name: String = "pr-1", image: String = "preview:ok") -> String {
    queue.add(kind: "previewDeployment", name: name, image: image)
  }

  /// Adds a postgres database.
  public func addPostgres(name: String = "db", image: String = "postgres:18") -> String {
    queue.add(kind: "postgres", name: name, image: image)
  }

  /// Adds a database of `kind` (`postgres`, `mysql`, …, `libsql`; an image containing `fail` fails its deploys).
  public func addDatabase(_ kind: String, name: String = "db", image: String) -> String {
    queue.add(kind: kind, name: name, image: image)
  }

  /// Changes the image the next builds of `id` use.
  public func setImage(_ id: String, _ image: String) { queue.state.withLock { $0.services[id]?.image = image } }

  /// Makes every build of `id` take `seconds`.
  public func setBuildSeconds(_ id: String, _ seconds: Double) {
    queue.state.withLock { $0.services[id]?.buildSeconds = seconds }
  }

  /// Gives a service `count` finished deployments (as if it had been deployed that often);
  /// rows beyond the 11 a service keeps are pruned.
  public func seedDeployments(_ id: String, count: Int) {
    for _ in 0..<count {
      let depId = queue.nextId("old-")
      queue.state.withLock { s in
        let row: JSON = .object([
          "deploymentId": .string(depId), "title": "Manual deployment", "description": "", "status": "done", "logPath": "",
        ])
        s.services[id]?.deployments.insert(row, at: 0)
        if let n = s.services[id]?.deployments.count, n > DeployQueue.keptDeployments {
          s.services[id]?.deployments.removeLast(n - DeployQueue.keptDeployments)
        }
        s.services[id]?.status = "done"
      }
    }
  }

  /// The service's deployment rows, newest first.
  public func deployments(_ id: String) -> [JSON] { queue.deploymentRows(id) }

  /// How many deploys of `id` wait in the queue (not yet taken by the worker).
  public func waitingJobs(_ id: String) -> Int { queue.state.withLock { s in s.queue.filter { $0.serviceId == id }.count } }

  /// The service's status (`idle`, `running`, `done`, `error`).
  public func status(_ id: String) -> String { queue.service(id)?.status ?? "" }

  /// Appends a line to a deployment's log file (as a build would).
  public func appendLog(_ deploymentId: String, _ line: String) {
    guard let path = queue.logPath(of: deploymentId), let h = FileHandle(forWritingAtPath: path) else { return }
    h.seekToEndOfFile()
    h.write(Data((line + "\n").utf8))
    try? h.close()
  }

  /// How many requests a procedure (or `listen-deployment`) has received.
  public func requests(_ name: String) -> Int { counts.withLock { $0[name] ?? 0 } }

  func count(_ name: String) { counts.withLock { $0[name, default: 0] += 1 } }
}
