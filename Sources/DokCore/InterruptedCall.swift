/// What Ctrl-C did to a call that was in flight, in the words every command uses (`dok call`,
/// `dok run`, the REPL). A query (GET) cancelled changed nothing; a mutation (POST) may have
/// reached the server before the connection was dropped, so its effect is unknown until read.
public struct InterruptedCall: Sendable, Equatable {
  /// `router.procedure`.
  public var procedure: String
  /// False for a query; true for a mutation (or a procedure whose kind is not known).
  public var changesState: Bool

  /// A call cut short by Ctrl-C.
  public init(procedure: String, changesState: Bool) {
    self.procedure = procedure
    self.changesState = changesState
  }

  /// The one-line message: starts with "interrupted".
  public var message: String {
    changesState
      ? "interrupted while \(procedure) was being sent: the request may have reached the server, so its effect is unknown"
      : "interrupted: \(procedure) was cancelled (a query: nothing was changed)"
  }

  /// What to do next (for a mutation only).
  public var notes: [String] {
    changesState ? ["hint: check with a read (the `one` or `all` query of what it acts on) before sending it again"] : []
  }

  /// The message as a diagnostic at `location`.
  public func diagnostic(at location: SourceLocation? = nil) -> Diagnostic {
    Diagnostic(.error, message, at: location, notes: notes)
  }
}
