/// When a call is sent again: GET only, on a connect failure or a 429/502/503/504 reply, at most
/// `maxRetries` times, waiting `Retry-After` seconds (capped) when the server says so.
/// A POST is never retried (it may have taken effect).
public struct RetryPolicy: Sendable, Equatable {
  /// Retries after the first attempt.
  public var maxRetries: Int
  /// The longest `Retry-After` honoured, in seconds.
  public var retryAfterCap: Double
  /// Waits before retry 1, 2, … when the server gives no `Retry-After`.
  public var backoff: [Double]
  /// Statuses that are retried.
  public var statuses: Set<Int>

  public init(
    maxRetries: Int = 2, retryAfterCap: Double = 10, backoff: [Double] = [0.25, 0.75], statuses: Set<Int> = [429, 502, 503, 504]
  ) {
    self.maxRetries = maxRetries
    self.retryAfterCap = retryAfterCap
    self.backoff = backoff
    self.statuses = statuses
  }

  /// No retries.
  public static let none = RetryPolicy(maxRetries: 0)

  /// The wait before retry number `attempt` (1-based) after `response`, or nil when not retried.
  public func delay(method: String, attempt: Int, response: HTTPResponse?, failure: TransportError?) -> Double? {
    guard method == "GET", attempt <= maxRetries else { return nil }
    let fallback = backoff.isEmpty ? 0 : backoff[min(attempt - 1, backoff.count - 1)]
    if let failure { return failure.kind == .connect ? fallback : nil }
    guard let response, statuses.contains(response.status) else { return nil }
    if let ra = response.header("retry-after").flatMap({ Double($0.trimming()) }), ra >= 0 {
      return min(ra, retryAfterCap)
    }
    return fallback
  }
}
