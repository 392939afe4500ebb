/// The exit codes of the language contract, in one place. Every failure type maps to one of
/// these; help pages list them from ``allDocumented``; code never spells the numbers itself.
public enum ExitStatus: Int32, Sendable, CaseIterable {
  /// Everything succeeded.
  case success = 0
  /// An `assert` failed, or `exit 1`.
  case assertionFailed = 1
  /// Usage, syntax or check error; an argument that does not fit its schema.
  case usage = 2
  /// The server answered with an error (4xx/5xx) that was not caught.
  case apiError = 3
  /// Connect, TLS, timeout or an unreadable reply.
  case transport = 4
  /// A `wait` or `deploy` timed out.
  case timeout = 5
  /// A runtime error: undefined variable, type error, bad path, division by zero, non-finite number.
  case runtime = 6
  /// A deployment ended in `error` or `cancelled`, or `deploy` could not tell which deployment its
  /// call queued (`DEPLOY_AMBIGUOUS`) or lost it (`DEPLOY_LOST`): never a success, never a guess.
  case deployFailed = 7
  /// Interrupted (Ctrl-C).
  case interrupted = 130
  /// Stopped by SIGTERM (128 + 15).
  case terminated = 143

  /// The code as the process reports it.
  public var code: Int32 { rawValue }

  /// A few words for help pages: `3 API error reply (4xx/5xx) not caught`.
  public var summary: String {
    switch self {
    case .success: "ok"
    case .assertionFailed: "assertion failed or `exit 1`"
    case .usage: "usage, syntax or check error"
    case .apiError: "API error reply (4xx/5xx) not caught"
    case .transport: "transport error (connect, TLS, timeout, bad reply)"
    case .timeout: "`wait` or `deploy` timed out"
    case .runtime: "runtime error (undefined variable, type error, bad path, division by zero, non-finite number)"
    case .deployFailed: "a deployment ended in `error` or `cancelled` (or could not be told apart from another)"
    case .interrupted: "interrupted (Ctrl-C)"
    case .terminated: "terminated (SIGTERM)"
    }
  }

  /// The codes help pages list, in order.
  public static var allDocumented: [ExitStatus] { allCases }

  /// One line per code: `  3  API error reply (4xx/5xx) not caught`.
  public static var helpTable: String {
    allDocumented.map { s in
      let n = String(s.rawValue)
      return "  " + String(repeating: " ", count: max(0, 3 - n.count)) + n + "  " + s.summary
    }.joined(separator: "\n")
  }
}

extension ExitStatus {
  /// Of two exit codes, the one a run that went on past both failures ends with
  /// (`dok run --keep-going`): the worse, which is the higher number. The contract's codes grow
  /// with how far a failure is from "the script's own check did not hold": 1 a failed assert,
  /// 2 an argument that does not fit, 3 an API error reply, 4 no usable reply (transport), then
  /// 5 a timeout, 6 a runtime error, 7 a failed deploy, and 130 interrupted.
  public static func worse(_ a: Int32, _ b: Int32) -> Int32 { max(a, b) }

  /// `0 ok, 2 usage, …` for a command's help: the given codes with their summaries.
  public static func summaryLine(of statuses: [ExitStatus]) -> String {
    statuses.map { "\($0.code) \($0.summary)" }.joined(separator: ", ")
  }
}
