import DokCore

/// Why a statement did not complete normally (internal; becomes a ``RunOutcome``).
indirect enum Failure: Error {
  case runtime(String, SourceLocation, notes: [String] = [])
  case call(CallError, SourceLocation)
  case waitTimeout(String, SourceLocation, notes: [String])
  /// A followed deployment ended in `error` or `cancelled` (`DEPLOY_FAILED`), or could not be
  /// followed (`DEPLOY_AMBIGUOUS`, `DEPLOY_LOST`): exit 7 with the code and details `catch` sees.
  case deployFailed(String, SourceLocation, notes: [String], details: JSONObject, code: String = "DEPLOY_FAILED")
  /// The rendered comparison, where, notes, and the author's message when one was given.
  case assertion(String, SourceLocation, notes: [String], message: String?)
  case exit(Int32)
  case cancelled
  /// A `source`d file failed to parse or check.
  case diagnostics([Diagnostic])
  /// Not a failure: the evaluation met a call that must be made first (see
  /// ``Interpreter/callResult(_:_:)``); the ``Machine`` or ``Interpreter/settle(_:)`` makes it.
  case needsCall(CallExpr, [CallArgument])

  var exitCode: Int32 {
    switch self {
    case .runtime: ExitStatus.runtime.code
    case .call(let e, _): e.exitCode
    case .waitTimeout: ExitStatus.timeout.code
    case .deployFailed: ExitStatus.deployFailed.code
    case .assertion: ExitStatus.assertionFailed.code
    case .exit(let n): n
    case .cancelled: ExitStatus.interrupted.code
    case .diagnostics: ExitStatus.usage.code
    case .needsCall: ExitStatus.runtime.code
    }
  }

  /// `try` catches everything except `exit`, interruption and check errors of sourced files.
  var isCatchable: Bool {
    switch self {
    case .exit, .cancelled, .diagnostics, .needsCall: false
    default: true
    }
  }

  var code: String {
    switch self {
    case .runtime: "RUNTIME"
    case .call(let e, _): e.code
    case .waitTimeout: "WAIT_TIMEOUT"
    case .deployFailed(_, _, _, _, let code): code
    case .assertion: "ASSERT"
    case .exit: "EXIT"
    case .cancelled: "INTERRUPTED"
    case .diagnostics: "CHECK"
    case .needsCall: "RUNTIME"
    }
  }

  /// The value `catch $err` binds.
  var errorValue: JSON {
    if case .call(let e, _) = self { return e.json }
    var o = JSONObject()
    o["message"] = .string(diagnostics.first?.message ?? "")
    if case .assertion(let rendered, _, _, let author) = self {
      // The author's text is the message; the comparison stays readable as `.assertion`.
      o["message"] = .string(author ?? rendered)
      o["assertion"] = .string(rendered)
    }
    o["code"] = .string(code)
    o["httpStatus"] = .null
    o["procedure"] = .null
    o["issues"] = .array([])
    // DEPLOY_FAILED: the deployment row and its log's last lines.
    if case .deployFailed(_, _, _, let details, _) = self { for (k, v) in details.pairs { o[k] = v } }
    return .object(o)
  }

  var diagnostics: [Diagnostic] {
    switch self {
    case .runtime(let m, let l, let n): return [Diagnostic(.error, m, at: l, notes: n)]
    case .call(let e, let l): return [e.diagnostic(at: l)]
    case .waitTimeout(let m, let l, let n): return [Diagnostic(.error, m, at: l, notes: n)]
    case .deployFailed(let m, let l, let n, _, _): return [Diagnostic(.error, m, at: l, notes: n)]
    case .assertion(let m, let l, let n, _): return [Diagnostic(.error, m, at: l, notes: n)]
    case .exit, .cancelled: return []
    case .diagnostics(let d): return d
    case .needsCall(let call, _): return [Diagnostic(.error, "internal error: call \(call.procedure) not made")]
    }
  }

  /// The same failure with one more note (a `source`d file's failure names the including line).
  func noting(_ note: String) -> Failure {
    switch self {
    case .runtime(let m, let l, let n): return .runtime(m, l, notes: n + [note])
    case .call(var e, let l):
      e.hints.append(note)
      return .call(e, l)
    case .waitTimeout(let m, let l, let n): return .waitTimeout(m, l, notes: n + [note])
    case .deployFailed(let m, let l, let n, let d, let c): return .deployFailed(m, l, notes: n + [note], details: d, code: c)
    case .assertion(let m, let l, let n, let msg): return .assertion(m, l, notes: n + [note], message: msg)
    case .diagnostics(var d):
      if !d.isEmpty { d[0].notes.append(note) }
      return .diagnostics(d)
    case .exit, .cancelled, .needsCall: return self
    }
  }
}
