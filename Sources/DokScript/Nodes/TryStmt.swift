import DokCore

/// `try { … } catch $err { … }`.
final class TryStmt: Stmt {
  let body: Block
  let slot: Int?
  let handler: Block
  init(body: Block, slot: Int?, handler: Block, pos: Pos, text: String) {
    self.body = body
    self.slot = slot
    self.handler = handler
    super.init(pos: pos, text: text, isSync: body.isSync && handler.isSync)
  }
  override var blocks: [(block: Block, isLoop: Bool)] { [(body, false), (handler, false)] }
  override var tracesAfter: Bool { false }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    s.state.tryDepth += 1
    do {
      let f = try s.runBlockSync(body)
      s.state.tryDepth -= 1
      return f
    } catch {
      s.state.tryDepth -= 1
      guard error.isCatchable else { throw error }
      if let slot { s.slots[slot] = error.errorValue }
      return try s.runBlockSync(handler)
    }
  }

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    s.state.tryDepth += 1
    do {
      let f = try await s.runBlock(body)
      s.state.tryDepth -= 1
      return f
    } catch {
      s.state.tryDepth -= 1
      guard error.isCatchable else { throw error }
      if let slot { s.slots[slot] = error.errorValue }
      return try await s.runBlock(handler)
    }
  }
}
