import DokCore

/// A call or expression on its own: the REPL shows its value.
final class ExprStmt: Stmt {
  let expr: Expr
  init(expr: Expr, pos: Pos, text: String) {
    self.expr = expr
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { [expr] }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    let v = try expr.eval(s)
    if s.tracing { s.traceValue = v }
    guard s.state.depth == 0 else { return .done }
    if let call = expr as? CallExpr {
      s.emitCall(call, s.lastCallArguments, v, statement: text)
      s.sink.result(v, index: s.results.count)
    } else {
      s.sink.result(v, index: nil)
    }
    return .done
  }
}
