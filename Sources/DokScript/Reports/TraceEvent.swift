import DokCore

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
