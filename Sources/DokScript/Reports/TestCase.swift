import DokCore

/// One executed `assert`, or a failure the run hit (a failed wait, deploy or call, a check
/// error), as a test case for reports.
public struct TestCase: Sendable, Equatable {
  /// What produced the case: an `assert`, a timed-out `wait` or `deploy`, a deployment that
  /// ended in `error`/`cancelled`, an uncaught error, or a check error (nothing ran).
  public enum Kind: String, Sendable {
    case assert, wait, deploy, error, check

    /// Reported as an error (the run could not do what it meant to), not a failed expectation.
    public var isError: Bool { self == .error || self == .check }
  }
  /// What produced the case.
  public var kind: Kind
  /// The file the statement is in.
  public var file: String
  /// The statement's line.
  public var line: Int
  /// The statement's source text.
  public var source: String
  /// True when the assert held.
  public var passed: Bool
  /// The failure message (empty when passed).
  public var message: String
  /// Seconds the statement took.
  public var duration: Double

  /// A recorded case.
  public init(kind: Kind, file: String, line: Int, source: String, passed: Bool, message: String = "", duration: Double = 0) {
    self.kind = kind
    self.file = file
    self.line = line
    self.source = source
    self.passed = passed
    self.message = message
    self.duration = duration
  }

  /// `file:line`.
  public var name: String { "\(file):\(line)" }
}
