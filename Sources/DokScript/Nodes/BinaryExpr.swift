import DokCore

/// The binary operators (except `&&`/`||`, which short-circuit).
enum BinaryOp: String, Sendable {
  case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
  case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", isIn = "in"

  var isComparison: Bool {
    switch self {
    case .eq, .ne, .lt, .le, .gt, .ge, .isIn: true
    default: false
    }
  }
}

/// `a op b`; a longer `+ -` or `* / %` chain is a ``ChainExpr``.
final class BinaryExpr: Expr {
  let op: BinaryOp
  let lhs: Expr, rhs: Expr
  /// The whole expression's text, for messages.
  let span: Span
  /// An operand read without evaluating it (the fast path of `$i + 1`, `$i < $n`): a variable's
  /// slot (else -1), or a number constant.
  private let leftSlot: Int, rightSlot: Int
  private let leftNumber: Double?, rightNumber: Double?
  /// Both operands can be read so, and `op` is `+ - *` or a comparison.
  private let direct: Bool

  init(_ op: BinaryOp, _ l: Expr, _ r: Expr, pos: Pos, span: Span) {
    self.op = op
    lhs = l
    rhs = r
    self.span = span
    leftSlot = (l as? VariableExpr)?.slot ?? -1
    rightSlot = (r as? VariableExpr)?.slot ?? -1
    leftNumber = (l as? LiteralExpr)?.literal.numberValue
    rightNumber = (r as? LiteralExpr)?.literal.numberValue
    direct =
      (leftSlot >= 0 || leftNumber != nil) && (rightSlot >= 0 || rightNumber != nil) && op != .div && op != .mod
      && op != .isIn
    super.init(pos: pos, hasCall: l.hasCall || r.hasCall)
  }
  override var children: [Expr] { [lhs, rhs] }

  /// The number a variable holds or a constant is, or nil (then the operand is evaluated).
  @inline(__always)
  private static func number(_ slot: Int, _ constant: Double?, _ s: Interpreter) -> Double? {
    guard slot >= 0 else { return constant }
    if case .number(let n)? = s.slots[slot] { return n }
    return nil
  }

  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    if direct, let a = BinaryExpr.number(leftSlot, leftNumber, s), let b = BinaryExpr.number(rightSlot, rightNumber, s) {
      if let v = try numbers(a, b, s) { return v }
      return try apply(.number(a), .number(b), s)
    }
    let l = try lhs.eval(s)
    let r = try rhs.eval(s)
    if case .number(let a) = l, case .number(let b) = r, let v = try numbers(a, b, s) { return v }
    return try apply(l, r, s)
  }

  /// `a op b` on two numbers for `+ - *` and comparisons (nil for the other operators).
  @inline(__always)
  private func numbers(_ a: Double, _ b: Double, _ s: Interpreter) throws(Failure) -> JSON? {
    switch op {
    case .add, .sub, .mul: return .number(try Numbers.arithmetic(op, a, b, s, pos) { s.snippet(span) })
    case .lt: return .bool(a < b)
    case .le: return .bool(a <= b)
    case .gt: return .bool(a > b)
    case .ge: return .bool(a >= b)
    case .eq: return .bool(a == b)
    case .ne: return .bool(a != b)
    default: return nil
    }
  }

  func apply(_ l: JSON, _ r: JSON, _ s: Interpreter) throws(Failure) -> JSON {
    try BinaryExpr.apply(op, l, r, s, pos) { s.snippet(span) }
  }

  /// `l op r` with the contract's rules; `expression` names the expression in number errors.
  static func apply(_ op: BinaryOp, _ l: JSON, _ r: JSON, _ s: Interpreter, _ pos: Pos, _ expression: () -> String)
    throws(Failure) -> JSON
  {
    switch op {
    case .eq: return .bool(l == r)
    case .ne: return .bool(l != r)
    case .lt, .le, .gt, .ge:
      let c: Int
      switch (l, r) {
      case (.number(let a), .number(let b)): c = a < b ? -1 : a > b ? 1 : 0
      case (.string(let a), .string(let b)): c = JSONText.order(a, b)
      default:
        throw s.fail("cannot compare \(Values.describeType(l)) and \(Values.describeType(r)) with \(op.rawValue)", pos)
      }
      switch op {
      case .lt: return .bool(c < 0)
      case .le: return .bool(c <= 0)
      case .gt: return .bool(c > 0)
      default: return .bool(c >= 0)
      }
    case .isIn:
      switch r {
      case .array(let a): return .bool(a.contains(l))
      case .object(let o):
        guard case .string(let k) = l else {
          throw s.fail("'in' on an object needs a string key, not \(Values.describeType(l))", pos)
        }
        return .bool(o[k] != nil)
      case .string(let str):
        guard case .string(let sub) = l else {
          throw s.fail("'in' on a string needs a string, not \(Values.describeType(l))", pos)
        }
        return .bool(sub.isEmpty || str.contains(sub))
      default:
        throw s.fail("'in' needs an array, object or string on the right, not \(Values.describeType(r))", pos)
      }
    case .add:
      switch (l, r) {
      case (.number(let a), .number(let b)): return .number(try Numbers.arithmetic(.add, a, b, s, pos, expression))
      case (.string(let a), .string(let b)): return .string(a + b)
      case (.array(let a), .array(let b)): return .array(a + b)
      case (.object(var a), .object(let b)):
        for (k, v) in b.pairs { a[k] = v }
        return .object(a)
      case (.string, _), (_, .string):
        throw s.fail("cannot add \(Values.describeType(l)) and \(Values.describeType(r)) (use str() to make text)", pos)
      default:
        throw s.fail("cannot add \(Values.describeType(l)) and \(Values.describeType(r))", pos)
      }
    case .sub, .mul, .div, .mod:
      guard case .number(let a) = l, case .number(let b) = r else {
        throw s.fail("cannot apply \(op.rawValue) to \(Values.describeType(l)) and \(Values.describeType(r))", pos)
      }
      switch op {
      case .sub, .mul: return .number(try Numbers.arithmetic(op, a, b, s, pos, expression))
      case .div:
        if b == 0 { throw s.fail("division by zero", pos) }
        let q = a / b
        if !q.isFinite { throw s.fail("\(expression()): the result is not a finite number (overflow)", pos) }
        return .number(q)
      default:
        if b == 0 { throw s.fail("division by zero (in %)", pos) }
        return .number(a.truncatingRemainder(dividingBy: b))
      }
    }
  }
}
