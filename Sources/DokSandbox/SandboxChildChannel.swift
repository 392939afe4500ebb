import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// The sandbox's connections: Hummingbird's HTTP/1 channel with the build-log WebSocket upgrade,
/// plus ``FirstHeadDeadline`` in front, so a connection that never completes its first request
/// head is closed like an idle one.
struct SandboxChildChannel: ServerChildChannel {
  typealias Value = HTTP1WebSocketUpgradeChannel.Value

  let inner: HTTP1WebSocketUpgradeChannel
  /// How long a new connection may take to send its first request head.
  let headTimeout: TimeAmount

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
    channel.eventLoop.makeCompletedFuture {
      try channel.pipeline.syncOperations.addHandler(FirstHeadDeadline(timeout: headTimeout))
    }.flatMap { inner.setup(channel: channel, logger: logger) }
  }

  func handle(value: Value, logger: Logger) async {
    await inner.handle(value: value, logger: logger)
  }
}
