import DokCore
import Foundation

/// The built-in functions.
enum Builtin: String, CaseIterable, Sendable {
  case len, keys, values, contains, startsWith, endsWith, filter, map, find, any, all
  case env, now, json, parse, str, num, upper, lower, trim, split, join, type, round, floor, abs, sort, unique

  /// Takes an expression evaluated per element with `.` bound to it.
  var isPredicate: Bool {
    switch self {
    case .filter, .map, .find, .any, .all: true
    default: false
    }
  }

  /// Makes text from its arguments' text (what is made from a secret is masked like it).
  var makesText: Bool {
    switch self {
    case .upper, .lower, .trim, .split, .join, .str, .json: true
    default: false
    }
  }

  var arity: ClosedRange<Int> {
    switch self {
    case .now: 0...0
    case .len, .keys, .values, .env, .json, .parse, .str, .num, .upper, .lower, .trim, .type, .round, .floor, .abs,
      .sort, .unique:
      1...1
    case .join: 1...2
    default: 2...2
    }
  }
}

/// `len(x)`, `filter(arr, pred)`, …
final class BuiltinExpr: Expr {
  let fn: Builtin
  let args: [Expr]
  init(_ fn: Builtin, _ args: [Expr], pos: Pos) {
    self.fn = fn
    self.args = args
    super.init(pos: pos, hasCall: args.contains { $0.hasCall })
  }
  override var children: [Expr] { args }

  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    if fn.isPredicate {
      let items = try elements(try args[0].eval(s), s)
      let saved = s.state.current
      defer { s.state.current = saved }
      var out: [JSON] = []
      for item in items {
        s.state.current = item
        let r = try args[1].eval(s)
        if let done = try step(item, r, &out) { return done }
      }
      if fn == .map { try Values.checkNesting(out, s, pos) }
      return finish(out)
    }
    var vals: [JSON] = []
    for a in args { vals.append(try a.eval(s)) }
    let result = try Builtins.apply(fn, vals, s, pos)
    if fn.makesText { s.host.derived(result, from: vals) }
    return result
  }

  private func elements(_ v: JSON, _ s: Interpreter) throws(Failure) -> [JSON] {
    switch v {
    case .array(let a): return a
    case .object(let o): return o.values
    default: throw s.fail("\(fn.rawValue)() needs an array, not \(Values.describeType(v))", pos)
    }
  }

  /// Handles one element; returns a final value to stop early.
  private func step(_ item: JSON, _ r: JSON, _ out: inout [JSON]) throws(Failure) -> JSON? {
    switch fn {
    case .filter: if r.isTruthy { out.append(item) }
    case .map: out.append(r)
    case .find: if r.isTruthy { return item }
    case .any: if r.isTruthy { return .bool(true) }
    case .all: if !r.isTruthy { return .bool(false) }
    default: break
    }
    return nil
  }

  private func finish(_ out: [JSON]) -> JSON {
    switch fn {
    case .find: .null
    case .any: .bool(false)
    case .all: .bool(true)
    default: .array(out)
    }
  }
}

/// The non-predicate built-ins, on evaluated arguments.
enum Builtins {
  static func apply(_ fn: Builtin, _ a: [JSON], _ s: Interpreter, _ pos: Pos) throws(Failure) -> JSON {
    func bad(_ what: String) -> Failure { s.fail("\(fn.rawValue)(): \(what)", pos) }
    switch fn {
    case .len:
      switch a[0] {
      case .string(let x): return .number(Double(x.count))
      case .array(let x): return .number(Double(x.count))
      case .object(let x): return .number(Double(x.count))
      case .null: return .number(0)
      default: throw bad("needs a string, array or object, not \(Values.describeType(a[0]))")
      }
    case .keys:
      if case .object(let o) = a[0] { return .array(o.keys.map { .string($0) }) }
      if case .array(let x) = a[0] { return .array(x.indices.map { .number(Double($0)) }) }
      throw bad("needs an object, not \(Values.describeType(a[0]))")
    case .values:
      if case .object(let o) = a[0] { return .array(o.values) }
      if case .array = a[0] { return a[0] }
      throw bad("needs an object, not \(Values.describeType(a[0]))")
    case .contains:
      switch (a[0], a[1]) {
      case (.string(let x), .string(let y)): return .bool(y.isEmpty || x.contains(y))
      case (.array(let x), let y): return .bool(x.contains(y))
      case (.object(let o), .string(let k)): return .bool(o[k] != nil)
      case (.null, _): return .bool(false)
      default: throw bad("cannot look for \(Values.describeType(a[1])) in \(Values.describeType(a[0]))")
      }
    case .startsWith, .endsWith:
      guard case .string(let x) = a[0], case .string(let p) = a[1] else { throw bad("needs two strings") }
      return .bool(fn == .startsWith ? x.hasPrefix(p) : x.hasSuffix(p))
    case .env:
      guard case .string(let name) = a[0] else { throw bad("needs a variable name string") }
      return try s.observe { s.host.environment(name).map { .string($0) } ?? .null }
    case .now: return try s.observe { .number(s.clock.now()) }
    case .json: return .string(JSONWriter.compact(a[0]))
    case .parse:
      guard case .string(let text) = a[0] else { throw bad("needs a string, not \(Values.describeType(a[0]))") }
      let v: JSON
      do { v = try JSONParser.parse(text, exactNumbers: true) } catch { throw bad("invalid JSON: \(error.description)") }
      return v
    case .str: return .string(Values.text(a[0]))
    case .num:
      switch a[0] {
      case .number: return a[0]
      case .bool(let b): return .number(b ? 1 : 0)
      case .string(let x):
        let t = x.trimmingCharacters(in: .whitespaces)
        if let d = Double(t) {
          if let problem = ExactNumbers.problem(Substring(t), d) { throw bad(problem) }
          return .number(d)
        }
        throw bad("\(Values.show(a[0])) is not a number")
      default: throw bad("cannot make a number from \(Values.describeType(a[0]))")
      }
    case .upper, .lower, .trim:
      guard case .string(let x) = a[0] else { throw bad("needs a string, not \(Values.describeType(a[0]))") }
      return .string(
        fn == .upper ? x.uppercased() : fn == .lower ? x.lowercased() : x.trimmingCharacters(in: .whitespacesAndNewlines))
    case .split:
      guard case .string(let x) = a[0], case .string(let sep) = a[1], !sep.isEmpty else {
        throw bad("needs a string and a non-empty separator")
      }
      return .array(x.components(separatedBy: sep).map { .string($0) })
    case .join:
      guard case .array(let x) = a[0] else { throw bad("needs an array, not \(Values.describeType(a[0]))") }
      var sep = ""
      if a.count > 1 {
        guard case .string(let t) = a[1] else { throw bad("the separator must be a string") }
        sep = t
      }
      return .string(x.map(Values.text).joined(separator: sep))
    case .type: return .string(a[0].typeName)
    case .round, .floor, .abs:
      guard case .number(let n) = a[0] else { throw bad("needs a number, not \(Values.describeType(a[0]))") }
      return .number(fn == .round ? n.rounded() : fn == .floor ? n.rounded(.down) : Swift.abs(n))
    case .sort:
      guard case .array(let x) = a[0] else { throw bad("needs an array, not \(Values.describeType(a[0]))") }
      if x.allSatisfy({ $0.numberValue != nil }) { return .array(x.sorted { $0.numberValue! < $1.numberValue! }) }
      if x.allSatisfy({ $0.stringValue != nil }) {
        return .array(x.sorted { JSONText.order($0.stringValue!, $1.stringValue!) < 0 })
      }
      throw bad("can sort only numbers or only strings")
    case .unique:
      guard case .array(let x) = a[0] else { throw bad("needs an array, not \(Values.describeType(a[0]))") }
      var seen = Set<JSON>()
      return .array(x.filter { seen.insert($0).inserted })
    case .filter, .map, .find, .any, .all:
      throw bad("internal error")
    }
  }
}
