import DokCore

/// How a run, a check or a REPL entry ended.
public struct RunOutcome: Sendable {
  /// An ``ExitStatus`` code, or N from `exit N`.
  public var exitCode: Int32
  /// Everything to show the user (render with ``DiagnosticRenderer``).
  public var diagnostics: [Diagnostic]
  /// `ASSERT`, `RUNTIME`, … for a failure; nil when the run succeeded or exited on purpose.
  public var errorCode: String?
  /// True when an `exit` statement ended the run (the REPL then ends its session with
  /// ``exitCode``).
  public var exited = false

  /// An outcome with the given exit code.
  public init(exitCode: Int32, diagnostics: [Diagnostic] = [], errorCode: String? = nil) {
    self.exitCode = exitCode
    self.diagnostics = diagnostics
    self.errorCode = errorCode
  }

  /// An outcome with the given status.
  public init(_ status: ExitStatus, diagnostics: [Diagnostic] = [], errorCode: String? = nil) {
    self.init(exitCode: status.code, diagnostics: diagnostics, errorCode: errorCode)
  }

  /// The status the exit code stands for; nil for an `exit N` outside the contract's codes.
  public var status: ExitStatus? { ExitStatus(rawValue: exitCode) }

  /// True for exit code 0.
  public var succeeded: Bool { exitCode == ExitStatus.success.code }
}
