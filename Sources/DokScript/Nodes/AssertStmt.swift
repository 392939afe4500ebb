import DokCore

/// `assert <expr>[, <message>]`.
final class AssertStmt: Stmt {
  let condition: Expr
  let message: Expr?
  /// The condition as written.
  let conditionText: String
  /// Where the condition starts (the caret of a failure).
  let conditionPos: Pos
  init(condition: Expr, message: Expr?, conditionText: String, conditionPos: Pos, pos: Pos, text: String) {
    self.conditionPos = conditionPos
    self.condition = condition
    self.message = message
    self.conditionText = conditionText
    super.init(pos: pos, text: text, isSync: !condition.hasCall && !(message?.hasCall ?? false))
  }
  override var expressions: [Expr] { [condition] + (message.map { [$0] } ?? []) }

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    let (ok, operands) = try Operands.evaluate(condition, s)
    if ok {
      s.recordAssert(self, passed: true, message: "")
      return .normal
    }
    let text = try message.map { e throws(Failure) in Values.text(try e.eval(s)) }
    return try fail(operands, text, s)
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    let (ok, operands) = try await Operands.evaluateAsync(condition, s)
    if ok {
      s.recordAssert(self, passed: true, message: "")
      return .normal
    }
    var text: String?
    if let message { text = Values.text(try await message.value(s)) }
    return try fail(operands, text, s)
  }

  private func fail(_ operands: Operands, _ userMessage: String?, _ s: Session) throws(Failure) -> Flow {
    var msg = "assertion failed: \(conditionText)"
    let shown = operands.text
    if !shown.isEmpty { msg += "  (\(shown))" }
    let notes = userMessage.map { [$0] } ?? []
    s.recordAssert(self, passed: false, message: ([msg] + notes).joined(separator: "\n"))
    let failure = Failure.assertion(msg, s.location(conditionPos), notes: notes)
    if s.options.keepGoing && s.tryDepth == 0 {
      s.failedAsserts += 1
      for d in failure.diagnostics { s.sink.diagnostic(d) }
      return .normal
    }
    throw failure
  }
}

/// Evaluates a condition and keeps what a message about it shows: both sides of a comparison,
/// else the value. The text is rendered only when asked for (a passing assert needs none).
enum Operands {
  case none
  case sides(JSON, JSON)
  case value(JSON)

  /// `left: …, right: …`, `value: …`, or empty.
  var text: String {
    switch self {
    case .none: ""
    case .sides(let l, let r): "left: \(Values.show(l)), right: \(Values.show(r))"
    case .value(let v): "value: \(Values.show(v))"
    }
  }

  static func evaluate(_ e: Expr, _ s: Session) throws(Failure) -> (Bool, Operands) {
    if let b = e as? BinaryExpr, b.op.isComparison {
      let l = try b.lhs.eval(s)
      let r = try b.rhs.eval(s)
      return (try b.apply(l, r, s).isTruthy, .sides(l, r))
    }
    let v = try e.eval(s)
    return (v.isTruthy, e is LiteralExpr ? .none : .value(v))
  }

  static func evaluateAsync(_ e: Expr, _ s: Session) async throws(Failure) -> (Bool, Operands) {
    if !e.hasCall { return try evaluate(e, s) }
    if let b = e as? BinaryExpr, b.op.isComparison {
      let l = try await b.lhs.value(s)
      let r = try await b.rhs.value(s)
      return (try b.apply(l, r, s).isTruthy, .sides(l, r))
    }
    let v = try await e.evalAsync(s)
    return (v.isTruthy, .value(v))
  }
}
