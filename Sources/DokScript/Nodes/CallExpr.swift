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

  override func evalAsync(_ s: Interpreter) async throws(Failure) -> JSON {
    try await perform(s, record: true).value
  }

  /// Evaluates the arguments, calls the host, and (when `record`) makes the result `$_` and `$N`.
  func perform(_ s: Interpreter, record: Bool) async throws(Failure) -> (value: JSON, arguments: [CallArgument]) {
    var out: [CallArgument] = []
    out.reserveCapacity(args.count)
    for a in args {
      let loc = s.location(a.pos)
      switch a.kind {
      case .bare(let w): out.append(CallArgument(name: a.name, value: .bare(w), location: loc))
      case .json(let t): out.append(CallArgument(name: a.name, value: .json(t), location: loc))
      case .file(let p): out.append(CallArgument(name: a.name, value: .file(p), location: loc))
      case .expr(let e):
        // A script argument keeps its text: the schema types it like a bare word.
        if let v = e as? VariableExpr, let text = s.argumentText(v.slot) {
          out.append(CallArgument(name: a.name, value: .bare(text), location: loc))
        } else {
          out.append(CallArgument(name: a.name, value: .value(try await e.value(s)), location: loc))
        }
      }
    }
    if Task.isCancelled { throw .cancelled }
    let loc = s.location(pos)
    let result: JSON
    do {
      out = try await s.host.prepare(procedure: procedure, arguments: out)
    } catch {
      if Task.isCancelled { throw .cancelled }
      var e = error
      if e.procedure == nil { e.procedure = procedure }
      throw .call(e, loc)
    }
    if s.tracing { s.traceArguments(self, out) }
    // Kept when Ctrl-C cancels the call: the message then says whether its effect is unknown.
    s.state.callInFlight = (procedure, loc)
    do {
      result = try await s.host.call(procedure: procedure, arguments: out, location: loc)
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
    return (result, out)
  }
}
