import DokCore

/// `[a, b]`.
final class ArrayExpr: Expr {
  let items: [Expr]
  init(_ items: [Expr], pos: Pos) {
    self.items = items
    super.init(pos: pos, hasCall: items.contains { $0.hasCall })
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    var out: [JSON] = []
    out.reserveCapacity(items.count)
    for e in items { out.append(try e.eval(s)) }
    try Values.checkNesting(out, s, pos)
    return .array(out)
  }
  override var children: [Expr] { items }
  override var constantValue: JSON? {
    var out: [JSON] = []
    for e in items {
      guard let v = e.constantValue else { return nil }
      out.append(v)
    }
    return .array(out)
  }
}

/// `{key: value}`.
final class ObjectExpr: Expr {
  let keys: [String]
  let values: [Expr]
  init(keys: [String], values: [Expr], pos: Pos) {
    self.keys = keys
    self.values = values
    super.init(pos: pos, hasCall: values.contains { $0.hasCall })
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    var o = JSONObject()
    for i in keys.indices { o[keys[i]] = try values[i].eval(s) }
    try Values.checkNesting(o.values, s, pos)
    return .object(o)
  }
  override var children: [Expr] { values }
  override var constantValue: JSON? {
    var o = JSONObject()
    for i in keys.indices {
      guard let v = values[i].constantValue else { return nil }
      o[keys[i]] = v
    }
    return .object(o)
  }
}

/// `"text ${expr} more"`.
final class InterpolationExpr: Expr {
  let texts: [String]
  /// `exprs[i]` goes after `texts[i]`; `texts` has one more element.
  let exprs: [Expr]
  init(texts: [String], exprs: [Expr], pos: Pos) {
    self.texts = texts
    self.exprs = exprs
    super.init(pos: pos, hasCall: exprs.contains { $0.hasCall })
  }
  /// A script argument interpolates as the text it was given (`tag=007` stays `007`).
  @inline(__always)
  private func argumentText(_ e: Expr, _ s: Interpreter) -> String? {
    guard !s.argumentTexts.isEmpty, let v = e as? VariableExpr else { return nil }
    return s.argumentText(v.slot)
  }
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    var out = texts[0]
    for i in exprs.indices {
      if let t = argumentText(exprs[i], s) { out += t } else { out += Values.text(try exprs[i].eval(s)) }
      out += texts[i + 1]
    }
    return .string(out)
  }
  override var children: [Expr] { exprs }
}
