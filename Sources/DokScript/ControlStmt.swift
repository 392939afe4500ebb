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

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    for i in conditions.indices where try conditions[i].eval(s).isTruthy {
      return try s.runBlockSync(bodies[i])
    }
    if let elseBody { return try s.runBlockSync(elseBody) }
    return .normal
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    for i in conditions.indices where try await conditions[i].value(s).isTruthy {
      return try await s.runBlock(bodies[i])
    }
    if let elseBody { return try await s.runBlock(elseBody) }
    return .normal
  }
}

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

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    while try condition.eval(s).isTruthy {
      try s.tick()
      if try s.runBlockSync(body) == .breakLoop { break }
    }
    return .normal
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    while try await condition.value(s).isTruthy {
      if Task.isCancelled { throw .cancelled }
      if try await s.runBlock(body) == .breakLoop { break }
    }
    return .normal
  }
}

/// `for $x in <expr or call> { … }`: array elements, object keys, lazy integer ranges.
final class ForStmt: Stmt {
  let slot: Int
  let iterable: Expr
  let body: Block
  init(slot: Int, iterable: Expr, body: Block, pos: Pos, text: String) {
    self.slot = slot
    self.iterable = iterable
    self.body = body
    super.init(pos: pos, text: text, isSync: !iterable.hasCall && body.isSync)
  }
  override var expressions: [Expr] { [iterable] }
  override var blocks: [(block: Block, isLoop: Bool)] { [(body, true)] }
  override var tracesAfter: Bool { false }

  func items(_ v: JSON, _ s: Session) throws(Failure) -> [JSON] {
    switch v {
    case .array(let a): return a
    case .object(let o): return o.keys.map { .string($0) }
    case .string(let str): return str.map { .string(String($0)) }
    default: throw s.fail("cannot iterate over \(Values.describeType(v)) (for needs an array, object or range)", iterable.pos)
    }
  }

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    if let range = iterable as? RangeExpr {
      let (lo, hi) = try range.bounds(try range.lower.eval(s), try range.upper.eval(s), s)
      if lo > hi { return .normal }
      var i = lo
      while true {
        s.slots[slot] = .number(Double(i))
        try s.tick()
        if try s.runBlockSync(body) == .breakLoop || i == hi { break }
        i += 1
      }
      return .normal
    }
    for item in try items(try iterable.eval(s), s) {
      s.slots[slot] = item
      try s.tick()
      if try s.runBlockSync(body) == .breakLoop { break }
    }
    return .normal
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    if let range = iterable as? RangeExpr {
      let l = try await range.lower.value(s)
      let (lo, hi) = try range.bounds(l, try await range.upper.value(s), s)
      if lo > hi { return .normal }
      var i = lo
      while true {
        s.slots[slot] = .number(Double(i))
        if Task.isCancelled { throw .cancelled }
        if try await s.runBlock(body) == .breakLoop || i == hi { break }
        i += 1
      }
      return .normal
    }
    for item in try items(try await iterable.value(s), s) {
      s.slots[slot] = item
      if Task.isCancelled { throw .cancelled }
      if try await s.runBlock(body) == .breakLoop { break }
    }
    return .normal
  }
}

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

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    s.tryDepth += 1
    do {
      let f = try s.runBlockSync(body)
      s.tryDepth -= 1
      return f
    } catch {
      s.tryDepth -= 1
      guard error.isCatchable else { throw error }
      if let slot { s.slots[slot] = error.errorValue }
      return try s.runBlockSync(handler)
    }
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    s.tryDepth += 1
    do {
      let f = try await s.runBlock(body)
      s.tryDepth -= 1
      return f
    } catch {
      s.tryDepth -= 1
      guard error.isCatchable else { throw error }
      if let slot { s.slots[slot] = error.errorValue }
      return try await s.runBlock(handler)
    }
  }
}

/// `assert <expr>[, <message>]`.
final class AssertStmt: Stmt {
  let condition: Expr
  let message: Expr?
  /// The condition as written.
  let conditionText: String
  /// Where the condition starts (the caret of a failure).
  let conditionPos: Pos
  init(condition: Expr, message: Expr?, conditionText: String, conditionPos: Pos, pos: Pos, text: String) {
    self.conditionPos = conditionPos
    self.condition = condition
    self.message = message
    self.conditionText = conditionText
    super.init(pos: pos, text: text, isSync: !condition.hasCall && !(message?.hasCall ?? false))
  }
  override var expressions: [Expr] { [condition] + (message.map { [$0] } ?? []) }

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    let (ok, operands) = try Operands.evaluate(condition, s)
    if ok {
      s.recordAssert(self, passed: true, message: "")
      return .normal
    }
    let text = try message.map { e throws(Failure) in Values.text(try e.eval(s)) }
    return try fail(operands, text, s)
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    let (ok, operands) = try await Operands.evaluateAsync(condition, s)
    if ok {
      s.recordAssert(self, passed: true, message: "")
      return .normal
    }
    var text: String?
    if let message { text = Values.text(try await message.value(s)) }
    return try fail(operands, text, s)
  }

  private func fail(_ operands: String, _ userMessage: String?, _ s: Session) throws(Failure) -> Flow {
    var msg = "assertion failed: \(conditionText)"
    if !operands.isEmpty { msg += "  (\(operands))" }
    let notes = userMessage.map { [$0] } ?? []
    s.recordAssert(self, passed: false, message: ([msg] + notes).joined(separator: "\n"))
    let failure = Failure.assertion(msg, s.location(conditionPos), notes: notes)
    if s.options.keepGoing && s.tryDepth == 0 {
      s.failedAsserts += 1
      for d in failure.diagnostics { s.sink.diagnostic(d) }
      return .normal
    }
    throw failure
  }
}

/// Evaluates a condition and, for a comparison, shows both sides' values.
enum Operands {
  static func evaluate(_ e: Expr, _ s: Session) throws(Failure) -> (Bool, String) {
    if let b = e as? BinaryExpr, b.op.isComparison {
      let l = try b.lhs.eval(s)
      let r = try b.rhs.eval(s)
      return (try b.apply(l, r, s).isTruthy, "left: \(Values.show(l)), right: \(Values.show(r))")
    }
    let v = try e.eval(s)
    return (v.isTruthy, e is LiteralExpr ? "" : "value: \(Values.show(v))")
  }

  static func evaluateAsync(_ e: Expr, _ s: Session) async throws(Failure) -> (Bool, String) {
    if !e.hasCall { return try evaluate(e, s) }
    if let b = e as? BinaryExpr, b.op.isComparison {
      let l = try await b.lhs.value(s)
      let r = try await b.rhs.value(s)
      return (try b.apply(l, r, s).isTruthy, "left: \(Values.show(l)), right: \(Values.show(r))")
    }
    let v = try await e.evalAsync(s)
    return (v.isTruthy, "value: \(Values.show(v))")
  }
}
