import DokCore

/// `base.key`: a missing key gives null; anything but an object is an error naming the path.
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
  override func eval(_ s: Interpreter) throws(Failure) -> JSON { try get(try base.eval(s), s) }
  override var children: [Expr] { [base] }

  @inline(__always)
  func get(_ v: JSON, _ s: Interpreter) throws(Failure) -> JSON {
    if case .object(let o) = v { return o[key] ?? .null }
    if case .null = v, s.state.nullPaths { return .null }
    throw s.fail("\(path): cannot read .\(key) of \(Values.describeType(v))", pos)
  }
}

/// `base[i]`: arrays (negative from the end, out of range → null), objects, strings.
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
  override func eval(_ s: Interpreter) throws(Failure) -> JSON { try get(try base.eval(s), try index.eval(s), s) }
  override var children: [Expr] { [base, index] }

  func get(_ v: JSON, _ i: JSON, _ s: Interpreter) throws(Failure) -> JSON {
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
    case (.null, _) where s.state.nullPaths:
      return .null
    default:
      throw s.fail("\(path): cannot index \(Values.describeType(v)) with [\(Values.show(i))]", pos)
    }
  }
}
