import DokCore

/// How a statement hands control back.
enum Flow {
  case normal, breakLoop, continueLoop
}

/// A statement node. Statements with no calls, waits, sleeps or sources run synchronously
/// (`execSync`); the async path is used only where needed.
class Stmt {
  let pos: Pos
  /// The statement's source text (first line).
  let text: String
  let isSync: Bool

  init(pos: Pos, text: String, isSync: Bool) {
    self.pos = pos
    self.text = text
    self.isSync = isSync
  }

  func execSync(_ s: Session) throws(Failure) -> Flow {
    throw s.fail("internal error: statement cannot run synchronously", pos)
  }

  func exec(_ s: Session) async throws(Failure) -> Flow { try execSync(s) }

  /// Expressions evaluated by this statement (for the checker).
  var expressions: [Expr] { [] }
  /// Nested blocks (for the checker); `isLoop` marks loop bodies.
  var blocks: [(block: Block, isLoop: Bool)] { [] }
  /// Traced after running (simple statements); compound ones trace when they start.
  var tracesAfter: Bool { true }
}

/// A `{ … }` body or a whole file.
final class Block {
  let statements: [Stmt]
  /// The same statements, unretained (the block owns them): running a statement then costs
  /// no reference counting.
  let unmanaged: [Unmanaged<Stmt>]
  let isSync: Bool
  init(_ statements: [Stmt]) {
    self.statements = statements
    unmanaged = statements.map { Unmanaged.passUnretained($0) }
    isSync = statements.allSatisfy { $0.isSync }
  }
}

/// `$name = <expr or call>`.
final class AssignStmt: Stmt {
  let slot: Int
  let name: String
  let expr: Expr
  init(slot: Int, name: String, expr: Expr, pos: Pos, text: String) {
    self.slot = slot
    self.name = name
    self.expr = expr
    super.init(pos: pos, text: text, isSync: !expr.hasCall)
  }
  override var expressions: [Expr] { [expr] }

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    let v = try expr.eval(s)
    s.slots[slot] = v
    if s.tracing { s.traceValue = v }
    return .normal
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    if let call = expr as? CallExpr, s.depth == 0 {
      let (v, args) = try await call.perform(s, record: true)
      s.slots[slot] = v
      s.emitCall(call, args, v, statement: text)
      if s.tracing { s.traceValue = v }
      return .normal
    }
    let v = try await expr.value(s)
    s.slots[slot] = v
    if s.tracing { s.traceValue = v }
    return .normal
  }
}

/// A call or expression on its own: the REPL shows its value.
final class ExprStmt: Stmt {
  let expr: Expr
  init(expr: Expr, pos: Pos, text: String) {
    self.expr = expr
    super.init(pos: pos, text: text, isSync: !expr.hasCall)
  }
  override var expressions: [Expr] { [expr] }

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    let v = try expr.eval(s)
    if s.tracing { s.traceValue = v }
    if s.depth == 0 { s.sink.result(v, index: nil) }
    return .normal
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    if let call = expr as? CallExpr {
      let (v, args) = try await call.perform(s, record: true)
      if s.tracing { s.traceValue = v }
      if s.depth == 0 {
        s.emitCall(call, args, v, statement: text)
        s.sink.result(v, index: s.results.count)
      }
      return .normal
    }
    let v = try await expr.value(s)
    if s.tracing { s.traceValue = v }
    if s.depth == 0 { s.sink.result(v, index: nil) }
    return .normal
  }
}

/// `print a, b`: strings bare, other values compact JSON, joined by one space.
final class PrintStmt: Stmt {
  let exprs: [Expr]
  init(exprs: [Expr], pos: Pos, text: String) {
    self.exprs = exprs
    super.init(pos: pos, text: text, isSync: !exprs.contains { $0.hasCall })
  }
  override var expressions: [Expr] { exprs }

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    var parts: [String] = []
    for e in exprs { parts.append(Values.text(try e.eval(s))) }
    s.sink.print(parts.joined(separator: " "))
    return .normal
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    var parts: [String] = []
    for e in exprs { parts.append(Values.text(try await e.value(s))) }
    s.sink.print(parts.joined(separator: " "))
    return .normal
  }
}

final class BreakStmt: Stmt {
  override func execSync(_ s: Session) throws(Failure) -> Flow { .breakLoop }
}

final class ContinueStmt: Stmt {
  override func execSync(_ s: Session) throws(Failure) -> Flow { .continueLoop }
}

/// `exit [<expr>]`: never caught by `try`.
final class ExitStmt: Stmt {
  let expr: Expr?
  init(expr: Expr?, pos: Pos, text: String) {
    self.expr = expr
    super.init(pos: pos, text: text, isSync: !(expr?.hasCall ?? false))
  }
  override var expressions: [Expr] { expr.map { [$0] } ?? [] }

  override func execSync(_ s: Session) throws(Failure) -> Flow {
    throw .exit(try code(try expr?.eval(s) ?? .number(0), s))
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    var v = JSON.number(0)
    if let expr { v = try await expr.value(s) }
    throw .exit(try code(v, s))
  }

  func code(_ v: JSON, _ s: Session) throws(Failure) -> Int32 {
    switch v {
    case .number(let n) where n == n.rounded(.towardZero) && n >= 0 && n <= 255: return Int32(n)
    case .bool(let b): return b ? 0 : 1
    case .null: return 0
    default: throw s.fail("exit needs a whole number from 0 to 255, not \(Values.describeType(v))", pos)
    }
  }
}

/// `source "other.dok"`: runs another file in the same variables.
final class SourceStmt: Stmt {
  let path: Expr
  init(path: Expr, pos: Pos, text: String) {
    self.path = path
    super.init(pos: pos, text: text, isSync: false)
  }
  override var expressions: [Expr] { [path] }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    let v = try await path.value(s)
    guard case .string(let p) = v else { throw s.fail("source needs a file name string, not \(Values.describeType(v))", pos) }
    try await s.runSourced(path: p, pos: pos)
    return .normal
  }
}
