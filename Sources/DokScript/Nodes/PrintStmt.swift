import DokCore

/// `print a, b`: strings bare, other values compact JSON, joined by one space.
final class PrintStmt: Stmt {
  let exprs: [Expr]
  init(exprs: [Expr], pos: Pos, text: String) {
    self.exprs = exprs
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { exprs }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    var parts: [String] = []
    for e in exprs { parts.append(Values.text(try e.eval(s))) }
    s.sink.print(parts.joined(separator: " "))
    return .done
  }
}
