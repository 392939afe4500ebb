import DokCore

/// Options of a run or a session.
public struct ScriptOptions: Sendable {
  /// `--trace`: report every executed statement to the sink.
  public var trace = false
  /// `--keep-going`: a failed assert is recorded and the run continues (exit 1 at the end).
  public var keepGoing = false
  /// `--debug`: ask ``ScriptHost/onFailure(_:)`` what to do after a failure.
  public var debug = false
  /// Run the host's static check before running (`--no-validate` turns it off in the CLI).
  public var validate = true

  /// Options; all off except validation.
  public init(trace: Bool = false, keepGoing: Bool = false, debug: Bool = false, validate: Bool = true) {
    self.trace = trace
    self.keepGoing = keepGoing
    self.debug = debug
    self.validate = validate
  }
}
