import DokCore

/// `deploy <call> [every <dur>] [timeout <dur>]`, alone or as `$d = deploy …`: sends a call that
/// queues a deploy and follows THAT deployment to its end (the host does the following).
final class DeployStmt: Stmt {
  let call: CallExpr
  let every: Expr?
  let timeout: Expr?
  /// The variable of `$d = deploy …`, if any.
  let target: (slot: Int, name: String)?
  static let defaultEvery = 2.0
  static let defaultTimeout = 900.0

  init(call: CallExpr, every: Expr?, timeout: Expr?, target: (slot: Int, name: String)?, pos: Pos, text: String) {
    self.call = call
    self.every = every
    self.timeout = timeout
    self.target = target
    super.init(pos: pos, text: text)
  }

  override var expressions: [Expr] { [call] + [every, timeout].compactMap { $0 } }

  override func step(_ s: Interpreter, _ m: Machine) throws(Failure) -> Step { .suspend }

  override func run(_ s: Interpreter) async throws(Failure) {
    let interval = max(0.01, try await s.durationSeconds(every, default: DeployStmt.defaultEvery, "every"))
    let limit = try await s.durationSeconds(timeout, default: DeployStmt.defaultTimeout, "timeout")
    var args = try await s.settle { () throws(Failure) in try call.arguments(s) }
    if Task.isCancelled { throw .cancelled }
    do throws(CallError) {
      args = try await s.host.prepare(procedure: call.procedure, arguments: args)
    } catch {
      if Task.isCancelled { throw .cancelled }
      var e = error
      if e.procedure == nil { e.procedure = call.procedure }
      throw .call(e, s.location(call.pos))
    }
    let loc = s.location(pos)
    if s.tracing {
      s.traceArguments(call, args)
      // A deploy runs for minutes: its line when it starts, and again with the row at its end.
      s.sink.trace(TraceEvent(location: loc, statement: s.tracedText(self) + "  …", result: ""))
    }
    var request = DeployRequest(procedure: call.procedure, arguments: args, every: interval, timeout: limit, location: loc)
    request.tracing = s.tracing
    let out = SinkBox(sink: s.sink, tracing: s.tracing, location: loc)
    let row: JSON
    do {
      row = try await s.host.deploy(request) { event in out.send(event) }
    } catch {
      switch error {
      case .call(var e):
        if Task.isCancelled {
          // Cut short while the deploy's own call was being sent: it may have queued a deploy.
          if e.procedure == call.procedure { s.state.callInFlight = (call.procedure, s.location(call.pos)) }
          throw .cancelled
        }
        if e.procedure == nil { e.procedure = call.procedure }
        throw .call(e, s.location(call.pos))
      case .failed(let message, let notes, let row, let log):
        var details = JSONObject()
        details["deployment"] = row
        details["log"] = .array(log.map { .string($0) })
        throw .deployFailed(message, loc, notes: notes, details: details)
      case .unfollowable(let code, let message, let notes, let rows):
        var details = JSONObject()
        details["deployments"] = .array(rows)
        throw .deployFailed(message, loc, notes: notes, details: details, code: code)
      case .timeout(let message, let notes): throw .waitTimeout(message, loc, notes: notes)
      case .cancelled: throw .cancelled
      case .unsupported(let message): throw s.fail(message, call.pos)
      }
    }
    if Task.isCancelled { throw .cancelled }
    s.record(row)
    if let target { s.slots[target.slot] = row }
    if s.tracing { s.traceValue = row }
    if s.state.depth == 0 {
      s.emitCall(call, args, row, statement: text)
      if target == nil { s.sink.result(row, index: s.resultCount) }
    }
  }
}

/// Hands a deploy's events to the session's sink; build-log lines become trace lines under `--trace`.
/// The host reports from the task that runs the statement, so the sink is used by one task at a time.
private final class SinkBox: @unchecked Sendable {
  let sink: any ScriptSink
  let tracing: Bool
  let location: SourceLocation
  init(sink: any ScriptSink, tracing: Bool, location: SourceLocation) {
    self.sink = sink
    self.tracing = tracing
    self.location = location
  }

  func send(_ event: DeployEvent) {
    if tracing, case .log(let line) = event {
      sink.trace(TraceEvent(location: location, statement: "| " + line, result: ""))
      return
    }
    if tracing, case .note(let text) = event {
      sink.trace(TraceEvent(location: location, statement: "note: " + text, result: ""))
      return
    }
    sink.deploy(event)
  }
}
