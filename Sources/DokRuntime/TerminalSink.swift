import DokCore
import DokScript

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a run's output: `print` lines to stdout; trace lines, diagnostics and wait progress to
/// stderr. On a terminal a wait shows one live progress line; on a pipe, nothing.
public final class TerminalSink: ScriptSink, @unchecked Sendable {
  public let renderer: DiagnosticRenderer
  private let progressOnTTY: Bool
  private var progressShown = false
  /// Redacts values of secret-looking fields in trace output.
  public var traceTransform: (String) -> String = { $0 }
  /// Redacts secrets in rendered diagnostics (an assert quoting a password it compared).
  public var diagnosticTransform: (String) -> String = { $0 }
  /// Writes text to a descriptor (1 or 2); the REPL's tests capture it.
  public var write: (Int32, String) -> Void = { Output.write($0, $1) }

  public init(renderer: DiagnosticRenderer, showProgress: Bool = isatty(2) == 1) {
    self.renderer = renderer
    self.progressOnTTY = showProgress
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
    write(2, diagnosticTransform(renderer.render(diagnostic)) + "\n")
  }

  /// Removes a live progress line, if one is shown.
  public func clearProgress() {
    if progressShown {
      write(2, "\r\u{1B}[2K")
      progressShown = false
    }
  }
}
