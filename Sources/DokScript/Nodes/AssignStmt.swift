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
    super.init(pos: pos, text: text, isSync: !expr.hasCall)
  }
  override var expressions: [Expr] { [expr] }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    let v = try expr.eval(s)
    s.slots[slot] = v
    if s.tracing { s.traceValue = v }
    return .normal
  }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    if let call = expr as? CallExpr, s.state.depth == 0 {
      let (v, args) = try await call.perform(s, record: true)
      s.slots[slot] = v
      s.emitCall(call, args, v, statement: text)
      if s.tracing { s.traceValue = v }
      return .normal
    }
    let v = try await expr.value(s)
    s.slots[slot] = v
    if s.tracing { s.traceValue = v }
    return .normal
  }
}
