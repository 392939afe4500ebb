import DokCore

/// A failure that ends the process: the problems to report and the exit code. Commands throw
/// it; ``DokMain`` renders the diagnostics through the process's one ``DiagnosticReporter`` and
/// exits, in one place.
struct DokExit: Error {
  /// The process exit code: an ``ExitStatus``, or N from a script's `exit N`.
  var code: Int32
  /// What to tell the user on stderr (nothing for a failure already reported).
  var diagnostics: [Diagnostic]

  init(_ status: ExitStatus, _ diagnostics: [Diagnostic] = []) {
    self.code = status.code
    self.diagnostics = diagnostics
  }

  /// A script's own exit code (already reported).
  init(code: Int32) {
    self.code = code
    self.diagnostics = []
  }

  /// `error: message` with `status`.
  init(_ status: ExitStatus, _ message: String, notes: [String] = []) {
    self.init(status, [Diagnostic(.error, message, notes: notes)])
  }

  /// A failed call: its message, issues and hints, with the call's status.
  init(_ error: CallError) {
    self.init(error.status, [error.diagnostic()])
  }

  /// A usage error (exit 2).
  static func usage(_ message: String, notes: [String] = []) -> DokExit { DokExit(.usage, message, notes: notes) }

  /// Ctrl-C ended the operation (exit 130).
  static let interrupted = DokExit(.interrupted, "interrupted")
}
