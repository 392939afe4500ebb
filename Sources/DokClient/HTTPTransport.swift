import DokCore

/// Sends one HTTP request and returns the whole reply. The production transport is
/// ``AsyncHTTPTransport``; tests use a closure-backed fake (`FakeTransport` in DokClientTests).
public protocol HTTPTransport: Sendable {
  /// Sends `request`, following redirects within the same host, and returns the final reply.
  /// Honours Task cancellation. Fails with a ``TransportError`` (never naming the API key).
  func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
  /// Releases connections; the transport is unusable afterwards.
  func shutdown() async
}

/// Why no reply arrived.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kind of failure (only `.connect` is retried, and only for GET).
  public enum Kind: String, Sendable {
    case connect, timeout, tls, tooLarge, redirect, cancelled, other
  }

  public var kind: Kind
  /// A message naming the URL (never the key).
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
