import DokCore

/// Performs a procedure call with arguments as written (the client types them by schema).
/// The production conformer is the client session; tests use a closure.
public protocol ProcedureCaller: Sendable {
  func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON
}
