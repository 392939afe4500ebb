import DokCore

/// `$name = <expr or call>`.
final class AssignStmt: Stmt {
  let slot: Int
  let name: String
  let expr: Expr
  init(slot: Int, name: String, expr: Expr, pos: Pos, text: String) {
    self.slot = slot
    self.name = name
    self.expr = expr
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { [expr] }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    let v = try expr.eval(s)
    if s.tracing || s.state.depth == 0 { return report(v, s) }
    s.slots[slot] = v
    return .done
  }

  /// Assigns `v` and reports it: a top-level call to the sink, the value to `--trace`.
  private func report(_ v: JSON, _ s: Interpreter) -> Step {
    s.slots[slot] = v
    if s.state.depth == 0, let call = expr as? CallExpr {
      s.emitCall(call, s.lastCallArguments, v, statement: text)
    }
    if s.tracing { s.traceValue = v }
    return .done
  }
}
