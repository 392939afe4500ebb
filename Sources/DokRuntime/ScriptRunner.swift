import DokCore
import DokScript
import NIOPosix

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

  public init(
    file: String, arguments: [String] = [], options: ScriptOptions = ScriptOptions(), reports: [(kind: String, path: String)] = []
  ) {
    self.file = file
    self.arguments = arguments
    self.options = options
    self.reports = reports
  }
}

/// Runs a runbook from start to exit code: read, set arguments, check, run (cancellable with
/// Ctrl-C → 130), render every diagnostic once (through the sink's reporter, which is taught
/// the script's sources), write reports.
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
  public static func run(_ request: RunRequest, host: DokScriptHost, sink: TerminalSink, session existing: Interpreter? = nil)
    async
    -> Int32
  {
    let file = request.file == "-" ? "<stdin>" : request.file
    let source: String
    switch readSource(request.file) {
    case .success(let s): source = s
    case .failure(let d):
      sink.diagnostic(d)
      return ExitStatus.usage.code
    }
    let session = existing ?? Interpreter(host: host, sink: sink, options: request.options)
    // Every diagnostic quotes its line: those reported as they happen (`--keep-going`) too.
    sink.reporter.setSources("run") { name in session.sourceText(file: name) ?? (name == file ? source : nil) }
    // Arguments keep their text (`name=2024` stays "2024" for a string parameter).
    if let d = session.setArguments(request.arguments) {
      sink.diagnostic(d)
      return writeReports(request, file: file, sink: sink, time: 0, outcome: RunOutcome(.usage, diagnostics: [d]), cases: [])
    }
    let started = host.clock.now()
    // With --debug a pause blocks the script's thread while the REPL runs, so the script gets
    // a thread of its own: not the I/O loop (the REPL's calls need it) and not one of Swift's
    // pool threads (on a one-core machine the pool has one, and the REPL's work needs it too).
    let executor = EventLoopTaskExecutor(
      request.options.debug ? pausableLoop.next() : MultiThreadedEventLoopGroup.singleton.next())
    let outcome = await InterruptMonitor.shared.runCancellable(on: executor) {
      await session.execute(source: source, file: file)
    }.value
    sink.clearProgress()
    sink.reporter.report(outcome.diagnostics)
    return writeReports(
      request, file: file, sink: sink, time: host.clock.now() - started, outcome: outcome, cases: session.testCases)
  }

  /// Writes the requested reports and returns the run's exit code (2 when a report cannot be
  /// written after a run that succeeded). A run that failed with no failed case to show for it
  /// (`exit 3`, an interruption, a bad argument) gets one, so a report is never green for a red run.
  static func writeReports(
    _ request: RunRequest, file: String, sink: TerminalSink, time: Double, outcome: RunOutcome, cases: [TestCase]
  )
    -> Int32
  {
    guard !request.reports.isEmpty else { return outcome.exitCode }
    var cases = cases
    if !outcome.succeeded, !cases.contains(where: { !$0.passed }) {
      let d = outcome.diagnostics.first
      let message = ([d.map(\.message) ?? "the run ended with exit code \(outcome.exitCode)"] + (d?.notes ?? [])).joined(
        separator: "\n")
      cases.append(
        TestCase(
          kind: .error, file: d?.location?.file ?? file, line: d?.location?.line ?? 0, source: "dok run \(request.file)",
          passed: false,
          message: message))
    }
    cases = cases.map { c -> TestCase in
      var c = c
      c.source = request.policy.redactArguments(in: c.source)
      c.message = request.policy.redactKey(in: c.message)
      return c
    }
    for report in request.reports {
      let text: String
      switch report.kind {
      case "junit": text = JUnitReport.render(cases, suite: file, time: time)
      default: text = TAPReport.render(cases)
      }
      do {
        try FileIO.writeAtomically(report.path, Array(text.utf8), mode: 0o644)
      } catch {
        sink.reporter.report([Diagnostic(.error, "cannot write the \(report.kind) report: \(error)")])
        if outcome.succeeded { return ExitStatus.usage.code }
      }
    }
    return outcome.exitCode
  }

  /// A thread for `dok run --debug` scripts, which may block it (see ``run(_:host:sink:session:)``).
  static let pausableLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
}
