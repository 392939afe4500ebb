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
    super.init(pos: pos, text: text, isSync: false)
  }
  override var expressions: [Expr] { (call.map { [$0] } ?? []) + [condition] + [every, timeout].compactMap { $0 } }

  private func seconds(_ e: Expr?, _ d: Double, _ what: String, _ s: Session) async throws(Failure) -> Double {
    guard let e else { return d }
    let v = try await e.value(s)
    guard case .number(let n) = v, n >= 0 else { throw s.fail("\(what) needs a duration (like 2s), not \(Values.describeType(v))", e.pos) }
    return n
  }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    // A zero interval would spin; poll at most every 10ms.
    let interval = max(0.01, try await seconds(every, WaitStmt.defaultEvery, "every", s))
    let limit = try await seconds(timeout, WaitStmt.defaultTimeout, "timeout", s)
    let clock = s.clock
    let start = clock.now()
    var attempts = 0
    var operands = ""
    var lastTransport: CallError?
    let loc = s.location(pos)
    s.suppressRecording += 1
    defer { s.suppressRecording -= 1 }
    let savedCurrent = s.current
    defer { s.current = savedCurrent }
    while true {
      if Task.isCancelled { throw .cancelled }
      attempts += 1
      var got: JSON?
      if let call {
        do {
          got = try await call.perform(s, record: false).value
          lastTransport = nil
        } catch {
          guard case .call(let e, _) = error, e.kind == .transport else { throw error }
          lastTransport = e
        }
        if let got {
          s.lastResult = got
          s.current = got
        }
      } else {
        s.current = nil
      }
      if call == nil || got != nil {
        let (ok, ops) = try await Operands.evaluateAsync(condition, s)
        operands = ops.text
        if ok {
          s.sink.waitProgress(progress(loc, clock.now() - start, attempts, operands, finished: true))
          if let got {
            s.current = savedCurrent
            s.record(got)
            if s.tracing { s.traceValue = got }
          }
          s.recordWait(self, passed: true, message: "", duration: clock.now() - start)
          return .normal
        }
      }
      let elapsed = clock.now() - start
      s.sink.waitProgress(progress(loc, elapsed, attempts, operands, finished: false))
      if elapsed >= limit { break }
      do { try await clock.sleep(seconds: min(interval, limit - elapsed)) } catch { throw .cancelled }
      if Task.isCancelled { throw .cancelled }
      // No attempt starts after the timeout has passed (one may start exactly at it).
      if clock.now() - start > limit { break }
    }
    let elapsed = clock.now() - start
    s.sink.waitProgress(progress(loc, elapsed, attempts, operands, finished: true))
    var msg = "wait timed out after \(Durations.format(elapsed)) (\(attempts) attempt\(attempts == 1 ? "" : "s")): \(conditionText)"
    if !operands.isEmpty { msg += "  (\(operands))" }
    var notes: [String] = []
    if let lastTransport { notes.append("last attempt failed: \(lastTransport.message)") }
    if conditionText.contains("applicationStatus") || conditionText.contains("composeStatus") {
      notes.append("hint: to follow a deploy use `deploy <call>` (:help deploys): a queued deploy keeps showing the previous status")
    }
    s.recordWait(self, passed: false, message: msg, duration: elapsed)
    throw .waitTimeout(msg, s.location(conditionPos), notes: notes)
  }

  private func progress(_ loc: SourceLocation, _ elapsed: Double, _ attempts: Int, _ ops: String, finished: Bool) -> WaitProgress {
    WaitProgress(location: loc, condition: conditionText, elapsed: elapsed, attempts: attempts, operands: ops, finished: finished)
  }
}

/// `sleep <dur>`.
final class SleepStmt: Stmt {
  let duration: Expr
  init(duration: Expr, pos: Pos, text: String) {
    self.duration = duration
    super.init(pos: pos, text: text, isSync: false)
  }
  override var expressions: [Expr] { [duration] }

  override func exec(_ s: Session) async throws(Failure) -> Flow {
    let v = try await duration.value(s)
    guard case .number(let n) = v, n >= 0 else { throw s.fail("sleep needs a duration (like 2s), not \(Values.describeType(v))", duration.pos) }
    do { try await s.clock.sleep(seconds: n) } catch { throw .cancelled }
    if Task.isCancelled { throw .cancelled }
    return .normal
  }
}
