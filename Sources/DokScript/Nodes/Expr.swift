import DokCore

/// An expression node. Nodes evaluate themselves (a tree of final classes is the fastest
/// shape for a Swift interpreter: child loads need no retain, dispatch is one virtual call).
/// Evaluation is synchronous, in one way for every node; a call suspends and replays the
/// statement (see ``Interpreter/observe(_:)``).
class Expr {
  let pos: Pos
  /// This subtree contains a call.
  let hasCall: Bool

  init(pos: Pos, hasCall: Bool = false) {
    self.pos = pos
    self.hasCall = hasCall
  }

  func eval(_ s: Interpreter) throws(Failure) -> JSON {
    throw s.fail("internal error: expression cannot be evaluated", pos)
  }

  /// Direct subexpressions (for the checker).
  var children: [Expr] { [] }

  /// The value when it is known without running anything.
  var constantValue: JSON? { nil }
}

/// A constant.
final class LiteralExpr: Expr {
  let literal: JSON
  init(_ v: JSON, pos: Pos) {
    literal = v
    super.init(pos: pos)
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON { literal }
  override var constantValue: JSON? { literal }
}

/// `$name`, read from its slot.
final class VariableExpr: Expr {
  let slot: Int
  let name: String
  init(slot: Int, name: String, pos: Pos) {
    self.slot = slot
    self.name = name
    super.init(pos: pos)
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    if let v = s.slots[slot] { return v }
    throw s.undefined(name, pos)
  }
}

/// `$_`.
final class LastResultExpr: Expr {
  override func eval(_ s: Interpreter) throws(Failure) -> JSON { try s.observe { s.lastResult } }
}

/// `$N`: the Nth call result.
final class ResultRefExpr: Expr {
  let index: Int
  init(index: Int, pos: Pos) {
    self.index = index
    super.init(pos: pos)
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON { try s.observe { () throws(Failure) in try read(s) } }

  private func read(_ s: Interpreter) throws(Failure) -> JSON {
    if let v = s.history.result(index) { return v }
    let n = s.history.count
    if index <= n {
      throw s.fail(
        "$\(index) is no longer kept (a session keeps the last \(s.history.limit) call results: $\(s.history.firstKept) to $\(n))",
        pos)
    }
    throw s.fail("undefined variable $\(index) (there \(n == 1 ? "is" : "are") \(n) call result\(n == 1 ? "" : "s") so far)", pos)
  }
}

/// `.`: `$_` at top level, the element in `filter`/`map`/…, the latest result in `wait`.
final class CurrentExpr: Expr {
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    if let v = s.state.current { return v }
    return try s.observe { s.lastResult }
  }
}
