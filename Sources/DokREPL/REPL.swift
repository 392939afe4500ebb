import DokCore
import DokRuntime
import DokScript
import DokSpec

/// The interactive loop: reads entries (continuing open blocks, strings and brackets on a `...`
/// prompt), runs them through the language's ``Interpreter``, handles meta commands, keeps history
/// free of secrets, and records.
///
/// `run()` blocks: call it from a plain thread, not from a Swift concurrency task.
public final class REPL: @unchecked Sendable {
  let editor: LineEditor
  public let session: Interpreter
  var environment: REPLEnvironment
  let sink: REPLSink
  let terminal: TerminalSink
  var recorder: Recorder?
  /// Set by `:quit`; `:continue` sets ``resumeRequested`` (used by `dok run --debug`).
  var quitRequested = false
  public internal(set) var resumeRequested = false
  /// Extra meta commands for a paused run (`:continue`); entries run with
  /// ``Interpreter/executeNested(source:file:)`` and the run's sink is restored afterwards.
  public var pausedRun = false
  private let originalSink: any ScriptSink

  public init(editor: LineEditor, session: Interpreter, environment: REPLEnvironment) {
    self.editor = editor
    self.session = session
    self.environment = environment
    environment.reporter.setSources("repl") { [session] name in session.sourceText(file: name) }
    terminal = TerminalSink(reporter: environment.reporter, showProgress: editor.isInteractive)
    sink = REPLSink(
      terminal: terminal, color: environment.color, policy: environment.policy, redact: environment.redact)
    originalSink = session.sink
    session.sink = sink
  }

  /// The completion context for the current state.
  public func completionContext() -> CompletionContext {
    CompletionContext(catalog: environment.catalog, variables: Self.variables(of: session), liveIDs: sink.liveIDs.all)
  }

  /// What completes after `$`: the session's variables, `$_` and the results `$1`, `$2`, ….
  public static func variables(of session: Interpreter) -> [(String, JSON)] {
    var vars = session.variables
    vars.append(("_", session.lastResult))
    for (i, r) in session.results.enumerated() { vars.append((String(session.firstResultNumber + i), r)) }
    return vars
  }

  /// Completion for the line editor.
  public func complete(line: String, cursor: Int) -> CompletionResult {
    Completer.complete(line: line, cursor: cursor, context: completionContext())
  }

  var prompt: String {
    let p = "dok \(environment.promptName)> "
    return environment.color ? "\u{1}\u{1B}[1m\u{1}\(p)\u{1}\u{1B}[0m\u{1}" : p
  }

  /// Runs until `:quit`, Ctrl-D on an empty line, or the end of piped input. Returns the exit
  /// code: 0 interactively; for piped input, the last failing statement's code (like `dok run -`).
  public func run() -> Int32 {
    var buffer = ""
    var lastFailure = ExitStatus.success.code
    resumeRequested = false
    quitRequested = false
    session.sink = sink
    defer { session.sink = originalSink }
    while !quitRequested && !resumeRequested {
      if buffer.isEmpty, let (catalog, message) = environment.takeDocumentUpdate() {
        environment.catalog = catalog
        Output.stderr(note(message) + "\n")
      }
      let read = editor.readLine(prompt: buffer.isEmpty ? prompt : "... ")
      switch read {
      case .interrupted:
        buffer = ""
        continue
      case .endOfFile:
        if !buffer.isEmpty {
          let code = runEntry(buffer)
          if code != ExitStatus.success.code { lastFailure = code }
        }
        if editor.isInteractive { Output.stdout("\n") }
        editor.saveHistory()
        return editor.isInteractive ? ExitStatus.success.code : lastFailure
      case .line(let line):
        if buffer.isEmpty {
          let t = line.trimming(" \t")
          if t.isEmpty { continue }
          if t.hasPrefix(":") {
            remember(line)
            meta(t)
            continue
          }
          if t.hasSuffix("?"), !t.contains(" "), environment.catalog.procedure(named: String(t.dropLast())) != nil {
            remember(line)
            meta(":describe " + t.dropLast())
            continue
          }
        }
        remember(line)
        buffer += buffer.isEmpty ? line : "\n" + line
        if Script.isIncomplete(buffer) { continue }
        let code = runEntry(buffer)
        if code != ExitStatus.success.code {
          lastFailure = code
          if !editor.isInteractive, code == ExitStatus.usage.code || code == ExitStatus.interrupted.code {
            editor.saveHistory()
            return code
          }
        }
        buffer = ""
      }
    }
    editor.saveHistory()
    return ExitStatus.success.code
  }

  private func remember(_ line: String) {
    guard editor.isInteractive, !environment.policy.mustNotStore(line: line) else { return }
    editor.addHistory(line)
  }

  /// Runs one entry; returns its exit code (0 on success).
  @discardableResult
  public func runEntry(_ source: String) -> Int32 {
    sink.beginEntry()
    let before = session.resultCount
    let nested = pausedRun
    let outcome = blockingRun { [session] in
      nested
        ? await session.executeNested(source: source, file: "<debug>") : await session.execute(source: source, file: "<repl>")
    }
    terminal.clearProgress()
    if outcome.status == .interrupted {
      Output.stderr(note("interrupted; back at the prompt") + "\n")
      return ExitStatus.interrupted.code
    }
    for d in outcome.diagnostics { Output.stderr(terminal.reporter.render(d) + "\n") }
    if outcome.succeeded, recorder != nil {
      recorder!.record(entry: source, calls: sink.calls, resultsAdded: session.resultCount - before)
    }
    return outcome.exitCode
  }

  func note(_ text: String) -> String { environment.color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }

  /// Runs async work from this (non-async) thread and waits for its value; Ctrl-C cancels it
  /// (the work sees the cancellation and returns what it returns then).
  func blockingRun<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    InterruptMonitor.shared.runCancellableBlocking(body).value
  }
}
