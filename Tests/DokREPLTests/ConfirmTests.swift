import DokCore
import DokRuntime
import DokScript
import DokSpec
import Synchronization
import Testing

@testable import DokREPL

/// Issue 23, part 4 at the prompt: a destructive call asks first, naming what it affects, and
/// sends nothing unless the answer is y or yes; `:set confirm off` and piped input never ask.
@Suite struct ConfirmTests {
  static let document = """
    {"openapi": "3.1.0", "info": {"title": "confirm", "version": "1.0.0"}, "paths": {
      "/project.one": {"get": {"operationId": "project-one", "tags": ["project"],
        "parameters": [{"in": "query", "name": "projectId", "schema": {"type": "string"}, "required": true}],
        "responses": {"200": {"description": "ok"}}}},
      "/project.remove": {"post": {"operationId": "project-remove", "tags": ["project"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "properties": {"projectId": {"type": "string"}}, "required": ["projectId"]}}}},
        "responses": {"200": {"description": "ok"}}}},
      "/project.create": {"post": {"operationId": "project-create", "tags": ["project"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {
          "type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}}}},
        "responses": {"200": {"description": "ok"}}}}
    }}
    """
  static let catalog = try! SpecLoader.load(Array(document.utf8), source: "confirm.json")

  /// A fake server: project p1 is 'shop' with 2 environments and 3 services; others are not found.
  static func server() -> FakeCaller {
    FakeCaller(catalog: catalog) { name, args throws(CallError) in
      let id = args.first { $0.name == "projectId" }.flatMap { a -> String? in
        if case .bare(let s) = a.value { return s }
        if case .value(.string(let s)) = a.value { return s }
        return nil
      }
      switch name {
      case "project.one" where id == "p1":
        return [
          "projectId": "p1", "name": "shop",
          "environments": [
            ["name": "production", "applications": [["applicationId": "a1"], ["applicationId": "a2"]], "postgres": []],
            ["name": "staging", "compose": [["composeId": "c1"]]],
          ],
        ]
      case "project.one":
        throw CallError(kind: .api, procedure: name, message: "Project not found", code: "NOT_FOUND", httpStatus: 404)
      case "project.remove", "project.create": return ["ok": true]
      default: throw CallError(kind: .api, message: "no such fake procedure \(name)")
      }
    }
  }

  /// A REPL over `reads` whose caller asks through a confirmation (as `dok` wires it).
  static func harness(_ reads: [LineRead], interactive: Bool = true) -> (ConfirmHarness, FakeCaller) {
    let server = server()
    return (ConfirmHarness(reads, catalog: catalog, server: server, interactive: interactive), server)
  }

  static let question = "remove project 'shop' (2 environments, 3 services)? [y/N] "

  @Test func noSendsNothingAndSaysCancelled() async {
    let (h, server) = Self.harness([.line("project.remove projectId=p1"), .line("n")])
    await h.run()
    #expect(h.editor.prompts.contains(Self.question), "\(h.editor.prompts)")
    #expect(server.calls.map(\.0) == ["project.one"])
    #expect(h.capture.err.contains("cancelled: project.remove was not sent"), "\(h.capture.err)")
    #expect(!h.editor.history.contains("n"), "the answer is not history")
  }

  @Test func yesSendsIt() async {
    for answer in ["y", "YES", " yes "] {
      let (h, server) = Self.harness([.line("project.remove projectId=p1"), .line(answer)])
      await h.run()
      #expect(h.editor.prompts.contains(Self.question))
      #expect(server.calls.map(\.0) == ["project.one", "project.remove"], "answer \(answer)")
    }
  }

  @Test func anythingElseAnEmptyLineCtrlCAndTheEndOfInputDecline() async {
    for answer: LineRead in [.line(""), .line("yep"), .line("no"), .interrupted, .endOfFile] {
      let (h, server) = Self.harness([.line("project.remove projectId=p1"), answer])
      await h.run()
      #expect(server.calls.map(\.0) == ["project.one"], "answer \(answer)")
      #expect(h.capture.err.contains("cancelled"), "\(h.capture.err)")
    }
  }

  @Test func setConfirmOffSkipsTheQuestionAndOnBringsItBack() async {
    let (h, server) = Self.harness([
      .line(":set confirm off"), .line("project.remove projectId=p1"), .line(":set confirm on"),
      .line("project.remove projectId=p1"), .line("n"),
    ])
    await h.run()
    #expect(server.calls.map(\.0) == ["project.remove", "project.one"])
    #expect(h.editor.prompts.filter { $0 == Self.question }.count == 1, "\(h.editor.prompts)")
  }

  @Test func pipedInputNeverAsks() async {
    let (h, server) = Self.harness([.line("project.remove projectId=p1")], interactive: false)
    #expect(await h.run() == ExitStatus.success.code)
    #expect(server.calls.map(\.0) == ["project.remove"])
    #expect(!h.editor.prompts.contains { $0.contains("[y/N]") })
  }

  @Test func aTargetThatCannotBeReadIsNamedByItsId() async {
    let (h, server) = Self.harness([.line("project.remove projectId=p9"), .line("n")])
    await h.run()
    let asked = h.editor.prompts.first { $0.hasSuffix("[y/N] ") } ?? ""
    #expect(asked.hasPrefix("project.remove projectId=p9 (project.one could not read it: Project not found)?"), "\(asked)")
    #expect(server.calls.map(\.0) == ["project.one"])
  }

  @Test func aCallThatTakesNothingAwayDoesNotAsk() async {
    let (h, server) = Self.harness([.line("project.create name=x"), .line("project.one projectId=p1")])
    await h.run()
    #expect(server.calls.map(\.0) == ["project.create", "project.one"])
    #expect(!h.editor.prompts.contains { $0.contains("[y/N]") })
  }
}

/// A REPL over a scripted editor whose caller is a ``ConfirmingCaller`` in front of a fake
/// server, wired as `dok` wires it (the environment holds the confirmation).
final class ConfirmHarness: @unchecked Sendable {
  let editor: ScriptedLineEditor
  let capture = Capture()
  let repl: REPL

  init(_ reads: [LineRead], catalog: Catalog, server: FakeCaller, interactive: Bool) {
    editor = ScriptedLineEditor(reads, interactive: interactive)
    let confirmation = DestructiveConfirmation()
    let caller = ConfirmingCaller(base: server, catalog: catalog, confirmation: confirmation)
    let policy = SecretPolicy(apiKey: "k-secret")
    let session = Interpreter(host: DokScriptHost(catalog: catalog, caller: caller, secrets: policy))
    var env = REPLEnvironment(
      promptName: "test", serverDescription: "a fake server", catalog: catalog, policy: policy, color: false)
    env.writer = capture.writer
    env.confirmation = confirmation
    repl = REPL(editor: editor, session: session, environment: env)
  }

  /// Runs the REPL to the end of its script on its own thread (bounded).
  @discardableResult
  func run(seconds: Double = 20) async -> Int32 {
    let repl = self.repl
    let result = Mutex<Int32?>(nil)
    Platform.startThread { result.withLock { $0 = repl.run() } }
    let deadline = ContinuousClock.now + .seconds(seconds)
    while result.withLock({ $0 }) == nil, ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(5))
    }
    return result.withLock { $0 } ?? -1
  }
}
