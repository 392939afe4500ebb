import DokCore

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
  override var tracesHeader: Bool { iterable.hasCall }

  func items(_ v: JSON, _ s: Interpreter) throws(Failure) -> [JSON] {
    switch v {
    case .array(let a): return a
    case .object(let o): return o.keys.map { .string($0) }
    case .string(let str): return str.map { .string(String($0)) }
    default: throw s.fail("cannot iterate over \(Values.describeType(v)) (for needs an array, object or range)", iterable.pos)
    }
  }

  override func execSync(_ s: Interpreter) throws(Failure) -> Flow {
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

  override func exec(_ s: Interpreter) async throws(Failure) -> Flow {
    if let range = iterable as? RangeExpr {
      let l = try await range.lower.value(s)
      let (lo, hi) = try range.bounds(l, try await range.upper.value(s), s)
      if lo > hi { return .normal }
      var i = lo
      while true {
        s.slots[slot] = .number(Double(i))
        try s.tick()
        if try await s.runBlock(body) == .breakLoop || i == hi { break }
        i += 1
      }
      return .normal
    }
    let value = try await iterable.value(s)
    if tracesHeader && s.tracing { s.traceHeader(self) }
    for item in try items(value, s) {
      s.slots[slot] = item
      try s.tick()
      if try await s.runBlock(body) == .breakLoop { break }
    }
    return .normal
  }
}
