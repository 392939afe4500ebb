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
  /// A `deploy` in progress: the progress line, new build-log lines, notes.
  func deploy(_ event: DeployEvent)
}

extension ScriptSink {
  public func print(_ line: String) {}
  public func trace(_ event: TraceEvent) {}
  public func waitProgress(_ progress: WaitProgress) {}
  public func result(_ value: JSON, index: Int?) {}
  public func call(_ event: CallEvent) {}
  public func diagnostic(_ diagnostic: Diagnostic) {}
  public func deploy(_ event: DeployEvent) {}
}

/// A sink that drops everything.
public final class NullSink: ScriptSink {
  public init() {}
}
