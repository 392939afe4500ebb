import DokClient
import DokRuntime

/// The client's session is the caller scripts, deploys and logs go through; its log streams are
/// Dokploy's WebSockets on the session's own server (with its key, and nowhere else).
extension DokSession: ProcedureCaller {
  public var logStreams: (any LogStreamSource)? { WebSocketLogStreams(connection: connection) }
}
