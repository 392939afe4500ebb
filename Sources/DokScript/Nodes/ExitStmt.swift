import DokCore

/// `break`: loops act on the returned ``Flow``.
final class BreakStmt: Stmt {
  override func execSync(_ s: Interpreter) throws(Failure) -> Flow { .breakLoop }
}

/// `continue`.
final class ContinueStmt: Stmt {
  override func execSync(_ s: Interpreter) throws(Failure) -> Flow { .continueLoop }
}

/// `exit [<expr>]`: an integer 0–255 (anything else is a runtime error); never caught by `try`.
final class ExitStmt: Stmt {
  let expr: Expr?
  init(expr: Expr?, pos: Pos, text: String) {
    self.expr = expr
    super.init(pos: pos, text: text, isSync: !(expr?.hasCall ?? false))
  }
  override var expressions: [Expr] { expr.map { [$0] } ?? [] }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    throw .exit(try code(try expr?.eval(s) ?? .number(0), s))
  }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    var v = JSON.number(0)
    if let expr { v = try await expr.value(s) }
    throw .exit(try code(v, s))
  }

  func code(_ v: JSON, _ s: Interpreter) throws(Failure) -> Int32 {
    switch v {
    case .number(let n) where n == n.rounded(.towardZero) && n >= 0 && n <= 255: return Int32(n)
    default: throw s.fail("exit needs a whole number from 0 to 255, not \(Values.describeType(v))", pos)
    }
  }
}
