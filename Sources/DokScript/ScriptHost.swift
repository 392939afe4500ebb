import DokCore
import Foundation

/// What the language needs from the outside world: calls, their static check, files,
/// environment, time, and (for `dok run --debug`) a say in what happens after a failure.
public protocol ScriptHost: Sendable {
  /// Performs `procedure` with the arguments as written. Bare words are typed by the host.
  func call(procedure: String, arguments: [CallArgument], location: SourceLocation) async throws(CallError) -> JSON
  /// Static check of a literal call: unknown procedure, unknown or missing parameters, bare
  /// words that cannot fit. Values known only at run time arrive as `.deferred`.
  func check(procedure: String, arguments: [CallArgument], location: SourceLocation) -> [Diagnostic]
  /// Reads the text of a `source`d file (the path is already resolved against the including file).
  func readSource(path: String) throws -> String
  /// `env("NAME")`.
  func environment(_ name: String) -> String?
  /// Time for `now()`, `sleep` and `wait`.
  var clock: any ScriptClock { get }
  /// Called when an assert fails or an error is not caught (only when ``ScriptOptions/debug``
  /// is set): continue after the failed statement, or abort with the exit code it would have had.
  func onFailure(_ failure: ScriptFailure) -> FailureDecision
}

extension ScriptHost {
  public func readSource(path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
  public func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
  public var clock: any ScriptClock { SystemClock() }
  public func onFailure(_ failure: ScriptFailure) -> FailureDecision { .abort }
}

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

/// Wall-clock time and sleeping, injectable so tests of waits run in milliseconds.
public protocol ScriptClock: Sendable {
  /// Seconds since 1970, fractional.
  func now() -> Double
  /// Sleeps; throws `CancellationError` promptly when the task is cancelled.
  func sleep(seconds: Double) async throws
}

/// The real clock.
public struct SystemClock: ScriptClock {
  /// The system clock.
  public init() {}
  public func now() -> Double { Date().timeIntervalSince1970 }
  public func sleep(seconds: Double) async throws {
    guard seconds > 0 else { try Task.checkCancellation(); return }
    try await Task.sleep(nanoseconds: UInt64(min(seconds, 1e9) * 1_000_000_000))
  }
}
