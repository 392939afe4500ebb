import NIOCore

/// Closes a connection whose first request head has not arrived in full within `timeout`.
///
/// Hummingbird's idle timeout (`HTTPConnectionStateHandler`) is installed only once the first
/// head is complete when the WebSocket upgrade is enabled, so before this handler a client that
/// connected and sent half a request line (or nothing) held its connection forever. It sits at
/// the front of the pipeline, passes every byte on unchanged, and removes itself at the first
/// blank line (the end of the first head); later requests are Hummingbird's to time out.
final class FirstHeadDeadline: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  private let timeout: TimeAmount
  private var timer: Scheduled<Void>?
  /// The last four bytes seen, to find `\r\n\r\n` (or `\n\n`) across reads.
  private var window: UInt32 = 0
  private var headEnded = false

  init(timeout: TimeAmount) { self.timeout = timeout }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { start(context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    start(context)
    context.fireChannelActive()
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    timer?.cancel()
    timer = nil
  }

  private func start(_ context: ChannelHandlerContext) {
    guard timer == nil, !headEnded else { return }
    let channel = context.channel
    timer = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if !headEnded {
      let bytes = unwrapInboundIn(data).readableBytesView
      for b in bytes {
        window = window << 8 | UInt32(b)
        if window == 0x0D0A_0D0A || window & 0xFFFF == 0x0A0A {
          headEnded = true
          break
        }
      }
    }
    context.fireChannelRead(data)
    if headEnded {
      timer?.cancel()
      timer = nil
      context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
  }
}
