import DokCore

/// `break` or `continue`: the ``Machine`` acts on the returned ``Step``.
class LoopJumpStmt: Stmt {
  /// Parsed inside the body of a block whose header had a syntax error (the parser skipped the
  /// header and went on with the body): that header may have been a loop, so the check does
  /// not call this jump "outside a loop".
  let afterLostHeader: Bool
  init(pos: Pos, text: String, afterLostHeader: Bool) {
    self.afterLostHeader = afterLostHeader
    super.init(pos: pos, text: text)
  }
}

/// `break`.
final class BreakStmt: LoopJumpStmt {
  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step { .breakLoop }
}

/// `continue`.
final class ContinueStmt: LoopJumpStmt {
  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step { .continueLoop }
}

/// `exit [<expr>]`: an integer 0–255 (anything else is a runtime error); never caught by `try`.
final class ExitStmt: Stmt {
  let expr: Expr?
  init(expr: Expr?, pos: Pos, text: String) {
    self.expr = expr
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { expr.map { [$0] } ?? [] }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    throw .exit(try code(try expr?.eval(s) ?? .number(0), s))
  }

  func code(_ v: JSON, _ s: Interpreter) throws(Failure) -> Int32 {
    switch v {
    case .number(let n) where n == n.rounded(.towardZero) && n >= 0 && n <= 255: return Int32(n)
    default: throw s.fail("exit needs a whole number from 0 to 255, not \(Values.describeType(v))", pos)
    }
  }
}
