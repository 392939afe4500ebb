import DokCore

/// `$1`, `$2`, …: the numbered call results of a session. Only the last ``limit`` are kept
/// (a polling loop stays in bounded memory); an older number is known to have existed.
struct ResultHistory {
  /// How many results are kept (the contract's window).
  static let defaultLimit = 10_000

  let limit: Int
  /// Every result ever recorded (the number the next one gets, minus one).
  private(set) var count = 0
  private var ring: [JSON] = []

  init(limit: Int = ResultHistory.defaultLimit) { self.limit = max(1, limit) }

  /// The lowest number still kept (1 while fewer than ``limit`` results were recorded).
  var firstKept: Int { max(1, count - limit + 1) }

  mutating func append(_ v: JSON) {
    if ring.count < limit {
      ring.append(v)
    } else {
      ring[count % limit] = v
    }
    count += 1
  }

  /// The result numbered `n` (1-based); nil when it was never recorded or is no longer kept.
  func result(_ n: Int) -> JSON? {
    guard n >= firstKept && n <= count else { return nil }
    return ring[(n - 1) % limit]
  }

  /// The kept results, oldest first.
  var kept: [JSON] { (firstKept...max(firstKept, count)).compactMap { count == 0 ? nil : result($0) } }
}
