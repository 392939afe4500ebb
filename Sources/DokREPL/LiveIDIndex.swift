import DokCore

/// IDs seen in results, by key name (`applicationId` → newest first), for completing `…Id=`.
public struct LiveIDIndex: Sendable {
  private var byKey: [String: [String]] = [:]
  /// How many IDs to keep per key.
  public var limit = 50

  public init() {}

  /// Records every string value under a key ending in `Id` anywhere in `value`.
  public mutating func record(_ value: JSON) {
    var found: [(String, String)] = []
    collect(value, depth: 0, into: &found)
    // Later occurrences in one result count as older than earlier ones: insert in reverse.
    for (k, v) in found.reversed() { insert(key: k, id: v) }
  }

  private mutating func insert(key: String, id: String) {
    var list = byKey[key, default: []]
    list.removeAll { $0 == id }
    list.insert(id, at: 0)
    if list.count > limit { list.removeLast(list.count - limit) }
    byKey[key] = list
  }

  private func collect(_ v: JSON, depth: Int, into out: inout [(String, String)]) {
    guard depth < 32 else { return }
    switch v {
    case .object(let o):
      for (k, e) in o.pairs {
        if case .string(let s) = e, k.hasSuffix("Id"), !s.isEmpty { out.append((k, s)) }
        collect(e, depth: depth + 1, into: &out)
      }
    case .array(let a):
      for e in a { collect(e, depth: depth + 1, into: &out) }
    default: break
    }
  }

  /// IDs by key, newest first.
  public var all: [String: [String]] { byKey }
}
