import DokCore
import DokScript

/// Writes a run's output: `print` lines to stdout; trace lines, diagnostics and wait progress to
/// stderr. On a terminal a wait or deploy shows one live progress line; on a pipe, with
/// ``plainProgressEvery`` set, one plain progress line every that many seconds (a CI log shows a
/// long deploy is alive), else nothing.
public final class TerminalSink: ScriptSink, @unchecked Sendable {
  /// Renders diagnostics (colour, source lines, redaction).
  public let reporter: DiagnosticReporter
  private let progressOnTTY: Bool
  private var progressShown = false
  /// The live line of a `deploy` being followed (redrawn under new build-log lines).
  private var deployLine: String?
  /// Build-log lines of a followed deploy go to stderr: on a terminal by default; `dok call --wait` always.
  public var showBuildLogs: Bool
  /// Redacts values of secret-looking fields in trace output.
  public var traceTransform: (String) -> String = { $0 }
  /// Redacts secrets in rendered diagnostics (an assert quoting a password it compared).
  public var diagnosticTransform: (String) -> String = { $0 }
  /// Writes text to a descriptor (1 or 2); the REPL's tests capture it.
  public var write: (Int32, String) -> Void = { Output.write($0, $1) }
  /// Without a terminal: seconds between plain progress lines of a running wait or deploy (nil:
  /// none). ``plainProgressDefault`` is what `dok run` and `dok call --wait` use.
  public var plainProgressEvery: Double?
  /// Plain progress lines start with the statement's location (false: with `dok: `, for `dok call`).
  public var plainProgressLocation = true
  /// When the last plain progress line was written (or the operation started); nil between operations.
  private var plainProgressSince: ContinuousClock.Instant?

  /// 10 seconds, or `DOK_PROGRESS_EVERY` (a duration such as `500ms`, for tests and impatient logs).
  public static var plainProgressDefault: Double {
    FileIO.environment("DOK_PROGRESS_EVERY").flatMap { DurationText.seconds($0) }.map { max(0.05, $0) } ?? 10
  }

  public init(reporter: DiagnosticReporter, showProgress: Bool = Platform.isTerminal(2)) {
    self.reporter = reporter
    self.progressOnTTY = showProgress
    self.showBuildLogs = showProgress
  }

  public func print(_ line: String) {
    clearProgress()
    write(1, line + "\n")
  }

  public func trace(_ event: TraceEvent) {
    clearProgress()
    write(2, traceTransform(event.line) + "\n")
  }

  public func waitProgress(_ progress: WaitProgress) {
    guard progressOnTTY else {
      plainProgress("\(progress.location): " + progress.line, finished: progress.finished)
      return
    }
    if progress.finished {
      clearProgress()
      return
    }
    var line = progress.line
    if line.count > 150 { line = String(line.prefix(149)) + "…" }
    write(2, "\r\u{1B}[2K\u{1B}[2m" + line + "\u{1B}[0m")
    progressShown = true
  }

  public func diagnostic(_ diagnostic: Diagnostic) {
    clearProgress()
    write(2, diagnosticTransform(reporter.render(diagnostic)) + "\n")
  }

  public func deploy(_ event: DeployEvent) {
    switch event {
    case .progress(let p):
      guard progressOnTTY else {
        let place = plainProgressLocation ? p.location.map { "\($0): " } : nil
        plainProgress((place ?? "dok: ") + p.line, finished: p.finished)
        return
      }
      if p.finished {
        clearProgress()
        deployLine = nil
        return
      }
      deployLine = p.line
      drawDeployLine()
    case .log(let line):
      guard showBuildLogs else { return }
      clearProgress()
      write(2, diagnosticTransform(line) + "\n")
      drawDeployLine()
    case .note(let text):
      // Notes are about the build log (which way it is read): shown where the log is.
      guard showBuildLogs else { return }
      clearProgress()
      write(2, "dok: " + text + "\n")
      drawDeployLine()
    }
  }

  /// Off a terminal: `line` on its own line when ``plainProgressEvery`` has passed since the
  /// operation started or its last line.
  private func plainProgress(_ line: String, finished: Bool) {
    guard let every = plainProgressEvery else { return }
    if finished {
      plainProgressSince = nil
      return
    }
    let now = ContinuousClock.now
    guard let since = plainProgressSince else {
      plainProgressSince = now
      return
    }
    guard since.duration(to: now) >= .seconds(every) else { return }
    plainProgressSince = now
    write(2, diagnosticTransform(traceTransform(line)) + "\n")
  }

  private func drawDeployLine() {
    guard progressOnTTY, var line = deployLine else { return }
    if line.count > 150 { line = String(line.prefix(149)) + "…" }
    write(2, "\r\u{1B}[2K\u{1B}[2m" + line + "\u{1B}[0m")
    progressShown = true
  }

  /// Removes a live progress line, if one is shown.
  public func clearProgress() {
    if progressShown {
      write(2, "\r\u{1B}[2K")
      progressShown = false
    }
  }
}
