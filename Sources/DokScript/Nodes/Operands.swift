import DokCore

/// Evaluates a condition and keeps what a message about it shows: both sides of a comparison,
/// each leaf comparison of an `&&`/`||` chain, else the value. The text is rendered only when
/// asked for (a passing assert needs none).
indirect enum Operands {
  case none
  case sides(JSON, JSON)
  case value(JSON)
  /// The leaves of an `&&`/`||` chain that were evaluated: where their text is, and operands.
  case leaves([(Span, Operands)])

  /// `left: …, right: …`, `value: …`, `a == b: left: …, right: …; c: value: …`, or empty
  /// (leaf texts come from the source `s` is running).
  func text(_ s: Interpreter) -> String {
    switch self {
    case .none: ""
    case .sides(let l, let r): "left: \(Values.show(l)), right: \(Values.show(r))"
    case .value(let v): "value: \(Values.show(v))"
    case .leaves(let list):
      list.map { leaf in
        let t = leaf.1.text(s)
        let source = s.snippet(leaf.0)
        return t.isEmpty ? source : "\(source): \(t)"
      }.joined(separator: "; ")
    }
  }

  static func evaluate(_ e: Expr, _ s: Interpreter) throws(Failure) -> (Bool, Operands) {
    let (v, ops) = try leaf(e, s)
    return (v.isTruthy, ops)
  }

  /// The value of `e` and its operands; `&&`/`||` chains keep their own short-circuit rules.
  private static func leaf(_ e: Expr, _ s: Interpreter) throws(Failure) -> (JSON, Operands) {
    if let b = e as? BinaryExpr, b.op.isComparison {
      let l = try b.lhs.eval(s)
      let r = try b.rhs.eval(s)
      return (try b.apply(l, r, s), .sides(l, r))
    }
    if let o = e as? OrExpr {
      var leaves: [(Span, Operands)] = []
      var v = JSON.null
      for (i, x) in o.operands.enumerated() {
        if i < o.operands.count - 1 && OrExpr.unset(x, s) {
          leaves.append((o.spans[i], .value(.null)))
          continue
        }
        let (xv, ops) = try leaf(x, s)
        leaves.append((o.spans[i], ops))
        v = xv
        if v.isTruthy { break }
      }
      return (v, .leaves(leaves))
    }
    if let a = e as? AndExpr {
      var leaves: [(Span, Operands)] = []
      var v = JSON.null
      for (i, x) in a.operands.enumerated() {
        let (xv, ops) = try leaf(x, s)
        leaves.append((a.spans[i], ops))
        v = xv
        if !v.isTruthy { break }
      }
      return (v, .leaves(leaves))
    }
    let v = try e.eval(s)
    return (v, e is LiteralExpr ? .none : .value(v))
  }
}
