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
    self.isSync = isSync && !Parser.allAsync
  }

  func execSync(_ s: Interpreter) throws(Failure) -> Flow {
    throw s.fail("internal error: statement cannot run synchronously", pos)
  }

  func exec(_ s: Interpreter) async throws(Failure) -> Flow { try execSync(s) }

  /// Expressions evaluated by this statement (for the checker).
  var expressions: [Expr] { [] }
  /// Nested blocks (for the checker); `isLoop` marks loop bodies.
  var blocks: [(block: Block, isLoop: Bool)] { [] }
  /// Traced after running (simple statements); compound ones trace when they start.
  var tracesAfter: Bool { true }
  /// Traces its own first line once its header is evaluated (a `for` over a call shows the
  /// call's arguments as sent), instead of when it starts.
  var tracesHeader: Bool { false }
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
