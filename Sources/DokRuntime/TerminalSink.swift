import DokCore
import DokScript

/// Writes a run's output: `print` lines to stdout; trace lines, diagnostics and wait progress to
/// stderr. On a terminal a wait shows one live progress line; on a pipe, nothing.
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
    guard progressOnTTY else { return }
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
      guard progressOnTTY else { return }
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
