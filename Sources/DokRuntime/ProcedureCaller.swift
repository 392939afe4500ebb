import DokCore

/// Performs a procedure call with arguments as written (the client types them by schema).
/// The production conformer is the client session; tests use a closure.
public protocol ProcedureCaller: Sendable {
  func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON
}

/// A caller backed by a closure (tests, fakes).
public struct ClosureCaller: ProcedureCaller {
  let body: @Sendable (String, [CallArgument]) async throws(CallError) -> JSON
  public init(_ body: @escaping @Sendable (String, [CallArgument]) async throws(CallError) -> JSON) { self.body = body }
  public func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await body(procedure, arguments)
  }
}
