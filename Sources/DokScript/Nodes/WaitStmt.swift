import DokCore

/// `wait [<call>] until <expr> [every <dur>] [timeout <dur>]`.
final class WaitStmt: Stmt {
  let call: CallExpr?
  let condition: Expr
  let conditionText: String
  /// Where the condition starts (the caret of a timeout).
  let conditionPos: Pos
  let every: Expr?
  let timeout: Expr?
  static let defaultEvery = 2.0
  static let defaultTimeout = 300.0

  init(
    call: CallExpr?, condition: Expr, conditionText: String, conditionPos: Pos, every: Expr?, timeout: Expr?, pos: Pos,
    text: String
  ) {
    self.call = call
    self.conditionPos = conditionPos
    self.condition = condition
    self.conditionText = conditionText
    self.every = every
    self.timeout = timeout
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { (call.map { [$0] } ?? []) + [condition] + [every, timeout].compactMap { $0 } }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step { .suspend }

  override func run(_ s: Interpreter) async throws(Failure) {
    // A zero interval would spin; poll at most every 10ms.
    let interval = max(0.01, try await s.durationSeconds(every, default: WaitStmt.defaultEvery, "every"))
    let limit = try await s.durationSeconds(timeout, default: WaitStmt.defaultTimeout, "timeout")
    let clock = s.clock
    let start = clock.now()
    var attempts = 0
    var operands = ""
    var lastTransport: CallError?
    var cutShort = false
    let loc = s.location(pos)
    // A wait may run for minutes: under --trace its line when it starts, and again at its end.
    if s.tracing { s.sink.trace(TraceEvent(location: loc, statement: text + "  …", result: "")) }
    let savedCurrent = s.state.current
    defer { s.state.current = savedCurrent }
    while true {
      if Task.isCancelled { throw .cancelled }
      attempts += 1
      let attemptStart = clock.now()
      var got: JSON?
      if let call {
        do {
          got = try await attempt(call, s, within: start + limit - attemptStart)
          cutShort = got == nil
          lastTransport = nil
        } catch {
          guard case .call(let e, _) = error, e.kind == .transport else { throw error }
          lastTransport = e
        }
        if let got {
          s.lastResult = got
          s.state.current = got
        }
      } else {
        s.state.current = nil
      }
      if call == nil || got != nil {
        // A path through null gives null here: the wait goes on while a field is missing.
        let lenient = s.state.nullPaths
        s.state.nullPaths = true
        // Calls in the condition are bounded like the wait's own call: made without the client's
        // own retries, cancelled at the timeout, transport errors retried until then.
        var evaluated: (Bool, Operands)?
        do throws(Failure) {
          let work = Unchecked((condition, s))
          evaluated = try await bounded(s, within: start + limit - clock.now()) {
            () async -> Result<Unchecked<(Bool, Operands)>, Failure> in
            do throws(Failure) {
              let (condition, s) = work.value
              return .success(
                Unchecked(try await s.settle(polling: true) { () throws(Failure) in try Operands.evaluate(condition, s) }))
            } catch {
              return .failure(error)
            }
          }?.value
          if evaluated == nil { cutShort = true } else if call == nil { lastTransport = nil }
        } catch {
          s.state.nullPaths = lenient
          guard case .call(let e, _) = error, e.kind == .transport else { throw error }
          lastTransport = e
        }
        s.state.nullPaths = lenient
        if let evaluated { operands = evaluated.1.text(s) }
        if let evaluated, evaluated.0 {
          s.sink.waitProgress(progress(loc, clock.now() - start, attempts, operands, finished: true))
          if let got {
            s.state.current = savedCurrent
            s.record(got)
            if s.tracing { s.traceValue = got }
          }
          s.recordWait(self, passed: true, message: "", duration: clock.now() - start)
          return
        }
      }
      let elapsed = clock.now() - start
      s.sink.waitProgress(progress(loc, elapsed, attempts, operands, finished: false))
      if elapsed >= limit { break }
      // Attempts start `every` apart (a slow or failing attempt does not add its own time).
      let pause = min(max(0, interval - (clock.now() - attemptStart)), limit - elapsed)
      do { try await clock.sleep(seconds: pause) } catch { throw .cancelled }
      if Task.isCancelled { throw .cancelled }
      // No attempt starts after the timeout has passed (one may start exactly at it).
      if clock.now() - start > limit { break }
    }
    let elapsed = clock.now() - start
    s.sink.waitProgress(progress(loc, elapsed, attempts, operands, finished: true))
    var msg =
      "wait timed out after \(Durations.format(elapsed)) (\(attempts) attempt\(attempts == 1 ? "" : "s")): \(conditionText)"
    if !operands.isEmpty { msg += "  (\(operands))" }
    var notes: [String] = []
    if let lastTransport { notes.append("last attempt failed: \(lastTransport.message)") }
    if cutShort { notes.append("the last attempt had no reply yet at the timeout and was cancelled") }
    if conditionText.contains("applicationStatus") || conditionText.contains("composeStatus") {
      notes.append(
        "hint: to follow a deploy use `deploy <call>` (:help deploys): a queued deploy keeps showing the previous status")
    }
    s.recordWait(self, passed: false, message: msg, duration: elapsed)
    throw .waitTimeout(msg, s.location(conditionPos), notes: notes)
  }

  /// One attempt of the wait's call, made without the client's own retries (the host polls) and
  /// cancelled when it is still in flight after `remaining` seconds (then nil: the wait has timed out).
  private func attempt(_ call: CallExpr, _ s: Interpreter, within remaining: Double) async throws(Failure) -> JSON? {
    let arguments = try await s.settle { () throws(Failure) in try call.arguments(s) }
    let work = Unchecked((call, s, arguments))
    return try await bounded(s, within: remaining) { await WaitStmt.perform(work) }
  }

  /// Runs `body`, cancelled when it is still running after `remaining` seconds (then nil: the
  /// wait has timed out, and no call is in flight any more).
  private func bounded<T>(
    _ s: Interpreter, within remaining: Double, _ body: @escaping @Sendable () async -> Result<T, Failure>
  ) async throws(Failure) -> T? {
    let clock = s.clock
    let work = Unchecked(body)
    if clock.isManual || remaining > 1e9 {
      return try await work.value().get()
    }
    let first: Unchecked<Result<T, Failure>>? = await withTaskGroup(of: Unchecked<Result<T, Failure>>?.self) { group in
      group.addTask { Unchecked(await work.value()) }
      group.addTask {
        try? await clock.sleep(seconds: max(0, remaining))
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
    if Task.isCancelled { throw .cancelled }
    switch first?.value {
    case .success(let v): return v
    case .failure(let f): throw f
    case nil:
      s.state.callInFlight = nil
      return nil
    }
  }

  private static func perform(_ work: Unchecked<(CallExpr, Interpreter, [CallArgument])>) async -> Result<JSON, Failure> {
    do {
      return .success(try await work.value.0.perform(work.value.1, work.value.2, record: false, polling: true))
    } catch {
      return .failure(error)
    }
  }

  private func progress(_ loc: SourceLocation, _ elapsed: Double, _ attempts: Int, _ ops: String, finished: Bool) -> WaitProgress
  {
    WaitProgress(location: loc, condition: conditionText, elapsed: elapsed, attempts: attempts, operands: ops, finished: finished)
  }
}

/// `sleep <dur>`.
final class SleepStmt: Stmt {
  let duration: Expr
  init(duration: Expr, pos: Pos, text: String) {
    self.duration = duration
    super.init(pos: pos, text: text)
  }
  override var expressions: [Expr] { [duration] }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step { .suspend }

  override func run(_ s: Interpreter) async throws(Failure) {
    let v = try await s.settle { () throws(Failure) in try duration.eval(s) }
    let n = try s.durationSeconds(of: v, "sleep", at: duration.pos)
    do { try await s.clock.sleep(seconds: n) } catch { throw .cancelled }
    if Task.isCancelled { throw .cancelled }
  }
}
