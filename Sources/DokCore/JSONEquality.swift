/// Equality of JSON values: deep, and for strings code point by code point. Swift's `String ==`
/// treats canonically equivalent texts as equal (`"é" == "e\u{301}"`); JSON does not, so neither
/// do values, object keys, `Set<JSON>` or dictionaries keyed by them.
extension JSON {
  public static func == (lhs: JSON, rhs: JSON) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): JSONText.same(a, b)
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a == b
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .number(let n): hasher.combine(n)
    case .string(let s): JSONText.hash(s, into: &hasher)
    case .array(let a): hasher.combine(a)
    case .object(let o): hasher.combine(o)
    }
  }
}

/// Texts compared as JSON compares them: by their code points (the same as by UTF-8 bytes).
public enum JSONText {
  /// True when `a` and `b` have the same code points. (`String ==` is true for them then, and
  /// fast when it is false; only a match is checked byte by byte.)
  @inlinable
  public static func same(_ a: String, _ b: String) -> Bool {
    a == b && a.utf8.elementsEqual(b.utf8)
  }

  /// Code point order (the same as UTF-8 byte order): `-1`, `0` or `1`.
  public static func order(_ a: String, _ b: String) -> Int {
    var i = a.utf8.makeIterator(), j = b.utf8.makeIterator()
    while true {
      switch (i.next(), j.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let x?, let y?) where x != y: return x < y ? -1 : 1
      default: continue
      }
    }
  }

  /// Hashes `s` by its code points (its UTF-8 bytes).
  public static func hash(_ s: String, into hasher: inout Hasher) {
    var text = s
    text.withUTF8 { bytes in
      hasher.combine(bytes.count)
      hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
    }
  }

  /// A dictionary key that keeps canonically equivalent texts apart.
  public struct Key: Hashable, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }
    public static func == (l: Key, r: Key) -> Bool { JSONText.same(l.text, r.text) }
    public func hash(into hasher: inout Hasher) { JSONText.hash(text, into: &hasher) }
  }
}
