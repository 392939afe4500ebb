/// An insertion-ordered JSON object. Keys are told apart code point by code point (see
/// ``JSONText``): `"é"` and `"e\u{301}"` are two keys.
///
/// Small objects (the common case for API replies) are searched linearly; an index is built
/// once an object grows past a few dozen keys.
public struct JSONObject: Sendable, Hashable {
  @usableFromInline var keysStorage: [String] = []
  @usableFromInline var valuesStorage: [JSON] = []
  @usableFromInline var index: [JSONText.Key: Int]? = nil

  private static let indexThreshold = 24

  /// An empty object.
  public init() {}

  /// Number of members.
  public var count: Int { keysStorage.count }
  /// True when there are no members.
  public var isEmpty: Bool { keysStorage.isEmpty }
  /// Keys in insertion order.
  public var keys: [String] { keysStorage }
  /// Values in key order.
  public var values: [JSON] { valuesStorage }
  /// Members in insertion order.
  public var pairs: Zip2Sequence<[String], [JSON]> { zip(keysStorage, valuesStorage) }

  @inlinable func position(of key: String) -> Int? {
    if let index { return index[JSONText.Key(key)] }
    for i in keysStorage.indices where JSONText.same(keysStorage[i], key) { return i }
    return nil
  }

  /// Reads or writes a member; assigning nil removes it.
  public subscript(key: String) -> JSON? {
    get {
      guard let i = position(of: key) else { return nil }
      return valuesStorage[i]
    }
    set {
      if let i = position(of: key) {
        if let newValue {
          valuesStorage[i] = newValue
        } else {
          keysStorage.remove(at: i)
          valuesStorage.remove(at: i)
          if index != nil { rebuildIndex() }
        }
      } else if let newValue {
        keysStorage.append(key)
        valuesStorage.append(newValue)
        if index != nil {
          index![JSONText.Key(key)] = keysStorage.count - 1
        } else if keysStorage.count > Self.indexThreshold {
          rebuildIndex()
        }
      }
    }
  }

  private mutating func rebuildIndex() {
    var d: [JSONText.Key: Int] = [:]
    d.reserveCapacity(keysStorage.count)
    for (i, k) in keysStorage.enumerated() { d[JSONText.Key(k)] = i }
    index = d
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for (k, v) in lhs.pairs where rhs[k] != v { return false }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    // Order-independent: equal objects with different key order hash alike.
    var acc = 0
    for (k, v) in pairs {
      var h = Hasher()
      JSONText.hash(k, into: &h)
      h.combine(v)
      acc ^= h.finalize()
    }
    hasher.combine(acc)
  }
}
