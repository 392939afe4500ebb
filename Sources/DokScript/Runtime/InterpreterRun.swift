import DokCore
import Foundation

extension Interpreter {
  // MARK: Public entry points

  /// Parses, checks and runs one REPL entry or a whole file, keeping all state. Syntax and
  /// check errors run nothing (exit 2).
  public func execute(source: String, file: String = "<repl>") async -> RunOutcome {
    var (program, problems) = parseAndCheck(source, file: file)
    if !Interpreter.isInteractive(file), !options.allowUnusedArguments, !argumentTexts.isEmpty {
      let given = argumentTexts.keys.sorted().map { symbols.names[$0] }
      problems = Checker.unreadArguments(given, in: program) + problems
    }
    if !problems.isEmpty {
      // A runbook's reports show each check error as a failed case: nothing ran, nothing passed.
      if !Interpreter.isInteractive(file) { recordFailure(.diagnostics(problems)) }
      return RunOutcome(.usage, diagnostics: problems, errorCode: program.diagnostics.isEmpty ? "CHECK" : "SYNTAX")
    }
    return await run(program)
  }

  /// `dok run FILE name=value …`: reads the file through the host, sets the script
  /// arguments as variables, then parses, checks and runs it.
  public func run(path: String, arguments: [(name: String, value: JSON)] = []) async -> RunOutcome {
    let text: String
    do { text = try host.readSource(path: path) } catch {
      return RunOutcome(
        .usage, diagnostics: [Diagnostic(.error, "cannot read \(path): \(error.localizedDescription)")], errorCode: "USAGE")
    }
    for (name, value) in arguments { setVariable(name, value) }
    return await execute(source: text, file: path)
  }

  /// Runs a REPL entry while this session is paused inside another run (`dok run --debug`):
  /// the variables are shared; the paused run's bookkeeping is saved and restored around it.
  public func executeNested(source: String, file: String = "<debug>") async -> RunOutcome {
    let (savedState, savedOptions) = (state, options)
    options.debug = false
    defer { (state, options) = (savedState, savedOptions) }
    return await execute(source: source, file: file)
  }

  /// Syntax and static check only (`dok check`): every problem, nothing runs.
  public func check(source: String, file: String) -> [Diagnostic] {
    parseAndCheck(source, file: file).problems
  }

  /// Keeps `source` (for carets in messages), parses it and runs the static check.
  func parseAndCheck(_ source: String, file: String) -> (program: Program, problems: [Diagnostic]) {
    sources[file] = source
    let program = Parser.program(source, file: file, symbols: symbols)
    let checker = Checker(
      host: host, validate: options.validate, interactive: Interpreter.isInteractive(file), arguments: unchangedArguments)
    return (program, checker.all(program))
  }

  /// REPL entries (and entries at a `--debug` pause) show a bare expression's value; a
  /// runbook may not leave one unused.
  static func isInteractive(_ file: String) -> Bool { file == "<repl>" || file == "<debug>" }

  func run(_ program: Program) async -> RunOutcome {
    ensureSlots()
    state = RunState(file: program.file)
    do {
      try await drive(program.block)
    } catch {
      return outcome(error)
    }
    // Failures the run went on past (`--keep-going`, `--debug`'s `:continue`) were shown as they
    // happened; the worst decides.
    if let kept = state.keptGoing { return RunOutcome(exitCode: kept.code, diagnostics: [], errorCode: kept.name) }
    return RunOutcome(.success)
  }

  func outcome(_ f: Failure) -> RunOutcome {
    switch f {
    case .exit(let n):
      var exited = RunOutcome(exitCode: n, diagnostics: [], errorCode: nil)
      exited.exited = true
      return exited
    case .cancelled:
      return RunOutcome(.interrupted, diagnostics: [interruption()], errorCode: f.code)
    default:
      recordFailure(f)
      return worstOutcome(f)
    }
  }

  /// The outcome of a failure that stopped the run: its own diagnostics, and the worse of its
  /// code and the worst failure `--keep-going` went on past before it.
  private func worstOutcome(_ f: Failure) -> RunOutcome {
    if let kept = state.keptGoing, ExitStatus.worse(kept.code, f.exitCode) != f.exitCode {
      return RunOutcome(exitCode: kept.code, diagnostics: f.diagnostics, errorCode: kept.name)
    }
    return RunOutcome(exitCode: f.exitCode, diagnostics: f.diagnostics, errorCode: f.code)
  }

  /// Records a failure that ends the run, or that `--keep-going`/`--debug` went on past, as a
  /// failed test case for reports: a failed call or runtime error (`error`), a failed deploy
  /// (`deploy`), a wait or deploy timeout (`wait`), each check error of a runbook or a
  /// `source`d file (`check`). A failed assert and a failed `wait` record themselves.
  func recordFailure(_ f: Failure) {
    let kind: TestCase.Kind
    switch f {
    case .assertion, .exit, .cancelled, .needsCall: return
    case .call, .runtime: kind = .error
    case .deployFailed: kind = .deploy
    case .waitTimeout: kind = .wait
    case .diagnostics(let list):
      for d in list { appendCase(.check, d) }
      return
    }
    guard let d = f.diagnostics.first else { return }
    // A timed-out `wait` statement has recorded itself already.
    if kind == .wait, let last = testCases.last, !last.passed, last.kind == .wait, last.message == d.message { return }
    appendCase(kind, d, more: Array(f.diagnostics.dropFirst()))
  }

  private func appendCase(_ kind: TestCase.Kind, _ d: Diagnostic, more: [Diagnostic] = []) {
    let text = ([d] + more).flatMap { [$0.message] + $0.notes }.joined(separator: "\n")
    testCases.append(
      TestCase(
        kind: kind, file: d.location?.file ?? state.currentFile, line: d.location?.line ?? 0,
        source: d.location.flatMap { DokCore.DiagnosticRenderer.line($0.line, of: sources[$0.file] ?? "") }?
          .trimmingCharacters(in: .whitespaces) ?? "",
        passed: false, message: text))
  }

  // MARK: Running

  /// Runs `block` to its end: the ``Machine`` steps through its statements; the calls they
  /// meet and the statements that wait (`wait`, `sleep`, `deploy`) are awaited here.
  func drive(_ block: Block) async throws(Failure) {
    let machine = Machine(block)
    while let suspension = try machine.run(self) {
      switch suspension {
      case .call(let call, let args):
        do {
          replayLog.append(try await call.perform(self, args, record: true))
          resuming = true
          startAttempt()
        } catch {
          try machine.callFailed(error, self)
        }
      case .statement(let st):
        do {
          try await st.run(self)
          try machine.finished(st, nil, self)
        } catch {
          try machine.finished(st, error, self)
        }
      }
    }
  }

  /// `--keep-going` past a failed call (reported now, the worst code kept for the end), or the
  /// `--debug` hook: continue after the failed statement (the hook showed the failure; the
  /// worst code is kept the same way), or abort.
  func recover(_ e: Failure, _ st: Stmt) throws(Failure) {
    if options.keepGoing, state.tryDepth == 0, case .call = e {
      recordFailure(e)
      for d in e.diagnostics { sink.diagnostic(d) }
      state.wentOn(past: e.exitCode, e.code)
      return
    }
    guard options.debug, !state.declined, state.tryDepth == 0, e.isCatchable else { throw e }
    let d = e.diagnostics.first ?? Diagnostic(.error, "failure", at: location(st.pos))
    switch host.onFailure(ScriptFailure(diagnostic: d, exitCode: e.exitCode, code: e.code)) {
    case .continue:
      recordFailure(e)
      state.wentOn(past: e.exitCode, e.code)
    case .abort:
      state.declined = true
      throw e
    }
  }

  // MARK: Trace

  func traceBefore(_ st: Stmt) {
    traceValue = nil
    traceCalls.removeAll(keepingCapacity: true)
    guard !st.tracesAfter, !st.tracesHeader else { return }
    sink.trace(TraceEvent(location: location(st.pos), statement: st.text, result: ""))
  }

  /// The trace line of a statement whose header was just evaluated (see `Stmt.tracesHeader`).
  func traceHeader(_ st: Stmt) {
    sink.trace(TraceEvent(location: location(st.pos), statement: tracedText(st), result: ""))
  }

  func traceAfter(_ st: Stmt) {
    guard st.tracesAfter else { return }
    let r = traceValue.map { Values.show(traceRedactor?($0) ?? $0, limit: 100) } ?? ""
    sink.trace(TraceEvent(location: location(st.pos), statement: tracedText(st), result: r))
  }

  // MARK: source

  /// Reads, parses and checks a `source`d file and makes the machine run it next.
  func enterSource(path: String, _ st: Stmt, _ m: Machine) throws(Failure) {
    guard state.sourceDepth < 32 else { throw fail("source nested too deeply (a file sourcing itself?)", st.pos) }
    let resolved = Interpreter.resolve(path, relativeTo: state.currentFile)
    let text: String
    do { text = try host.readSource(path: resolved) } catch {
      throw fail("cannot read \(resolved): \(error.localizedDescription)", st.pos)
    }
    let note = "in \(resolved), sourced at \(location(st.pos))"
    let (program, problems) = parseAndCheck(text, file: resolved)
    if !problems.isEmpty { throw Failure.diagnostics(problems).noting(note) }
    ensureSlots()
    m.enterSource(program.block, file: resolved, note: note, st, self)
  }

  /// `path` relative to the directory of `file` (unless absolute, or `file` is not a file).
  static func resolve(_ path: String, relativeTo file: String) -> String {
    if path.hasPrefix("/") || file.hasPrefix("<") { return path }
    guard let slash = file.lastIndex(of: "/") else { return path }
    return String(file[...slash]) + path
  }
}
