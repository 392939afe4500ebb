import DokCore

/// Where the REPL writes: the standard streams in `dok`, a capture in tests. Every line the REPL
/// shows (results, `print`, notes, errors, listings) goes through one of these two closures.
public struct REPLWriter: Sendable {
  /// Standard output: results, `print` lines, listings.
  public var out: @Sendable (String) -> Void
  /// Standard error: notes, diagnostics, progress.
  public var err: @Sendable (String) -> Void

  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
    self.out = out
    self.err = err
  }

  /// The process's standard output and standard error, unbuffered.
  public static let standard = REPLWriter(out: { Output.stdout($0) }, err: { Output.stderr($0) })

  /// Writes `text` to descriptor 1 (out) or anything else (err), the shape ``TerminalSink`` uses.
  public func write(_ fd: Int32, _ text: String) { fd == 1 ? out(text) : err(text) }
}
