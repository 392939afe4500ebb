import DokCore
import DokSpec
import Synchronization

/// Something that happened while a call was sent (for `--verbose`; the library never prints).
public enum SessionEvent: Sendable {
  /// A request is about to be sent (headers include the key: print ``HTTPRequest/redactedHeaders``).
  case request(HTTPRequest, attempt: Int)
  /// A reply arrived after `seconds`.
  case response(HTTPRequest, HTTPResponse, seconds: Double)
  /// No reply: a transport failure after `seconds`.
  case failure(HTTPRequest, TransportError, seconds: Double)
  /// The request will be sent again after `delay` seconds.
  case retry(HTTPRequest, attempt: Int, delay: Double, reason: String)
}

/// A connection to one server: binds arguments by the catalog, sends calls in the configured
/// wire form, decodes replies and retries GETs. One session = one connection pool; call
/// ``shutdown()`` when done.
public final class DokSession: Sendable {
  public let connection: Connection
  public let transport: any HTTPTransport
  public let retry: RetryPolicy
  /// When false (`--no-validate`), arguments are sent without checking names and required ones.
  public let validate: Bool
  private let observer: (@Sendable (SessionEvent) -> Void)?
  private let state: Mutex<(catalog: Catalog?, last: HTTPRequest?, wireForm: WireForm)>
  private let refresherSlot = Mutex<(any DocumentRefresher)?>(nil)

  /// A session over `transport` (the production one is built from `connection` when nil).
  public init(
    connection: Connection, catalog: Catalog? = nil, transport: (any HTTPTransport)? = nil, retry: RetryPolicy = RetryPolicy(),
    validate: Bool = true, observer: (@Sendable (SessionEvent) -> Void)? = nil
  ) {
    self.connection = connection
    self.transport = transport ?? AsyncHTTPTransport(connection: connection)
    self.retry = retry
    self.validate = validate
    self.observer = observer
    state = Mutex((catalog, nil, connection.transport))
  }

  /// The wire form requests are built in; starts as the connection's, and a REPL's
  /// `:set transport` changes it for the calls that follow (same pool, same observer).
  public var wireForm: WireForm {
    get { state.withLock { $0.wireForm } }
    set { state.withLock { $0.wireForm = newValue } }
  }

  private var requestBuilder: RequestBuilder {
    var c = connection
    c.transport = wireForm
    return RequestBuilder(connection: c)
  }

  /// The catalog calls are bound against (set by the owner once the spec is loaded).
  public var catalog: Catalog? {
    get { state.withLock { $0.catalog } }
    set { state.withLock { $0.catalog = newValue } }
  }

  /// Asked after a failed call whether the document looks stale (nil: never; the sandbox and
  /// `--spec FILE` need none). Its note is added to the error's hints.
  public var refresher: (any DocumentRefresher)? {
    get { refresherSlot.withLock { $0 } }
    set { refresherSlot.withLock { $0 = newValue } }
  }

  /// The last request sent or prepared (for a REPL `:curl`). Holds the key: render it with
  /// ``CurlRenderer``, never print it directly.
  public var lastRequest: HTTPRequest? { state.withLock { $0.last } }

  /// Closes the connection pool.
  public func shutdown() async { await transport.shutdown() }

  /// Calls `procedure` with `arguments`: binds them by the schema (an argument error sends
  /// nothing), sends, retries a GET when allowed, and decodes the reply.
  public func call(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await call(procedure: procedure, arguments: arguments, retry: nil)
  }

  /// ``call(procedure:arguments:)`` with `retry` in place of the session's policy.
  public func call(procedure: String, arguments: [CallArgument], retry: RetryPolicy?) async throws(CallError) -> JSON {
    let request = try prepare(procedure: procedure, arguments: arguments)
    do {
      return try await send(request, procedure: procedure, retry: retry)
    } catch {
      guard let refresher, let note = await refresher.refresh(self, after: error) else { throw error }
      var e = error
      e.hints.append(note + "; check the call against it and run it again")
      throw e
    }
  }

  /// One attempt of a call, never retried here: a `wait` makes these and retries on its own
  /// schedule (one attempt per `every`).
  public func poll(procedure: String, arguments: [CallArgument]) async throws(CallError) -> JSON {
    try await call(procedure: procedure, arguments: arguments, retry: RetryPolicy.none)
  }

  /// The request a call would send, without sending it (for `--curl`).
  public func prepare(procedure: String, arguments: [CallArgument]) throws(CallError) -> HTTPRequest {
    let proc = try lookUp(procedure)
    let input = try ArgumentBinder(validate: validate).bind(arguments, to: proc)
    let request = requestBuilder.request(for: proc, input: input)
    state.withLock { $0.last = request }
    return request
  }

  /// Calls a procedure by name and method without a catalog (used to fetch the spec and to
  /// verify a key at login). `retry` overrides the session's policy.
  public func callRaw(name: String, method: String, input: JSONObject = JSONObject(), retry: RetryPolicy? = nil)
    async throws(CallError)
    -> JSON
  {
    let request = requestBuilder.request(name: name, method: method, input: input)
    return try await send(request, procedure: name, retry: retry)
  }

  private func lookUp(_ name: String) throws(CallError) -> Procedure {
    guard let catalog else {
      throw CallError(kind: .argument, procedure: name, message: "no API document loaded")
    }
    guard let proc = catalog.procedure(named: name) else {
      let close = catalog.suggestions(for: name)
      throw CallError(
        kind: .argument, procedure: nil, message: "unknown procedure '\(name)'",
        hints: Suggest.didYouMean(close).map { [$0] } ?? [])
    }
    return proc
  }

  /// Sends a built request with retries and decodes the reply.
  public func send(_ request: HTTPRequest, procedure: String?, retry: RetryPolicy? = nil) async throws(CallError) -> JSON {
    let response: HTTPResponse
    do {
      response = try await exchange(request, retry: retry)
    } catch {
      var e = error
      e.procedure = procedure
      throw e
    }
    do {
      return try ReplyDecoder.decode(response, procedure: procedure)
    } catch  where error.httpStatus == 401 && (connection.apiKey ?? "").isEmpty {
      // No key was given: the hint about a wrong key would mislead.
      var e = error
      e.hints = e.hints.filter { $0 != ReplyDecoder.unauthorizedHint } + [Self.noKeyHint]
      throw e
    }
  }

  /// The hint on a 401 when no key was sent at all.
  public static let noKeyHint =
    "no API key was sent: pass --api-key, set DOKPLOY_API_KEY, or save one with dok login --url URL"

  /// Sends with retries and returns the raw final reply (transport failures become `CallError`s).
  public func exchange(_ request: HTTPRequest, retry: RetryPolicy? = nil) async throws(CallError) -> HTTPResponse {
    let retry = retry ?? self.retry
    var attempt = 0
    let clock = ContinuousClock()
    while true {
      observer?(.request(request, attempt: attempt))
      let start = clock.now
      var response: HTTPResponse? = nil
      var failure: TransportError? = nil
      do {
        response = try await transport.send(request)
      } catch {
        failure = error
      }
      let seconds = Self.seconds(clock.now - start)
      if let response { observer?(.response(request, response, seconds: seconds)) }
      if let failure { observer?(.failure(request, failure, seconds: seconds)) }
      attempt += 1
      if failure?.kind != .cancelled, !Task.isCancelled,
        let delay = retry.delay(method: request.method, attempt: attempt, response: response, failure: failure)
      {
        let reason = failure.map { $0.message } ?? "HTTP \(response?.status ?? 0)"
        observer?(.retry(request, attempt: attempt, delay: delay, reason: reason))
        do {
          try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
        } catch {
          throw CallError(kind: .transport, message: "request to \(request.url) cancelled")
        }
        continue
      }
      if let failure { throw CallError(kind: .transport, message: failure.message) }
      return response!
    }
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }
}
