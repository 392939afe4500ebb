/// How a result is printed.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Indented JSON (coloured on a terminal).
  case pretty
  /// Compact JSON on one line.
  case json
  /// Strings without quotes (one per line for an array of strings); other values as compact JSON.
  case raw
  /// YAML (block style).
  case yaml
  /// A text table for an array of objects (other values fall back to pretty JSON).
  case table
}
