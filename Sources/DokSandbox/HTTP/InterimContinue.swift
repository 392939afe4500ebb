import HTTPTypes
import NIOCore

/// `Expect: 100-continue`: a client that sends it (curl does for large bodies, many libraries
/// for every POST) waits for `HTTP/1.1 100 Continue` before sending the body. Hummingbird never
/// sends it, so such a client stalled until its own timeout (curl: 1 s) or the sandbox's read
/// timeout (408). The responder sends it once it has decided to read the body — never for a
/// request it refuses first (401, a `Content-Length` past the limit: 413), so that body is not sent.
///
/// The interim response is written as bytes at the front of the connection's pipeline: it is
/// not the request's response, so it must not pass the HTTP state handlers behind it (they
/// would count it as the reply). The final response follows through the normal path.
final class InterimContinue: ChannelOutboundHandler, RemovableChannelHandler, Sendable {
  typealias OutboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// The interim response, byte for byte.
  static let text = "HTTP/1.1 100 Continue\r\n\r\n"

  /// True when `request` asks for `100 Continue` before its body.
  static func isExpected(_ request: HTTPFields) -> Bool {
    request[.expect].map { $0.lowercased() == "100-continue" } ?? false
  }

  /// Writes `100 Continue` on `channel` ahead of anything else and waits until it is handed to
  /// the socket (a closed connection is not an error here: reading the body then fails).
  static func send(on channel: any Channel) async {
    let writer = InterimContinue()
    let pipeline = channel.pipeline
    try? await pipeline.addHandler(writer, position: .first).flatMap { pipeline.removeHandler(writer) }.get()
  }

  func handlerAdded(context: ChannelHandlerContext) {
    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: Self.text)), promise: nil)
  }
}
