import DokCore

/// The state of a running `wait`.
public struct WaitProgress: Sendable {
  /// Where the `wait` starts.
  public var location: SourceLocation
  /// The `until` condition as written.
  public var condition: String
  /// Seconds since the wait started.
  public var elapsed: Double
  /// Attempts made so far.
  public var attempts: Int
  /// The last values of the condition's operands, e.g. `left: "running", right: "done"`.
  public var operands: String
  /// True on the final update (condition met, timed out or failed).
  public var finished: Bool
  /// `waiting 12s (6 attempts): .applicationStatus == "done"  (left: "running", right: "done")`.
  public var line: String {
    let ops = operands.isEmpty ? "" : "  (\(operands))"
    return "waiting \(Durations.format(elapsed)) (\(attempts) attempt\(attempts == 1 ? "" : "s")): \(condition)\(ops)"
  }
}
