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
  /// Set by `exit [N]`: the session ends with N.
  var exitRequested: Int32?
  /// True while the startup file runs (its lines are not history).
  var startupMode = false
  public internal(set) var resumeRequested = false
  /// Extra meta commands for a paused run (`:continue`); entries run with
  /// ``Interpreter/executeNested(source:file:)`` and the run's sink is restored afterwards.
  public var pausedRun = false
  private let originalSink: any ScriptSink
  /// The server's tree for completing paths (``treeForCompletion(line:cursor:)``); forgotten when an entry runs.
  var pathTree: ServerTree?

  public init(editor: LineEditor, session: Interpreter, environment: REPLEnvironment) {
    self.editor = editor
    self.session = session
    self.environment = environment
    environment.reporter.setSources("repl") { [session] name in session.sourceText(file: name) }
    terminal = TerminalSink(reporter: environment.reporter, showProgress: editor.isInteractive)
    terminal.write = { [writer = environment.writer] fd, text in writer.write(fd, text) }
    sink = REPLSink(
      terminal: terminal, writer: environment.writer, color: environment.color, policy: environment.policy,
      redact: environment.redact)
    sink.pager = environment.usePager ? Pager.fromEnvironment() : nil
    originalSink = session.sink
    session.sink = sink
    installConfirmation()
  }

  /// The completion context for the current state.
  public func completionContext() -> CompletionContext {
    CompletionContext(catalog: environment.catalog, variables: Self.variables(of: session), seen: sink.liveIDs)
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
    var context = completionContext()
    context.tree = treeForCompletion(line: line, cursor: cursor)
    return Completer.complete(line: line, cursor: cursor, context: context)
  }

  /// Where this REPL writes.
  var writer: REPLWriter { environment.writer }

  var prompt: String {
    let p = "dok \(environment.promptName)> "
    return environment.color ? "\u{1}\u{1B}[1m\u{1}\(p)\u{1}\u{1B}[0m\u{1}" : p
  }

  /// The entry being typed (lines of an open block, string or bracket).
  var pending = ""

  /// Runs until `:quit`, Ctrl-D on an empty line, or the end of piped input. Returns the exit
  /// code: 0 interactively; for piped input, the last failing statement's code (like `dok run -`).
  public func run() -> Int32 {
    pending = ""
    var lastFailure = ExitStatus.success.code
    resumeRequested = false
    quitRequested = false
    exitRequested = nil
    session.sink = sink
    defer { session.sink = originalSink }
    while !quitRequested && !resumeRequested {
      if pending.isEmpty, let (catalog, message) = environment.takeDocumentUpdate() {
        environment.catalog = catalog
        writer.err(note(message) + "\n")
      }
      let read = editor.readLine(prompt: pending.isEmpty ? prompt : "... ")
      switch read {
      case .interrupted:
        // Ctrl-C drops the line and the whole pending entry (psql, bash).
        pending = ""
        continue
      case .endOfFile:
        if !pending.isEmpty {
          let code = runEntry(pending)
          if code != ExitStatus.success.code { lastFailure = code }
          pending = ""
        }
        if editor.isInteractive { writer.out("\n") }
        finishRecording()
        editor.saveHistory()
        return editor.isInteractive ? ExitStatus.success.code : lastFailure
      case .line(let line):
        let code = handle(line: line)
        if code != 0 {
          lastFailure = code
          if !editor.isInteractive, code == ExitStatus.usage.code || code == ExitStatus.interrupted.code {
            finishRecording()
            editor.saveHistory()
            return code
          }
        }
      }
    }
    if quitRequested { finishRecording() }
    editor.saveHistory()
    return exitRequested ?? ExitStatus.success.code
  }

  /// One typed line: a meta command, `proc?`, or part of an entry (run once complete).
  /// Returns the entry's exit code (0 while it is still open).
  @discardableResult
  func handle(line: String) -> Int32 {
    if pending.isEmpty {
      let t = line.trimming(" \t")
      if t.isEmpty { return 0 }
      if t.hasPrefix(":") {
        remember(line)
        meta(Self.withoutComment(t).trimming(" \t"))
        return 0
      }
      // `quit`, `help`: the meta commands were meant (the parser would suggest `exit`, `if`).
      if let meant = Self.metaCommandMeant(by: Self.withoutComment(t).trimming(" \t")) {
        remember(line)
        fail(
          "unknown statement '\(Self.withoutComment(t).trimming(" \t"))'",
          note: "did you mean `\(meant)`? (commands of the prompt start with `:`; :help meta lists them)")
        return ExitStatus.usage.code
      }
      // `proc?` (a trailing comment allowed): describe it.
      let code = Self.withoutComment(t).trimming(" \t")
      if code.hasSuffix("?"), !code.contains(" "), environment.catalog.procedure(named: String(code.dropLast())) != nil {
        remember(line)
        meta(":describe " + code.dropLast())
        return 0
      }
    }
    pending += pending.isEmpty ? line : "\n" + line
    if Script.isIncomplete(pending) { return 0 }
    let entry = pending
    pending = ""
    // A multi-line entry is one history entry (Up brings the whole block back).
    remember(entry)
    return runEntry(entry)
  }

  /// Runs a startup file (`$XDG_CONFIG_HOME/dok/init.dok`): its lines as if typed (`:set` lines,
  /// definitions), without history. Returns the first failing entry's code, or 0.
  @discardableResult
  public func runStartup(_ text: String, file: String) -> Int32 {
    let saved = startupMode
    startupMode = true
    defer { startupMode = saved }
    var first: Int32 = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let code = handle(line: String(line))
      if code != 0, first == 0 {
        first = code
        writer.err(note("in \(file)") + "\n")
      }
    }
    if !pending.isEmpty {
      fail("\(file) ends inside an open block, string or bracket")
      pending = ""
    }
    return first
  }

  /// The meta command a bare word stands for (`quit` → `:quit`, `help` → `:help`), if any.
  static func metaCommandMeant(by code: String) -> String? {
    let words = code.split(separator: " ", omittingEmptySubsequences: true)
    guard let first = words.first else { return nil }
    switch first {
    case "quit" where words.count == 1: return ":quit"
    case "help" where words.count <= 2: return words.count == 1 ? ":help" : ":help \(words[1])"
    default: return nil
    }
  }

  /// The line without a trailing `# comment` (a `#` outside strings).
  static func withoutComment(_ line: String) -> String {
    var quote: Character? = nil
    var escaped = false
    for i in line.indices {
      let c = line[i]
      if let q = quote {
        if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "#" {
        return String(line[..<i])
      }
    }
    return line
  }

  private func remember(_ line: String) {
    guard editor.isInteractive, !startupMode, !environment.policy.mustNotStore(line: line) else { return }
    editor.addHistory(line)
  }

  /// Runs one entry; returns its exit code (0 on success).
  @discardableResult
  public func runEntry(_ source: String) -> Int32 {
    sink.beginEntry()
    pathTree = nil  // the entry may create, rename or remove what a path names
    let before = session.resultCount
    let nested = pausedRun
    let outcome = blockingRun { [session] in
      nested
        ? await session.executeNested(source: source, file: "<debug>") : await session.execute(source: source, file: "<repl>")
    }
    terminal.clearProgress()
    if outcome.status == .interrupted {
      // A call in flight: say whether it was only a query, or a mutation whose effect is unknown.
      for d in outcome.diagnostics where d.location != nil { writer.err(terminal.reporter.render(d) + "\n") }
      writer.err(note("interrupted; back at the prompt") + "\n")
      return ExitStatus.interrupted.code
    }
    for d in outcome.diagnostics { writer.err(terminal.reporter.render(d) + "\n") }
    if outcome.exited {
      // `exit [N]`: the session ends with N, like `:quit` (a paused run: `:quit`).
      quitRequested = true
      exitRequested = outcome.exitCode
      return outcome.exitCode
    }
    // An assignment or a wait makes a result without printing it: still say its number.
    let after = session.resultCount
    let reported = Set(sink.calls.map(\.resultIndex))
    sink.liveIDs.recordEntry(
      source,
      results: stride(from: before + 1, through: after, by: 1).filter { !reported.contains($0) }.compactMap(session.result))
    if outcome.succeeded, after > before, sink.lastShownIndex != after {
      writer.out(note("→ $\(after)") + "\n")
    }
    if outcome.succeeded, recorder != nil {
      let session = self.session
      recorder!.record(
        entry: source, calls: sink.calls, firstResult: before + 1, resultsAdded: session.resultCount - before,
        result: { session.result($0) }, variable: { name in session.variables.first { $0.name == name }?.value })
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
