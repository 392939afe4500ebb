import DokCore

/// Why a statement did not complete normally (internal; becomes a ``RunOutcome``).
indirect enum Failure: Error {
  case runtime(String, SourceLocation)
  case call(CallError, SourceLocation)
  case waitTimeout(String, SourceLocation, notes: [String])
  case assertion(String, SourceLocation, notes: [String])
  case exit(Int32)
  case cancelled
  /// A `source`d file failed to parse or check.
  case diagnostics([Diagnostic])

  var exitCode: Int32 {
    switch self {
    case .runtime: 6
    case .call(let e, _): e.exitCode
    case .waitTimeout: 5
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
    case .assertion(let m, let l, let n): return [Diagnostic(.error, m, at: l, notes: n)]
    case .exit, .cancelled: return []
    case .diagnostics(let d): return d
    }
  }
}

/// How a run, a check or a REPL entry ended.
public struct RunOutcome: Sendable {
  /// 0 ok, 1 assert/`exit 1`, 2 syntax/check/argument, 3 API, 4 transport, 5 wait timeout,
  /// 6 runtime, 130 interrupted, or N from `exit N`.
  public var exitCode: Int32
  /// Everything to show the user (render with ``DiagnosticRenderer``).
  public var diagnostics: [Diagnostic]
  /// `ASSERT`, `RUNTIME`, … for a failure; nil when the run succeeded or exited on purpose.
  public var errorCode: String?

  /// An outcome with the given exit code.
  public init(exitCode: Int32, diagnostics: [Diagnostic] = [], errorCode: String? = nil) {
    self.exitCode = exitCode
    self.diagnostics = diagnostics
    self.errorCode = errorCode
  }

  /// True for exit code 0.
  public var succeeded: Bool { exitCode == 0 }
}

/// Options of a run or a session.
public struct ScriptOptions: Sendable {
  /// `--trace`: report every executed statement to the sink.
  public var trace = false
  /// `--keep-going`: a failed assert is recorded and the run continues (exit 1 at the end).
  public var keepGoing = false
  /// `--debug`: ask ``ScriptHost/onFailure(_:)`` what to do after a failure.
  public var debug = false
  /// Run the host's static check before running (`--no-validate` turns it off in the CLI).
  public var validate = true

  /// Options; all off except validation.
  public init(trace: Bool = false, keepGoing: Bool = false, debug: Bool = false, validate: Bool = true) {
    self.trace = trace
    self.keepGoing = keepGoing
    self.debug = debug
    self.validate = validate
  }
}

/// One executed `assert` (or a failed wait / uncaught error) as a test case for reports.
public struct TestCase: Sendable, Equatable {
  /// What produced the case: an `assert`, a timed-out `wait`, or an uncaught error.
  public enum Kind: String, Sendable { case assert, wait, error }
  /// What produced the case.
  public var kind: Kind
  /// The file the statement is in.
  public var file: String
  /// The statement's line.
  public var line: Int
  /// The statement's source text.
  public var source: String
  /// True when the assert held.
  public var passed: Bool
  /// The failure message (empty when passed).
  public var message: String
  /// Seconds the statement took.
  public var duration: Double

  /// A recorded case.
  public init(kind: Kind, file: String, line: Int, source: String, passed: Bool, message: String = "", duration: Double = 0) {
    self.kind = kind
    self.file = file
    self.line = line
    self.source = source
    self.passed = passed
    self.message = message
    self.duration = duration
  }

  /// `file:line`.
  public var name: String { "\(file):\(line)" }
}
