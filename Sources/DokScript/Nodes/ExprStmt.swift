import DokCore

/// A call or expression on its own: the REPL shows its value.
final class ExprStmt: Stmt {
  let expr: Expr
  init(expr: Expr, pos: Pos, text: String) {
    self.expr = expr
    super.init(pos: pos, text: text, isSync: !expr.hasCall)
  }
  override var expressions: [Expr] { [expr] }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    let v = try expr.eval(s)
    if s.tracing { s.traceValue = v }
    if s.state.depth == 0 { s.sink.result(v, index: nil) }
    return .normal
  }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    if let call = expr as? CallExpr {
      let (v, args) = try await call.perform(s, record: true)
      if s.tracing { s.traceValue = v }
      if s.state.depth == 0 {
        s.emitCall(call, args, v, statement: text)
        s.sink.result(v, index: s.results.count)
      }
      return .normal
    }
    let v = try await expr.value(s)
    if s.tracing { s.traceValue = v }
    if s.state.depth == 0 { s.sink.result(v, index: nil) }
    return .normal
  }
}
