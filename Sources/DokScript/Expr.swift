import DokCore

/// An expression node. Nodes evaluate themselves (a tree of final classes is the fastest
/// shape for a Swift interpreter: child loads need no retain, dispatch is one virtual call).
/// Nodes without calls evaluate synchronously; `evalAsync` is used only where `hasCall`.
class Expr {
  let pos: Pos
  /// This subtree contains a call (and must be evaluated with `evalAsync`).
  let hasCall: Bool

  init(pos: Pos, hasCall: Bool = false) {
    self.pos = pos
    self.hasCall = hasCall
  }

  func eval(_ s: Session) throws(Failure) -> JSON {
    throw s.fail("internal error: a call cannot be evaluated here", pos)
  }

  func evalAsync(_ s: Session) async throws(Failure) -> JSON { try eval(s) }

  /// Direct subexpressions (for the checker).
  var children: [Expr] { [] }

  /// The value when it is known without running anything.
  var constantValue: JSON? { nil }
}

extension Expr {
  /// Evaluates synchronously when possible.
  @inline(__always)
  func value(_ s: Session) async throws(Failure) -> JSON {
    hasCall ? try await evalAsync(s) : try eval(s)
  }
}

final class LiteralExpr: Expr {
  let literal: JSON
  init(_ v: JSON, pos: Pos) {
    literal = v
    super.init(pos: pos)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON { literal }
  override var constantValue: JSON? { literal }
}

final class VariableExpr: Expr {
  let slot: Int
  let name: String
  init(slot: Int, name: String, pos: Pos) {
    self.slot = slot
    self.name = name
    super.init(pos: pos)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    if let v = s.slots[slot] { return v }
    throw s.undefined(name, pos)
  }
}

final class LastResultExpr: Expr {
  override func eval(_ s: Session) throws(Failure) -> JSON { s.lastResult }
}

final class ResultRefExpr: Expr {
  let index: Int
  init(index: Int, pos: Pos) {
    self.index = index
    super.init(pos: pos)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    guard index >= 1 && index <= s.results.count else {
      throw s.fail("undefined variable $\(index) (there \(s.results.count == 1 ? "is" : "are") \(s.results.count) call result\(s.results.count == 1 ? "" : "s") so far)", pos)
    }
    return s.results[index - 1]
  }
}

/// `.`: `$_` at top level, the element in `filter`/`map`/…, the latest result in `wait`.
final class CurrentExpr: Expr {
  override func eval(_ s: Session) throws(Failure) -> JSON { s.current ?? s.lastResult }
}

final class MemberExpr: Expr {
  let base: Expr
  let key: String
  /// The path as written, for errors.
  let path: String
  init(base: Expr, key: String, path: String, pos: Pos) {
    self.base = base
    self.key = key
    self.path = path
    super.init(pos: pos, hasCall: base.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON { try get(try base.eval(s), s) }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON { try get(try await base.evalAsync(s), s) }
  override var children: [Expr] { [base] }

  @inline(__always)
  func get(_ v: JSON, _ s: Session) throws(Failure) -> JSON {
    if case .object(let o) = v { return o[key] ?? .null }
    throw s.fail("\(path): cannot read .\(key) of \(Values.describeType(v))", pos)
  }
}

final class IndexExpr: Expr {
  let base: Expr
  let index: Expr
  let path: String
  init(base: Expr, index: Expr, path: String, pos: Pos) {
    self.base = base
    self.index = index
    self.path = path
    super.init(pos: pos, hasCall: base.hasCall || index.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON { try get(try base.eval(s), try index.eval(s), s) }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    let b = try await base.value(s)
    return try get(b, try await index.value(s), s)
  }
  override var children: [Expr] { [base, index] }

  func get(_ v: JSON, _ i: JSON, _ s: Session) throws(Failure) -> JSON {
    switch (v, i) {
    case (.array(let a), .number(let n)):
      if Swift.abs(n) > 1e15 { return .null }
      guard n == n.rounded(.towardZero) else { throw s.fail("\(path): index \(Values.show(i)) is not an integer", pos) }
      var k = Int(n)
      if k < 0 { k += a.count }
      return k >= 0 && k < a.count ? a[k] : .null
    case (.object(let o), .string(let key)):
      return o[key] ?? .null
    case (.string(let str), .number(let n)):
      if Swift.abs(n) > 1e15 { return .null }
      guard n == n.rounded(.towardZero) else { throw s.fail("\(path): index \(Values.show(i)) is not an integer", pos) }
      let chars = Array(str)
      var k = Int(n)
      if k < 0 { k += chars.count }
      return k >= 0 && k < chars.count ? .string(String(chars[k])) : .null
    case (.array, _):
      throw s.fail("\(path): an array index must be a number, not \(Values.describeType(i))", pos)
    case (.object, _):
      throw s.fail("\(path): an object key must be a string, not \(Values.describeType(i))", pos)
    default:
      throw s.fail("\(path): cannot index \(Values.describeType(v)) with [\(Values.show(i))]", pos)
    }
  }
}

final class NegateExpr: Expr {
  let operand: Expr
  init(_ e: Expr, pos: Pos) {
    operand = e
    super.init(pos: pos, hasCall: e.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON { try apply(try operand.eval(s), s) }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON { try apply(try await operand.evalAsync(s), s) }
  override var children: [Expr] { [operand] }
  func apply(_ v: JSON, _ s: Session) throws(Failure) -> JSON {
    if case .number(let n) = v { return .number(-n) }
    throw s.fail("cannot negate \(Values.describeType(v))", pos)
  }
}

final class NotExpr: Expr {
  let operand: Expr
  init(_ e: Expr, pos: Pos) {
    operand = e
    super.init(pos: pos, hasCall: e.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON { .bool(!(try operand.eval(s)).isTruthy) }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON { .bool(!(try await operand.evalAsync(s)).isTruthy) }
  override var children: [Expr] { [operand] }
}

final class AndExpr: Expr {
  let lhs: Expr, rhs: Expr
  init(_ l: Expr, _ r: Expr, pos: Pos) {
    lhs = l
    rhs = r
    super.init(pos: pos, hasCall: l.hasCall || r.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    let l = try lhs.eval(s)
    return l.isTruthy ? try rhs.eval(s) : l
  }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    let l = try await lhs.value(s)
    return l.isTruthy ? try await rhs.value(s) : l
  }
  override var children: [Expr] { [lhs, rhs] }
}

final class OrExpr: Expr {
  let lhs: Expr, rhs: Expr
  init(_ l: Expr, _ r: Expr, pos: Pos) {
    lhs = l
    rhs = r
    super.init(pos: pos, hasCall: l.hasCall || r.hasCall)
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    let l = try lhs.eval(s)
    return l.isTruthy ? l : try rhs.eval(s)
  }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    let l = try await lhs.value(s)
    return l.isTruthy ? l : try await rhs.value(s)
  }
  override var children: [Expr] { [lhs, rhs] }
}

final class ArrayExpr: Expr {
  let items: [Expr]
  init(_ items: [Expr], pos: Pos) {
    self.items = items
    super.init(pos: pos, hasCall: items.contains { $0.hasCall })
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    var out: [JSON] = []
    out.reserveCapacity(items.count)
    for e in items { out.append(try e.eval(s)) }
    return .array(out)
  }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    var out: [JSON] = []
    for e in items { out.append(try await e.value(s)) }
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

final class ObjectExpr: Expr {
  let keys: [String]
  let values: [Expr]
  init(keys: [String], values: [Expr], pos: Pos) {
    self.keys = keys
    self.values = values
    super.init(pos: pos, hasCall: values.contains { $0.hasCall })
  }
  override func eval(_ s: Session) throws(Failure) -> JSON {
    var o = JSONObject()
    for i in keys.indices { o[keys[i]] = try values[i].eval(s) }
    return .object(o)
  }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    var o = JSONObject()
    for i in keys.indices { o[keys[i]] = try await values[i].value(s) }
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
  override func eval(_ s: Session) throws(Failure) -> JSON {
    var out = texts[0]
    for i in exprs.indices {
      out += Values.text(try exprs[i].eval(s))
      out += texts[i + 1]
    }
    return .string(out)
  }
  override func evalAsync(_ s: Session) async throws(Failure) -> JSON {
    var out = texts[0]
    for i in exprs.indices {
      out += Values.text(try await exprs[i].value(s))
      out += texts[i + 1]
    }
    return .string(out)
  }
  override var children: [Expr] { exprs }
}
