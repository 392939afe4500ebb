import DokCore

extension Interpreter {
  /// What a run cancelled by Ctrl-C reports: plain "interrupted", or, when a call was in flight,
  /// whether it was a query (cancelled) or a mutation (it may have reached the server).
  func interruption() -> Diagnostic {
    guard let (procedure, location) = state.callInFlight else { return Diagnostic(.error, "interrupted") }
    return InterruptedCall(procedure: procedure, changesState: host.changesState(procedure: procedure))
      .diagnostic(at: location)
  }
}
