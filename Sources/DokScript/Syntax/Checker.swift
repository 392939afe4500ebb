import DokCore

/// The check before a run: `break`/`continue` outside a loop, a bare expression whose value
/// is not used (in a runbook), and every literal call through
/// ``ScriptHost/check(procedure:arguments:location:)`` (unknown procedures and parameters,
/// missing required ones, bare words that cannot fit). Syntax is the parser's job.
struct Checker {
  let host: any ScriptHost
  let validate: Bool
  /// A REPL entry: a bare expression shows its value instead of being an error.
  var interactive = false
  /// Script arguments by slot: a `$name` argument of a call that is one of them, never
  /// assigned in the program, is checked as the bare word (or JSON value) it was given.
  var arguments: [Int: CallArgument.Value] = [:]

  func check(_ program: Program) -> [Diagnostic] {
    var out: [Diagnostic] = []
    var checker = self
    if !arguments.isEmpty {
      // A `source`d file could assign anything: then no argument is known before running.
      var assigned = Set<Int>()
      if Checker.collectAssigned(program.block, into: &assigned) {
        checker.arguments = [:]
      } else {
        for slot in assigned { checker.arguments[slot] = nil }
      }
    }
    checker.walkProgram(program, into: &out)
    return out
  }

  /// Every slot a statement assigns (`$x =`, `for $x`, `catch $x`); true when a `source`
  /// statement makes that unknowable.
  static func collectAssigned(_ b: Block, into slots: inout Set<Int>) -> Bool {
    var sources = false
    for st in b.statements {
      if let a = st as? AssignStmt { slots.insert(a.slot) }
      if let f = st as? ForStmt { slots.insert(f.slot) }
      if let t = st as? TryStmt, let slot = t.slot { slots.insert(slot) }
      if st is SourceStmt { sources = true }
      for (inner, _) in st.blocks where collectAssigned(inner, into: &slots) { sources = true }
    }
    return sources
  }

  private func walkProgram(_ program: Program, into out: inout [Diagnostic]) {
    // After a syntax error in a block's header the parser goes on with the body; a jump there
    // is marked (``LoopJumpStmt/afterLostHeader``), so other misplaced ones are still reported.
    walk(program.block, inLoop: false, file: program.file, into: &out)
  }

  /// Syntax errors and check problems of the statements that parsed, in source order.
  func all(_ program: Program) -> [Diagnostic] {
    let found = program.diagnostics + check(program)
    return found.enumerated().sorted { a, b in
      let la = a.element.location, lb = b.element.location
      let ka = (la?.line ?? 0, la?.column ?? 0), kb = (lb?.line ?? 0, lb?.column ?? 0)
      return ka != kb ? ka < kb : a.offset < b.offset
    }.map(\.element)
  }

  func walk(_ b: Block, inLoop: Bool, file: String, into out: inout [Diagnostic]) {
    for st in b.statements {
      if let jump = st as? LoopJumpStmt, !inLoop, !jump.afterLostHeader {
        out.append(Diagnostic(.error, "'\(st.text)' outside a loop", at: st.pos.location(in: file)))
      }
      if !interactive, let e = st as? ExprStmt, !(e.expr is CallExpr) {
        out.append(
          Diagnostic(
            .error, "value not used — did you mean `assert`?", at: st.pos.location(in: file),
            notes: ["hint: `assert \(st.text)` checks it; `print \(st.text)` shows it"]))
      }
      if validate, let d = st as? DeployStmt {
        out += host.checkDeploy(procedure: d.call.procedure, location: d.call.pos.location(in: file))
      }
      for e in st.expressions { walk(e, file: file, into: &out) }
      for (inner, isLoop) in st.blocks { walk(inner, inLoop: inLoop || isLoop, file: file, into: &out) }
    }
  }

  func walk(_ e: Expr, file: String, into out: inout [Diagnostic]) {
    if validate, let c = e as? CallExpr {
      var args = c.checkArguments()
      for i in args.indices {
        args[i].location = c.args[i].pos.location(in: file)
        if case .expr(let e) = c.args[i].kind, let v = e as? VariableExpr, let known = arguments[v.slot] {
          args[i].value = known
        }
      }
      out += host.check(procedure: c.procedure, arguments: args, location: c.pos.location(in: file))
    }
    for child in e.children { walk(child, file: file, into: &out) }
  }
}
