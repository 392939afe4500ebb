/// Why a call produced no value: bad arguments (nothing was sent), an error reply from the
/// server, or a transport failure. One type for every layer, rendered in one place.
public struct CallError: Error, Sendable, Equatable {
  /// The three ways a call fails; each has its own ``ExitStatus``.
  public enum Kind: String, Sendable {
    /// The arguments did not fit the schema; no request was sent.
    case argument
    /// The server answered with an error (4xx/5xx).
    case api
    /// Connect, TLS, timeout or an unreadable reply.
    case transport
  }

  /// One validation issue from the server (`param: message`).
  public struct Issue: Sendable, Equatable {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
      self.path = path
      self.message = message
    }
  }

  public var kind: Kind
  /// `router.procedure`, when known.
  public var procedure: String?
  public var message: String
  /// The server's code (`BAD_REQUEST`, `NOT_FOUND`, …), `TRANSPORT` for transport errors,
  /// `ARGUMENT` for argument errors.
  public var code: String
  public var httpStatus: Int?
  public var issues: [Issue]
  /// The parameter an argument error is about.
  public var parameter: String?
  /// Extra guidance printed under the message (e.g. the 401 explanation, "did you mean").
  public var hints: [String]
  /// Where in a script the failing argument or call is.
  public var location: SourceLocation?

  public init(
    kind: Kind, procedure: String? = nil, message: String, code: String? = nil, httpStatus: Int? = nil,
    issues: [Issue] = [], parameter: String? = nil, hints: [String] = [], location: SourceLocation? = nil
  ) {
    self.kind = kind
    self.procedure = procedure
    self.message = message
    self.code = code ?? (kind == .transport ? "TRANSPORT" : kind == .argument ? "ARGUMENT" : "ERROR")
    self.httpStatus = httpStatus
    self.issues = issues
    self.parameter = parameter
    self.hints = hints
    self.location = location
  }

  /// The exit status the contract gives this failure: usage (argument), API or transport.
  public var status: ExitStatus {
    switch kind {
    case .argument: .usage
    case .api: .apiError
    case .transport: .transport
    }
  }

  /// The process exit code of ``status``.
  public var exitCode: Int32 { status.code }

  /// The failure as a diagnostic: ``rendered``'s first line is the message, the issue and
  /// hint lines its notes; at ``location`` (or `fallback`) when known.
  public func diagnostic(at fallback: SourceLocation? = nil) -> Diagnostic {
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let notes = lines.dropFirst().map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }
    return Diagnostic(.error, lines.first ?? message, at: location ?? fallback, notes: Array(notes))
  }

  /// The value a script's `catch $err` sees: `{message, code, httpStatus, procedure, issues}`.
  public var json: JSON {
    var o = JSONObject()
    o["message"] = .string(message)
    o["code"] = .string(code)
    o["httpStatus"] = httpStatus.map { .number(Double($0)) } ?? .null
    o["procedure"] = procedure.map { .string($0) } ?? .null
    o["issues"] = .array(issues.map { ["path": .string($0.path), "message": .string($0.message)] })
    return .object(o)
  }

  /// Human-readable text: the message with code and status, each issue as `param: message`,
  /// then hints.
  public var rendered: String {
    var head = (procedure.map { "\($0): " } ?? "") + message
    if kind == .api { head += " (\(code)\(httpStatus.map { " \($0)" } ?? ""))" }
    var lines = [head]
    for issue in issues { lines.append("  \(issue.path.isEmpty ? "(input)" : issue.path): \(issue.message)") }
    for hint in hints { lines.append("  hint: \(hint)") }
    return lines.joined(separator: "\n")
  }
}
