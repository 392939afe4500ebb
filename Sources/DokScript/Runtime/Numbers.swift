import DokCore

/// The contract's number rules: a result that is not finite, or an integer result beyond
/// ±2^53 that a double would round, is a runtime error naming the expression.
enum Numbers {
  /// 2^53: every integer up to this magnitude is exact in a double.
  static let safeLimit: Double = 9_007_199_254_740_992

  @inline(__always)
  static func isSafeInteger(_ d: Double) -> Bool { Swift.abs(d) <= safeLimit && d == d.rounded(.towardZero) }

  /// `a op b` for `+ - *`, checked. `expression` renders the expression's text for a message.
  @inline(__always)
  static func arithmetic(
    _ op: BinaryOp, _ a: Double, _ b: Double, _ s: Interpreter, _ pos: Pos, _ expression: () -> String
  ) throws(Failure) -> Double {
    let r: Double
    switch op {
    case .add: r = a + b
    case .sub: r = a - b
    default: r = a * b
    }
    if Swift.abs(r) < safeLimit { return r }
    try check(op, a, b, r, s, pos, expression)
    return r
  }

  /// The slow path of ``arithmetic``: fails for a non-finite result, or for two safe integers
  /// whose exact result a double cannot hold.
  static func check(
    _ op: BinaryOp, _ a: Double, _ b: Double, _ r: Double, _ s: Interpreter, _ pos: Pos, _ expression: () -> String
  ) throws(Failure) {
    guard r.isFinite else {
      throw s.fail("\(expression()): the result is not a finite number (overflow)", pos)
    }
    guard isSafeInteger(a), isSafeInteger(b) else { return }
    let exact: Bool
    switch op {
    case .add, .sub:
      let b2 = op == .add ? b : -b
      let bv = r - a
      exact = (a - (r - bv)) + (b2 - bv) == 0
    case .mul: exact = (-r).addingProduct(a, b) == 0
    default: exact = true
    }
    if !exact {
      throw s.fail(
        "\(expression()): the integer result is beyond ±2^53 and would be rounded (\(JSONWriter.formatNumber(r)))", pos)
    }
  }

  /// A literal or parsed number that cannot be kept exactly: nil when it is fine, else why not.
  static func literalProblem(_ text: Substring, _ value: Double) -> String? {
    guard value.isFinite else { return "the number \(text) is out of range (not a finite number)" }
    guard Swift.abs(value) >= safeLimit else { return nil }
    let digits = text.drop { $0 == "-" || $0 == "+" }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    let trimmed = digits.drop { $0 == "0" }
    guard value < 18_446_744_073_709_551_615 else { return nil }
    if String(UInt64(Swift.abs(value))) != trimmed {
      return "the integer \(text) is beyond ±2^53 and would be rounded to \(JSONWriter.formatNumber(value))"
    }
    return nil
  }

  /// True when `v` holds a number that is not finite (`parse("1e400")`).
  static func nonFinite(in v: JSON) -> Bool {
    switch v {
    case .number(let n): !n.isFinite
    case .array(let a): a.contains(where: nonFinite(in:))
    case .object(let o): o.values.contains(where: nonFinite(in:))
    default: false
    }
  }
}
