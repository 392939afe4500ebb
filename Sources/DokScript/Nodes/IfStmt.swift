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
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { conditions }
  override var blocks: [(block: Block, isLoop: Bool)] {
    bodies.map { ($0, false) } + (elseBody.map { [($0, false)] } ?? [])
  }
  override var tracesAfter: Bool { false }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    for i in conditions.indices where try conditions[i].eval(s).isTruthy {
      m.enter(bodies[i], s)
      return .entered
    }
    if let elseBody {
      m.enter(elseBody, s)
      return .entered
    }
    return .done
  }
}
