import Synchronization

/// A clock whose time moves only when someone sleeps (or calls ``advance(by:)``): waits and
/// sleeps finish instantly while their timing stays exact. For tests and dry runs.
public final class ManualClock: ScriptClock {
  private let time: Mutex<Double>
  private let log: Mutex<[Double]>

  /// Starts at `start` seconds since 1970.
  public init(start: Double = 1_700_000_000) {
    time = Mutex(start)
    log = Mutex([])
  }

  public func now() -> Double { time.withLock { $0 } }

  public var isManual: Bool { true }

  public func sleep(seconds: Double) async throws {
    try Task.checkCancellation()
    log.withLock { $0.append(seconds) }
    time.withLock { $0 += max(0, seconds) }
    await Task.yield()
    try Task.checkCancellation()
  }

  /// Moves time forward.
  public func advance(by seconds: Double) { time.withLock { $0 += seconds } }

  /// Every sleep so far, in seconds.
  public var sleeps: [Double] { log.withLock { $0 } }
}
