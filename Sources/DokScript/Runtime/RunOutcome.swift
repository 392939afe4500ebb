import DokCore

/// How a run, a check or a REPL entry ended.
public struct RunOutcome: Sendable {
  /// 0 ok, 1 assert/`exit 1`, 2 syntax/check/argument, 3 API, 4 transport, 5 wait timeout,
  /// 6 runtime, 130 interrupted, or N from `exit N`.
  public var exitCode: Int32
  /// Everything to show the user (render with ``DiagnosticRenderer``).
  public var diagnostics: [Diagnostic]
  /// `ASSERT`, `RUNTIME`, … for a failure; nil when the run succeeded or exited on purpose.
  public var errorCode: String?

  /// An outcome with the given exit code.
  public init(exitCode: Int32, diagnostics: [Diagnostic] = [], errorCode: String? = nil) {
    self.exitCode = exitCode
    self.diagnostics = diagnostics
    self.errorCode = errorCode
  }

  /// True for exit code 0.
  public var succeeded: Bool { exitCode == 0 }
}
