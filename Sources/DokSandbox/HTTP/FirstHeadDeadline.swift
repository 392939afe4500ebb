import DokCore
import NIOCore

/// Guards a connection until its first request head has arrived in full: closes it when that
/// takes longer than `timeout`, and answers a head the HTTP decoder refuses (malformed, or past
/// its 80 KB limit) with a 400 or 431 that says why, then closes it.
///
/// With the WebSocket upgrade enabled, Hummingbird installs its idle timeout and its parse-error
/// reply only once the first head is complete, so before this a client that sent half a
/// request line, or a malformed or oversized one, held its connection forever with no answer.
/// The guard sits at the front of the pipeline, passes every byte on unchanged, and removes
/// itself (and its ``ErrorCatcher``) at the first blank line, the end of the first head; later
/// requests are Hummingbird's to time out and refuse.
final class FirstHeadDeadline: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// Placed behind the HTTP decoder: hands the decoder's error on the first head to the guard.
  final class ErrorCatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Never
    weak var guardian: FirstHeadDeadline?

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      if let guardian, !guardian.headEnded {
        guardian.refuse(error)
      } else {
        context.fireErrorCaught(error)
      }
    }
  }

  private let timeout: TimeAmount
  private var timer: Scheduled<Void>?
  /// The last four bytes seen, to find `\r\n\r\n` (or `\n\n`) across reads.
  private var window: UInt32 = 0
  private(set) var headEnded = false
  private var context: ChannelHandlerContext?
  let catcher = ErrorCatcher()

  init(timeout: TimeAmount) {
    self.timeout = timeout
    catcher.guardian = self
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    if context.channel.isActive { start(context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    start(context)
    context.fireChannelActive()
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    timer?.cancel()
    timer = nil
    self.context = nil
  }

  private func start(_ context: ChannelHandlerContext) {
    guard timer == nil, !headEnded else { return }
    let channel = context.channel
    timer = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var endsHere = false
    if !headEnded {
      let bytes = unwrapInboundIn(data).readableBytesView
      for b in bytes {
        window = window << 8 | UInt32(b)
        if window == 0x0D0A_0D0A || window & 0xFFFF == 0x0A0A {
          endsHere = true
          break
        }
      }
    }
    // The decoder parses what is passed on now; a head it refuses reaches ``refuse(_:)`` first.
    context.fireChannelRead(data)
    if endsHere, !headEnded {
      headEnded = true
      timer?.cancel()
      timer = nil
      context.pipeline.syncOperations.removeHandler(catcher, promise: nil)
      context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
  }

  /// Answers a first head the decoder refused (written here, in front of the HTTP handlers,
  /// which have no request to answer) and closes the connection.
  func refuse(_ error: any Error) {
    guard let context, !headEnded else { return }
    headEnded = true
    let detail = "\(error)"
    let tooLarge = detail.lowercased().contains("overflow")
    let message =
      tooLarge
      ? "The request head is larger than the sandbox accepts (80 KB)" : "Malformed HTTP request: \(detail)"
    let json = JSONWriter.compact(["message": .string(message)])
    let status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"
    let text =
      "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n"
      + "Connection: close\r\n\r\n\(json)"
    let channel = context.channel
    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text))).whenComplete { _ in channel.close(promise: nil) }
  }
}
