import Synchronization

/// A ``LineSplitter`` shared between a WebSocket's frame handler and its owner.
final class LockedSplitter: Sendable {
  private let state = Mutex((splitter: LineSplitter(), fed: 0, emitted: 0))

  /// How many chunks were fed so far.
  var fed: Int { state.withLock { $0.fed } }

  /// Counts one more line and says whether it is within `limit`.
  func count(upTo limit: Int) -> Bool {
    state.withLock { s in
      guard s.emitted < limit else { return false }
      s.emitted += 1
      return true
    }
  }

  /// True once `limit` lines were counted.
  func reached(_ limit: Int) -> Bool { state.withLock { $0.emitted >= limit } }

  func feed(_ text: String) -> [String] {
    state.withLock { s in
      s.fed += 1
      return s.splitter.feed(text)
    }
  }
}
