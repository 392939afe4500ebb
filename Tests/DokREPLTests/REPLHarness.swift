import DokCore
import DokRuntime
import DokScript
import DokSpec
import DokTestSupport
import Foundation
import Synchronization

@testable import DokREPL

/// Fixture files of this target and the real Dokploy document (the bundled copy).
enum REPLFixtures {
  static func path(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
  }

  /// A small document: project.create, application.create/one/deploy, user.login.
  static let catalog: Catalog = try! SpecLoader.load(FileIO.read(path("repl.json")), source: "repl.json")

  static let realCatalog: Catalog = try! SpecLoader.load(FileIO.read(PackagePaths.realDocument), source: "openapi.json")
}

/// Collects what the REPL writes.
final class Capture: Sendable {
  private let text = Mutex<(out: String, err: String)>(("", ""))
  var out: String { text.withLock { $0.out } }
  var err: String { text.withLock { $0.err } }
  var writer: REPLWriter {
    REPLWriter(out: { s in self.text.withLock { $0.out += s } }, err: { s in self.text.withLock { $0.err += s } })
  }
}

/// A procedure caller backed by a closure; records every call.
final class FakeCaller: ProcedureCaller, Sendable {
  typealias Body = @Sendable (String, [CallArgument]) throws(CallError) -> JSON
  private let body: Body
  private let log = Mutex<[(String, [CallArgument])]>([])
  /// The document the arguments are bound with.
  private let catalog: Catalog

  init(catalog: Catalog = REPLFixtures.catalog, _ body: @escaping Body) {
    self.catalog = catalog
    self.body = body
  }

  /// A small fake Dokploy: creates return fresh ids numbered per kind.
  static func dokploy() -> FakeCaller {
    let counter = Mutex(0)
    return FakeCaller { name, args throws(CallError) in
      let n = counter.withLock { c -> Int in
        c += 1
        return c
      }
      func arg(_ key: String) -> String {
        for a in args where a.name == key {
          switch a.value {
          case .value(.string(let s)), .bare(let s): return s
          default: return "?"
          }
        }
        return ""
      }
      switch name {
      case "project.create":
        return [
          "project": ["projectId": .string("p\(n)"), "name": .string(arg("name"))],
          "environment": ["environmentId": .string("e\(n)")],
        ]
      case "application.create":
        return ["applicationId": .string("a\(n)"), "name": .string(arg("name")), "applicationStatus": "idle"]
      case "application.one":
        return ["applicationId": .string(arg("applicationId")), "applicationStatus": "done"]
      case "application.deploy":
        return .bool(true)
      case "user.login":
        return ["token": "tok-secret"]
      default:
        throw CallError(kind: .api, message: "no such fake procedure \(name)")
      }
    }
  }

  var calls: [(String, [CallArgument])] { log.withLock { $0 } }

  /// The bound inputs of the calls, as the client would send them.
  var inputs: [JSONObject] { bound.withLock { $0 } }
  private let bound = Mutex<[JSONObject]>([])

  /// Binds the arguments like the client does (types, files), then answers from the body.
  func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    if let proc = catalog.procedure(named: procedure) {
      let input = try ArgumentBinder().bind(arguments, to: proc)
      bound.withLock { $0.append(input) }
    }
    log.withLock { $0.append((procedure, arguments)) }
    return try body(procedure, arguments)
  }
}

/// A REPL over a scripted line editor, a fake caller and a capture; `run` drives it on its own
/// thread (as `dok` does) and returns the exit code.
final class REPLHarness: @unchecked Sendable {
  let editor: ScriptedLineEditor
  let capture = Capture()
  let caller: FakeCaller
  let session: Interpreter
  let repl: REPL

  init(
    _ reads: [LineRead], catalog: Catalog = REPLFixtures.catalog, caller: FakeCaller = .dokploy(), interactive: Bool = true,
    configure: (inout REPLEnvironment) -> Void = { _ in }
  ) {
    editor = ScriptedLineEditor(reads, interactive: interactive)
    self.caller = caller
    let policy = SecretPolicy(apiKey: "k-secret")
    let host = DokScriptHost(catalog: catalog, caller: caller, secrets: policy)
    session = Interpreter(host: host)
    var env = REPLEnvironment(
      promptName: "test", serverDescription: "a fake server", catalog: catalog, policy: policy, color: false)
    env.writer = capture.writer
    configure(&env)
    repl = REPL(editor: editor, session: session, environment: env)
  }

  convenience init(lines: [String], interactive: Bool = true, configure: (inout REPLEnvironment) -> Void = { _ in }) {
    self.init(lines.map { .line($0) }, interactive: interactive, configure: configure)
  }

  /// Runs the REPL to the end of its script (bounded: fails the wait after `seconds`).
  @discardableResult
  func run(seconds: Double = 20) async -> Int32 {
    let repl = self.repl
    let result = Mutex<Int32?>(nil)
    DetachedThread.start {
      let code = repl.run()
      result.withLock { $0 = code }
    }
    let deadline = Date().addingTimeInterval(seconds)
    while result.withLock({ $0 }) == nil, Date() < deadline {
      try? await Task.sleep(for: .milliseconds(5))
    }
    return result.withLock { $0 } ?? -1
  }
}

/// A temporary directory removed at deinit.
final class TempDir {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "dok-repl-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  func file(_ name: String) -> String { path + "/" + name }
}
