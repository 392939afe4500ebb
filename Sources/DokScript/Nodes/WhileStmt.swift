import DokCore

/// `while <expr> { … }`.
final class WhileStmt: Stmt {
  let condition: Expr
  let body: Block
  init(condition: Expr, body: Block, pos: Pos, text: String) {
    self.condition = condition
    self.body = body
    super.init(pos: pos, text: text, isSync: !condition.hasCall && body.isSync)
  }
  override var expressions: [Expr] { [condition] }
  override var blocks: [(block: Block, isLoop: Bool)] { [(body, true)] }
  override var tracesAfter: Bool { false }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    while try condition.eval(s).isTruthy {
      try s.tick()
      if try s.runBlockSync(body) == .breakLoop { break }
    }
    return .normal
  }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    while try await condition.value(s).isTruthy {
      try s.tick()
      if try await s.runBlock(body) == .breakLoop { break }
    }
    return .normal
  }
}
