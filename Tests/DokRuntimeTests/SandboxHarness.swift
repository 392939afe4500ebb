import DokClient
import DokCore
import DokRuntime
import DokSandbox
import DokScript
import DokSpec
import DokTestSupport
import Foundation
import Synchronization

/// Collects a run's output for assertions.
final class CapturingSink: ScriptSink, @unchecked Sendable {
  private let lock = Mutex<[String]>([])
  var lines: [String] { lock.withLock { $0 } }
  var text: String { lines.joined(separator: "\n") }
  func print(_ line: String) { lock.withLock { $0.append(line) } }
  func trace(_ event: TraceEvent) { lock.withLock { $0.append("TRACE " + event.line) } }
  func diagnostic(_ d: Diagnostic) { lock.withLock { $0.append("DIAG " + d.message) } }
}

/// The client as the language's caller, without log streams (`DokLive` makes `DokSession` itself one, with them).
struct SessionCaller: ProcedureCaller {
  let session: DokSession
  func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await session.call(procedure: procedure, arguments: arguments)
  }
}

/// A sandbox started in-process with fast deploys, and runs of scripts against it.
struct SandboxHarness {
  let sandbox: Sandbox
  let session: DokSession
  let catalog: Catalog

  static func start(deploySeconds: Double = 0.2) async throws -> SandboxHarness {
    let sandbox = try await Sandbox.start(SandboxOptions(deploySeconds: deploySeconds))
    let catalog = try SpecLoader.catalog(from: sandbox.engine.openAPIDocument)
    let session = DokSession(connection: Connection(baseURL: sandbox.url + "/api", source: .flag), catalog: catalog)
    return SandboxHarness(sandbox: sandbox, session: session, catalog: catalog)
  }

  static let packageRoot = PackagePaths.root

  /// Runs a script file (relative to the package root) with `name=value` arguments.
  func run(file: String, arguments: [String] = []) async throws -> (code: Int32, output: String, diagnostics: [Diagnostic]) {
    let path = Self.packageRoot + "/" + file
    let source = try String(contentsOfFile: path, encoding: .utf8)
    return await run(source: source, file: path, arguments: arguments)
  }

  func run(source: String, file: String = "test.dok", arguments: [String] = []) async -> (
    code: Int32, output: String, diagnostics: [Diagnostic]
  ) {
    let host = DokScriptHost(catalog: catalog, caller: SessionCaller(session: session))
    let sink = CapturingSink()
    let session = Interpreter(host: host, sink: sink)
    if let d = session.setArguments(arguments) { return (2, "", [d]) }
    let outcome = await session.execute(source: source, file: file)
    return (outcome.exitCode, sink.text, outcome.diagnostics)
  }

  func stop() async {
    await session.shutdown()
    await sandbox.stop()
  }
}
