import DokCore

/// A left-associative chain of three or more `+ -` or `* / %` operands, kept flat: a long
/// chain is not nesting (it evaluates in a loop, without recursion).
final class ChainExpr: Expr {
  let operands: [Expr]
  let ops: [BinaryOp]
  /// Each operator's position (carets).
  let positions: [Pos]
  /// Where the chain starts, and where each operand ends (messages name the part evaluated so far).
  let start: Int32
  let ends: [Int32]
  init(operands: [Expr], ops: [BinaryOp], positions: [Pos], start: Int, ends: [Int]) {
    self.operands = operands
    self.ops = ops
    self.positions = positions
    self.start = Int32(clamping: start)
    self.ends = ends.map { Int32(clamping: $0) }
    super.init(pos: positions[0], hasCall: operands.contains { $0.hasCall })
  }
  override var children: [Expr] { operands }

  private func step(_ i: Int, _ acc: JSON, _ r: JSON, _ s: Interpreter) throws(Failure) -> JSON {
    let span = Span(Int(start), Int(ends[i + 1]))
    return try BinaryExpr.apply(ops[i], acc, r, s, positions[i]) { s.snippet(span) }
  }

  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    var acc = try operands[0].eval(s)
    for i in 0..<ops.count { acc = try step(i, acc, try operands[i + 1].eval(s), s) }
    return acc
  }

}
