/// Moving over text without building values: whitespace, and subtrees a caller left out.
///
/// Strings and indentation are scanned eight bytes at a time (SWAR): a word is stepped over
/// whole while it holds no byte that needs a look (a quote, a backslash, a control byte, or for
/// whitespace anything but a space), else the scan jumps straight to the first such byte.
extension JSONParser {
  /// Eight copies of `byte`.
  @inline(__always) static func repeated(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

  /// The high bit of each byte of `w` that is below `n` (n ≤ 128). The lowest flagged byte is
  /// always right (a borrow can only flag bytes above a true match), which is all callers use.
  @inline(__always) static func bytes(below n: UInt8, in w: UInt64) -> UInt64 {
    (w &- repeated(n)) & ~w & repeated(0x80)
  }

  /// The high bit of each byte of `w` equal to `byte` (the lowest flag is exact).
  @inline(__always) static func bytes(equalTo byte: UInt8, in w: UInt64) -> UInt64 {
    bytes(below: 1, in: w ^ repeated(byte))
  }

  @inline(__always) func word(at offset: Int) -> UInt64 {
    // Byte 0 in the low bits on every machine, which the trailing-zero counts rely on.
    UInt64(littleEndian: UnsafeRawPointer(buf.baseAddress! + offset).loadUnaligned(as: UInt64.self))
  }

  @inline(__always) mutating func skipWhitespace() {
    while true {
      // Runs of spaces (indentation) a word at a time: the first byte that is not a space is
      // the lowest nonzero byte of the word XOR eight spaces.
      while pos + 8 <= buf.count {
        let other = word(at: pos) ^ JSONParser.repeated(0x20)
        if other != 0 {
          pos += other.trailingZeroBitCount >> 3
          break
        }
        pos += 8
      }
      guard pos < buf.count else { return }
      let c = buf[pos]
      guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
      pos += 1
    }
  }

  /// Validates and skips one value without building it.
  mutating func skipValue(depth: Int) throws(JSONParseError) {
    guard pos < buf.count else { throw error("expected a value but found end of input") }
    if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    switch buf[pos] {
    case UInt8(ascii: "{"):
      pos += 1
      skipWhitespace()
      if pos < buf.count, buf[pos] == UInt8(ascii: "}") { pos += 1; return }
      while true {
        skipWhitespace()
        guard pos < buf.count, buf[pos] == UInt8(ascii: "\"") else {
          throw error("expected a quoted key but found \(describeByte())")
        }
        let keyStart = pos
        try skipString()
        skipWhitespace()
        guard pos < buf.count, buf[pos] == UInt8(ascii: ":") else {
          // The same words as when building: decode the key now that it is needed.
          let at = pos
          pos = keyStart
          let key = (try? parseString()) ?? ""
          pos = at
          throw error("expected ':' after key \"\(key)\" but found \(describeByte())")
        }
        pos += 1
        skipWhitespace()
        try skipValue(depth: depth + 1)
        skipWhitespace()
        guard pos < buf.count else { throw error("unterminated object: expected ',' or '}'") }
        if buf[pos] == UInt8(ascii: ",") { pos += 1; continue }
        if buf[pos] == UInt8(ascii: "}") { pos += 1; return }
        throw error("expected ',' or '}' in object but found \(describeByte())")
      }
    case UInt8(ascii: "["):
      pos += 1
      skipWhitespace()
      if pos < buf.count, buf[pos] == UInt8(ascii: "]") { pos += 1; return }
      while true {
        skipWhitespace()
        try skipValue(depth: depth + 1)
        skipWhitespace()
        guard pos < buf.count else { throw error("unterminated array: expected ',' or ']'") }
        if buf[pos] == UInt8(ascii: ",") { pos += 1; continue }
        if buf[pos] == UInt8(ascii: "]") { pos += 1; return }
        throw error("expected ',' or ']' in array but found \(describeByte())")
      }
    case UInt8(ascii: "\""): try skipString()
    default: _ = try parseValue(depth: depth)
    }
  }

  mutating func skipString() throws(JSONParseError) {
    let start = pos
    pos += 1
    while true {
      // Jump to the first quote, backslash or control byte of each word (little-endian: the
      // lowest flagged bit is the first such byte).
      while pos + 8 <= buf.count {
        let w = word(at: pos)
        let flags =
          JSONParser.bytes(equalTo: 0x22, in: w) | JSONParser.bytes(equalTo: 0x5C, in: w)
          | JSONParser.bytes(below: 0x20, in: w)
        if flags != 0 {
          pos += flags.trailingZeroBitCount >> 3
          break
        }
        pos += 8
      }
      guard pos < buf.count else { break }
      let c = buf[pos]
      if c == UInt8(ascii: "\"") { pos += 1; return }
      if c == UInt8(ascii: "\\") {
        // Escapes are checked as strictly as when building (they are rare).
        guard pos + 1 < buf.count else { break }
        switch buf[pos + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          pos += 2
        case UInt8(ascii: "u"):
          pos += 2
          _ = try parseHex4()
        case let e:
          throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))' in string")
        }
        continue
      }
      if c < 0x20 { throw error("control character in string") }
      pos += 1
    }
    throw error("unterminated string", at: start)
  }
}
