import Synchronization

/// A ``Catalog``'s procedures: all of them at hand (a parsed document), or records of a cached
/// catalog decoded one at a time on first use and kept (`dok call` decodes one of ~600).
final class CatalogStorage: Sendable {
  /// Every name, sorted.
  let names: [String]
  private let index: [String: Int]
  private let decode: (@Sendable (Int) -> Procedure?)?
  private let state: Mutex<State>

  private struct State {
    var all: [Procedure]?
    var some: [Int: Procedure] = [:]
  }

  /// Procedures at hand, sorted by name.
  init(_ sorted: [Procedure]) {
    names = sorted.map(\.name)
    index = Self.index(names)
    decode = nil
    state = Mutex(State(all: sorted))
  }

  /// Procedures named `names` (sorted), the one at position i decoded by `decode(i)`.
  init(names: [String], decode: @escaping @Sendable (Int) -> Procedure?) {
    self.names = names
    index = Self.index(names)
    self.decode = decode
    state = Mutex(State(all: nil))
  }

  private static func index(_ names: [String]) -> [String: Int] {
    var idx: [String: Int] = [:]
    idx.reserveCapacity(names.count)
    for (i, n) in names.enumerated() { idx[n] = i }
    return idx
  }

  func procedure(named name: String) -> Procedure? {
    guard let i = index[name] else { return nil }
    return state.withLock { s in
      if let all = s.all { return all.count == names.count ? all[i] : all.first { $0.name == name } }
      if let p = s.some[i] { return p }
      let p = decode?(i)
      s.some[i] = p
      return p
    }
  }

  /// Every procedure, decoding what is not decoded yet. The records' checksums were checked
  /// when the catalog was opened, so a record that does not decode is a format error; it is
  /// left out (and so unknown) rather than a crash.
  func all() -> [Procedure] {
    state.withLock { s in
      if let all = s.all { return all }
      let all = names.indices.compactMap { i in s.some[i] ?? decode?(i) }
      s.all = all
      s.some = [:]
      return all
    }
  }
}
