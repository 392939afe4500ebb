import DokClient
import DokCore
import DokLive
import DokRuntime
import DokScript
import DokSpec
import DokTestDokploy
// Every file of these tests sees DokTestSupport's `withTeardown`, as when it was defined here.
@_exported import DokTestSupport
import Foundation
import Synchronization

/// Captures a run's output and every event of a followed deploy.
final class DeployCapturingSink: ScriptSink, @unchecked Sendable {
  private let lock = Mutex<(lines: [String], logs: [String], notes: [String], phases: [DeployPhase])>(([], [], [], []))
  var lines: [String] { lock.withLock { $0.lines } }
  var output: String { lines.joined(separator: "\n") }
  var logs: [String] { lock.withLock { $0.logs } }
  var notes: [String] { lock.withLock { $0.notes } }
  var phases: [DeployPhase] { lock.withLock { $0.phases } }
  func print(_ line: String) { lock.withLock { $0.lines.append(line) } }
  func trace(_ event: TraceEvent) { lock.withLock { $0.lines.append("TRACE " + event.line) } }
  func diagnostic(_ d: Diagnostic) { lock.withLock { $0.lines.append("DIAG " + d.message) } }
  func deploy(_ event: DeployEvent) {
    lock.withLock { s in
      switch event {
      case .log(let l): s.logs.append(l)
      case .note(let n): s.notes.append(n)
      case .progress(let p): if s.phases.last != p.phase { s.phases.append(p.phase) }
      }
    }
  }
}

/// A ``QueueingDokploy`` and runs of scripts against it over real HTTP (and its WebSocket).
struct QueueHarness {
  let server: QueueingDokploy
  let session: DokSession
  let catalog: Catalog

  /// `readLogsInDocument: false` loads a document without `deployment.readLogs`; `socket: false`
  /// gives the tracker no connection to open `/listen-deployment` with.
  static func start(
    _ options: QueueingDokploy.Options = QueueingDokploy.Options(), readLogsInDocument: Bool = true,
    requestTimeout: Double = Connection.defaultTimeout
  ) async throws -> QueueHarness {
    let server = try await QueueingDokploy.start(options)
    let catalog = try SpecLoader.catalog(
      from: QueueingDokploy.document(readLogs: readLogsInDocument, queueList: options.queueList))
    let connection = Connection(baseURL: server.url + "/api", apiKey: options.apiKey, timeout: requestTimeout)
    let session = DokSession(connection: connection, catalog: catalog, retry: RetryPolicy(maxRetries: 0))
    return QueueHarness(server: server, session: session, catalog: catalog)
  }

  func run(_ source: String, trace: Bool = false, variables: [String: JSON] = [:]) async -> (
    code: Int32, sink: DeployCapturingSink, diagnostics: [Diagnostic]
  ) {
    let host = DokScriptHost(catalog: catalog, caller: session)
    let sink = DeployCapturingSink()
    let session = Interpreter(host: host, sink: sink, options: ScriptOptions(trace: trace))
    for (k, v) in variables { session.setVariable(k, v) }
    let outcome = await session.execute(source: source, file: "deploy.dok")
    return (outcome.exitCode, sink, outcome.diagnostics)
  }

  /// Everything a diagnostic says, on one string.
  static func text(_ ds: [Diagnostic]) -> String {
    ds.map { ([$0.message] + $0.notes).joined(separator: "\n") }.joined(separator: "\n")
  }

  func stop() async {
    await session.shutdown()
    await server.stop()
  }
}
