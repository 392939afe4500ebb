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
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { [condition] + (message.map { [$0] } ?? []) }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    let (ok, operands) = try Operands.evaluate(condition, s)
    if ok {
      s.recordAssert(self, passed: true, message: "")
      return .done
    }
    let text = try message.map { e throws(Failure) in Values.text(try e.eval(s)) }
    return try fail(operands, text, s)
  }

  private func fail(_ operands: Operands, _ userMessage: String?, _ s: Interpreter) throws(Failure) -> Step {
    var msg = "assertion failed: \(conditionText)"
    let shown = operands.text(s)
    if !shown.isEmpty { msg += "  (\(shown))" }
    let notes = userMessage.map { [$0] } ?? []
    s.recordAssert(self, passed: false, message: ([msg] + notes).joined(separator: "\n"))
    let failure = Failure.assertion(msg, s.location(conditionPos), notes: notes, message: userMessage)
    if s.options.keepGoing && s.state.tryDepth == 0 {
      s.state.wentOn(past: ExitStatus.assertionFailed.code, failure.code)
      for d in failure.diagnostics { s.sink.diagnostic(d) }
      return .done
    }
    throw failure
  }
}
