import DokCore

/// `while <expr> { … }`.
final class WhileStmt: Stmt {
  let condition: Expr
  let body: Block
  init(condition: Expr, body: Block, pos: Pos, text: String) {
    self.condition = condition
    self.body = body
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { [condition] }
  override var blocks: [(block: Block, isLoop: Bool)] { [(body, true)] }
  override var tracesAfter: Bool { false }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    var f = Frame(block: body, kind: .loop, owner: nil)
    guard try again(s, &f) else { return .done }
    m.enterLoop(body, self, s)
    return .entered
  }

  override func again(_ s: Interpreter, _ f: inout Frame) throws(Failure) -> Bool {
    guard try condition.eval(s).isTruthy else { return false }
    try s.tick()
    return true
  }
}
