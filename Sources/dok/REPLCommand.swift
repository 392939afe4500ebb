import ArgumentParser
import DokClient
import DokCore
import DokLive
import DokREPL
import DokRuntime
import DokScript
import Synchronization

/// `dok repl` (the default): the interactive REPL; plain line reading when stdin is not a terminal.
struct REPLCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repl", abstract: "The interactive shell (the default when no command is given).")

  @OptionGroup var connection: ConnectionOptions
  @OptionGroup var server: ServerOptions
  @OptionGroup var specOptions: SpecOptions

  @Flag(name: .long, help: "Mask secret-looking fields (password, token, …) on screen too.")
  var redact = false

  func run() async throws {
    // Input that is not a terminal is a runbook: `dok < FILE` is exactly `dok run -` (checked
    // first, stops at the first failure, locations `<stdin>:LINE:COL`).
    if !Platform.isTerminal(0) {
      var runbook = try RunCommand.parse(["-"])
      runbook.connection = connection
      runbook.server = server
      runbook.specOptions = specOptions
      try await runbook.run()
      return
    }
    let context = try await server.open(connection, spec: specOptions, deferSpecCheck: true)
    try await REPLLauncher.run(context: context, validate: !connection.noValidate, redact: redact)
  }
}

/// Starts the interactive REPL.
enum REPLLauncher {
  static func run(context: ServerContext, validate: Bool, redact: Bool) async throws {
    let interactive = Platform.isInteractive
    let policy = SecretPolicy.fromEnvironment(apiKey: context.session.connection.apiKey)
    let color = interactive && Terminal.standardOutput.useColor
    let client = context.session
    // With --redact, replies teach the policy their secret values, so `print` masks them too.
    // At a terminal, destructive calls ask first (the REPL gives the question its line editor).
    let confirmation = interactive ? DestructiveConfirmation() : nil
    let caller: any ProcedureCaller =
      confirmation.map { ConfirmingCaller(base: client, catalog: context.catalog, confirmation: $0) } ?? client
    let host = DokScriptHost(catalog: context.catalog, caller: caller, validate: validate, secrets: redact ? policy : nil)
    let session = Interpreter(host: host, options: ScriptOptions(validate: validate))
    var env = REPLEnvironment(
      promptName: context.promptName, serverDescription: context.serverDescription, catalog: context.catalog, policy: policy,
      color: color)
    env.redact = redact
    env.confirmation = confirmation
    env.isSandbox = context.isSandbox
    env.reporter = DokMain.reporter
    env.usePager = interactive
    env.version = DokVersion.current
    env.lastCurl = { client.lastRequest.map { $0.curlCommand(insecure: client.connection.insecure) } }
    env.setTransport = { name in
      guard let form = WireForm(rawValue: name) else {
        return "transport is one of \(WireForm.allCases.map(\.rawValue).joined(separator: ", "))"
      }
      client.wireForm = form
      return nil
    }
    env.refreshSpec = { await context.refreshCatalog() }
    // The cached document was trusted at start; its version is checked in the background and a
    // changed document is taken up at the next prompt.
    let update = DocumentUpdateSlot()
    let check = Task { if let u = await context.checkDocumentIfDue() { update.put(u) } }
    env.takeDocumentUpdate = { update.take().map { ($0.catalog, $0.note) } }
    let replEnvironment = env
    // Between entries a Ctrl-C does nothing (at the prompt it clears the line; an entry that
    // runs installs its own handler, which cancels it).
    let previous = InterruptMonitor.shared.swapInterruptHandler {}
    defer { _ = InterruptMonitor.shared.swapInterruptHandler(previous) }
    let editorBox = Box<LibEditLineEditor?>(nil)
    let code: Int32 = await withCheckedContinuation { continuation in
      // The loop blocks on terminal reads: it runs on its own thread, not in the task pool.
      Platform.startThread {
        let repl: REPL
        if interactive {
          let history = XDGPaths.fromEnvironment().state + "/history"
          var replRef: REPL?
          let editor = LibEditLineEditor(historyPath: history, interrupts: InterruptMonitor.shared) { line, cursor in
            replRef?.complete(line: line, cursor: cursor) ?? CompletionResult(wordStart: 0, word: "", candidates: [])
          }
          editorBox.value = editor
          InterruptMonitor.shared.setTerminationHandler {
            editorBox.value?.restoreTerminal()
            editorBox.value?.saveHistory()
          }
          repl = REPL(editor: editor, session: session, environment: replEnvironment)
          replRef = repl
        } else {
          repl = REPL(editor: PlainLineEditor(), session: session, environment: replEnvironment)
        }
        // The startup file: `:set` lines and definitions, so settings persist.
        let startup = XDGPaths.fromEnvironment().config + "/init.dok"
        if FileIO.exists(startup) {
          switch ScriptRunner.readSource(startup) {
          case .success(let text): repl.runStartup(text, file: startup)
          case .failure(let d): DokMain.reporter.report([d])
          }
        }
        let code = repl.run()
        editorBox.value = nil
        continuation.resume(returning: code)
      }
    }
    check.cancel()
    await context.close()
    if code != ExitStatus.success.code { throw DokExit(code: code) }
  }
}

/// Hands a document found by the background check to the REPL thread, once.
final class DocumentUpdateSlot: Sendable {
  private let slot = Mutex<SpecProvider.Update?>(nil)
  func put(_ u: SpecProvider.Update) { slot.withLock { $0 = u } }
  func take() -> SpecProvider.Update? {
    slot.withLock { u in
      defer { u = nil }; return u
    }
  }
}
