import DokClient
import DokCore
import Synchronization

/// A closure-backed ``HTTPTransport`` for tests: records every request and answers with the
/// closure's reply (or throws its ``TransportError``).
public final class FakeTransport: HTTPTransport {
  private let handler: @Sendable (HTTPRequest) async throws(TransportError) -> HTTPResponse
  private let log = Mutex<[HTTPRequest]>([])

  /// A transport answering each request with `handler`.
  public init(_ handler: @escaping @Sendable (HTTPRequest) async throws(TransportError) -> HTTPResponse) {
    self.handler = handler
  }

  /// A transport answering every request with status 200 and `json`.
  public convenience init(replying json: JSON) {
    self.init { r in jsonResponse(200, json, url: r.url) }
  }

  /// Requests received so far, in order.
  public var requests: [HTTPRequest] { log.withLock { $0 } }

  public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
    log.withLock { $0.append(request) }
    return try await handler(request)
  }

  public func shutdown() async {}
}

/// A JSON reply for fakes.
public func jsonResponse(_ status: Int = 200, _ body: JSON, url: String = "") -> HTTPResponse {
  HTTPResponse(status: status, headers: [("content-type", "application/json")], body: Array(body.compactText.utf8), url: url)
}
