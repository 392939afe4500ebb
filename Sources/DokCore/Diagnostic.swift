/// A problem found in some source text (a script, a document), as a value: the core never
/// prints. ``DiagnosticRenderer`` turns it into `file:line:col: error: message`, the source
/// line and a caret, in one place.
public struct Diagnostic: Error, Sendable, Equatable {
  /// How bad it is.
  public enum Severity: String, Sendable { case error, warning, note }

  public var severity: Severity
  public var message: String
  /// Where it is; nil for problems that have no position.
  public var location: SourceLocation?
  /// Extra lines printed after the caret (hints, "did you mean").
  public var notes: [String]

  public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil, notes: [String] = []) {
    self.severity = severity
    self.message = message
    self.location = location
    self.notes = notes
  }
}

/// A 1-based position in a named source.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  /// The file name as the user gave it (or `<stdin>`, `<repl>`).
  public var file: String
  public var line: Int
  public var column: Int
  /// Length of the highlighted range in characters (at least 1).
  public var length: Int

  public init(file: String, line: Int, column: Int, length: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
    self.length = max(1, length)
  }

  public var description: String { "\(file):\(line):\(column)" }
}
