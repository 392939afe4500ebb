import DokCore

/// `if … { } else if … { } else { }`.
final class IfStmt: Stmt {
  let conditions: [Expr]
  let bodies: [Block]
  let elseBody: Block?
  init(conditions: [Expr], bodies: [Block], elseBody: Block?, pos: Pos, text: String) {
    self.conditions = conditions
    self.bodies = bodies
    self.elseBody = elseBody
    let sync = !conditions.contains { $0.hasCall } && bodies.allSatisfy(\.isSync) && (elseBody?.isSync ?? true)
    super.init(pos: pos, text: text, isSync: sync)
  }
  override var expressions: [Expr] { conditions }
  override var blocks: [(block: Block, isLoop: Bool)] {
    bodies.map { ($0, false) } + (elseBody.map { [($0, false)] } ?? [])
  }
  override var tracesAfter: Bool { false }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    for i in conditions.indices where try conditions[i].eval(s).isTruthy {
      return try s.runBlockSync(bodies[i])
    }
    if let elseBody { return try s.runBlockSync(elseBody) }
    return .normal
  }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    for i in conditions.indices where try await conditions[i].value(s).isTruthy {
      return try await s.runBlock(bodies[i])
    }
    if let elseBody { return try await s.runBlock(elseBody) }
    return .normal
  }
}
