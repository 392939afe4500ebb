import DokCore

/// Why a statement did not complete normally (internal; becomes a ``RunOutcome``).
indirect enum Failure: Error {
  case runtime(String, SourceLocation)
  case call(CallError, SourceLocation)
  case waitTimeout(String, SourceLocation, notes: [String])
  /// A followed deployment ended in `error` or `cancelled`.
  case deployFailed(String, SourceLocation, notes: [String], details: JSONObject)
  case assertion(String, SourceLocation, notes: [String])
  case exit(Int32)
  case cancelled
  /// A `source`d file failed to parse or check.
  case diagnostics([Diagnostic])

  var exitCode: Int32 {
    switch self {
    case .runtime: 6
    case .call(let e, _): e.exitCode
    case .waitTimeout: ExitStatus.timeout.code
    case .deployFailed: ExitStatus.deployFailed.code
    case .assertion: 1
    case .exit(let n): n
    case .cancelled: 130
    case .diagnostics: 2
    }
  }

  /// `try` catches everything except `exit`, interruption and check errors of sourced files.
  var isCatchable: Bool {
    switch self {
    case .exit, .cancelled, .diagnostics: false
    default: true
    }
  }

  var code: String {
    switch self {
    case .runtime: "RUNTIME"
    case .call(let e, _): e.code
    case .waitTimeout: "WAIT_TIMEOUT"
    case .deployFailed: "DEPLOY_FAILED"
    case .assertion: "ASSERT"
    case .exit: "EXIT"
    case .cancelled: "INTERRUPTED"
    case .diagnostics: "CHECK"
    }
  }

  /// The value `catch $err` binds.
  var errorValue: JSON {
    if case .call(let e, _) = self { return e.json }
    var o = JSONObject()
    o["message"] = .string(diagnostics.first?.message ?? "")
    o["code"] = .string(code)
    o["httpStatus"] = .null
    o["procedure"] = .null
    o["issues"] = .array([])
    // DEPLOY_FAILED: the deployment row and its log's last lines.
    if case .deployFailed(_, _, _, let details) = self { for (k, v) in details.pairs { o[k] = v } }
    return .object(o)
  }

  var diagnostics: [Diagnostic] {
    switch self {
    case .runtime(let m, let l): return [Diagnostic(.error, m, at: l)]
    case .call(let e, let l):
      let lines = e.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      let notes = lines.dropFirst().map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }
      return [Diagnostic(.error, lines.first ?? e.message, at: e.location ?? l, notes: Array(notes))]
    case .waitTimeout(let m, let l, let n): return [Diagnostic(.error, m, at: l, notes: n)]
    case .deployFailed(let m, let l, let n, _): return [Diagnostic(.error, m, at: l, notes: n)]
    case .assertion(let m, let l, let n): return [Diagnostic(.error, m, at: l, notes: n)]
    case .exit, .cancelled: return []
    case .diagnostics(let d): return d
    }
  }
}
