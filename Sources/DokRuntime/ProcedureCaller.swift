import DokCore

/// Performs a procedure call with arguments as written (the client types them by schema).
/// The production conformer is the client session (`DokLive`); tests use a closure.
public protocol ProcedureCaller: Sendable {
  func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON
  /// One attempt of a `wait`'s call: no retries of the caller's own.
  func poll(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON

  /// The log streams of the server this caller reaches, or nil when it has none: then `deploy`
  /// polls `deployment.readLogs` for build logs and container logs are read over REST.
  var logStreams: (any LogStreamSource)? { get }
}

extension ProcedureCaller {
  /// A caller that never retries polls like it calls.
  public func poll(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await call(procedure: procedure, arguments: arguments)
  }
  /// No log streams: build logs are polled, container logs read over REST.
  public var logStreams: (any LogStreamSource)? { nil }
}
