import Dispatch
import DokCore
import DokREPL
import DokRuntime
import DokScript

/// `dok run --debug`: when an assert fails or an error is not caught, open the REPL on the
/// script's variables with a banner naming file:line. `:continue` resumes after the failed
/// statement; `:quit` (or Ctrl-D) ends the run with the exit code it would have had.
final class DebugPause: @unchecked Sendable {
  let environment: REPLEnvironment
  let interactive = Platform.isInteractive
  private var editor: LineEditor?
  var session: Interpreter?

  init(environment: REPLEnvironment) {
    self.environment = environment
  }

  /// The failure hook: blocks the paused run while the REPL is open.
  func pause(_ failure: ScriptFailure) -> FailureDecision {
    guard let session else { return .abort }
    environment.reporter.setSources("debug") { session.sourceText(file: $0) }
    var banner = "\n" + environment.reporter.render(failure.diagnostic) + "\n"
    let loc = failure.diagnostic.location.map { "\($0.file):\($0.line)" } ?? "the script"
    banner += "paused at \(loc) (\(failure.code)). Variables are the script's. "
    banner += ":continue resumes after the failed statement; :quit ends the run (exit \(failure.exitCode)).\n"
    Output.stderr(banner)
    let done = DispatchSemaphore(value: 0)
    let decision = Box(FailureDecision.abort)
    Platform.startThread { [self] in
      let editor = self.editor ?? makeEditor()
      self.editor = editor
      var env = environment
      env.promptName = "debug"
      let repl = REPL(editor: editor, session: session, environment: env)
      repl.pausedRun = true
      _ = repl.run()
      decision.value = repl.resumeRequested ? .continue : .abort
      done.signal()
    }
    done.wait()
    return decision.value
  }

  private func makeEditor() -> LineEditor {
    guard interactive else { return PlainLineEditor() }
    var completer: ((String, Int) -> CompletionResult)?
    let editor = LibEditLineEditor(historyPath: nil, interrupts: InterruptMonitor.shared) { line, cursor in
      completer?(line, cursor) ?? CompletionResult(wordStart: 0, word: "", candidates: [])
    }
    let catalog = environment.catalog
    completer = { [weak self] line, cursor in
      let vars = self?.session.map(REPL.variables(of:)) ?? []
      return Completer.complete(line: line, cursor: cursor, context: CompletionContext(catalog: catalog, variables: vars))
    }
    return editor
  }
}
