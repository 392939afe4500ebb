import DokCore
import Foundation

/// What to do after a failure reported to ``ScriptHost/onFailure(_:)``.
public enum FailureDecision: Sendable {
  /// Go on with the statement after the failed one.
  case `continue`
  /// Stop with the failure's exit code.
  case abort
}

/// A failure as the debug hook sees it.
public struct ScriptFailure: Sendable {
  /// The rendered-ready diagnostic (location, message, notes).
  public var diagnostic: Diagnostic
  /// The exit code the run would end with.
  public var exitCode: Int32
  /// `ASSERT`, `RUNTIME`, `WAIT_TIMEOUT`, `TRANSPORT` or the server's code.
  public var code: String
}
