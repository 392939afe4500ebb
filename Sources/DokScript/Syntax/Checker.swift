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
      // `name=(env("NAME"))` with NAME unset sends null: checked as null, the message names NAME.
      var unset: [(location: SourceLocation, variable: String)] = []
      for i in args.indices {
        let location = c.args[i].pos.location(in: file)
        args[i].location = location
        guard case .expr(let e) = c.args[i].kind else { continue }
        if let v = e as? VariableExpr, let known = arguments[v.slot] {
          args[i].value = known
        } else if let name = Checker.environmentName(e), host.environment(name) == nil {
          args[i].value = .value(.null)
          unset.append((location, name))
        }
      }
      for var d in host.check(procedure: c.procedure, arguments: args, location: c.pos.location(in: file)) {
        if let u = unset.first(where: { $0.location == d.location }) {
          d.message += ": the environment variable \(u.variable) is not set"
          d.notes.append(
            "hint: set it for the run (\(u.variable)=… dok run …), or give a default: (env(\"\(u.variable)\") || \"…\")")
        }
        out.append(d)
      }
    }
    for child in e.children { walk(child, file: file, into: &out) }
  }

  /// `NAME` of an `env("NAME")` call with a literal name.
  static func environmentName(_ e: Expr) -> String? {
    guard let b = e as? BuiltinExpr, b.fn == .env, case .string(let name)? = b.args.first?.constantValue else { return nil }
    return name
  }

  /// Script arguments the program never reads (`imge=…` for a runbook that reads `$image`): a
  /// check error each, with "did you mean" among the variables it reads. A program that
  /// `source`s a file may read anything, so nothing is reported for it.
  static func unreadArguments(_ given: [String], in program: Program) -> [Diagnostic] {
    var read = Set<String>()
    guard !collectRead(program.block, into: &read) else { return [] }
    return given.filter { !read.contains($0) }.map { name in
      var notes = Suggest.didYouMean(Suggest.closest(to: name, in: read.sorted(), limit: 1).map { "`\($0)`" }).map { [$0] } ?? []
      notes.append(
        "hint: an argument must be read as $\(name) by the runbook; to pass values it may not read, use dok run --allow-unused-arguments"
      )
      return Diagnostic(.error, "argument '\(name)' is never read by \(program.file)", notes: notes)
    }
  }

  /// Adds every variable name read in `b`; true when a `source` statement makes that unknowable.
  static func collectRead(_ b: Block, into names: inout Set<String>) -> Bool {
    var sources = false
    for st in b.statements {
      if st is SourceStmt { sources = true }
      for e in st.expressions { collectRead(e, into: &names) }
      for (inner, _) in st.blocks where collectRead(inner, into: &names) { sources = true }
    }
    return sources
  }

  static func collectRead(_ e: Expr, into names: inout Set<String>) {
    if let v = e as? VariableExpr { names.insert(v.name) }
    for child in e.children { collectRead(child, into: &names) }
  }
}
