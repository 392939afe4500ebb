import DokCore

/// The contract's number rules: a result that is not finite, or an integer result beyond
/// ±2^53 that a double would round, is a runtime error naming the expression.
enum Numbers {
  /// 2^53: every integer up to this magnitude is exact in a double.
  static let safeLimit = ExactNumbers.safeLimit

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
}
