import DokCore

/// Formatting and naming of values for messages.
enum Values {
  /// `a number (3)`, `a string ("x")`, `null`.
  static func describeType(_ v: JSON) -> String {
    switch v {
    case .null: "null"
    case .bool: "a boolean (\(show(v)))"
    case .number: "a number (\(show(v)))"
    case .string: "a string (\(show(v)))"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// Compact JSON, shortened to `limit` characters.
  static func show(_ v: JSON, limit: Int = 60) -> String {
    let t = JSONWriter.compact(v)
    return t.count > limit ? String(t.prefix(limit - 1)) + "…" : t
  }

  /// What `print` and interpolation show: strings bare, everything else compact JSON.
  static func text(_ v: JSON) -> String {
    if case .string(let s) = v { return s }
    return JSONWriter.compact(v)
  }
}
