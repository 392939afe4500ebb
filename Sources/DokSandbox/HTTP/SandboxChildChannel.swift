import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// The sandbox's connections: Hummingbird's HTTP/1 channel with the build-log WebSocket upgrade,
/// plus ``FirstHeadDeadline`` in front, so a connection that never completes its first request
/// head is closed like an idle one, and a first head the decoder refuses gets an answer.
struct SandboxChildChannel: ServerChildChannel {
  typealias Value = HTTP1WebSocketUpgradeChannel.Value

  let inner: HTTP1WebSocketUpgradeChannel
  /// How long a new connection may take to send its first request head.
  let headTimeout: TimeAmount

  /// Runs on the connection's event loop (as Hummingbird's own channels' setups do).
  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
    do {
      let deadline = FirstHeadDeadline(timeout: headTimeout)
      try channel.pipeline.syncOperations.addHandler(deadline, position: .first)
      let value = inner.setup(channel: channel, logger: logger)
      // Behind the HTTP decoder the inner setup has just installed (synchronously).
      try channel.pipeline.syncOperations.addHandler(deadline.catcher)
      return value
    } catch {
      return channel.eventLoop.makeFailedFuture(error)
    }
  }

  func handle(value: Value, logger: Logger) async {
    await inner.handle(value: value, logger: logger)
  }
}
