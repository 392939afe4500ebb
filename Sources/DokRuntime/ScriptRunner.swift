import DokCore
import DokScript
import NIOPosix

#if canImport(Glibc)
  import Glibc
#endif

/// What `dok run` was asked to do.
public struct RunRequest: Sendable {
  /// A path, or `-` for standard input.
  public var file: String
  /// `name=value` script arguments.
  public var arguments: [String]
  public var options: ScriptOptions
  /// Reports to write: (`junit` or `tap`, path).
  public var reports: [(kind: String, path: String)]
  /// Masks secrets in what the reports quote (statement text, messages).
  public var policy = SecretPolicy()

  public init(file: String, arguments: [String] = [], options: ScriptOptions = ScriptOptions(), reports: [(kind: String, path: String)] = []) {
    self.file = file
    self.arguments = arguments
    self.options = options
    self.reports = reports
  }
}

/// Runs a runbook from start to exit code: read, set arguments, check, run (cancellable with
/// Ctrl-C → 130), render every diagnostic once, write reports.
public enum ScriptRunner {
  /// Reads the script text (`-` = stdin). Nil plus a message when it cannot be read.
  public static func readSource(_ file: String) -> Result<String, Diagnostic> {
    do {
      return .success(try SourceFile.read(file))
    } catch {
      return .failure(Diagnostic(.error, "cannot read \(error)"))
    }
  }

  /// Runs the request; returns the process exit code.
  public static func run(_ request: RunRequest, host: DokScriptHost, sink: TerminalSink, session existing: Session? = nil) async -> Int32 {
    let file = request.file == "-" ? "<stdin>" : request.file
    let source: String
    switch readSource(request.file) {
    case .success(let s): source = s
    case .failure(let d):
      sink.diagnostic(d)
      return 2
    }
    let session = existing ?? Session(host: host, sink: sink, options: request.options)
    switch Script.parseArguments(request.arguments) {
    case .success(let args): for (name, value) in args { session.setVariable(name, value) }
    case .failure(let d):
      sink.diagnostic(d)
      return 2
    }
    let started = host.clock.now()
    // With --debug a pause blocks the script's thread while the REPL runs, so the script gets
    // a thread of its own: not the I/O loop (the REPL's calls need it) and not one of Swift's
    // pool threads (on a one-core machine the pool has one, and the REPL's work needs it too).
    let executor = EventLoopTaskExecutor(request.options.debug ? pausableLoop.next() : MultiThreadedEventLoopGroup.singleton.next())
    let outcome = await runCancellable(on: executor) {
      await session.execute(source: source, file: file)
    }
    let renderer = DiagnosticRenderer(color: sink.renderer.color) { name in
      session.sourceText(file: name) ?? (name == file ? source : nil)
    }
    sink.clearProgress()
    for d in outcome.diagnostics { Output.stderr(sink.diagnosticTransform(renderer.render(d)) + "\n") }
    let cases = session.testCases.map { c -> TestCase in
      var c = c
      c.source = request.policy.redactArguments(in: c.source)
      c.message = request.policy.redactKey(in: c.message)
      return c
    }
    for report in request.reports {
      let text: String
      switch report.kind {
      case "junit": text = JUnitReport.render(cases, suite: file, time: host.clock.now() - started)
      default: text = TAPReport.render(cases)
      }
      do {
        try FileIO.writeAtomically(report.path, Array(text.utf8), mode: 0o644)
      } catch {
        Output.stderr("error: cannot write the \(report.kind) report: \(error)\n")
        if outcome.exitCode == 0 { return 2 }
      }
    }
    return outcome.exitCode
  }

  /// A thread for `dok run --debug` scripts, which may block it (see ``run(_:host:sink:session:)``).
  static let pausableLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)

  /// Runs `body` in a task that Ctrl-C cancels, on `executor` when one is given.
  public static func runCancellable(
    on executor: (any TaskExecutor)? = nil, _ body: @escaping @Sendable () async -> RunOutcome
  ) async -> RunOutcome {
    // The handler is in place before the task starts, so one the task installs later (a
    // `--debug` REPL entry swaps in its own and restores this one) is never overwritten.
    let cancel = CancelSwitch()
    InterruptMonitor.shared.install()
    InterruptMonitor.shared.setInterruptHandler { cancel.fire() }
    defer { InterruptMonitor.shared.setInterruptHandler(nil) }
    let task = Task(executorPreference: executor) { await body() }
    cancel.attach { task.cancel() }
    return await task.value
  }
}

