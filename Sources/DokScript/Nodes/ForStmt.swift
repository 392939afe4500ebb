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
    super.init(pos: pos, text: text)
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

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    if let range = iterable as? RangeExpr {
      let (lo, hi) = try range.bounds(try range.lower.eval(s), try range.upper.eval(s), s)
      if tracesHeader && s.tracing { s.traceHeader(self) }
      if lo > hi { return .done }
      s.slots[slot] = .number(Double(lo))
      try s.tick()
      m.enterLoop(body, self, s, i: lo, hi: hi)
      return .entered
    }
    let list = try items(try iterable.eval(s), s)
    if tracesHeader && s.tracing { s.traceHeader(self) }
    guard let first = list.first else { return .done }
    s.slots[slot] = first
    try s.tick()
    m.enterLoop(body, self, s, items: list)
    return .entered
  }

  override func again(_ s: Interpreter, _ f: inout Frame) throws(Failure) -> Bool {
    if !f.items.isEmpty {
      f.i += 1
      guard f.i < f.items.count else { return false }
      s.slots[slot] = f.items[f.i]
    } else {
      guard f.i < f.hi else { return false }
      f.i += 1
      s.slots[slot] = .number(Double(f.i))
    }
    try s.tick()
    return true
  }
}
