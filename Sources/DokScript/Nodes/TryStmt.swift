import DokCore

/// `try { … } catch $err { … }`: the ``Machine`` runs the handler when a catchable failure
/// leaves the body.
final class TryStmt: Stmt {
  let body: Block
  let slot: Int?
  let handler: Block
  init(body: Block, slot: Int?, handler: Block, pos: Pos, text: String) {
    self.body = body
    self.slot = slot
    self.handler = handler
    super.init(pos: pos, text: text)
  }
  override var blocks: [(block: Block, isLoop: Bool)] { [(body, false), (handler, false)] }
  override var tracesAfter: Bool { false }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    m.enterTry(body, self, s)
    return .entered
  }
}
