import DokCore

/// `a..b`: an inclusive integer range; an array outside `for`.
final class RangeExpr: Expr {
  let lower: Expr, upper: Expr
  static let maxElements = 10_000_000
  init(_ l: Expr, _ u: Expr, pos: Pos) {
    lower = l
    upper = u
    super.init(pos: pos, hasCall: l.hasCall || u.hasCall)
  }
  override var children: [Expr] { [lower, upper] }

  func bounds(_ l: JSON, _ u: JSON, _ s: Interpreter) throws(Failure) -> (Int, Int) {
    guard case .number(let a) = l, case .number(let b) = u, a == a.rounded(.towardZero), b == b.rounded(.towardZero),
      abs(a) < 9e15, abs(b) < 9e15
    else {
      throw s.fail("a range needs integers, not \(Values.show(l))..\(Values.show(u))", pos)
    }
    return (Int(a), Int(b))
  }

  func array(_ lo: Int, _ hi: Int, _ s: Interpreter) throws(Failure) -> JSON {
    guard lo <= hi else { return .array([]) }
    guard hi - lo < RangeExpr.maxElements else {
      throw s.fail("range \(lo)..\(hi) is too large for an array (use it in 'for')", pos)
    }
    return .array((lo...hi).map { .number(Double($0)) })
  }

  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    let (lo, hi) = try bounds(try lower.eval(s), try upper.eval(s), s)
    return try array(lo, hi, s)
  }
}
