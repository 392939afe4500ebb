import DokCore

/// `print a, b`: strings bare, other values compact JSON, joined by one space.
final class PrintStmt: Stmt {
  let exprs: [Expr]
  init(exprs: [Expr], pos: Pos, text: String) {
    self.exprs = exprs
    super.init(pos: pos, text: text, isSync: !exprs.contains { $0.hasCall })
  }
  override var expressions: [Expr] { exprs }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    var parts: [String] = []
    for e in exprs { parts.append(Values.text(try e.eval(s))) }
    s.sink.print(parts.joined(separator: " "))
    return .normal
  }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    var parts: [String] = []
    for e in exprs { parts.append(Values.text(try await e.value(s))) }
    s.sink.print(parts.joined(separator: " "))
    return .normal
  }
}
