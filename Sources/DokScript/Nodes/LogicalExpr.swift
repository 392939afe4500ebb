import DokCore

/// Unary `-`.
final class NegateExpr: Expr {
  let operand: Expr
  init(_ e: Expr, pos: Pos) {
    operand = e
    super.init(pos: pos, hasCall: e.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON { try apply(try operand.eval(s), s) }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON { try apply(try await operand.evalAsync(s), s) }
  override var children: [Expr] { [operand] }
  func apply(_ v: JSON, _ s: Session) throws(Failure) -> JSON {
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
  override func eval(_ s: Session) throws(Failure) -> JSON { .bool(!(try operand.eval(s)).isTruthy) }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON { .bool(!(try await operand.evalAsync(s)).isTruthy) }
  override var children: [Expr] { [operand] }
}

/// `a && b`: short-circuits and returns the deciding operand.
final class AndExpr: Expr {
  let lhs: Expr, rhs: Expr
  init(_ l: Expr, _ r: Expr, pos: Pos) {
    lhs = l
    rhs = r
    super.init(pos: pos, hasCall: l.hasCall || r.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    let l = try lhs.eval(s)
    return l.isTruthy ? try rhs.eval(s) : l
  }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    let l = try await lhs.value(s)
    return l.isTruthy ? try await rhs.value(s) : l
  }
  override var children: [Expr] { [lhs, rhs] }
}

/// `a || b`: short-circuits and returns the deciding operand.
final class OrExpr: Expr {
  let lhs: Expr, rhs: Expr
  init(_ l: Expr, _ r: Expr, pos: Pos) {
    lhs = l
    rhs = r
    super.init(pos: pos, hasCall: l.hasCall || r.hasCall)
  }
  /// `$name || default` gives a default for a variable that was never set (a script argument
  /// not passed), so an undefined variable directly on the left of `||` reads as null.
  private func left(_ s: Session) -> JSON? {
    if let v = lhs as? VariableExpr, s.slots[v.slot] == nil { return .null }
    return nil
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    let l: JSON
    if let undefined = left(s) { l = undefined } else { l = try lhs.eval(s) }
    return l.isTruthy ? l : try rhs.eval(s)
  }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    let l: JSON
    if let undefined = left(s) { l = undefined } else { l = try await lhs.value(s) }
    return l.isTruthy ? l : try await rhs.value(s)
  }
  override var children: [Expr] { [lhs, rhs] }
}
