import DokCore

/// One `name=value` argument as written.
struct ArgNode {
  enum Kind {
    /// A bare word, typed by the host (`name=` alone is the empty word).
    case bare(String)
    /// `"…"`, `$var.path`, `(expr)`, `[…]` or `{…}`.
    case expr(Expr)
    /// `name:=<json>`.
    case json(String)
    /// `name=@path`.
    case file(String)
  }
  var name: String
  var kind: Kind
  var pos: Pos
}

/// `router.procedure name=value …`.
final class CallExpr: Expr {
  let procedure: String
  let args: [ArgNode]
  /// The arguments' source text.
  let argsText: String
  init(procedure: String, args: [ArgNode], argsText: String, pos: Pos) {
    self.procedure = procedure
    self.args = args
    self.argsText = argsText
    super.init(pos: pos, hasCall: true)
  }

  override var children: [Expr] {
    args.compactMap { if case .expr(let e) = $0.kind { e } else { nil } }
  }

  /// The arguments for the static check (`.deferred` for values known only at run time).
  func checkArguments() -> [CallArgument] {
    args.map { a in
      switch a.kind {
      case .bare(let w): CallArgument(name: a.name, value: .bare(w), location: nil)
      case .json(let t): CallArgument(name: a.name, value: .json(t), location: nil)
      case .file(let p): CallArgument(name: a.name, value: .file(p), location: nil)
      case .expr(let e): CallArgument(name: a.name, value: e.constantValue.map { .value($0) } ?? .deferred, location: nil)
      }
    }
  }

  /// The result: made by the driver the first time (see ``Interpreter/callResult(_:_:)``).
  override func eval(_ s: Interpreter) throws(Failure) -> JSON {
    try s.callResult(self, try arguments(s))
  }

  /// The arguments as they will be sent (a script argument keeps its text: the schema types it
  /// like a bare word).
  func arguments(_ s: Interpreter) throws(Failure) -> [CallArgument] {
    var out: [CallArgument] = []
    out.reserveCapacity(args.count)
    for a in args {
      let loc = s.location(a.pos)
      switch a.kind {
      case .bare(let w): out.append(CallArgument(name: a.name, value: .bare(w), location: loc))
      case .json(let t): out.append(CallArgument(name: a.name, value: .json(t), location: loc))
      case .file(let p): out.append(CallArgument(name: a.name, value: .file(p), location: loc))
      case .expr(let e):
        if let v = e as? VariableExpr, let text = s.argumentText(v.slot) {
          out.append(CallArgument(name: a.name, value: .bare(text), location: loc))
        } else {
          out.append(CallArgument(name: a.name, value: .value(try e.eval(s)), location: loc))
        }
      }
    }
    return out
  }

  /// Calls the host with `arguments` and (when `record`) makes the result `$_` and `$N`. A
  /// `wait`'s attempt is `polling`: the host makes one attempt, without retries of its own.
  func perform(_ s: Interpreter, _ written: [CallArgument], record: Bool, polling: Bool = false)
    async throws(Failure) -> JSON
  {
    if Task.isCancelled { throw .cancelled }
    let loc = s.location(pos)
    let result: JSON
    let arguments: [CallArgument]
    do {
      arguments = try await s.host.prepare(procedure: procedure, arguments: written)
    } catch {
      if Task.isCancelled { throw .cancelled }
      var e = error
      if e.procedure == nil { e.procedure = procedure }
      throw .call(e, loc)
    }
    if s.tracing { s.traceArguments(self, arguments) }
    s.lastCallArguments = arguments
    // Kept when Ctrl-C cancels the call: the message then says whether its effect is unknown.
    s.state.callInFlight = (procedure, loc)
    do {
      if polling {
        result = try await s.host.poll(procedure: procedure, arguments: arguments, location: loc)
      } else {
        result = try await s.host.call(procedure: procedure, arguments: arguments, location: loc)
      }
    } catch {
      if Task.isCancelled { throw .cancelled }
      s.state.callInFlight = nil
      var e = error
      if e.procedure == nil { e.procedure = procedure }
      throw .call(e, loc)
    }
    if Task.isCancelled { throw .cancelled }
    s.state.callInFlight = nil
    if record { s.record(result) }
    return result
  }
}
