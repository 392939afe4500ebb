import DokClient
import DokCore
import DokREPL
import DokRuntime
import DokScript

#if canImport(Glibc)
  import Glibc
#endif

import ArgumentParser

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
    if isatty(0) != 1 {
      var runbook = try RunCommand.parse(["-"])
      runbook.connection = connection
      runbook.server = server
      runbook.specOptions = specOptions
      try await runbook.run()
      return
    }
    let context = try await server.open(connection, spec: specOptions)
    try await REPLLauncher.run(context: context, validate: !connection.noValidate, redact: redact)
  }
}

/// Starts the interactive REPL.
enum REPLLauncher {
  static func run(context: ServerContext, validate: Bool, redact: Bool) async throws {
    let interactive = isatty(0) == 1 && isatty(1) == 1
    let policy = SecretPolicy.fromEnvironment(apiKey: context.session.connection.apiKey)
    let color = interactive && Terminal.standardOutput.useColor
    let client = context.session
    // With --redact, replies teach the policy their secret values, so `print` masks them too.
    let host = DokScriptHost(catalog: context.catalog, caller: client, validate: validate, secrets: redact ? policy : nil)
    let session = Session(host: host, options: ScriptOptions(validate: validate))
    var env = REPLEnvironment(
      promptName: context.promptName, serverDescription: context.serverDescription, catalog: context.catalog, policy: policy,
      color: color)
    env.redact = redact
    env.usePager = interactive
    env.version = DokVersion.current
    env.lastCurl = { client.lastRequest.map { CurlRenderer.render($0, insecure: client.connection.insecure) } }
    env.setTransport = { name in
      guard let form = WireForm(rawValue: name) else {
        return "transport is one of \(WireForm.allCases.map(\.rawValue).joined(separator: ", "))"
      }
      client.wireForm = form
      return nil
    }
    env.refreshSpec = { await context.refreshCatalog() }
    let replEnvironment = env
    InterruptMonitor.shared.install()
    let editorBox = EditorBox()
    let code: Int32 = await withCheckedContinuation { continuation in
      // The loop blocks on terminal reads: it runs on its own thread, not in the task pool.
      DetachedThread.start {
        let repl: REPL
        if interactive {
          let history = XDGPaths.fromEnvironment().state + "/history"
          var replRef: REPL?
          let editor = LibEditLineEditor(historyPath: history, interrupts: InterruptMonitor.shared) { line, cursor in
            replRef?.complete(line: line, cursor: cursor) ?? CompletionResult(wordStart: 0, word: "", candidates: [])
          }
          editorBox.editor = editor
          InterruptMonitor.shared.setTerminationHandler {
            editorBox.editor?.restoreTerminal()
            editorBox.editor?.saveHistory()
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
          case .failure(let d): Output.stderr(DiagnosticRenderer().render(d) + "\n")
          }
        }
        let code = repl.run()
        editorBox.editor = nil
        continuation.resume(returning: code)
      }
    }
    await context.close()
    if code != 0 { throw DokExit(code) }
  }
}

final class EditorBox: @unchecked Sendable {
  var editor: LibEditLineEditor?
}
