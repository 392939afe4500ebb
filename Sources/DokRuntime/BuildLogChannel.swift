/// How a deployment's build log reaches dok: a log stream (``LogStreamSource``: Dokploy's
/// `/listen-deployment` WebSocket, the file from its first line, then followed), polling
/// `deployment.readLogs`, or not at all.
public enum BuildLogChannel: String, Sendable {
  case stream, polling, none

  /// The channel a server offers: the stream when the caller has log streams, else polling when
  /// the document has `deployment.readLogs`.
  public static func preferred(hasStream: Bool, hasReadLogs: Bool) -> BuildLogChannel {
    hasStream ? .stream : hasReadLogs ? .polling : .none
  }
}
