import DokCore
import Foundation

/// Wall-clock time and sleeping, injectable so tests of waits run in milliseconds.
public protocol ScriptClock: Sendable {
  /// Seconds since 1970, fractional.
  func now() -> Double
  /// Sleeps; throws `CancellationError` promptly when the task is cancelled.
  func sleep(seconds: Double) async throws
  /// True for a clock whose time moves only when someone sleeps (``ManualClock``): it cannot
  /// time a call in flight, so a wait does not cut an attempt short at its deadline.
  var isManual: Bool { get }
}

extension ScriptClock {
  public var isManual: Bool { false }
}

/// The real clock.
public struct SystemClock: ScriptClock {
  /// The system clock.
  public init() {}
  public func now() -> Double { Date().timeIntervalSince1970 }
  public func sleep(seconds: Double) async throws {
    guard seconds > 0 else { try Task.checkCancellation(); return }
    try await Task.sleep(nanoseconds: UInt64(min(seconds, 1e9) * 1_000_000_000))
  }
}
