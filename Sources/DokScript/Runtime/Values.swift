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

  /// How deep values built at run time may nest (arrays and objects inside one another): the
  /// depth JSON text may have (``JSONParser/maxDepth``). Deeper values would overflow the stack
  /// when printed, compared or freed.
  static let maxNesting = JSONParser.maxDepth

  /// Fails when an array or object holding `elements` would nest deeper than ``maxNesting``.
  static func checkNesting(_ elements: [JSON], _ s: Interpreter, _ pos: Pos) throws(Failure) {
    for e in elements where nests(e, deeperThan: maxNesting - 1) {
      throw s.fail("a value may nest at most \(maxNesting) levels (arrays and objects inside one another)", pos)
    }
  }

  /// True when `v` has more than `limit` levels of arrays and objects (looks no deeper).
  private static func nests(_ v: JSON, deeperThan limit: Int) -> Bool {
    switch v {
    case .array(let a): return limit == 0 || a.contains { nests($0, deeperThan: limit - 1) }
    case .object(let o): return limit == 0 || o.values.contains { nests($0, deeperThan: limit - 1) }
    default: return false
    }
  }

  /// What `print` and interpolation show: strings bare, everything else compact JSON.
  static func text(_ v: JSON) -> String {
    if case .string(let s) = v { return s }
    return JSONWriter.compact(v)
  }
}
