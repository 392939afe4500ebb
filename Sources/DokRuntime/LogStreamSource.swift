/// A server's log streams, as `deploy`, `dok call --wait`, `dok logs --follow` and `:logs`
/// follow them. The runtime knows no transport: `DokLive` implements this with Dokploy's
/// WebSockets over the client's connection, and a caller without it (``ProcedureCaller/logStreams``
/// nil) makes `deploy` poll `deployment.readLogs` and the logs reader use `<kind>.readLogs`.
public protocol LogStreamSource: Sendable {
  /// Follows the build log at `logPath` (from its first line; `serverId` when the build ran on a
  /// remote server), handing the text to `onText` as it arrives (chunks need not end with a
  /// line), until the server ends the stream or the task is cancelled. Throws when the stream
  /// cannot be opened.
  func followBuildLog(logPath: String, serverId: String?, onText: @escaping @Sendable (String) -> Void) async throws
    -> LogStreamEnd

  /// Follows a container's log from its last `tail` lines (`since`: `all` or a duration such as
  /// `10m`), handing the text to `onText` as it arrives, until the server ends the stream or the
  /// task is cancelled. Throws when the stream cannot be opened.
  func followContainerLog(containerId: String, tail: Int, since: String, onText: @escaping @Sendable (String) -> Void)
    async throws
}

/// How a log stream ended.
public enum LogStreamEnd: Sendable, Equatable {
  /// The server closed it (a finished build, a proxy timing out).
  case closed
  /// The server refused what was asked (Dokploy: "logPath no provided" / "Invalid log path").
  case refused
}
