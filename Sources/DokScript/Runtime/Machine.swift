import DokCore

/// One body the ``Machine`` is running: its statements, the next one, and what the body
/// belongs to (a loop's round, a `try`, a `source`d file).
struct Frame {
  enum Kind { case root, body, loop, tryBody, source }
  let block: Block
  let kind: Kind
  /// The loop, `try` or `source` statement the body belongs to (the syntax tree keeps it).
  let owner: Unmanaged<Stmt>?
  /// The next statement to run.
  var next = 0
  /// A `for` over a range: the current and the last value; over values: the index in `items`.
  var i = 0, hi = 0
  /// A `for` over values: the values (empty for a range).
  var items: [JSON] = []
  /// A `source`d file: the file to go back to, and the note its failures get.
  var savedFile = ""
  var note = ""
}

/// Runs statements without recursion, on a stack of ``Frame``s: the synchronous ``run(_:)``
/// steps statement after statement and returns to its driver (``Interpreter/drive(_:)``) only
/// when something outside must be awaited — a call made inside a statement (the statement is
/// then replayed with its result) or a `wait`, `sleep` or `deploy`. Failures go to `--keep-going`
/// or `--debug` (``Interpreter/recover(_:_:)``), then to the innermost `try`.
final class Machine {
  /// What the driver must await before ``run(_:)`` goes on.
  enum Suspension {
    /// A call met while evaluating the current statement (or loop condition).
    case call(CallExpr, [CallArgument])
    /// A statement whose work is asynchronous (``Stmt/run(_:)``).
    case statement(Stmt)
  }

  /// The frames, innermost last (a manually managed buffer: the hot loop touches it on every
  /// statement, without exclusivity checks or copy-on-write).
  private var frames: UnsafeMutablePointer<Frame>
  private var count = 0
  private var capacity = 16

  init(_ root: Block) {
    frames = .allocate(capacity: capacity)
    push(Frame(block: root, kind: .root, owner: nil))
  }

  deinit {
    frames.deinitialize(count: count)
    frames.deallocate()
  }

  private func push(_ f: Frame) {
    if count == capacity {
      let grown = UnsafeMutablePointer<Frame>.allocate(capacity: capacity * 2)
      grown.moveInitialize(from: frames, count: count)
      frames.deallocate()
      frames = grown
      capacity *= 2
    }
    (frames + count).initialize(to: f)
    count += 1
  }

  // MARK: Entering bodies

  /// Runs `block` next (an `if` branch, a `catch` handler).
  func enter(_ block: Block, _ s: Interpreter) {
    push(Frame(block: block, kind: .body, owner: nil))
    s.state.depth += 1
  }

  /// Runs a loop's body next; at its end the machine asks `owner.again` for another round.
  func enterLoop(_ body: Block, _ owner: Stmt, _ s: Interpreter, i: Int = 0, hi: Int = 0, items: [JSON] = []) {
    push(Frame(block: body, kind: .loop, owner: .passUnretained(owner), i: i, hi: hi, items: items))
    s.state.depth += 1
  }

  /// Runs a `try` body next.
  func enterTry(_ body: Block, _ owner: TryStmt, _ s: Interpreter) {
    push(Frame(block: body, kind: .tryBody, owner: .passUnretained(owner)))
    s.state.depth += 1
    s.state.tryDepth += 1
  }

  /// Runs a `source`d file next, in its own file; its failures get `note`.
  func enterSource(_ block: Block, file: String, note: String, _ owner: Stmt, _ s: Interpreter) {
    push(Frame(block: block, kind: .source, owner: .passUnretained(owner), savedFile: s.state.currentFile, note: note))
    s.state.currentFile = file
    s.state.sourceDepth += 1
  }

  @discardableResult
  private func pop(_ s: Interpreter) -> Frame {
    count -= 1
    let f = (frames + count).move()
    switch f.kind {
    case .root: break
    case .body, .loop: s.state.depth -= 1
    case .tryBody:
      s.state.depth -= 1
      s.state.tryDepth -= 1
    case .source:
      s.state.currentFile = f.savedFile
      s.state.sourceDepth -= 1
    }
    return f
  }

  // MARK: Running

  /// Runs until the program ends (nil) or something must be awaited. Throws the failure that
  /// ends the run.
  func run(_ s: Interpreter) throws(Failure) -> Suspension? {
    frames: while count > 0 {
      // The innermost frame stays put until a statement pushes or pops one (then `continue frames`).
      let f = frames + (count - 1)
      let list = f.pointee.block.unmanaged
      var index = f.pointee.next
      while true {
        guard index < list.count else {
          // The end of the body: a loop's next round, or back to the enclosing body.
          guard f.pointee.kind == .loop, let owner = f.pointee.owner else {
            pop(s)
            continue frames
          }
          let again: Bool
          do {
            again = try owner._withUnsafeGuaranteedRef { loop in try loop.again(s, &f.pointee) }
          } catch let error as Failure {
            if case .needsCall(let call, let args) = error { return .call(call, args) }
            s.endAttempts()
            pop(s)
            try handle(error, owner.takeUnretainedValue(), s)
            continue frames
          } catch {
            throw s.fail("internal error: \(error)", owner.takeUnretainedValue().pos)
          }
          s.endAttempts()
          guard again else {
            pop(s)
            continue frames
          }
          index = 0
          f.pointee.next = 0
          continue
        }
        let u = list[index]
        if s.tracing && !s.resuming { s.traceBefore(u.takeUnretainedValue()) }
        index += 1
        f.pointee.next = index
        let step: Step
        do {
          step = try u._withUnsafeGuaranteedRef { st in try st.step(s, self) }
        } catch let error as Failure {
          if case .needsCall(let call, let args) = error {
            // Replayed once the call is answered.
            f.pointee.next = index - 1
            return .call(call, args)
          }
          s.endAttempts()
          try handle(error, u.takeUnretainedValue(), s)
          continue frames
        } catch {
          throw s.fail("internal error: \(error)", u.takeUnretainedValue().pos)
        }
        s.endAttempts()
        switch step {
        case .done: if s.tracing { s.traceAfter(u.takeUnretainedValue()) }
        case .entered: continue frames
        case .breakLoop:
          leaveLoop(again: false, s)
          continue frames
        case .continueLoop:
          leaveLoop(again: true, s)
          continue frames
        case .suspend: return .statement(u.takeUnretainedValue())
        }
      }
    }
    return nil
  }

  /// A call the driver made for the current statement (or loop condition) failed.
  func callFailed(_ e: Failure, _ s: Interpreter) throws(Failure) {
    s.endAttempts()
    let f = frames + (count - 1)
    let index = f.pointee.next
    let statements = f.pointee.block.statements
    if index < statements.count {
      f.pointee.next = index + 1
      try handle(e, statements[index], s)
    } else if let owner = f.pointee.owner?.takeUnretainedValue() {
      pop(s)
      try handle(e, owner, s)
    } else {
      try unwind(e, s)
    }
  }

  /// A statement that suspended ended: traced, or its failure handled.
  func finished(_ st: Stmt, _ failure: Failure?, _ s: Interpreter) throws(Failure) {
    s.endAttempts()
    guard let failure else {
      if s.tracing { s.traceAfter(st) }
      return
    }
    try handle(failure, st, s)
  }

  /// `--keep-going` or `--debug` may go on after the failed statement; else the innermost
  /// enclosing `try` catches it, or it ends the run.
  private func handle(_ e: Failure, _ st: Stmt, _ s: Interpreter) throws(Failure) {
    do {
      try s.recover(e, st)
    } catch {
      try unwind(error, s)
    }
  }

  private func unwind(_ failure: Failure, _ s: Interpreter) throws(Failure) {
    var e = failure
    while count > 0 {
      let f = pop(s)
      switch f.kind {
      case .root: throw e
      case .tryBody where e.isCatchable:
        guard let owner = f.owner?.takeUnretainedValue() as? TryStmt else { break }
        if let slot = owner.slot { s.slots[slot] = e.errorValue }
        enter(owner.handler, s)
        return
      case .source: e = e.noting(f.note)
      default: break
      }
    }
    throw e
  }

  /// `break` (leave the innermost loop) or `continue` (end its round).
  private func leaveLoop(again: Bool, _ s: Interpreter) {
    while count > 0 {
      let f = frames + (count - 1)
      switch f.pointee.kind {
      case .root, .source: return
      case .loop:
        if again { f.pointee.next = f.pointee.block.statements.count } else { pop(s) }
        return
      default: pop(s)
      }
    }
  }
}
