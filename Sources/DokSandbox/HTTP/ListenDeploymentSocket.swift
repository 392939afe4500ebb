import HTTPTypes
import HummingbirdWebSocket
import NIOWebSocket

/// Dokploy's build-log WebSocket on the sandbox: `/listen-deployment?logPath=<a deployment row's
/// logPath>`. As on a real server (apps/dokploy/server/wss/listen-deployment.ts) the key goes in
/// `x-api-key` (a bad key closes the socket plainly), a missing or unknown path closes with 4000
/// "logPath no provided" / "Invalid log path", and otherwise the log is sent from its first line
/// and then followed as the simulated build writes it (like `tail -n +1 -f`: the socket stays
/// open after the build ends, until the client closes it).
enum ListenDeploymentSocket {
  /// The path the route answers (compared case-insensitively, like every sandbox path).
  static let path = "/listen-deployment"

  /// Decides an upgrade request: the log socket for its path, no upgrade for any other.
  static func shouldUpgrade(
    _ request: HTTPRequest, engine: SandboxEngine, apiKey: String?
  ) -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
    let target = request.path ?? ""
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.first.map({ $0.lowercased() }) == path else { return .dontUpgrade }
    let query = parts.count > 1 ? QueryString.pairs(String(parts[1])) : []
    let logPath = query.first { $0.0 == "logPath" }?.1
    let keyAccepted = apiKey == nil || request.headerFields[HTTPField.Name("x-api-key")!] == apiKey
    return .upgrade([:]) { inbound, outbound, _ in
      guard keyAccepted else { return try await outbound.close(.normalClosure, reason: nil) }
      guard let logPath, !logPath.isEmpty else { return try await outbound.close(.unknown(4000), reason: "logPath no provided") }
      let lines: AsyncStream<String>
      do {
        lines = try engine.followDeploymentLog(logPath: logPath, poll: .milliseconds(20))
      } catch {
        return try await outbound.close(.unknown(4000), reason: "Invalid log path")
      }
      try await withThrowingTaskGroup(of: Void.self) { group in
        // Ends when the client closes the socket.
        group.addTask { for try await _ in inbound {} }
        group.addTask {
          for await line in lines { try await outbound.writeTextMessage(line + "\n") }
          // The build ended: keep the socket open, as `tail -f` does, until the client leaves.
          try await Task.sleep(for: .seconds(24 * 3600))
        }
        _ = try await group.next()
        group.cancelAll()
      }
    }
  }
}
