import DokCore

/// What a statement's ``Stmt/step(_:_:)`` asks of the ``Machine`` that runs it.
enum Step {
  /// Done: go on with the next statement.
  case done
  /// It pushed a frame (a body to run); the machine runs that next.
  case entered
  /// `break` / `continue`: leave the innermost loop, or start its next round.
  case breakLoop, continueLoop
  /// It must wait for something outside (`wait`, `sleep`, `deploy`): the machine hands it to
  /// its driver, which runs ``Stmt/run(_:)``.
  case suspend
}

/// A statement node. Every statement runs in one way: its ``step(_:_:)`` (synchronous) does its
/// work, or pushes a body for the ``Machine`` to run, or asks to be run outside it (`.suspend`).
/// A call inside an expression suspends the statement and replays it (see
/// ``Interpreter/observe(_:)``), so statements and expressions have no async twins.
class Stmt {
  let pos: Pos
  /// The statement's source text (first line).
  let text: String

  init(pos: Pos, text: String) {
    self.pos = pos
    self.text = text
  }

  func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step {
    throw s.fail("internal error: statement cannot run here", pos)
  }

  /// The work of a statement whose step answered `.suspend`.
  func run(_ s: Interpreter) async throws(Failure) {
    throw s.fail("internal error: statement cannot suspend", pos)
  }

  /// For a loop whose body just ended: sets up the next round and says whether there is one.
  func again(_ s: Interpreter, _ f: inout Frame) throws(Failure) -> Bool { false }

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
  /// The same statements, unretained (the block owns them): stepping through them then costs
  /// no reference counting.
  let unmanaged: [Unmanaged<Stmt>]
  init(_ statements: [Stmt]) {
    self.statements = statements
    unmanaged = statements.map { Unmanaged.passUnretained($0) }
  }
}
