/// `application/x-www-form-urlencoded` query strings.
enum QueryString {
  /// Decoded `key=value` pairs in order (`+` is a space, `%XX` a byte).
  static func pairs(_ query: String) -> [(String, String)] {
    var out: [(String, String)] = []
    for part in query.split(separator: "&", omittingEmptySubsequences: true) {
      if let eq = part.firstIndex(of: "=") {
        out.append((decode(part[..<eq]), decode(part[part.index(after: eq)...])))
      } else {
        out.append((decode(part), ""))
      }
    }
    return out
  }

  /// Percent-decodes one component.
  static func decode(_ s: Substring) -> String {
    guard s.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(s) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(s.utf8.count)
    var it = Array(s.utf8)[...]
    while let c = it.popFirst() {
      if c == UInt8(ascii: "+") {
        bytes.append(0x20)
      } else if c == UInt8(ascii: "%"), it.count >= 2, let h = hex(it[it.startIndex]), let l = hex(it[it.startIndex + 1]) {
        bytes.append(h << 4 | l)
        it = it.dropFirst(2)
      } else {
        bytes.append(c)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hex(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c - 48
    case UInt8(ascii: "a")...UInt8(ascii: "f"): c - 87
    case UInt8(ascii: "A")...UInt8(ascii: "F"): c - 55
    default: nil
    }
  }
}
