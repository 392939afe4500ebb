import DokCore

/// Where a run's output goes. The core never prints; every method has a no-op default.
public protocol ScriptSink: AnyObject {
  /// `print` output: one line, without the newline.
  func print(_ line: String)
  /// `--trace`: one executed statement with its location and a one-line result.
  func trace(_ event: TraceEvent)
  /// A `wait` in progress (called after every attempt; `finished` on the last one).
  func waitProgress(_ progress: WaitProgress)
  /// The value of a top-level call or expression statement (the REPL prints it).
  func result(_ value: JSON, index: Int?)
  /// Every executed top-level call statement, for recorders.
  func call(_ event: CallEvent)
  /// A non-fatal problem, or a failure the debug hook chose to continue past.
  func diagnostic(_ diagnostic: Diagnostic)
}

extension ScriptSink {
  public func print(_ line: String) {}
  public func trace(_ event: TraceEvent) {}
  public func waitProgress(_ progress: WaitProgress) {}
  public func result(_ value: JSON, index: Int?) {}
  public func call(_ event: CallEvent) {}
  public func diagnostic(_ diagnostic: Diagnostic) {}
}

/// A sink that drops everything.
public final class NullSink: ScriptSink {
  public init() {}
}

/// One `--trace` line.
public struct TraceEvent: Sendable {
  /// Where the statement starts.
  public var location: SourceLocation
  /// The statement's source text (its first line).
  public var statement: String
  /// A one-line summary of what it produced (compact JSON, shortened), or "" when nothing.
  public var result: String
  /// `file:line:col: statement  => result`.
  public var line: String {
    result.isEmpty ? "\(location): \(statement)" : "\(location): \(statement)  => \(result)"
  }
}

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

/// An executed top-level call statement.
public struct CallEvent: Sendable {
  /// `router.procedure`.
  public var procedure: String
  /// The arguments as evaluated.
  public var arguments: [CallArgument]
  /// The arguments' source text as written (`applicationId=$app.applicationId title="x"`).
  public var argumentsText: String
  /// The whole statement as written (`$x = application.one applicationId=abc`).
  public var statement: String
  /// The decoded reply.
  public var result: JSON
  /// N in `$N`.
  public var resultIndex: Int
  /// Where the call is.
  public var location: SourceLocation
}

/// Duration formatting shared by waits and reports.
public enum Durations {
  /// `250ms`, `12s`, `1.5s`, `2m30s`, `1h5m`.
  public static func format(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds < 1e12 else { return "\(seconds)s" }
    if seconds < 1 && seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
    if seconds < 60 {
      let r = (seconds * 10).rounded() / 10
      return r == r.rounded() ? "\(Int(r))s" : "\(r)s"
    }
    let total = Int(seconds.rounded())
    let h = total / 3600, m = (total % 3600) / 60, s = total % 60
    if h > 0 { return m > 0 ? "\(h)h\(m)m" : "\(h)h" }
    return s > 0 ? "\(m)m\(s)s" : "\(m)m"
  }
}
