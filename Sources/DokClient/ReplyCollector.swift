import AsyncHTTPClient
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Collects a reply on the event loop: the head, and the body up to a size cap (a
/// `Content-Length` over the cap fails at once). Knows whether the head arrived, so a deadline
/// that passes mid-body can be told apart from a server that never answered.
final class ReplyCollector: HTTPClientResponseDelegate, Sendable {
  struct Reply {
    var head: HTTPResponseHead
    var body: ByteBuffer
  }
  /// The reply is larger than the cap.
  struct TooLarge: Error {}

  private struct State {
    var head: HTTPResponseHead?
    var body = ByteBuffer()
  }
  private let state = NIOLockedValueBox(State())
  let maxBytes: Int

  init(maxBytes: Int) { self.maxBytes = maxBytes }

  /// True once the reply's head arrived.
  var headReceived: Bool { state.withLockedValue { $0.head != nil } }

  func didReceiveHead(task: HTTPClient.Task<Reply>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
    if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > maxBytes {
      return task.eventLoop.makeFailedFuture(TooLarge())
    }
    state.withLockedValue { $0.head = head }
    return task.eventLoop.makeSucceededVoidFuture()
  }

  func didReceiveBodyPart(task: HTTPClient.Task<Reply>, _ part: ByteBuffer) -> EventLoopFuture<Void> {
    var part = part
    let tooLarge = state.withLockedValue { s -> Bool in
      if s.body.readableBytes + part.readableBytes > maxBytes { return true }
      s.body.writeBuffer(&part)
      return false
    }
    return tooLarge ? task.eventLoop.makeFailedFuture(TooLarge()) : task.eventLoop.makeSucceededVoidFuture()
  }

  func didFinishRequest(task: HTTPClient.Task<Reply>) throws -> Reply {
    try state.withLockedValue { s in
      guard let head = s.head else { throw HTTPClientError.remoteConnectionClosed }
      return Reply(head: head, body: s.body)
    }
  }
}
