import DokCore

/// Performs a procedure call with arguments as written (the client types them by schema).
/// The production conformer is the client session (`DokLive`); tests use a closure.
public protocol ProcedureCaller: Sendable {
  func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON

  /// The log streams of the server this caller reaches, or nil when it has none: then `deploy`
  /// polls `deployment.readLogs` for build logs and container logs are read over REST.
  var logStreams: (any LogStreamSource)? { get }
}

extension ProcedureCaller {
  /// No log streams: build logs are polled, container logs read over REST.
  public var logStreams: (any LogStreamSource)? { nil }
}
