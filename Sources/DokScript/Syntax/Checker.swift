import DokCore

/// The check before a run: `break`/`continue` outside a loop, and every literal call through
/// ``ScriptHost/check(procedure:arguments:location:)`` (unknown procedures and parameters,
/// missing required ones, bare words that cannot fit). Syntax is the parser's job.
struct Checker {
  let host: any ScriptHost
  let validate: Bool

  func check(_ program: Program) -> [Diagnostic] {
    var out: [Diagnostic] = []
    // After a syntax error a loop header may be missing: its body's break would be noise.
    walk(program.block, inLoop: !program.diagnostics.isEmpty, file: program.file, into: &out)
    return out
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
      if st is BreakStmt || st is ContinueStmt, !inLoop {
        out.append(Diagnostic(.error, "'\(st.text)' outside a loop", at: st.pos.location(in: file)))
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
      for i in args.indices { args[i].location = c.args[i].pos.location(in: file) }
      out += host.check(procedure: c.procedure, arguments: args, location: c.pos.location(in: file))
    }
    for child in e.children { walk(child, file: file, into: &out) }
  }
}
