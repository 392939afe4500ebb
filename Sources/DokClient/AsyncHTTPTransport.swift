import AsyncHTTPClient
import DokCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The production transport: one AsyncHTTPClient per session (one connection pool, keep-alive
/// across calls), TLS verified unless `insecure`, a per-request deadline, a reply size cap, and
/// redirects followed by dok itself so the API key never reaches another host.
public final class AsyncHTTPTransport: HTTPTransport {
  private let client: HTTPClient
  private let isShutDown = Mutex(false)
  /// Per-request timeout in seconds.
  public let timeout: Double
  /// The largest reply body accepted.
  public let maxReplyBytes: Int
  /// How many redirects are followed before giving up.
  public let maxRedirects: Int

  /// A transport with its own connection pool. Call ``shutdown()`` when done.
  public init(
    insecure: Bool = false, timeout: Double = Connection.defaultTimeout, maxReplyBytes: Int = Connection.defaultMaxReplyBytes,
    maxRedirects: Int = 5
  ) {
    var tls = TLSConfiguration.makeClientConfiguration()
    if insecure { tls.certificateVerification = .none }
    let connect = TimeAmount.milliseconds(Int64(max(0.05, min(timeout, 10)) * 1000))
    var config = HTTPClient.Configuration(
      tlsConfiguration: tls, redirectConfiguration: .disallow,
      timeout: .init(connect: connect, read: nil),
      decompression: .enabled(limit: .ratio(100)))
    config.httpVersion = .automatic
    // dok retries failed connects itself (GET only, see RetryPolicy); the pool must fail fast.
    config.connectionPool.retryConnectionEstablishment = false
    self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: config)
    self.timeout = timeout
    self.maxReplyBytes = maxReplyBytes
    self.maxRedirects = maxRedirects
  }

  /// A transport for a connection's settings.
  public convenience init(connection: Connection) {
    self.init(insecure: connection.insecure, timeout: connection.timeout, maxReplyBytes: connection.maxReplyBytes)
  }

  public func shutdown() async {
    guard markShutDown() else { return }
    try? await client.shutdown()
  }

  /// A transport dropped without ``shutdown()`` still closes its pool (AsyncHTTPClient traps
  /// otherwise); the client keeps itself alive until that completes.
  deinit {
    if markShutDown() { _ = client.shutdown() }
  }

  /// True the first time only.
  private func markShutDown() -> Bool {
    isShutDown.withLock { done in
      defer { done = true }
      return !done
    }
  }

  public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
    var current = request
    var visited: Set<String> = [request.url]
    let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 1000))
    for _ in 0...maxRedirects {
      let response = try await sendOnce(current, deadline: deadline)
      guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("location") else {
        return response
      }
      guard let from = URLParts(current.url) else { return response }
      let target = from.resolve(location)
      guard let to = URLParts(target), to.scheme == "http" || to.scheme == "https" else {
        throw TransportError(.redirect, "\(current.url) redirected to an unusable location '\(location)'")
      }
      if !visited.insert(target).inserted {
        throw TransportError(.redirect, "redirect loop: \(current.url) redirected back to \(target)")
      }
      var next = current
      next.url = target
      if !Self.sameServer(from, to) {
        // Never send the key to another host (or over a downgraded scheme).
        next = next.removingHeader(HTTPRequest.apiKeyHeader)
      }
      if response.status == 303 || ((response.status == 301 || response.status == 302) && current.method == "POST") {
        next.method = "GET"
        next.body = nil
        next = next.removingHeader("content-type")
      }
      current = next
    }
    throw TransportError(.redirect, "too many redirects (more than \(maxRedirects)) starting at \(request.url)")
  }

  /// True when a redirect from `a` to `b` may keep the API key: same host and port, or an
  /// upgrade from http to https on the default ports.
  static func sameServer(_ a: URLParts, _ b: URLParts) -> Bool {
    guard a.host == b.host else { return false }
    if a.scheme == b.scheme { return a.effectivePort == b.effectivePort }
    return a.scheme == "http" && b.scheme == "https" && a.effectivePort == 80 && b.effectivePort == 443
  }

  private func sendOnce(_ request: HTTPRequest, deadline: NIODeadline) async throws(TransportError) -> HTTPResponse {
    let collector = ReplyCollector(maxBytes: maxReplyBytes)
    do {
      var r = try HTTPClient.Request(url: request.url, method: HTTPMethod(rawValue: request.method))
      for (name, value) in request.headers { r.headers.add(name: name, value: value) }
      if let body = request.body { r.body = .bytes(body) }
      // The future-based API: the reply is collected on the event loop and handed over once,
      // one thread switch per call (the streaming API cost several).
      let task = client.execute(request: r, delegate: collector, deadline: deadline)
      let reply = try await withTaskCancellationHandler {
        try await task.futureResult.get()
      } onCancel: {
        task.cancel()
      }
      return HTTPResponse(
        status: Int(reply.head.status.code), headers: reply.head.headers.map { ($0.name, $0.value) },
        body: Array(reply.body.readableBytesView), url: request.url)
    } catch {
      if error is ReplyCollector.TooLarge { throw TransportError(.tooLarge, tooLargeMessage(request.url)) }
      if let e = error as? HTTPClientError, e == .deadlineExceeded, collector.headReceived {
        throw TransportError(
          .timeout, "the reply from \(request.url) did not arrive in full within \(Self.seconds(timeout)) (--timeout)")
      }
      throw classify(error, url: request.url)
    }
  }

  private func tooLargeMessage(_ url: String) -> String {
    "reply from \(url) is larger than the \(Self.describeSize(maxReplyBytes)) limit (--max-reply-size)"
  }

  static func describeSize(_ n: Int) -> String {
    n % (1 << 20) == 0 ? "\(n >> 20) MB" : n % 1024 == 0 ? "\(n >> 10) KB" : "\(n) byte"
  }

  private func classify(_ error: any Error, url: String) -> TransportError {
    if let e = error as? TransportError { return e }
    if error is CancellationError { return TransportError(.cancelled, "request to \(url) cancelled") }
    if error is NIOTooManyBytesError { return TransportError(.tooLarge, tooLargeMessage(url)) }
    if let e = error as? HTTPClientError {
      switch e {
      case .cancelled: return TransportError(.cancelled, "request to \(url) cancelled")
      case .deadlineExceeded, .readTimeout, .writeTimeout:
        return TransportError(.timeout, "no reply from \(url) within \(Self.seconds(timeout)) (--timeout)")
      case .connectTimeout, .getConnectionFromPoolTimeout:
        return TransportError(.connect, "cannot connect to \(url): connect timed out")
      case .tlsHandshakeTimeout: return TransportError(.tls, "TLS handshake with \(url) timed out")
      case .remoteConnectionClosed:
        return TransportError(.other, "\(url) closed the connection before replying")
      default: return TransportError(.other, "request to \(url) failed: \(e.shortDescription)")
      }
    }
    if let e = error as? NIOConnectionError {
      let reason =
        (e.dnsAError != nil || e.dnsAAAAError != nil) && e.connectionErrors.isEmpty
        ? "cannot resolve host" : (e.connectionErrors.first.map { Self.describe($0.error) } ?? "connection failed")
      return TransportError(.connect, "cannot connect to \(url): \(reason)")
    }
    if let e = error as? IOError, e.errnoCode == ECONNRESET || e.errnoCode == EPIPE {
      // Connected, then reset mid-reply: not "cannot connect" (the kind stays .connect so a GET is retried).
      return TransportError(.connect, "\(url) reset the connection before the reply was complete")
    }
    if let e = error as? IOError { return TransportError(.connect, "cannot connect to \(url): \(Self.describe(e))") }
    if let e = error as? HTTPParserError, e == .invalidEOFState {
      return TransportError(.other, "\(url) closed the connection before the whole reply arrived")
    }
    if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
      return TransportError(.tls, Self.tlsMessage(error, url: url))
    }
    if let e = error as? ChannelError, e == .connectTimeout(.zero) || "\(e)".contains("connectTimeout") {
      return TransportError(.connect, "cannot connect to \(url): connect timed out")
    }
    let text = "\(error)"
    if text.contains("connect") || text.contains("Connection refused") {
      return TransportError(.connect, "cannot connect to \(url): \(text)")
    }
    return TransportError(.other, "request to \(url) failed: \(text)")
  }

  /// A short TLS failure message: the BoringSSL reason when there is one.
  static func tlsMessage(_ error: any Error, url: String) -> String {
    let text = "\(error)"
    var message = "TLS handshake with \(url) failed: \(tlsReason(error))"
    if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("ostname") {
      message += " (the server's certificate is not trusted; --insecure skips the check, only for a server you trust)"
    }
    return message
  }

  /// The BoringSSL reason of a TLS failure (`CERTIFICATE_VERIFY_FAILED`), else its description.
  static func tlsReason(_ error: any Error) -> String {
    let text = "\(error)"
    if let r = text.range(of: "OPENSSL_internal:") {
      return String(text[r.upperBound...].prefix { $0 != " " && $0 != "]" && $0 != ")" })
    }
    return text
  }

  private static func describe(_ error: any Error) -> String {
    if let io = error as? IOError {
      switch io.errnoCode {
      case ECONNREFUSED: return "connection refused"
      case ETIMEDOUT: return "connection timed out"
      case EHOSTUNREACH: return "host unreachable"
      case ENETUNREACH: return "network unreachable"
      default: return "\(io)"
      }
    }
    return "\(error)"
  }

  static func seconds(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
  }
}
