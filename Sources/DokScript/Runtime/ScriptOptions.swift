import DokCore

/// Options of a run or a session.
public struct ScriptOptions: Sendable {
  /// `--trace`: report every executed statement to the sink.
  public var trace = false
  /// `--keep-going`: a failed assert or a failed call (outside `try`) is reported as it happens
  /// and the run continues; it ends with the worst exit code (``ExitStatus/worse(_:_:)``).
  public var keepGoing = false
  /// `--debug`: ask ``ScriptHost/onFailure(_:)`` what to do after a failure.
  public var debug = false
  /// Run the host's static check before running (`--no-validate` turns it off in the CLI).
  public var validate = true
  /// `--allow-unused-arguments`: a script argument the runbook never reads is not a check error.
  public var allowUnusedArguments = false

  /// Options; all off except validation.
  public init(trace: Bool = false, keepGoing: Bool = false, debug: Bool = false, validate: Bool = true) {
    self.trace = trace
    self.keepGoing = keepGoing
    self.debug = debug
    self.validate = validate
  }
}
