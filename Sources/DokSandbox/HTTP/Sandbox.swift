import DokCore
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// How to run a sandbox.
public struct SandboxOptions: Sendable {
  /// Interface to bind; the sandbox is meant for loopback only.
  public var host: String
  /// TCP port; 0 lets the OS choose a free one.
  public var port: Int
  /// When set, every request needs the header `x-api-key: <apiKey>`.
  public var apiKey: String?
  /// How long a deploy stays `running` before it becomes `done` or `error` (fractions allowed).
  public var deploySeconds: Double
  /// How long a queued deploy waits before the worker takes it (a real server's queue and
  /// worker take about this long), so a status read right after a deploy call shows the old one.
  public var queueDelay: Double
  /// A JSON state file loaded at start and rewritten atomically after each mutation.
  public var statePath: String?
  /// Seconds a client may take to send a request body (a half-sent request then gets 408),
  /// and that an idle connection is kept.
  public var readTimeout: Double = 30
  /// Seeds the sandbox's random choices (ids, app names…), so that the same calls make the same
  /// ones on every run; nil draws from the system's generator.
  public var seed: UInt64?
  /// The sandbox's clock (seconds since the Unix epoch): the wall clock unless a test gives another.
  public var clock: @Sendable () -> Double = { FileIO.unixTime() }

  /// Options with the in-process defaults: loopback, a free port, no key, 3-second deploys
  /// taken from the queue after 1 second, no state file.
  public init(
    host: String = "127.0.0.1", port: Int = 0, apiKey: String? = nil, deploySeconds: Double = 3,
    queueDelay: Double = 1, statePath: String? = nil
  ) {
    self.host = host
    self.port = port
    self.apiKey = apiKey
    self.deploySeconds = deploySeconds
    self.queueDelay = queueDelay
    self.statePath = statePath
  }
}

/// A running simulated Dokploy server.
///
/// ```swift
/// let sb = try await Sandbox.start(SandboxOptions(apiKey: "k"))
/// // talk to sb.url ("http://127.0.0.1:PORT")
/// await sb.stop()
/// ```
public final class Sandbox: Sendable {
  /// The base URL, `http://127.0.0.1:PORT` (the API is under `/api`).
  public let url: String
  /// The port actually bound.
  public let port: Int
  /// The API key clients must send, if any.
  public let apiKey: String?
  /// The engine behind the server (for in-process inspection).
  public let engine: SandboxEngine
  private let task: Task<Void, Error>

  private init(url: String, port: Int, apiKey: String?, engine: SandboxEngine, task: Task<Void, Error>) {
    self.url = url
    self.port = port
    self.apiKey = apiKey
    self.engine = engine
    self.task = task
  }

  /// A failure to start.
  public struct StartError: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Loads the state (if any), binds the port and starts serving; returns once it is listening.
  public static func start(_ options: SandboxOptions = SandboxOptions()) async throws -> Sandbox {
    let engine = try SandboxEngine(
      deploySeconds: options.deploySeconds, queueDelay: options.queueDelay, statePath: options.statePath,
      seed: options.seed, clock: options.clock)
    var logger = Logger(label: "dok.sandbox")
    logger.logLevel = .critical
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let idleMilliseconds = Int64(options.readTimeout * 2000) + 1000
    let app = Application(
      responder: SandboxResponder(engine: engine, apiKey: options.apiKey, readTimeout: options.readTimeout),
      // The idle timeout (connections silent mid-headers or between requests) outlasts the body timeout,
      // so a half-sent body gets its 408 before the connection is closed; a first head that never
      // ends is cut off after the same time (SandboxChildChannel).
      // Plain HTTP, plus the `/listen-deployment` build-log WebSocket a real Dokploy serves.
      server: HTTPServerBuilder { responder in
        SandboxChildChannel(
          inner: HTTP1WebSocketUpgradeChannel(
            responder: responder, configuration: .init(http1: .init(idleTimeout: .milliseconds(idleMilliseconds))),
            shouldUpgrade: { request, _, _ in
              ListenDeploymentSocket.shouldUpgrade(request, engine: engine, apiKey: options.apiKey)
            }),
          headTimeout: .milliseconds(idleMilliseconds))
      },
      configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
      onServerRunning: { channel in
        continuation.yield(channel.localAddress?.port ?? 0)
        continuation.finish()
      },
      logger: logger)
    let task = Task(executorPreference: SandboxExecutor.shared) {
      defer { continuation.finish() }
      try await app.run()
    }
    var bound: Int?
    for await p in ports {
      bound = p
      break
    }
    guard let port = bound, port > 0 else {
      task.cancel()
      if case .failure(let error) = await task.result { throw error }
      throw StartError(description: "the sandbox could not listen on \(options.host):\(options.port)")
    }
    let url = "http://\(options.host):\(port)"
    engine.setServerURL(url + "/api")
    return Sandbox(url: url, port: port, apiKey: options.apiKey, engine: engine, task: task)
  }

  /// Stops serving, waits until the port is closed, then compacts the state file (the snapshot
  /// rewritten, the journal emptied; a failure there leaves the journal, which still loads).
  public func stop() async {
    task.cancel()
    _ = await task.result
    try? engine.compactStateFile()
  }

  /// Waits until the server stops (after ``stop()`` or a fatal error).
  public func wait() async throws {
    do { try await task.value } catch is CancellationError {}
  }
}
