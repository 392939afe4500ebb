import DokCore

/// Unary `-`.
final class NegateExpr: Expr {
  let operand: Expr
  init(_ e: Expr, pos: Pos) {
    operand = e
    super.init(pos: pos, hasCall: e.hasCall)
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON { try apply(try operand.eval(s), s) }
  override var children: [Expr] { [operand] }
  func apply(_ v: JSON, _ s: Interpreter) throws(Failure) -> JSON {
    if case .number(let n) = v { return .number(-n) }
    throw s.fail("cannot negate \(Values.describeType(v))", pos)
  }
}

/// `!x`: the negated truthiness.
final class NotExpr: Expr {
  let operand: Expr
  init(_ e: Expr, pos: Pos) {
    operand = e
    super.init(pos: pos, hasCall: e.hasCall)
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON { .bool(!(try operand.eval(s)).isTruthy) }
  override var children: [Expr] { [operand] }
}

/// `a && b && …`: short-circuits and returns the deciding operand. A chain is kept flat.
final class AndExpr: Expr {
  let operands: [Expr]
  /// Each operand's text (for wait and assert messages).
  let spans: [Span]
  init(_ operands: [Expr], spans: [Span], pos: Pos) {
    self.operands = operands
    self.spans = spans
    super.init(pos: pos, hasCall: operands.contains { $0.hasCall })
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    var v = JSON.null
    for e in operands {
      v = try e.eval(s)
      if !v.isTruthy { return v }
    }
    return v
  }
  override var children: [Expr] { operands }
}

/// `a || b || …`: short-circuits and returns the deciding operand. A chain is kept flat.
final class OrExpr: Expr {
  let operands: [Expr]
  /// Each operand's text (for wait and assert messages).
  let spans: [Span]
  init(_ operands: [Expr], spans: [Span], pos: Pos) {
    self.operands = operands
    self.spans = spans
    super.init(pos: pos, hasCall: operands.contains { $0.hasCall })
  }
  /// `$name || default` gives a default for a variable that was never set (a script argument
  /// not passed): an undefined variable left of any `||` of the chain reads as null.
  @inline(__always)
  static func unset(_ e: Expr, _ s: Interpreter) -> Bool {
    if let v = e as? VariableExpr, s.slots[v.slot] == nil { return true }
    return false
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    let last = operands.count - 1
    for i in 0..<last where !OrExpr.unset(operands[i], s) {
      let v = try operands[i].eval(s)
      if v.isTruthy { return v }
    }
    return try operands[last].eval(s)
  }
  override var children: [Expr] { operands }
}
