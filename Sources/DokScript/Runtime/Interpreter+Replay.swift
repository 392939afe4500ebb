import DokCore

/// Calls inside expressions. Expressions evaluate synchronously, in one way; a call met while
/// evaluating a statement stops the evaluation (`Failure.needsCall`), the driver makes the call,
/// and the statement is evaluated again from its start, each call now answered from the replay
/// log. Everything else an expression reads that a call can change or that changes by itself
/// (`$_`, `$N`, `.` at top level, `now()`, `env()`) is logged too, so a replay sees exactly what
/// the first evaluation saw: the result is the one a straight evaluation would give.
extension Interpreter {
  /// A value read in the statement being evaluated: from the log when replaying, else read
  /// now and logged.
  @inline(__always)
  func observe(_ live: () throws(Failure) -> JSON) throws(Failure) -> JSON {
    if cursor < replayLog.count {
      cursor += 1
      return replayLog[cursor - 1]
    }
    let v = try live()
    replayLog.append(v)
    cursor += 1
    return v
  }

  /// The result of `call` with `args`: logged when replaying, else the evaluation stops here
  /// until the driver has made the call.
  @inline(__always)
  func callResult(_ call: CallExpr, _ args: [CallArgument]) throws(Failure) -> JSON {
    if cursor < replayLog.count {
      cursor += 1
      return replayLog[cursor - 1]
    }
    throw .needsCall(call, args)
  }

  /// A statement (or a loop's condition) starts to be evaluated again, after a call it made.
  @inline(__always)
  func startAttempt() { cursor = 0 }

  /// The statement is done: its log is dropped (a statement that read nothing logged has none).
  @inline(__always)
  func endAttempts() {
    guard cursor != 0 || resuming else { return }
    replayLog.removeAll(keepingCapacity: true)
    cursor = 0
    resuming = false
  }

  /// Evaluates `body` outside the machine (in `wait`, `sleep`, `deploy`), making the calls it
  /// meets and replaying it until it completes. `polling` makes them without the client's own
  /// retries (a `wait`'s condition: the wait retries).
  func settle<T>(polling: Bool = false, _ body: () throws(Failure) -> T) async throws(Failure) -> T {
    defer { endAttempts() }
    while true {
      startAttempt()
      do {
        return try body()
      } catch {
        guard case .needsCall(let call, let args) = error else { throw error }
        replayLog.append(try await call.perform(self, args, record: true, polling: polling))
      }
    }
  }
}
